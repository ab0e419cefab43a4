"""The rule list's rows and loaders without Qt: what a worker thread builds from a real
store file (the cafe demo), and that building it loads no Qt at all."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.till import Till
from pos_prompter.ui.workspace.rules.listing import (
    NO_RESULTS,
    RuleRow,
    load_list,
    load_rule,
)

CAFE_RULES = ["beans-for-members", "breakfast-croissant", "chai-cocoa-size-up",
              "coffee-pastry", "coffee-size-up", "mug-deal"]


def test_the_listing_and_its_loaders_import_no_qt(cafe_store_path: Path) -> None:
    """Run in a fresh interpreter: this one has Qt loaded by other tests."""
    code = ("import sys\n"
            "from pos_prompter.store import Store\n"
            "from pos_prompter.ui.workspace.rules import listing, uplift\n"
            f"with Store.open({str(cafe_store_path)!r}) as store:\n"
            "    data = listing.load_list(store)\n"
            "assert len(data.rows) == 6, data.rows\n"
            "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
            "assert not qt, qt\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr


def test_a_load_reads_every_rule_with_what_it_names_and_its_results(
        cafe_store_path: Path, morning_clock: FixedClock) -> None:
    with Store.open(cafe_store_path) as store:
        first = load_list(store)
        till = Till(store, morning_clock)
        till.scan("LATTE-T")
        till.accept()  # coffee-size-up
        while till.prompt is not None:
            till.decline()
        till.pay()
        data = load_list(store, first)

    assert [row.rule.id for row in data.rows] == CAFE_RULES
    assert data.rules == [row.rule for row in data.rows]
    assert all(row.results == NO_RESULTS for row in first.rows)
    by_id = {row.rule.id: row for row in data.rows}
    size_up = by_id["coffee-size-up"]
    assert (size_up.results.shown, size_up.results.accepted) == (1, 1)
    assert size_up.results.revenue > 0
    assert data.results["coffee-size-up"] == size_up.results
    assert data.last_event > first.last_event == 0
    assert size_up.uplift.text.startswith("needs "), "a holdout: counting down"
    assert by_id["mug-deal"].uplift.text == "", "no holdout"
    croissant = by_id["breakfast-croissant"]
    assert "CROISSANT" in croissant.skus
    assert "coffee" in croissant.categories
    assert croissant.matches_text("croissant")
    assert not croissant.matches_text("kombucha")
    assert "coffee" in data.categories
    assert "LATTE-T" in data.skus
    assert data.currency == data.settings.currency == "USD"
    # Unchanged rules' rows are taken over; the one whose results moved is a new row.
    assert by_id["mug-deal"] is {r.rule.id: r for r in first.rows}["mug-deal"]
    assert size_up is not {r.rule.id: r for r in first.rows}["coffee-size-up"]


def test_one_rule_is_read_as_the_store_has_it(cafe_store_path: Path) -> None:
    with Store.open(cafe_store_path) as store:
        rule = load_rule(store, "mug-deal")
        assert rule is not None
        store.rules.save(dataclasses.replace(rule, priority=rule.priority + 1),
                        actor="manager")
        again = load_rule(store, "mug-deal")
        assert again is not None
        assert again.priority == rule.priority + 1
        assert load_rule(store, "no-such-rule") is None
        row = RuleRow.make(again, None, store.catalog.load())
    assert row.results == NO_RESULTS
    assert row.offer_names
    assert row.trigger_names
