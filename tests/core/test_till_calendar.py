"""core.till_calendar: the times a scan script or a scenario may give."""

from __future__ import annotations

import datetime as dt

import pytest

from pos_prompter.core.till_calendar import outside_calendar


@pytest.mark.parametrize(("when", "refused"), [
    (dt.datetime(2026, 11, 23, 8, 0), False), (dt.datetime(2000, 1, 1), False),
    (dt.datetime(1999, 12, 31, 23, 59), True), (dt.datetime(2999, 12, 31, 23, 59), False),
    (dt.datetime(3000, 1, 1), True), (dt.datetime(1, 1, 1), True)])
def test_a_till_time_must_be_on_the_tills_calendar(when: dt.datetime, refused: bool) -> None:
    reason = outside_calendar(when)
    assert (reason is not None) == refused
    if refused:
        assert reason == "is outside the till's calendar (2000-01-01 to 2999-12-31)"
