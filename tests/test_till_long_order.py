"""A long order at the till (issue 11, points 9 and 10): a scan's work and its write follow
what the scan changed, not the order's length; the order is still saved whole, every step,
and comes back exactly as it was."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_prompter.bootstrap import load_pack_file
from pos_prompter.core.catalog import parse_catalog_csv
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store, StoreError
from pos_prompter.till import Till

SPEC_DIR = Path(__file__).parent / "store" / "spec_examples"
OLD_STORE = Path(__file__).parent / "store" / "data" / "store-m002.db"
LATTE_T, MUFFIN, COOKIE = "2100000000012", "2100000000043", "2100000000050"
NOW = dt.datetime(2026, 11, 23, 8, 15)
NEWEST_LINE = "SELECT MAX(line_no) FROM order_lines WHERE order_id"
"""Each save reads the order's newest line number (one seek of its key: store/order_rows)."""


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with Store.open(path, create=True) as store:
        store.catalog.import_products(parse_catalog_csv(
            (SPEC_DIR / "catalog.csv").read_text(encoding="utf-8")))
        store.rules.replace(load_pack_file(SPEC_DIR / "rules.yaml"))
    return path


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    with Store.open(store_path) as s:
        yield s


def statements(store: Store) -> list[str]:
    """Every SQL statement the store's connection runs from now on (a live list)."""
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    return seen


def long_till(store: Store, lines: int, codes: tuple[str, ...] = (COOKIE, MUFFIN, LATTE_T)
              ) -> Till:
    till = Till(store, FixedClock(NOW))
    for i in range(lines):
        till.scan(codes[i % len(codes)])
    assert len(till.lines) == lines
    return till


@pytest.mark.parametrize("lines", [10, 150])
def test_a_scan_on_a_long_order_reads_and_writes_only_its_own_line(store: Store,
                                                                    lines: int) -> None:
    till = long_till(store, lines)
    assert till.session is not None
    till.session.lines.reads = 0
    seen = statements(store)
    till.scan(LATTE_T)
    assert till.session.lines.reads == 0  # no walk over the order's lines
    # (Python's trace callback gives a statement again for each trigger program it runs:
    # paid_skus_line_added, whose WHEN is false for an open order's line.)
    on_lines = list(dict.fromkeys(s for s in seen if "order_lines" in s))
    assert len(on_lines) == 2  # one seek of the order's newest line number, then its line
    assert on_lines[0].startswith(NEWEST_LINE)
    assert on_lines[1].startswith("INSERT INTO order_lines")
    [state] = store.db.execute("SELECT state FROM orders WHERE id = ?", [till.order_id])
    assert "lines" not in json.loads(state[0])  # the lines are in their rows, once
    assert len(store.sales.order_lines(till.order_id)) == lines + 1


def test_a_changed_line_is_written_in_the_columns_that_changed(store: Store) -> None:
    till = long_till(store, 30, (COOKIE,))
    till.scan(LATTE_T)
    assert till.prompt is not None
    assert till.prompt.kind == "upsell"
    seen = statements(store)
    till.decline()
    on_lines = [s for s in seen if "order_lines" in s and not s.startswith(NEWEST_LINE)]
    assert len(on_lines) == 1
    assert on_lines[0].startswith("UPDATE order_lines SET declined")


def test_an_order_comes_back_from_its_rows_exactly(store_path: Path, store: Store) -> None:
    till = Till(store, FixedClock(NOW))
    till.scan(LATTE_T)
    assert till.prompt is not None
    assert till.prompt.rule_id == "latte-size-up"
    till.decline()  # line 1 remembers the declined offer
    assert till.prompt is not None
    assert till.prompt.kind == "bundle"
    till.accept()  # bundle lines at their split price, with their list price
    till.scan(COOKIE)
    till.reopen(1)
    till.accept()  # line 1 upsold: it remembers what was scanned
    till.void("COOKIE")
    till.set_qty(2)
    assert till.session is not None
    kinds = {(ln.origin, ln.replaced_sku is not None, ln.list_price is not None,
              bool(ln.declined)) for ln in till.lines}
    assert ("upsell", True, False, True) in kinds
    assert ("bundle", False, True, False) in kinds
    with Store.open(store_path) as other:
        back = Till(other, FixedClock(NOW))
        assert back.session is not None
        assert back.session.to_state() == till.session.to_state()
        assert back.total == till.total


def test_a_failed_save_puts_removed_and_changed_lines_back_in_place(store_path: Path,
                                                                    store: Store) -> None:
    till = long_till(store, 9)
    before = till.lines
    conn = sqlite3.connect(store_path)
    conn.execute("CREATE TRIGGER fail_delete BEFORE DELETE ON order_lines "
                 "BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError):
        till.void("MUFFIN-B", line_no=5)
    assert till.lines == before
    assert till.total == sum(ln.amount for ln in before)
    assert till.session is not None
    assert [ln.no for ln in till.session.lines.of_sku("MUFFIN-B")] == [2, 5, 8]
    till.scan(COOKIE)  # and the next save carries on from there
    with Store.open(store_path) as other:
        back = Till(other, FixedClock(NOW))
        assert back.session is not None
        assert back.session.to_state() == till.session.to_state()


def test_an_open_order_saved_by_an_older_version_gets_all_its_rows(tmp_path: Path) -> None:
    """store-m002.db's open order has its lines in orders.state, and order_lines rows
    without the newer columns: the first save after the upgrade writes every line whole."""
    path = tmp_path / "old.db"
    shutil.copyfile(OLD_STORE, path)
    with Store.open(path) as store:
        till = Till(store, FixedClock(NOW))
        assert till.session is not None
        assert till.lines
        till.decline()
        with Store.open(path) as other:
            back = Till(other, FixedClock(NOW))
            assert back.session is not None
            assert back.session.to_state() == till.session.to_state()
