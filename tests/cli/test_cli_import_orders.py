"""`pos-prompter import orders`: past sales from the old till, all or nothing, and what
they are for: evidence such as 'bought together in 25% of orders' from day one."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from cli_support import RunCli

HEADER = "order_id,sku,qty,price,time\n"


def history_csv(with_cookie: int, without: int, when: str) -> str:
    rows = [HEADER]
    for n in range(with_cookie):
        rows.append(f"A{n},LATTE-T,1,,{when}\nA{n},COOKIE,2,1.80,{when}\n")
    for n in range(without):
        rows.append(f"B{n},LATTE-T,1,3.45,{when}\n")
    return "".join(rows)


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_past_orders_are_stored_as_paid_orders(cli: RunCli, spec_store: Path,
                                               tmp_path: Path) -> None:
    csv_file = tmp_path / "orders.csv"
    csv_file.write_text(history_csv(2, 1, "2026-11-20T09:00"), encoding="utf-8")
    result = cli("import", "orders", csv_file, "--db", spec_store)
    assert result.code == 0, result.err
    assert result.out.startswith("past orders: 3 added")
    assert count(spec_store, "SELECT count(*) FROM orders WHERE status = 'paid'") == 3
    # price given: as given (1.80 x 2); price left out: the catalog's (3.45)
    assert count(spec_store, "SELECT total_cents FROM orders WHERE external_id = 'A0'") \
        == 345 + 2 * 180


def test_importing_the_same_orders_again_adds_nothing(cli: RunCli, spec_store: Path,
                                                      tmp_path: Path) -> None:
    csv_file = tmp_path / "orders.csv"
    csv_file.write_text(history_csv(2, 1, "2026-11-20T09:00"), encoding="utf-8")
    cli("import", "orders", csv_file, "--db", spec_store)
    again = cli("import", "orders", csv_file, "--db", spec_store)
    assert again.code == 0
    assert "0 added" in again.out
    assert "3 already imported" in again.out
    assert count(spec_store, "SELECT count(*) FROM orders") == 3


def test_bad_rows_refuse_the_whole_file(cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "orders.csv"
    csv_file.write_text(HEADER + "A1,LATTE-T,1,,2026-11-20T09:00\n"
                        "A1,NOPE,1,,2026-11-20T09:00\n"
                        "A2,COOKIE,two,,\n"
                        "A3,COOKIE,1,1.999,\n"
                        "A1,COOKIE,1,,2026-11-21T09:00\n", encoding="utf-8")
    result = cli("import", "orders", csv_file, "--db", spec_store)
    result.assert_clean_error(1, "line 3, column sku", "line 4, column qty",
                              "line 5, column price", "line 6, column time")
    assert count(spec_store, "SELECT count(*) FROM orders") == 0


def test_an_unknown_column_is_refused(cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "orders.csv"
    csv_file.write_text("order_id,sku,qty,colour\nA1,COOKIE,1,red\n", encoding="utf-8")
    cli("import", "orders", csv_file, "--db", spec_store).assert_clean_error(
        1, "line 1, column 'colour'")


def test_imported_history_is_evidence_at_the_till(cli: RunCli, spec_store: Path,
                                                  tmp_path: Path) -> None:
    recent = (dt.date(2026, 11, 23) - dt.timedelta(days=5)).isoformat() + "T10:00"
    csv_file = tmp_path / "orders.csv"
    csv_file.write_text(history_csv(with_cookie=10, without=30, when=recent),
                        encoding="utf-8")
    assert cli("import", "orders", csv_file, "--db", spec_store).code == 0
    pack = tmp_path / "pack.yaml"
    pack.write_text("""version: 1
rules:
  - id: cookie-with-latte
    kind: cross_sell
    title: Cookie with a latte
    when: {scanned: {sku: [LATTE-T]}}
    offer: {add: [COOKIE]}
    say: "An oat cookie? {attach_rate} of latte orders have one."
""", encoding="utf-8")
    assert cli("import", "rules", pack, "--db", spec_store).code == 0
    script = tmp_path / "s.txt"
    script.write_text("time 2026-11-23T08:15\nscan LATTE-T\n", encoding="utf-8")
    [_, prompt] = cli("simulate", "--db", spec_store, script, "--dry-run").events()
    assert prompt["say"] == "An oat cookie? 25% of latte orders have one."
    assert "Bought together in 25% of orders with Latte Tall, last 90 days (40 orders)" \
        in prompt["evidence"]


def test_a_column_given_twice_is_refused(cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "orders.csv"
    csv_file.write_text("order_id,sku,qty,qty\nA1,COOKIE,1,2\n", encoding="utf-8")
    cli("import", "orders", csv_file, "--db", spec_store).assert_clean_error(
        1, "line 1, column 'qty': column appears twice")
    assert count(spec_store, "SELECT count(*) FROM orders") == 0


def test_dry_run_says_what_would_be_added_and_writes_nothing(cli: RunCli, spec_store: Path,
                                                            tmp_path: Path) -> None:
    history = tmp_path / "history.csv"
    history.write_text(history_csv(3, 2, "2026-11-01T09:00"), encoding="utf-8")
    before = spec_store.read_bytes()
    result = cli("import", "orders", history, "--db", spec_store, "--dry-run")
    assert result.code == 0, result.err
    assert result.out.startswith("history.csv: past orders 5 in the file (8 lines) "
                                 "(dry run: nothing was changed)\n")
    assert "5 orders worth" in result.out
    assert spec_store.read_bytes() == before
    assert count(spec_store, "SELECT count(*) FROM orders WHERE source = 'import'") == 0
