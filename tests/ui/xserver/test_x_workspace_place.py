"""Issue 13, point 2 on a real X server (Xvfb, the xcb platform), and on Qt's offscreen
platform with a screen of the same size: where the manager's workspace opens beside the
till. At 1280x800 the two stand side by side, each whole on the screen; at 1024x768 too,
the till narrower, its card under its order (till_screen.py's NARROW_WIDTH), the workspace
whole at its narrowest. At 800x600 the narrow till and the workspace do not both fit: the
till goes compact (till_screen.set_compact) and both are side by side again, each whole
across the screen. Under that (700 px) the workspace's left part goes off the screen. On
every one it covers neither the clerk's order nor the prompt card (window_place.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from xserver_support import OffscreenScreen, TillOnX, XServer, missing_tools

from pos_prompter.bootstrap import init_store

pytestmark = pytest.mark.slow
on_x = pytest.mark.skipif(bool(missing_tools()), reason="needs Xvfb and xdotool "
                          "(packaging/run.sh installs them)")
WAIT_MS = 20_000

Rect = tuple[int, int, int, int]


def placed(qtbot: QtBot, tmp_path: Path, size: str,
           offscreen: bool = False) -> dict[str, Rect]:
    """Open the till and the workspace on an X screen of `size` (or an offscreen one);
    where each one went, and "compact" (0, 0, 0, 0) if the till went compact."""
    path = tmp_path / "store.db"
    init_store(path, demo="cafe").close()
    server = OffscreenScreen(size, tmp_path) if offscreen else XServer(size)
    till = TillOnX(server, path, script="workspace_place_on_x.py")
    try:
        qtbot.waitUntil(lambda: till.said("placed"), timeout=WAIT_MS)
        rects: dict[str, Rect] = {}
        for line in till.saying("geometry "):
            what, *numbers = line.split()[1:]
            x, y, w, h = (int(n) for n in numbers)
            rects[what] = (x, y, w, h)
        if till.said("compact True"):
            rects["compact"] = (0, 0, 0, 0)
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


def across(screen: Rect, rect: Rect) -> bool:
    """Whole across the screen (from its left edge to its right), from its top."""
    return rect[0] >= screen[0] and right(rect) <= right(screen) and rect[1] == screen[1]


def never_over_the_till(rects: dict[str, Rect]) -> None:
    workspace = rects["workspace"]
    assert right(workspace) <= rects["order"][0], "the workspace covers the clerk's order"
    assert right(workspace) <= rects["card"][0], "the workspace covers the prompt card"
    assert right(workspace) <= rects["till"][0], "the workspace lies over the till"


@on_x
def test_at_1280x800_the_workspace_and_the_till_stand_side_by_side(
        qtbot: QtBot, tmp_path: Path) -> None:
    rects = placed(qtbot, tmp_path, "1280x800")
    screen, till, workspace = rects["screen"], rects["till"], rects["workspace"]
    assert screen[2:] == (1280, 800)
    never_over_the_till(rects)
    assert whole_on(screen, till)
    assert whole_on(screen, workspace), "the workspace's left part is off the screen"
    assert till[2] >= 800, "the till keeps the width its order and card need"
    assert workspace[2] >= 470, "the workspace has room to be worked in"
    assert rects["order"][2] >= 300, "the order's columns have room"
    assert "compact" not in rects


@pytest.mark.parametrize("offscreen", [pytest.param(False, marks=on_x), True],
                         ids=["xvfb", "offscreen"])
def test_at_1024x768_the_workspace_and_the_narrower_till_stand_side_by_side(
        qtbot: QtBot, tmp_path: Path, offscreen: bool) -> None:
    rects = placed(qtbot, tmp_path, "1024x768", offscreen)
    screen, till, workspace = rects["screen"], rects["till"], rects["workspace"]
    order, card = rects["order"], rects["card"]
    assert screen[2:] == (1024, 768)
    never_over_the_till(rects)
    assert whole_on(screen, till), "the till is pushed off the screen"
    assert whole_on(screen, workspace), "the workspace's left part is off the screen"
    assert workspace[1] == screen[1]
    assert workspace[3] == screen[3], "the workspace takes the screen's height"
    assert workspace[2] >= 400, "the workspace has room to be worked in"
    assert card[1] >= order[1] + order[3], "the card stands under the order"
    assert order[2] >= 400, "the order's columns have room"
    assert "compact" not in rects, "a narrow till fits beside the workspace here"


@pytest.mark.parametrize("offscreen", [pytest.param(False, marks=on_x), True],
                         ids=["xvfb", "offscreen"])
def test_at_800x600_the_till_goes_compact_beside_the_whole_workspace(
        qtbot: QtBot, tmp_path: Path, offscreen: bool) -> None:
    rects = placed(qtbot, tmp_path, "800x600", offscreen)
    screen, till, workspace = rects["screen"], rects["till"], rects["workspace"]
    order, card = rects["order"], rects["card"]
    assert screen[2:] == (800, 600)
    assert "compact" in rects
    never_over_the_till(rects)
    assert across(screen, till), "the till is pushed off the screen"
    assert across(screen, workspace), "the workspace's left part is off the screen"
    assert workspace[2] >= 400, "the workspace has room to be worked in"
    assert card[1] >= order[1] + order[3], "the card stands under the order"
    assert order[2] >= 300, "the order's columns have room"
    assert card[1] + 60 <= screen[1] + screen[3], "the total is in sight"


@on_x
def test_at_700x600_the_workspace_goes_off_the_screen_rather_than_over_the_till(
        qtbot: QtBot, tmp_path: Path) -> None:
    rects = placed(qtbot, tmp_path, "700x600")
    screen, till, workspace = rects["screen"], rects["till"], rects["workspace"]
    assert "compact" in rects
    never_over_the_till(rects)
    assert across(screen, till), "the till is pushed off the screen"
    assert right(workspace) > 200, "some of the workspace is in sight"
