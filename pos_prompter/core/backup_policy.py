"""When the till backs its store up, and which automatic backups it keeps (issue 11).

Pure rules over names and times: the files themselves are pos_prompter.store.backup's.
An automatic backup is `NAME-YYYYmmdd-HHMMSS.db` in the folder `NAME.backups` beside the
store `NAME.db`, the time being when its copy began (local time, as on the till's clock).

Rotation keeps a week (the setting `backup_keep_days`) without keeping every copy of it:
a 100 MB store backed up every 30 minutes for a week would be 33 GB. Kept are: every
backup of the last hour, the newest of each hour of the last day, the newest of each day
of the last `backup_keep_days` days, and always the newest of all (a till switched off for
a month still has its last backup). Everything older goes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

BACKUP_EVERY_MINUTES = "backup_every_minutes"
BACKUP_KEEP_DAYS = "backup_keep_days"
DEFAULT_EVERY_MINUTES = 30
DEFAULT_KEEP_DAYS = 7
LIMITS = {BACKUP_EVERY_MINUTES: (5, 24 * 60), BACKUP_KEEP_DAYS: (1, 366)}
"""The smallest and largest value of each setting."""

STAMP = "%Y%m%d-%H%M%S"
_STAMPED = re.compile(r"-(\d{8}-\d{6})(?:-\d+)?\.db$")


def parse_backup_setting(key: str, text: str) -> int | None:
    """A backup setting's value from `text`; None when it is not a whole number in range."""
    low, high = LIMITS[key]
    text = text.strip()
    if not re.fullmatch(r"[0-9]{1,5}", text) or not low <= int(text) <= high:
        return None
    return int(text)


def setting_value(key: str, stored: object) -> int:
    """The setting as kept in the store (None or anything odd: its default)."""
    low, high = LIMITS[key]
    if isinstance(stored, int) and not isinstance(stored, bool) and low <= stored <= high:
        return stored
    return DEFAULT_EVERY_MINUTES if key == BACKUP_EVERY_MINUTES else DEFAULT_KEEP_DAYS


def stamp_of(name: str) -> dt.datetime | None:
    """When the backup named `name` was taken, from its name; None for another file."""
    match = _STAMPED.search(name)
    if match is None:
        return None
    try:
        return dt.datetime.strptime(match.group(1), STAMP)
    except ValueError:
        return None


def to_remove(stamps: Iterable[dt.datetime], now: dt.datetime, keep_days: int
              ) -> set[dt.datetime]:
    """Of the backups taken at `stamps`, those rotation removes at `now` (see the module)."""
    ordered = sorted(set(stamps), reverse=True)
    keep: set[dt.datetime] = set(ordered[:1])
    seen_hours: set[dt.datetime] = set()
    seen_days: set[dt.date] = set()
    for stamp in ordered:
        age = now - stamp
        hour = stamp.replace(minute=0, second=0, microsecond=0)
        recent = age <= dt.timedelta(hours=1)
        hourly = age <= dt.timedelta(days=1) and hour not in seen_hours
        daily = age <= dt.timedelta(days=keep_days) and stamp.date() not in seen_days
        if recent or hourly or daily:
            keep.add(stamp)
        seen_hours.add(hour)
        seen_days.add(stamp.date())
    return set(ordered) - keep
