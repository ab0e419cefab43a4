"""`pos-prompter report` against figures worked out by hand from `simulate` output.

The store: the spec's example catalog (MUFFIN-B given a cost of 0.80, nothing else costed)
and rules (latte-size-up upsell, latte-muffin bundle 2.00, mug-at-checkout threshold), the
default clerk `clerk` and a second clerk `bob`. Scripts played through the real CLI:

day 1, clerk `clerk`
  order 1, 08:15: LATTE-T 3.45; size-up shown, accepted (+0.50, Grande 3.95); muffin bundle
           shown, accepted (+2.00, margin 2.00 - 0.80 = 1.20); paid 5.95
  order 2, 09:30: LATTE-T 3.45; size-up shown, declined; bundle shown, declined; paid 3.45
day 2, clerk `bob`
  order 3, 10:05: MUFFIN-B 2.75, LATTE-G 3.95 (no bundle: the order has bakery); size-up to
           Venti shown, accepted (+0.40); paid 7.10

By hand:
  latte-size-up: shown 3, accepted 2, declined 1, rate 2/3, revenue 0.90, margin unknown
                 (an upsell's replaced product is not logged)
  latte-muffin:  shown 2, accepted 1, declined 1, rate 0.5, revenue 2.00, margin 1.20 (1 of 1)
  clerk `clerk`: shown 4, accepted 2, declined 2, revenue 2.50, margin 1.20 on 1 of 2
                 accepted, 2 orders, average (5.95 + 3.45) / 2 = 4.70, attach 1/2
  bob:           shown 1, accepted 1, revenue 0.40, 1 order, average 7.10, attach 1
  hours: 08 (2 shown, 2 accepted, 1 order 5.95), 09 (2 shown, 0 accepted, 1 order 3.45),
         10 (1 shown, 1 accepted, 1 order 7.10)
  totals: shown 5, accepted 3, declined 2, revenue 2.90, 3 orders, average 16.50 / 3 = 5.50,
          attach 2/3
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from cli_support import SPEC_DIR, RunCli, run_subprocess

from pos_prompter.store import Store

DAY1 = """\
time 2026-11-23T08:15
scan LATTE-T
accept
accept
pay
time 2026-11-23T09:30
scan LATTE-T
decline
decline
pay
"""
DAY2 = """\
clerk bob
time 2026-11-24T10:05
scan MUFFIN-B
scan LATTE-G
accept
pay
"""


@pytest.fixture(scope="module")
def _played(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    db = folder / "shop.db"
    lines = (SPEC_DIR / "catalog.csv").read_text(encoding="utf-8").splitlines()
    costed = [lines[0] + ",cost"] + [
        line + (",0.80" if line.startswith("MUFFIN-B,") else ",") for line in lines[1:]]
    (folder / "catalog.csv").write_text("\n".join(costed) + "\n", encoding="utf-8")
    (folder / "day1.txt").write_text(DAY1, encoding="utf-8")
    (folder / "day2.txt").write_text(DAY2, encoding="utf-8")
    for args in (("init", "--db", db), ("import", "catalog", folder / "catalog.csv", "--db", db),
                 ("import", "rules", SPEC_DIR / "rules.yaml", "--db", db)):
        assert run_subprocess(*args).code == 0
    with Store.open(db) as store:
        store.staff.add_without_secret("bob")
    for script in ("day1.txt", "day2.txt"):
        played = run_subprocess("simulate", "--db", db, folder / script)
        assert played.code == 0, played.err
        assert '"event":"error"' not in played.out, played.out
    return db


@pytest.fixture
def shop(_played: Path, tmp_path: Path) -> Path:
    target = tmp_path / "shop.db"
    shutil.copyfile(_played, target)
    return target


def report(cli: RunCli, db: Path, *extra: str) -> dict[str, Any]:
    result = cli("report", "--db", db, "--format", "json", *extra)
    assert result.code == 0, result.err
    return json.loads(result.out)


def by(rows: list[dict[str, Any]], key: str) -> dict[Any, dict[str, Any]]:
    return {r[key]: r for r in rows}


def test_rules_as_worked_out_by_hand(cli: RunCli, shop: Path) -> None:
    rules = by(report(cli, shop)["rules"], "rule")
    assert set(rules) == {"latte-size-up", "latte-muffin"}
    size_up, muffin = rules["latte-size-up"], rules["latte-muffin"]
    assert (size_up["shown"], size_up["accepted"], size_up["declined"], size_up["ignored"]) \
        == (3, 2, 1, 0)
    assert size_up["acceptance_rate"] == pytest.approx(2 / 3, abs=1e-4)
    assert size_up["revenue_added"] == "0.90"
    assert size_up["margin_added"] is None
    assert (muffin["shown"], muffin["accepted"], muffin["declined"]) == (2, 1, 1)
    assert muffin["acceptance_rate"] == 0.5
    assert (muffin["revenue_added"], muffin["margin_added"], muffin["margin_accepted"]) \
        == ("2.00", "1.20", 1)


def test_clerks_hours_days_and_totals_by_hand(cli: RunCli, shop: Path) -> None:
    data = report(cli, shop)
    clerks = by(data["clerks"], "clerk")
    assert set(clerks) == {"clerk", "bob"}
    me, bob = clerks["clerk"], clerks["bob"]
    assert (me["shown"], me["accepted"], me["declined"], me["revenue_added"]) == \
        (4, 2, 2, "2.50")
    assert (me["margin_added"], me["margin_accepted"]) == ("1.20", 1)
    assert (me["orders"], me["average_order_value"], me["attach_rate"]) == (2, "4.70", 0.5)
    assert (bob["shown"], bob["accepted"], bob["orders"], bob["average_order_value"],
            bob["attach_rate"]) == (1, 1, 1, "7.10", 1.0)
    hours = by(data["hours"], "hour")
    assert {h: (r["shown"], r["accepted"], r["orders"], r["average_order_value"])
            for h, r in hours.items()} == {8: (2, 2, 1, "5.95"), 9: (2, 0, 1, "3.45"),
                                           10: (1, 1, 1, "7.10")}
    days = by(data["days"], "day")
    assert {d: (r["shown"], r["orders"], r["revenue_added"]) for d, r in days.items()} == \
        {"2026-11-23": (4, 2, "2.50"), "2026-11-24": (1, 1, "0.40")}
    totals = data["totals"]
    assert (totals["shown"], totals["accepted"], totals["declined"], totals["revenue_added"],
            totals["orders"], totals["average_order_value"]) == (5, 3, 2, "2.90", 3, "5.50")
    assert totals["attach_rate"] == pytest.approx(2 / 3, abs=1e-4)
    assert data["uplift"] == []  # no rule has a holdout
    assert "leaderboard" not in data  # off by default


def test_the_date_range_includes_both_ends(cli: RunCli, shop: Path) -> None:
    only_day2 = report(cli, shop, "--from", "2026-11-24", "--to", "2026-11-24")
    assert (only_day2["from"], only_day2["to"]) == ("2026-11-24", "2026-11-24")
    assert [(r["rule"], r["shown"]) for r in only_day2["rules"]] == [("latte-size-up", 1)]
    assert [c["clerk"] for c in only_day2["clerks"]] == ["bob"]
    assert only_day2["totals"]["orders"] == 1
    only_day1 = report(cli, shop, "--to", "2026-11-23")
    assert only_day1["totals"]["shown"] == 4
    assert only_day1["totals"]["orders"] == 2
    both = report(cli, shop, "--from", "2026-11-23", "--to", "2026-11-24")
    assert both["totals"]["shown"] == 5
    none = report(cli, shop, "--from", "2026-11-25")
    assert none["rules"] == []
    assert none["totals"]["orders"] == 0


@pytest.mark.parametrize(("args", "needle"), [
    (("--from", "23/11/2026"), "is not a date"),
    (("--from", "2026-11-24", "--to", "2026-11-23"), "is after"),
])
def test_bad_dates_are_refused_in_a_sentence(cli: RunCli, shop: Path, args: tuple[str, ...],
                                             needle: str) -> None:
    cli("report", "--db", shop, *args).assert_clean_error(2, needle)


def test_practice_store_is_refused(cli: RunCli, shop: Path, tmp_path: Path) -> None:
    by_name = tmp_path / "shop.training.db"
    shutil.copyfile(shop, by_name)
    cli("report", "--db", by_name).assert_clean_error(2, "practice store", "shop.db")
    renamed = tmp_path / "renamed.db"
    shutil.copyfile(shop, renamed)
    with Store.open(renamed) as store:
        store.set_settings({"training": True})
    cli("report", "--db", renamed).assert_clean_error(2, "practice store")


def test_leaderboard_when_turned_on_ranks_only_clerks_with_enough_orders(
        cli: RunCli, shop: Path) -> None:
    assert cli("settings", "--db", shop, "leaderboard=on").code == 0
    data = report(cli, shop)
    assert data["leaderboard"] == []  # default minimum 20 orders: nobody yet
    assert data["leaderboard_min_orders"] == 20
    assert cli("settings", "--db", shop, "leaderboard_min_orders=2").code == 0
    ranked = report(cli, shop)["leaderboard"]
    assert [(e["rank"], e["clerk"], e["orders"], e["offers"], e["accepted"])
            for e in ranked] == [(1, "clerk", 2, 4, 2)]  # bob has 1 order: not ranked
    assert cli("settings", "--db", shop, "leaderboard_min_orders=1").code == 0
    ranked = report(cli, shop)["leaderboard"]
    assert [e["clerk"] for e in ranked] == ["clerk", "bob"]  # 4 offers before 1
    assert cli("settings", "--db", shop, "leaderboard=off").code == 0
    assert "leaderboard" not in report(cli, shop)


@pytest.mark.parametrize(("pair", "needle"), [("leaderboard=maybe", "on or off"),
                                              ("leaderboard_min_orders=0", "whole number")])
def test_leaderboard_settings_are_checked(cli: RunCli, shop: Path, pair: str,
                                          needle: str) -> None:
    cli("settings", "--db", shop, pair).assert_clean_error(1, needle)


def test_csv_has_one_section_per_table(cli: RunCli, shop: Path) -> None:
    result = cli("report", "--db", shop, "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.reader(io.StringIO(result.out)))
    headers = [r for r in rows if r[0] == "section"]
    assert [h[1] for h in headers] == ["rule", "clerk", "hour", "day", "period", "rule"]
    muffin = next(r for r in rows if r[0] == "rules" and r[1] == "latte-muffin")
    header = headers[0]
    assert dict(zip(header, muffin, strict=True))["margin_added"] == "1.20"
    totals = next(r for r in rows if r[0] == "totals")
    assert dict(zip(headers[4], totals, strict=True))["average_order_value"] == "5.50"


def test_table_is_readable(cli: RunCli, shop: Path) -> None:
    result = cli("report", "--db", shop)
    assert result.code == 0, result.err
    assert "all history" in result.out
    assert "latte-muffin" in result.out
    assert "66.7%" in result.out
    assert "1.20 (1/2)" in result.out  # the clerk's margin covers 1 of 2 accepted offers


def test_report_needs_a_store(cli: RunCli, tmp_path: Path) -> None:
    cli("report", "--db", tmp_path / "none.db").assert_clean_error(2, "no store")
