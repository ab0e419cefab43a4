"""What the stores by concern share (store.base): the error every store raises, an import's
one-line summary, the time as the store keeps it. The concern stores themselves:
test_store_by_concern.py."""

from __future__ import annotations

import datetime as dt

from pos_prompter.core.errors import UserError
from pos_prompter.store.base import ImportSummary, StoreError, now_text


def test_an_import_is_summed_up_in_one_line() -> None:
    summary = ImportSummary(added=["A", "B"], changed=["C"], removed=[], unchanged=40)
    assert summary.describe("catalog") == "catalog: 2 added, 1 changed, 40 unchanged"
    gone = ImportSummary(added=[], changed=[], removed=["D", "E", "F"], unchanged=0)
    assert gone.describe("rules") == "rules: 0 added, 0 changed, 3 removed, 0 unchanged"


def test_times_are_kept_as_iso_text_to_the_second() -> None:
    assert now_text(dt.datetime(2026, 11, 23, 8, 10, 5, 999_999)) == "2026-11-23T08:10:05"
    before = dt.datetime.now().replace(microsecond=0)
    now = dt.datetime.fromisoformat(now_text())
    assert before <= now <= dt.datetime.now()


def test_a_store_error_is_one_a_user_can_act_on() -> None:
    assert issubclass(StoreError, UserError)
    assert str(StoreError("the disk is full")) == "the disk is full"
