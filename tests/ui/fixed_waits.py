"""The only fixed waits the UI tests keep, each named for why it cannot await a signal or a
condition (issue 12, point 5). Everything else waits with `qtbot.waitUntil` or
`qtbot.waitSignal`."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot


def assert_stays(qtbot: QtBot, condition: Callable[[], object], ms: int,
                 message: str = "") -> None:
    """Run the event loop for `ms` and assert `condition` holds before and after.

    A fixed wait on purpose: the test proves that something does NOT happen (a card under
    a window is not counted as seen, no third delivery comes), and no signal or condition
    marks a thing that does not happen; `ms` is ample time for it to happen had it been
    going to."""
    assert condition(), message
    qtbot.wait(ms)
    assert condition(), message


def let_time_pass(qtbot: QtBot, ms: int) -> None:
    """Run the event loop for `ms` of real time.

    A fixed wait on purpose, where time itself is the input: keys typed by a person are
    told from a scanner's by the time between them (events that the window system stamps
    with the clock), so the test must let that time pass."""
    qtbot.wait(ms)
