"""`pos-prompter import orders` keeps the report tables (migration m008) right: since m009
the insert trigger leaves imported orders alone and the import adds them up in bulk, in
the same transaction. After an import through the real command line the tables agree with
the orders they count and equal a full rebuild; importing again changes nothing."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from cli_support import build_store, query, run_subprocess

from pos_prompter.store.reports import rebuild_report_tables, report_tables_agree

REPORT_TABLES = ("report_prompts", "report_orders", "report_uplift")


@pytest.fixture(scope="module")
def cafe_with_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cafe demo with its generated past sales (till orders with prompt events)."""
    return build_store(tmp_path_factory.mktemp("cafe") / "cafe.db", demo="cafe", history=True)


def tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    return {t: sorted(query(db, f"SELECT * FROM {t}")) for t in REPORT_TABLES}


def agree(db: Path) -> bool:
    with sqlite3.connect(db) as conn:
        return report_tables_agree(conn)


def rebuilt(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """The report tables of a full rebuild, on a copy (the store itself is left alone)."""
    copy = db.with_name("rebuilt-" + db.name)
    with sqlite3.connect(db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        rebuild_report_tables(conn)
    finally:
        conn.close()
    return tables(copy)


def past_orders_csv(path: Path, skus: list[str], days: list[str], orders: int) -> Path:
    """Orders of 1-4 lines on the days the store already has sales (so the bulk add-up
    lands on day/hour rows the till's orders made), a few without a time."""
    rng = random.Random(10)
    rows = ["order_id,sku,qty,price,time\n"]
    for n in range(orders):
        when = "" if n % 25 == 0 else f"{rng.choice(days)}T{rng.randrange(7, 21):02d}:" \
                                      f"{rng.randrange(60):02d}:00"
        for sku in rng.sample(skus, rng.randrange(1, 5)):
            price = "" if rng.random() < 0.5 else f"{rng.randrange(100, 900) / 100:.2f}"
            rows.append(f"OLD-{n},{sku},{rng.randrange(1, 4)},{price},{when}\n")
    path.write_text("".join(rows), encoding="utf-8")
    return path


def prepared(cafe_with_history: Path, tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "cafe.db"
    with sqlite3.connect(cafe_with_history) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    conn = sqlite3.connect(db, isolation_level=None)
    rebuild_report_tables(conn)  # the tables count the till's history before the import
    conn.close()
    skus = [r[0] for r in query(db, "SELECT sku FROM products ORDER BY sku")]
    days = [r[0] for r in query(db, "SELECT DISTINCT substr(closed_at, 1, 10) FROM orders "
                                    "WHERE status = 'paid' ORDER BY 1 DESC LIMIT 20")]
    assert len(skus) >= 4
    assert days
    return db, past_orders_csv(tmp_path / "orders.csv", skus, days, 600)


def test_an_import_leaves_the_report_tables_as_a_full_rebuild(
        cafe_with_history: Path, tmp_path: Path) -> None:
    db, csv_file = prepared(cafe_with_history, tmp_path)
    before = tables(db)
    schema = query(db, "SELECT type, name, sql FROM sqlite_master ORDER BY name")
    paid_before = query(db, "SELECT count(*) FROM orders WHERE status = 'paid'")[0][0]
    result = run_subprocess("import", "orders", csv_file, "--db", db)
    assert result.code == 0, result.err
    assert result.out.startswith("past orders: 600 added")
    assert query(db, "SELECT count(*) FROM orders WHERE status = 'paid'")[0][0] \
        == paid_before + 600
    assert agree(db)
    after = tables(db)
    assert after != before
    assert after == rebuilt(db)
    # the insert trigger, lifted during the import, is back as it was
    assert query(db, "SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema
    # the imported orders are in the clerk and hour rows: '' is the clerk of an imported order
    counted = query(db, "SELECT SUM(orders) FROM report_orders WHERE dim = 'clerk'")[0][0]
    assert counted == paid_before + 600


def test_importing_again_changes_nothing(cafe_with_history: Path, tmp_path: Path) -> None:
    db, csv_file = prepared(cafe_with_history, tmp_path)
    assert run_subprocess("import", "orders", csv_file, "--db", db).code == 0
    first = tables(db)
    orders = query(db, "SELECT count(*) FROM orders")[0][0]
    again = run_subprocess("import", "orders", csv_file, "--db", db)
    assert again.code == 0, again.err
    assert "0 added" in again.out
    assert "600 already imported" in again.out
    assert query(db, "SELECT count(*) FROM orders")[0][0] == orders
    assert tables(db) == first
    assert agree(db)


def test_a_change_to_an_imported_order_moves_its_share(cafe_with_history: Path,
                                                       tmp_path: Path) -> None:
    """The update trigger (m008, kept by m009) still counts an imported order: it is in
    the tables, so a change to it takes its old share out and puts the new one in."""
    db, csv_file = prepared(cafe_with_history, tmp_path)
    assert run_subprocess("import", "orders", csv_file, "--db", db).code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE orders SET total_cents = total_cents + 100, clerk = 'moved' "
                     "WHERE external_id = 'OLD-3'")
    assert agree(db)
    assert tables(db) == rebuilt(db)
