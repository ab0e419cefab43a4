"""Rush hours: when scans come faster than a set pace, nag less.

A queue at the counter is the worst time for a long conversation. When the till has seen
at least `scans_per_minute` scans in the last minute, the order being rung up is a rush
order: it gets only its single highest-ranked prompt. The meter is fed the till's clock, so
scripts and tests replay it exactly.
"""

from __future__ import annotations

import datetime as dt
from collections import deque

WINDOW = dt.timedelta(minutes=1)


class PaceMeter:
    """Counts the till's scans over the last minute."""

    def __init__(self, scans_per_minute: int) -> None:
        self.scans_per_minute = scans_per_minute
        self._times: deque[dt.datetime] = deque()

    @property
    def enabled(self) -> bool:
        return self.scans_per_minute > 0

    def record(self, now: dt.datetime) -> bool:
        """Note a scan at `now`; True when the pace is at or above the rush threshold."""
        if not self.enabled:
            return False
        self._times.append(now)
        while self._times and now - self._times[0] >= WINDOW:
            self._times.popleft()
        return len(self._times) >= self.scans_per_minute

    def scans_last_minute(self) -> int:
        return len(self._times)
