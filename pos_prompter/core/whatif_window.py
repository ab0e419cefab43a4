"""The past a what-if replays: the paid orders of the last N days up to now (`Window`),
and how many days may be asked for.

Apart from the replay (core.whatif, which needs the engine and lint): the command line's
parser and the store's reading of past orders need this alone
(tests/cli/test_cli_command_start.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pos_prompter.core.said import QT_TRANSLATE_NOOP

DEFAULT_DAYS = 90
MAX_DAYS = 3660
"""Ten years: a longer window is a typo (and would not fit a date)."""


@dataclass(frozen=True, slots=True)
class Window:
    """The paid orders replayed: those closed from `since` up to `until` (now), N days."""

    days: int
    since: dt.datetime
    until: dt.datetime

    @classmethod
    def last_days(cls, days: int, now: dt.datetime) -> Window:
        """The last `days` days up to `now` (today, as a manager reads "the last 90
        days"), not up to the newest paid order."""
        if not 1 <= days <= MAX_DAYS:
            raise ValueError(QT_TRANSLATE_NOOP("whatif", "days must be 1 to {most}, not {days}")
                             .format(most=MAX_DAYS, days=days))
        now = now.replace(microsecond=0)
        return cls(days, now - dt.timedelta(days=days), now)
