"""`pos-prompter whatif`: a draft replayed over past orders built so the answer is known.

The store: the spec cafe (latte-size-up, latte-muffin, mug-at-checkout; two prompts per
order at most) plus a store cross-sell `muffin-cookie`. Its history, all through the real
command line: past orders imported with their times, and cross-sell prompt events played
with `simulate` (1 accepted of 4 shown in the last 90 days; 3 more accepted 200 days ago,
outside every window used here, so a rate over all history would read 4 of 7).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import RunCli, query, run_subprocess

from pos_prompter.core.engine import is_held_out
from pos_prompter.core.whatif_window import MAX_DAYS

NOW = dt.datetime.now().replace(microsecond=0)

STORE_CROSS_SELL = """version: 1
rules:
  - id: muffin-cookie
    kind: cross_sell
    title: Cookie with a muffin
    when: {scanned: {sku: [MUFFIN-B]}}
    offer: {add: [COOKIE]}
    say: "A cookie with that?"
"""

BEANS_COOKIE = """version: 1
rules:
  - id: beans-cookie
    kind: cross_sell
    title: Cookie with beans
    when: {scanned: {sku: [BEANS-250]}}
    offer: {add: [COOKIE]}
    say: "A cookie with your beans?"
    active: false
"""

COFFEE_COOKIE = """version: 1
rules:
  - id: {id}
    kind: cross_sell
    title: Cookie with a coffee
    when: {{scanned: {{category: [coffee]}}}}
    offer: {{add: [COOKIE]}}
    say: "A cookie with your coffee?"
    priority: 5
"""

BEANS_ORDERS = 7
"""Orders of beans alone in the last 90 days: the draft shows in each."""
OLD_BEANS_ORDERS = 4
"""Orders of beans alone 100 days ago: only in a window of more than 100 days."""


def ago(days: float) -> str:
    """Times half a day off every window's edge, so the minutes a test takes never matter."""
    return (NOW - dt.timedelta(days=days)).isoformat(timespec="minutes")


def orders_csv() -> str:
    rows = ["order_id,sku,qty,price,time"]
    rows += [f"b{i},BEANS-250,1,,{ago(3.5 + i)}" for i in range(BEANS_ORDERS)]
    for i in range(2):  # the store's upsell and bundle take both prompts before the beans
        rows += [f"lb{i},LATTE-T,1,,{ago(5.5)}", f"lb{i},BEANS-250,1,,{ago(5.5)}"]
    rows += [f"c0,COOKIE,1,,{ago(4.5)}", f"c0,BEANS-250,1,,{ago(4.5)}"]
    rows += [f"old{i},BEANS-250,1,,{ago(100.5 + i)}" for i in range(OLD_BEANS_ORDERS)]
    return "\n".join(rows) + "\n"


def simulate_script() -> str:
    """muffin-cookie shown 4 times 2 days ago (1 accepted), and accepted 3 times long ago."""
    lines = [f"time {ago(2.5)}"]
    for answer in ("accept", "decline", "decline", "decline"):
        lines += ["scan MUFFIN-B", answer, "pay"]
    lines.append(f"time {ago(200.5)}")
    for _ in range(3):
        lines += ["scan MUFFIN-B", "accept", "pay"]
    return "\n".join(lines) + "\n"


IN_WINDOW = BEANS_ORDERS + 2 + 1 + 4
"""Paid orders of the last 90 days: beans, latte+beans, cookie+beans, simulated muffins."""


@pytest.fixture
def shop(cli: RunCli, spec_store: Path, tmp_path: Path) -> Path:
    rules = tmp_path / "store-cross-sell.yaml"
    rules.write_text(STORE_CROSS_SELL, encoding="utf-8")
    assert cli("import", "rules", rules, "--merge", "--db", spec_store).code == 0
    orders = tmp_path / "orders.csv"
    orders.write_text(orders_csv(), encoding="utf-8")
    assert cli("import", "orders", orders, "--db", spec_store).code == 0
    script = tmp_path / "history.txt"
    script.write_text(simulate_script(), encoding="utf-8")
    played = cli("simulate", "--db", spec_store, script)
    assert played.code == 0, played.err
    assert query(spec_store, "SELECT status, count(*) FROM prompt_events "
                 "WHERE kind = 'cross_sell' GROUP BY status ORDER BY status") == \
        [("accepted", 4), ("declined", 3), ("shown", 7)]
    return spec_store


