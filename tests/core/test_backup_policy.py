"""Which automatic backups the till keeps (core.backup_policy): every one of the last hour,
the newest of each hour of the last day, the newest of each day of the kept days, and always
the newest of all; the settings read as whole numbers in range. The files themselves:
tests/store/test_store_backup.py."""

from __future__ import annotations

import datetime as dt

import pytest

from pos_prompter.core.backup_policy import (
    BACKUP_EVERY_MINUTES,
    BACKUP_KEEP_DAYS,
    DEFAULT_EVERY_MINUTES,
    DEFAULT_KEEP_DAYS,
    parse_backup_setting,
    setting_value,
    stamp_of,
    to_remove,
)

NOW = dt.datetime(2026, 11, 23, 12, 0)


def ago(**delta: float) -> dt.datetime:
    return NOW - dt.timedelta(**delta)


def test_every_backup_of_the_last_hour_is_kept() -> None:
    stamps = [ago(minutes=m) for m in (0, 10, 30, 59)]
    assert to_remove(stamps, NOW, 7) == set()


def test_of_the_last_day_only_the_newest_of_each_hour_is_kept() -> None:
    newest, older = ago(hours=5, minutes=5), ago(hours=5, minutes=35)  # both 06:xx
    other_hour = ago(hours=7)
    assert to_remove([newest, older, other_hour], NOW, 7) == {older}


def test_of_the_kept_days_only_the_newest_of_each_day_and_none_older() -> None:
    day3_late, day3_early = ago(days=3, hours=1), ago(days=3, hours=5)
    too_old = ago(days=8)
    assert to_remove([day3_late, day3_early, too_old], NOW, 7) == {day3_early, too_old}
    assert to_remove([day3_late, too_old], NOW, 10) == set(), "ten days kept: both stay"


def test_the_newest_backup_stays_however_old() -> None:
    month = ago(days=30)
    assert to_remove([month, ago(days=31)], NOW, 7) == {ago(days=31)}


def test_a_backups_time_comes_from_its_name() -> None:
    assert stamp_of("store-20261123-083015.db") == dt.datetime(2026, 11, 23, 8, 30, 15)
    assert stamp_of("store-20261123-083015-2.db") == dt.datetime(2026, 11, 23, 8, 30, 15)
    assert stamp_of("store.db") is None
    assert stamp_of("store-20261399-083015.db") is None, "no 99th of the 13th month"
    assert stamp_of("store-20261123-083015.db-wal") is None


@pytest.mark.parametrize(("key", "text", "value"), [
    (BACKUP_EVERY_MINUTES, " 15 ", 15), (BACKUP_EVERY_MINUTES, "4", None),
    (BACKUP_EVERY_MINUTES, "1440", 1440), (BACKUP_EVERY_MINUTES, "1441", None),
    (BACKUP_KEEP_DAYS, "1", 1), (BACKUP_KEEP_DAYS, "0", None), (BACKUP_KEEP_DAYS, "366", 366),
    (BACKUP_KEEP_DAYS, "7.5", None), (BACKUP_KEEP_DAYS, "-3", None),
    (BACKUP_KEEP_DAYS, "", None), (BACKUP_KEEP_DAYS, "٣", None)])
def test_a_setting_typed_in_is_a_whole_number_in_range(key: str, text: str,
                                                       value: int | None) -> None:
    assert parse_backup_setting(key, text) == value


def test_a_stored_setting_out_of_range_or_odd_is_its_default() -> None:
    assert setting_value(BACKUP_EVERY_MINUTES, 60) == 60
    assert setting_value(BACKUP_EVERY_MINUTES, None) == DEFAULT_EVERY_MINUTES
    assert setting_value(BACKUP_KEEP_DAYS, True) == DEFAULT_KEEP_DAYS, "True is no number"
    assert setting_value(BACKUP_KEEP_DAYS, 1000) == DEFAULT_KEEP_DAYS
    assert setting_value(BACKUP_KEEP_DAYS, "7") == DEFAULT_KEEP_DAYS
