"""The till's calendar: the times a file may give (a scan script's or a scenario's `time`).

Apart from the bounds on a file's shape (core.data_limits, which needs PyYAML): the scan
scripts' reader and the command line's parser need this alone
(tests/cli/test_cli_command_start.py).
"""

from __future__ import annotations

import datetime as dt

from pos_prompter.core.said import QT_TRANSLATE_NOOP

EARLIEST = dt.datetime(2000, 1, 1)
LATEST = dt.datetime(2999, 12, 31, 23, 59)
"""A till time a file may give (a scan script's or a scenario's `time`): the till looks
LOOKBACK_DAYS back from it, which year 1 cannot."""


def outside_calendar(when: dt.datetime) -> str | None:
    """Why a till time given in a file is refused, or None when it is in range."""
    if EARLIEST <= when <= LATEST:
        return None
    return QT_TRANSLATE_NOOP("problems", "is outside the till's calendar ({first} to "
                                         "{last})").format(first=f"{EARLIEST:%Y-%m-%d}",
                                                           last=f"{LATEST:%Y-%m-%d}")