def draft(tmp_path: Path, text: str, name: str = "draft.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def whatif_json(cli: RunCli, db: Path, pack: Path, *more: object) -> list[dict[str, object]]:
    result = cli("whatif", pack, "--db", db, "--format", "json", *more)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert isinstance(data, list)
    return data


def test_a_draft_counts_its_orders_and_expects_revenue_at_its_kinds_rate(
        cli: RunCli, shop: Path, tmp_path: Path) -> None:
    [row] = whatif_json(cli, shop, draft(tmp_path, BEANS_COOKIE))
    assert list(row)[:8] == ["rule", "days", "orders_considered", "would_show",
                             "acceptance_rate_used", "acceptance_rate_from",
                             "expected_accepts", "expected_revenue"]
    assert row["rule"] == "beans-cookie"
    assert row["days"] == 90
    assert row["orders_considered"] == IN_WINDOW
    # beans alone: shown; latte first: the cap is spent; a cookie already in: not offered
    assert row["would_show"] == BEANS_ORDERS
    assert row["kept_quiet_by_cap"] == 2
    assert row["held_out"] == 0
    # the cross-sell rate of the window, 1 of 4, not all history's 4 of 7
    assert row["acceptance_rate_used"] == 0.25
    assert row["rate_prompts_shown"] == 4
    assert row["rate_prompts_accepted"] == 1
    assert "1 accepted of 4 prompts shown" in str(row["acceptance_rate_from"])
    assert "cross-sell" in str(row["acceptance_rate_from"])
    assert row["expected_accepts"] == 1.75
    assert row["offered_revenue"] == "13.65"  # 7 x 1.95
    assert row["expected_revenue"] == "3.41"  # 13.65 / 4 = 3.4125


def test_the_days_window_ends_now_and_takes_older_orders_when_longer(
        cli: RunCli, shop: Path, tmp_path: Path) -> None:
    pack = draft(tmp_path, BEANS_COOKIE)
    [row] = whatif_json(cli, shop, pack, "--days", "120")
    assert row["days"] == 120
    assert row["orders_considered"] == IN_WINDOW + OLD_BEANS_ORDERS
    assert row["would_show"] == BEANS_ORDERS + OLD_BEANS_ORDERS
    assert row["rate_prompts_shown"] == 4  # the simulated prompts of 200 days ago: outside
    assert row["expected_revenue"] == "5.36"  # 11 x 1.95 / 4 = 5.3625
    until = dt.datetime.fromisoformat(str(row["until"]))
    assert abs((until - dt.datetime.now()).total_seconds()) < 120  # up to now, not the newest
    assert until - dt.datetime.fromisoformat(str(row["since"])) == dt.timedelta(days=120)
    [short] = whatif_json(cli, shop, pack, "--days", "5")
    assert short["would_show"] == 2  # b0 and b1, 3.5 and 4.5 days ago
    assert short["orders_considered"] == 2 + 1 + 4  # and c0, and the simulated muffins


def test_a_kind_the_store_never_showed_has_no_rate_yet(cli: RunCli, shop: Path,
                                                     tmp_path: Path) -> None:
    pack = draft(tmp_path, BEANS_COOKIE.replace("kind: cross_sell", "kind: bundle")
                 .replace("offer: {add: [COOKIE]}",
                          'offer: {bundle: {with: [COOKIE], price: "1.50"}}'))
    [row] = whatif_json(cli, shop, pack, "--days", "4")
    assert row["would_show"] == 1
    assert row["acceptance_rate_used"] is None
    assert row["expected_accepts"] is None
    assert row["expected_revenue"] is None
    assert str(row["acceptance_rate_from"]).startswith("no rate yet")
    table = cli("whatif", pack, "--db", shop, "--days", "4")
    assert table.code == 0
    assert "no rate yet" in table.out


def test_a_draft_with_a_store_rules_id_replaces_it(cli: RunCli, shop: Path,
                                                   tmp_path: Path) -> None:
    # In place of the bundle latte-muffin, a cross-sell: shown after the upsell is declined.
    [row] = whatif_json(cli, shop, draft(tmp_path, COFFEE_COOKIE.format(id="latte-muffin")))
    assert row["rule"] == "latte-muffin"
    assert row["kind"] == "cross_sell"
    assert row["would_show"] == 2
    assert row["kept_quiet_by_cap"] == 0
    assert row["expected_revenue"] == "0.98"  # 2 x 1.95 / 4 = 0.975, half to even
    # The store itself is unchanged: its latte-muffin is still the bundle.
    assert query(shop, "SELECT kind FROM rules WHERE id = 'latte-muffin'") == [("bundle",)]


def test_a_draft_the_cap_keeps_quiet(cli: RunCli, shop: Path, tmp_path: Path) -> None:
    # Beside the store's upsell and bundle, a third coffee prompt never fits in two.
    pack = draft(tmp_path, COFFEE_COOKIE.format(id="latte-cookie"))
    [row] = whatif_json(cli, shop, pack)
    assert row["would_show"] == 0
    assert row["kept_quiet_by_cap"] == 2
    assert row["expected_revenue"] == "0.00"
    # The pack's own settings count, as they would once imported: room for three.
    roomier = draft(tmp_path, COFFEE_COOKIE.format(id="latte-cookie").replace(
        "rules:", "settings: {max_prompts_per_order: 3}\nrules:"), "roomier.yaml")
    [row] = whatif_json(cli, shop, roomier)
    assert row["would_show"] == 2
    assert row["kept_quiet_by_cap"] == 0


def test_a_draft_with_a_holdout_is_held_out_where_the_till_would(
        cli: RunCli, shop: Path, tmp_path: Path) -> None:
    pack = draft(tmp_path, BEANS_COOKIE.replace("active: false", 'holdout: "0.5"'))
    [row] = whatif_json(cli, shop, pack)
    ids = [r[0] for r in query(shop, "SELECT id FROM orders WHERE external_id LIKE 'b%'")]
    held = sum(is_held_out(i, "beans-cookie", Decimal("0.5"))
               for i in ids)
    assert 0 < held < BEANS_ORDERS  # the draw splits these orders (else the test says little)
    assert row["held_out"] == held
    assert row["would_show"] == BEANS_ORDERS - held


def test_several_drafts_compete_for_the_cap_together(cli: RunCli, shop: Path,
                                                     tmp_path: Path) -> None:
    two = BEANS_COOKIE + "\n".join(COFFEE_COOKIE.format(id="latte-cookie").splitlines()[2:])
    rows = whatif_json(cli, shop, draft(tmp_path, two + "\n"))
    assert [r["rule"] for r in rows] == ["beans-cookie", "latte-cookie"]
    assert rows[0]["would_show"] == BEANS_ORDERS
    assert rows[1]["kept_quiet_by_cap"] == 2


def test_the_table_is_readable(cli: RunCli, shop: Path, tmp_path: Path) -> None:
    result = cli("whatif", draft(tmp_path, BEANS_COOKIE), "--db", shop)
    assert result.code == 0, result.err
    assert f"What-if over {IN_WINDOW} paid orders of the last 90 days" in result.out
    header, row = result.out.splitlines()[2:4]
    assert header.split()[:4] == ["rule", "kind", "would", "show"]
    assert row.split() == ["beans-cookie", "cross-sell", str(BEANS_ORDERS), "0", "2", "25%",
                           "1.8", "$3.41"]
    assert "beans-cookie: rate used from the store's cross-sell prompts of the last 90 " \
           "days: 1 accepted of 4 prompts shown" in result.out
    assert result.err == ""


def test_the_real_command_line_in_a_process(shop: Path, tmp_path: Path) -> None:
    result = run_subprocess("whatif", draft(tmp_path, BEANS_COOKIE), "--db", shop,
                            "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)[0]["would_show"] == BEANS_ORDERS
    assert result.err == ""  # no progress line off a terminal


def test_a_draft_naming_products_the_store_lacks_is_refused_as_import_refuses_it(
        cli: RunCli, shop: Path, tmp_path: Path) -> None:
    pack = draft(tmp_path, BEANS_COOKIE.replace("[COOKIE]", "[NOPE]"))
    result = cli("whatif", pack, "--db", shop)
    result.assert_clean_error(1, "rule beans-cookie", "NOPE", "cannot be replayed")
    assert result.out == ""
    errors = [ln for ln in result.err.splitlines() if ln.startswith("error: rule ")]
    assert errors  # one line per problem, as `import rules` prints them
    imported = cli("import", "rules", pack, "--merge", "--db", shop)
    assert imported.code == 1
    assert errors == [ln for ln in imported.err.splitlines() if ln.startswith("error: rule ")]


@pytest.mark.parametrize(("args", "code", "needle"), [
    (["--days", "0"], 2, "days"),
    (["--days", "ten"], 2, "days"),
    (["--days", str(MAX_DAYS + 1)], 2, "days"),
    (["--format", "csv"], 2, "format"),
])
def test_bad_options_are_usage_errors(cli: RunCli, shop: Path, tmp_path: Path,
                                      args: list[str], code: int, needle: str) -> None:
    result = cli("whatif", draft(tmp_path, BEANS_COOKIE), "--db", shop, *args)
    result.assert_clean_error(code, needle)


@pytest.mark.parametrize(("text", "code", "needle"), [
    (None, 2, "does not exist"),
    ("rules: [unclosed\n", 2, "not valid YAML"),
    ("version: 1\nrules: []\n", 2, "no rules"),
    (BEANS_COOKIE.replace("sku: [BEANS-250]", "skus: [BEANS-250]"), 1, "unknown field"),
])
def test_bad_packs_are_refused_with_one_sentence(cli: RunCli, shop: Path, tmp_path: Path,
                                                 text: str | None, code: int,
                                                 needle: str) -> None:
    pack = tmp_path / "missing.yaml" if text is None else draft(tmp_path, text)
    result = cli("whatif", pack, "--db", shop)
    result.assert_clean_error(code, needle)
    assert result.out == ""


def test_no_store_and_a_practice_store_are_refused(cli: RunCli, shop: Path,
                                                   tmp_path: Path) -> None:
    pack = draft(tmp_path, BEANS_COOKIE)
    cli("whatif", pack, "--db", tmp_path / "nowhere.db").assert_clean_error(2, "no store")
    practice = tmp_path / "shop.training.db"
    practice.write_bytes(shop.read_bytes())
    cli("whatif", pack, "--db", practice).assert_clean_error(2, "practice store")
    renamed = tmp_path / "renamed.db"  # a practice store under another name says so
    renamed.write_bytes(shop.read_bytes())
    with sqlite3.connect(renamed) as conn:
        conn.execute("INSERT INTO settings(key, value) VALUES ('training', 'true')")
    cli("whatif", pack, "--db", renamed).assert_clean_error(2, "practice store")


def test_progress_only_for_many_orders() -> None:
    from pos_prompter.cli.whatif import PROGRESS_MIN_ORDERS, _Progress

    few = io.StringIO()
    meter = _Progress(few)
    meter(0, 100)
    meter(100, 100)
    assert few.getvalue() == ""
    many = io.StringIO()
    meter = _Progress(many)
    total = PROGRESS_MIN_ORDERS * 2
    for done in (0, total // 2, total // 2, total):
        meter(done, total)
    assert many.getvalue() == (f"\rreplaying {total} orders: 0%\rreplaying {total} orders: "
                               f"50%\rreplaying {total} orders: 100%\n")
