"""Issue 13, point 5 on a real X server: xdotool presses F9 twice, as a clerk's finger does,
into the real till window (Xvfb, the xcb platform, a process of its own), and only the
prompt that was on screen long enough to be read out is accepted; a barcode typed at scanner
speed while a prompt waits still rings up. What happened is read from the store file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tillwin_helpers import COOKIE, LATTE_TALL, prompt_log, stored_lines
from xserver_support import TillOnX, XServer, missing_tools

from pos_prompter.bootstrap import init_store
from pos_prompter.ui.answer_gate import ANSWER_DELAY_MS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(missing_tools()), reason="needs Xvfb and xdotool "
                       "(packaging/run.sh installs them)"),
]
WAIT_MS = 20_000


@pytest.fixture
def till_on_x(tmp_path: Path, qtbot: QtBot) -> Iterator[tuple[TillOnX, Path]]:
    """The cafe demo's till on a fresh Xvfb, shown, with the keyboard in its scan field."""
    path = tmp_path / "store.db"
    init_store(path, demo="cafe").close()
    server = XServer()
    till = TillOnX(server, path)
    try:
        qtbot.waitUntil(lambda: till.said("window"), timeout=WAIT_MS)
        till.focus()
        qtbot.waitUntil(lambda: till.said("ready"), timeout=WAIT_MS)
        yield till, path
    finally:
        log = till.stop()
        server.stop()
    assert "Traceback" not in log, log


def answers(path: Path) -> list[tuple[str, str]]:
    return [(rule, status) for rule, status in prompt_log(path) if status != "shown"]


def test_f9_twice_on_x_accepts_only_the_prompt_read_out(
        qtbot: QtBot, till_on_x: tuple[TillOnX, Path]) -> None:
    till, path = till_on_x
    till.type_text(LATTE_TALL)
    qtbot.waitUntil(lambda: till.said("answerable coffee-size-up"), timeout=WAIT_MS)

    till.keys("F9", "F9", every_ms=120)  # a double press
    # The next prompt opens ANSWER_DELAY_MS after it appeared: by then the second F9,
    # sent 120 ms after the first, has long been handled (X delivers keys in order).
    qtbot.waitUntil(lambda: till.said("answerable breakfast-croissant"), timeout=WAIT_MS)
    assert ANSWER_DELAY_MS > 120
    assert answers(path) == [("coffee-size-up", "accepted")]
    assert stored_lines(path) == ["LATTE-G"], "no croissant the customer never heard of"

    till.keys("F9")  # read out: now it counts
    qtbot.waitUntil(lambda: till.said("accepted breakfast-croissant"), timeout=WAIT_MS)
    assert answers(path) == [("coffee-size-up", "accepted"),
                             ("breakfast-croissant", "accepted")]


def test_a_scan_on_x_while_a_prompt_waits_rings_up_at_once(
        qtbot: QtBot, till_on_x: tuple[TillOnX, Path]) -> None:
    till, path = till_on_x
    till.type_text(LATTE_TALL)
    qtbot.waitUntil(lambda: till.said("shown coffee-size-up"), timeout=WAIT_MS)
    till.type_text(COOKIE)  # at scanner speed, well inside the delay
    qtbot.waitUntil(lambda: till.said("lines 2"), timeout=WAIT_MS)
    assert stored_lines(path) == ["LATTE-T", "COOKIE-OAT"]
    assert answers(path) == [("coffee-size-up", "ignored")]
    opened = [at for at, line in enumerate(till.lines) if line.startswith("answerable")]
    assert all(at > till.lines.index("lines 2") for at in opened), \
        "the scan rang up while the prompt took no answers yet"
