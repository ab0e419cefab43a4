"""`pos-prompter suggest`: cross-sells mined from the sales history, checked against pair
counts worked out here from the very orders imported, independently of the store's SQL."""

from __future__ import annotations

import json
import os
import pty
import random
import sqlite3
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest
import yaml
from cli_support import RunCli, no_display_env, run_subprocess

from pos_prompter.bootstrap import training_store_path
from pos_prompter.cli.suggest import PROGRESS_MIN_ORDERS

SKUS = ("LATTE-T", "LATTE-G", "CAPP-T", "AMER-T", "MOCHA-T", "CHAI-T", "COCOA-T", "CROISSANT",
        "MUFFIN-BB", "CINN-ROLL", "COOKIE-OAT", "BEANS-HOUSE")


def history(orders: int = 400, seed: int = 7) -> dict[str, list[str]]:
    """Random cafe orders (some SKUs twice) with two planted habits: a cinnamon roll with
    a grande latte (the demo's coffee-pastry rule offers it) and an oat cookie with a chai
    (no rule offers it)."""
    rng = random.Random(seed)
    baskets: dict[str, list[str]] = {}
    for n in range(orders):
        items = rng.choices(SKUS, k=rng.randint(1, 3))
        if "LATTE-G" in items and rng.random() < 0.7:
            items.append("CINN-ROLL")
        if "CHAI-T" in items and rng.random() < 0.8:
            items.append("COOKIE-OAT")
        baskets[f"T{n}"] = items
    return baskets


def import_history(cli: RunCli, db: Path, tmp_path: Path,
                   baskets: dict[str, list[str]]) -> None:
    rows = ["order_id,sku,qty"] + [f"{oid},{sku},1" for oid, items in baskets.items()
                                   for sku in items]
    csv_file = tmp_path / "orders.csv"
    csv_file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = cli("import", "orders", csv_file, "--db", db)
    assert result.code == 0, result.err


def add_noise_that_must_not_count(db: Path) -> None:
    """Till orders a miner must leave out: 50 paid orders whose cookie a prompt added
    (origin cross_sell), and 50 open orders of latte + cookie. The paid orders' latte
    counts, half of them scanned and half an accepted upsell (it replaced the line)."""
    with sqlite3.connect(db) as conn:
        for n in range(100):
            status = "paid" if n < 50 else "open"
            oid = conn.execute("INSERT INTO orders(status, opened_at, closed_at, total_cents) "
                               "VALUES (?, '2026-11-20T10:00:00', '2026-11-20T10:01:00', 0)",
                               [status]).lastrowid
            conn.executemany(
                "INSERT INTO order_lines(order_id, line_no, sku, name, qty, unit_price_cents, "
                "origin) VALUES (?, ?, ?, 'x', 1, 100, ?)",
                [(oid, 1, "LATTE-T", "upsell" if n % 2 else "scan"),
                 (oid, 2, "COOKIE-OAT", "cross_sell" if status == "paid" else "scan")])


