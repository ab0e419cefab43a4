"""core.whatif_window: the past a what-if replays."""

from __future__ import annotations

import datetime as dt

import pytest

from pos_prompter.core.whatif_window import MAX_DAYS, Window


def test_the_window_is_the_last_days_up_to_now() -> None:
    now = dt.datetime(2026, 11, 23, 8, 15, 30, 999)
    window = Window.last_days(90, now)
    assert window.until == now.replace(microsecond=0)
    assert window.since == dt.datetime(2026, 8, 25, 8, 15, 30)
    with pytest.raises(ValueError, match="days must be 1 to"):
        Window.last_days(0, now)


def test_the_window_takes_up_to_ten_years() -> None:
    now = dt.datetime(2026, 11, 23, 8, 15)
    assert Window.last_days(MAX_DAYS, now).days == MAX_DAYS
    with pytest.raises(ValueError, match=f"days must be 1 to {MAX_DAYS}, not {MAX_DAYS + 1}"):
        Window.last_days(MAX_DAYS + 1, now)
