"""The rush meter (core.pace): an order rung up while the till has seen at least the set
number of scans in the last minute is a rush order. Fed the till's own clock, so these
replay exactly; the till's use of it is in tests/core/test_rush_and_reopen.py."""

from __future__ import annotations

import datetime as dt

from pos_prompter.core.pace import PaceMeter

START = dt.datetime(2026, 11, 23, 8, 0)


def seconds(n: float) -> dt.datetime:
    return START + dt.timedelta(seconds=n)


def test_the_scan_that_reaches_the_pace_is_the_first_rush_scan() -> None:
    meter = PaceMeter(3)
    assert [meter.record(seconds(s)) for s in (0, 10, 20, 30)] == [False, False, True, True]
    assert meter.scans_last_minute() == 4


def test_scans_a_full_minute_old_no_longer_count() -> None:
    meter = PaceMeter(3)
    for s in (0, 10, 20):
        meter.record(seconds(s))
    assert not meter.record(seconds(79)), "0 and 10 are over a minute old: 20, 79 remain"
    assert meter.scans_last_minute() == 2
    assert not meter.record(seconds(139)), "79 is a minute old to the second: 139 alone"
    assert meter.scans_last_minute() == 1


def test_a_slow_till_never_rushes() -> None:
    meter = PaceMeter(2)
    assert not any(meter.record(seconds(61 * n)) for n in range(50))
    assert meter.scans_last_minute() == 1


def test_a_pace_of_zero_switches_the_meter_off() -> None:
    meter = PaceMeter(0)
    assert not meter.enabled
    assert not any(meter.record(START) for _ in range(1000))
    assert meter.scans_last_minute() == 0, "an off meter keeps no times"
    assert PaceMeter(1).enabled
    assert PaceMeter(1).record(START), "a pace of one: every scan is a rush"