def expected(baskets: dict[str, list[str]], extra_orders: int,
             min_support: float) -> list[tuple[str, str, int, float, float, float]]:
    """Every (trigger, offer, orders, support, confidence, lift) with lift > 1, best first,
    counted by brute force. `extra_orders`: paid orders of one scanned latte each."""
    sets = [set(items) for items in baskets.values()] + [{"LATTE-T"}] * extra_orders
    n = len(sets)
    minimum = max(5, -(-int(min_support * n * 1000) // 1000))
    item = {s: sum(s in b for b in sets) for s in SKUS}
    out = []
    for a, b in combinations(sorted(SKUS), 2):
        both = sum(a in s and b in s for s in sets)
        if both < minimum or both * n <= item[a] * item[b]:
            continue
        lift = both * n / (item[a] * item[b])
        for t, o in ((a, b), (b, a)):
            out.append((t, o, both, both / n, both / item[t], lift))
    return sorted(out, key=lambda r: (-r[5], -r[4], -r[2], r[0], r[1]))


def test_suggestions_match_pair_counts_worked_out_independently(
        cli: RunCli, store_copy, tmp_path: Path) -> None:
    db = store_copy("cafe")
    baskets = history()
    import_history(cli, db, tmp_path, baskets)
    add_noise_that_must_not_count(db)
    result = cli("suggest", "--db", db, "--min-support", "0.02", "--format", "json")
    assert result.code == 0, result.err
    got = json.loads(result.out)
    # the 50 paid till orders count as orders of a latte alone: their cookie was a prompt's
    want = expected(baskets, extra_orders=50, min_support=0.02)
    assert len(want) >= 6
    assert [(g["trigger"], g["offer"], g["orders"]) for g in got] == \
        [(t, o, n) for t, o, n, *_ in want]
    for g, (_t, _o, _n, support, confidence, lift) in zip(got, want, strict=True):
        assert g["support"] == pytest.approx(support, abs=1e-6)
        assert g["confidence"] == pytest.approx(confidence, abs=1e-4)
        assert g["lift"] == pytest.approx(lift, abs=1e-3)
        assert set(g) >= {"trigger", "offer", "orders", "support", "confidence", "lift", "why",
                          "covered_by"}
    top = got[0]
    assert (top["trigger"], top["offer"]) == ("CHAI-T", "COOKIE-OAT")
    pct = round(top["confidence"] * 100)
    assert top["why"] == (f"bought together in {pct}% of orders with Chai Latte Tall, "
                          f"{top['lift']:.1f} times more often than chance")


def test_a_pair_a_rule_already_offers_is_marked_covered(cli: RunCli, store_copy,
                                                        tmp_path: Path) -> None:
    db = store_copy("cafe")
    import_history(cli, db, tmp_path, history())
    got = json.loads(cli("suggest", "--db", db, "--min-support", "0.02", "--format",
                         "json").out)
    by_pair = {(g["trigger"], g["offer"]): g["covered_by"] for g in got}
    # coffee-pastry: a scanned coffee (LATTE-G is one) brings up CINN-ROLL
    assert by_pair[("LATTE-G", "CINN-ROLL")] == "coffee-pastry"
    assert by_pair[("CHAI-T", "COOKIE-OAT")] is None  # chai is not coffee: no rule offers it
    assert by_pair[("CINN-ROLL", "LATTE-G")] is None  # the other way round is not offered
    table = cli("suggest", "--db", db, "--min-support", "0.02")
    assert table.code == 0
    line = next(ln for ln in table.out.splitlines() if ln.startswith("LATTE-G  ")
                and "CINN-ROLL" in ln)
    assert "coffee-pastry" in line
    assert table.out.splitlines()[0].split()[:3] == ["trigger", "offer", "orders"]


def test_the_yaml_pack_of_drafts_imports_cleanly_with_the_real_cli(cli: RunCli, store_copy,
                                                                   tmp_path: Path) -> None:
    db = store_copy("cafe")
    import_history(cli, db, tmp_path, history())
    before = {r["id"] for r in yaml.safe_load(run_subprocess("export", "rules", "--db",
                                                             db).out)["rules"]}
    made = run_subprocess("suggest", "--db", db, "--min-support", "0.02", "--format", "yaml")
    assert made.code == 0, made.err
    pack = yaml.safe_load(made.out)
    drafts = pack["rules"]
    assert drafts, made.out
    assert all(r["active"] is False and r["kind"] == "cross_sell" and r["say"] and r["why"]
               for r in drafts)
    ids = [r["id"] for r in drafts]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & before
    # covered pairs are not drafted again
    assert not any(r["when"]["scanned"]["sku"] == ["LATTE-G"]
                   and r["offer"]["add"] == ["CINN-ROLL"] for r in drafts)
    pack_file = tmp_path / "drafts.yaml"
    pack_file.write_text(made.out, encoding="utf-8")
    imported = run_subprocess("import", "rules", pack_file, "--merge", "--db", db)
    assert imported.code == 0, imported.err
    assert imported.out.startswith(f"rules: {len(drafts)} added, 0 changed")
    assert imported.err == ""  # not even a lint warning
    after = yaml.safe_load(run_subprocess("export", "rules", "--db", db).out)["rules"]
    assert {r["id"] for r in after} == before | set(ids)
    assert all(r.get("active") is False for r in after if r["id"] in ids)
    # Mined again: the drafts now in the store are not drafted a second time.
    again = yaml.safe_load(run_subprocess("suggest", "--db", db, "--min-support", "0.02",
                                          "--format", "yaml").out)
    assert again["rules"] == []


@pytest.mark.parametrize("bad", ["0", "-0.1", "1.5", "abc", "nan", "inf", ""])
def test_a_bad_min_support_is_bad_usage(cli: RunCli, store_copy, bad: str) -> None:
    result = cli("suggest", "--db", store_copy("cafe"), "--min-support", bad)
    result.assert_clean_error(2, "--min-support", "fraction")
    assert result.out == ""


def test_no_history_says_so_and_json_is_an_empty_list(cli: RunCli, store_copy) -> None:
    db = store_copy("cafe")
    result = cli("suggest", "--db", db, "--format", "json")
    assert result.code == 0
    assert json.loads(result.out) == []
    assert "note: no two products" in result.err
    assert "--min-support" in result.err


def test_a_practice_store_is_refused(cli: RunCli, store_copy) -> None:
    db = store_copy("cafe")
    practice = training_store_path(db)
    db.replace(practice)
    result = cli("suggest", "--db", practice)
    result.assert_clean_error(2, "practice store", str(db))


def many_paid_orders(db: Path, orders: int) -> None:
    with sqlite3.connect(db) as conn:
        for n in range(orders):
            oid = conn.execute("INSERT INTO orders(status, opened_at, closed_at, total_cents) "
                               "VALUES ('paid', '2026-11-20T10:00:00', '2026-11-20T10:01:00', "
                               "0)").lastrowid
            conn.executemany(
                "INSERT INTO order_lines(order_id, line_no, sku, name, qty, unit_price_cents, "
                "origin) VALUES (?, ?, ?, 'x', 1, 100, 'scan')",
                [(oid, 1, SKUS[n % 5]), (oid, 2, SKUS[5 + n % 3])])


def test_long_mining_shows_a_progress_line_on_a_terminal(store_copy, tmp_path: Path) -> None:
    db = store_copy("cafe")
    many_paid_orders(db, PROGRESS_MIN_ORDERS)
    leader, follower = pty.openpty()
    out_file = tmp_path / "out.json"
    with out_file.open("w") as stdout:
        proc = subprocess.Popen([sys.executable, "-m", "pos_prompter", "suggest", "--db", db,
                                 "--format", "json"], stdout=stdout, stderr=follower,
                                env=no_display_env())
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    assert proc.wait(timeout=120) == 0
    os.close(leader)
    shown = b"".join(chunks).decode()
    assert "\rmining the paid orders: " in shown
    assert shown.rstrip().endswith("mining the paid orders: 100%")
    assert shown.count("\r") >= 3  # one line, rewritten in place
    assert json.loads(out_file.read_text())  # stdout is the JSON alone
    # Not a terminal: no progress line (a pipe or a file gets only the note, if any).
    quiet = run_subprocess("suggest", "--db", db, "--format", "json")
    assert quiet.code == 0
    assert "mining" not in quiet.err
