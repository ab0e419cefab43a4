"""Issue 13, point 2 on a real X server (Xvfb, the xcb platform): where the manager's
workspace opens beside the till. At 1280x800 the two stand side by side, each whole on the
screen; at 1024x768 too, the till narrower, its card under its order (till_screen.py's
NARROW_WIDTH), the workspace whole at its narrowest. On both, it covers neither the clerk's
order nor the prompt card (window_place.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from xserver_support import TillOnX, XServer, missing_tools

from pos_prompter.bootstrap import init_store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(missing_tools()), reason="needs Xvfb and xdotool "
                       "(packaging/run.sh installs them)"),
]
WAIT_MS = 20_000

Rect = tuple[int, int, int, int]


def placed(qtbot: QtBot, tmp_path: Path, size: str) -> dict[str, Rect]:
    """Open the till and the workspace on an X screen of `size`; where each one went."""
    path = tmp_path / "store.db"
    init_store(path, demo="cafe").close()
    server = XServer(size)
    till = TillOnX(server, path, script="workspace_place_on_x.py")
    try:
        qtbot.waitUntil(lambda: till.said("placed"), timeout=WAIT_MS)
        rects: dict[str, Rect] = {}
        for line in till.saying("geometry "):
            what, *numbers = line.split()[1:]
            x, y, w, h = (int(n) for n in numbers)
            rects[what] = (x, y, w, h)
    finally:
        log = till.stop()
        server.stop()
    assert "Traceback" not in log, log
    return rects


def right(rect: Rect) -> int:
    return rect[0] + rect[2]


def whole_on(screen: Rect, rect: Rect) -> bool:
    return (rect[0] >= screen[0] and rect[1] >= screen[1] and right(rect) <= right(screen)
            and rect[1] + rect[3] <= screen[1] + screen[3])


def test_at_1280x800_the_workspace_and_the_till_stand_side_by_side(
        qtbot: QtBot, tmp_path: Path) -> None:
    rects = placed(qtbot, tmp_path, "1280x800")
    screen, till, workspace = rects["screen"], rects["till"], rects["workspace"]
    assert screen[2:] == (1280, 800)
    assert right(workspace) <= rects["order"][0], "the workspace covers the clerk's order"
    assert right(workspace) <= rects["card"][0], "the workspace covers the prompt card"
    assert right(workspace) <= till[0], "the workspace lies over the till"
    assert whole_on(screen, till)
    assert whole_on(screen, workspace), "the workspace's left part is off the screen"
    assert till[2] >= 800, "the till keeps the width its order and card need"
    assert workspace[2] >= 470, "the workspace has room to be worked in"
    assert rects["order"][2] >= 300, "the order's columns have room"


def test_at_1024x768_the_workspace_and_the_narrower_till_stand_side_by_side(
        qtbot: QtBot, tmp_path: Path) -> None:
    rects = placed(qtbot, tmp_path, "1024x768")
    screen, till, workspace = rects["screen"], rects["till"], rects["workspace"]
    order, card = rects["order"], rects["card"]
    assert screen[2:] == (1024, 768)
    assert right(workspace) <= order[0], "the workspace covers the clerk's order"
    assert right(workspace) <= card[0], "the workspace covers the prompt card"
    assert right(workspace) <= till[0], "the workspace lies over the till"
    assert whole_on(screen, till), "the till is pushed off the screen"
    assert whole_on(screen, workspace), "the workspace's left part is off the screen"
    assert workspace[1] == screen[1]
    assert workspace[3] == screen[3], "the workspace takes the screen's height"
    assert workspace[2] >= 400, "the workspace has room to be worked in"
    assert card[1] >= order[1] + order[3], "the card stands under the order"
    assert order[2] >= 400, "the order's columns have room"
