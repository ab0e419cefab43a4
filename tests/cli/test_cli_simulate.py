"""`pos-prompter simulate --db PATH SCRIPT [--dry-run] [--training]` (shared/spec/scan-script.md).

The spec's example scripts carry `# expect` lines; they are read from the files and checked
against the JSON Lines that simulate prints. Every demo script checks itself with `expect`
lines (scan-script.md): simulate must exit 0 without an expect_failed event; the few `# expect
offer` / `# expect say-contains` comments left in them (what an `expect` line cannot say: an
offer not taken, the words of a prompt) are checked as the spec scripts' are.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cli_support import DEMO_ROOT, SPEC_DIR, RunCli, order_count, query, run_subprocess

from pos_prompter.bootstrap import training_store_path
from pos_prompter.core.engine import is_held_out

SPEC_SCRIPTS = sorted(SPEC_DIR.glob("[0-9][0-9]-*.txt"))
DEMO_SCRIPTS = sorted(DEMO_ROOT.glob("*/demo-*.txt"))
PRINTED = {"line", "prompt", "accepted", "declined", "ignored", "checkout", "paid", "error",
           "void", "qty"}
ANSWERS = ("accepted", "declined", "ignored")
MONEY = re.compile(r"^\d+\.\d\d$")

# ---------------------------------------------------------------- the `# expect` lines

EXPECT = re.compile(r"^#\s*expect\s+(?P<what>[a-z-]+)(?:\s+(?P<rule>[a-z0-9-]+))?\s*:"
                    r"\s*(?P<value>.*?)\s*$")


@dataclass
class Expectations:
    prompts: list[str] | None = None
    answers: list[str] | None = None
    paid: list[str] | None = None
    offers: list[tuple[str, str, str]] = field(default_factory=list)
    says: list[tuple[str, str]] = field(default_factory=list)

    def count(self) -> int:
        given = (self.prompts, self.answers, self.paid)
        return sum(x is not None for x in given) + len(self.offers) + len(self.says)


def read_expectations(script: Path) -> Expectations:
    exp = Expectations()
    for line in script.read_text("utf-8").splitlines():
        if not re.match(r"^#\s*expect\b", line):
            continue
        m = EXPECT.match(line)
        assert m, f"{script.name}: cannot read {line!r}"
        what, rule, value = m["what"], m["rule"], m["value"]
        if what in ("prompts", "answers", "paid"):
            assert rule is None, line
            setattr(exp, what, value.split())
        elif what == "offer":
            sku, delta = value.split()
            exp.offers.append((rule, sku, delta))
        elif what == "say-contains":
            exp.says.append((rule, value))
        else:
            raise AssertionError(f"{script.name}: unknown expectation {what!r}: {line!r}")
    return exp


def check(events: list[dict[str, Any]], exp: Expectations) -> None:
    prompts = [e for e in events if e["event"] == "prompt"]
    if exp.prompts is not None:
        assert [e["rule"] for e in prompts] == exp.prompts
    if exp.answers is not None:
        assert [e["event"] for e in events if e["event"] in ANSWERS] == exp.answers
    if exp.paid is not None:
        assert [e["total"] for e in events if e["event"] == "paid"] == exp.paid
    for rule, sku, delta in exp.offers:
        offers = [(e["offer"]["sku"], e["offer"]["delta"]) for e in prompts if e["rule"] == rule]
        assert (sku, delta) in offers, (rule, offers)
    for rule, text in exp.says:
        says = [e["say"] for e in prompts if e["rule"] == rule]
        assert any(text in say for say in says), (rule, text, says)


def check_shape(events: list[dict[str, Any]]) -> None:
    """Every record: event, order and total (a decimal string); only what a clerk sees."""
    for e in events:
        assert list(e)[:2] == ["event", "order"], e
        assert list(e)[-1] == "total", e
        assert e["event"] in PRINTED, e
        assert MONEY.match(e["total"]), e


# ---------------------------------------------------------------- the scripts


def _cases() -> list[Any]:
    cases = [pytest.param(path, "spec", id=f"spec/{path.name}") for path in SPEC_SCRIPTS]
    cases += [pytest.param(path, path.parent.name, id=f"{path.parent.name}/{path.name}")
              for path in DEMO_SCRIPTS]
    return cases


def test_the_spec_examples_are_there() -> None:
    assert len(SPEC_SCRIPTS) == 4
    assert all(read_expectations(p).count() for p in SPEC_SCRIPTS)


def expect_commands(script: Path) -> list[list[str]]:
    """The script's commands (comments left out), as words."""
    lines = (raw.split("#", 1)[0].split() for raw in script.read_text("utf-8").splitlines())
    return [words for words in lines if words]


def test_every_demo_script_checks_itself_with_expect_lines() -> None:
    """`expect total` right before each pay, and no `# expect prompts/answers/paid` comment
    left beside the `expect` lines that replaced it."""
    assert len(DEMO_SCRIPTS) == 6
    for script in DEMO_SCRIPTS:
        commands = expect_commands(script)
        assert [w[:2] for w in commands].count(["expect", "prompt"]) >= 2, script.name
        for before, command in itertools.pairwise(commands):
            if command == ["pay"]:
                assert before[:2] == ["expect", "total"], (script.name, before)
        old = read_expectations(script)
        assert (old.prompts, old.answers, old.paid) == (None, None, None), script.name


@pytest.mark.parametrize(("script", "store"), _cases())
def test_script_meets_its_expectations(cli: RunCli, store_copy: Callable[[str], Path],
                                       script: Path, store: str) -> None:
    expectations = read_expectations(script)
    if store == "spec":
        assert expectations.count(), f"{script} has no # expect lines"
    else:
        assert ["expect", "total"] in [w[:2] for w in expect_commands(script)], script
    db = store_copy(store)
    result = cli("simulate", "--db", db, script)
    assert result.code == 0, result.out + result.err
    assert result.err == ""
    events = result.events()
    assert [e for e in events if e["event"] == "expect_failed"] == []
    check_shape(events)
    check(events, expectations)
    assert not [e for e in events if e["event"] == "error"]
    paid = [e["order"] for e in events if e["event"] == "paid"]
    assert order_count(db) == len(paid)
    statuses = query(db, "SELECT status FROM orders")
    assert statuses == [("paid",)] * len(paid)


def test_a_script_through_the_real_command(spec_store: Path) -> None:
    script = SPEC_DIR / "04-threshold-reward.txt"
    result = run_subprocess("simulate", "--db", spec_store, script)
    assert result.code == 0, result.err
    check(result.events(), read_expectations(script))
    assert query(spec_store, "SELECT count(*) FROM prompt_events WHERE status = 'accepted'") \
        == [(1,)]


# ---------------------------------------------------------------- errors inside a script


def write(tmp_path: Path, text: str, name: str = "script.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_barcode_is_an_error_event_with_the_script_line(
        cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    script = write(tmp_path, "# a comment\n\ntime 2026-11-23T08:15\n"
                             "scan LATTE-T   # line 4\n"
                             "decline\ndecline\n"
                             "scan 0000000000000\n"    # line 7
                             "scan NO-SUCH-SKU\n"      # line 8
                             "pay\n")
    result = cli("simulate", "--db", spec_store, script)
    assert result.code == 0, result.err
    events = result.events()
    errors = [e for e in events if e["event"] == "error"]
    order = events[0]["order"]
    total = events[0]["total"]
    assert errors == [
        {"event": "error", "order": order, "line": 7,
         "message": "unknown barcode 0000000000000", "total": total},
        {"event": "error", "order": order, "line": 8,
         "message": "unknown code NO-SUCH-SKU", "total": total},
    ]
    assert events[-1] == {"event": "paid", "order": order, "total": total}


def test_answer_without_a_prompt_is_an_error_event(cli: RunCli, spec_store: Path,
                                                   tmp_path: Path) -> None:
    script = write(tmp_path, "accept\nscan COOKIE\ndecline\naccept\npay\npay\ncheckout\n")
    result = cli("simulate", "--db", spec_store, script)
    assert result.code == 0, result.err
    events = result.events()
    check_shape(events)
    errors = [(e["line"], e["message"]) for e in events if e["event"] == "error"]
    assert [line for line, _ in errors] == [1, 3, 4, 6, 7]
    assert "no prompt on screen to accept" in errors[0][1]
    assert "no prompt on screen to decline" in errors[1][1]
    assert [e["event"] for e in events if e["event"] != "error"] == ["line", "paid"]


def test_qty_and_void(cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    script = write(tmp_path, "time 2026-11-23T08:15\nscan COOKIE\nqty 3\nscan BEANS-250\n"
                             "void COOKIE\nvoid COOKIE\nqty 0\npay\n")
    events = cli("simulate", "--db", spec_store, script).events()
    check_shape(events)
    qty = next(e for e in events if e["event"] == "qty")
    assert (qty["sku"], qty["qty"], qty["total"]) == ("COOKIE", 3, "5.85")
    void = next(e for e in events if e["event"] == "void")
    assert (void["sku"], void["total"]) == ("COOKIE", "9.50")
    assert [e["line"] for e in events if e["event"] == "error"] == [6, 7]
    assert events[-1]["event"] == "paid"
    assert events[-1]["total"] == "9.50"


def test_scan_then_qty_then_accept_as_the_spec_lists_them(
        cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    """scan-script.md lists `scan`, `qty 2`, `accept`: the prompt of the scan is still up
    after the quantity, priced for the whole line, and the accept takes it."""
    script = write(tmp_path, "time 2026-11-23T08:15\nscan LATTE-T\nqty 2\naccept\npay\n")
    events = cli("simulate", "--db", spec_store, script).events()
    check_shape(events)
    assert [e["event"] for e in events[:4]] == ["line", "prompt", "qty", "prompt"]
    assert events[1]["offer"]["delta"] == "0.50"
    assert (events[3]["rule"], events[3]["offer"]["delta"], events[3]["updated"]) == (
        "latte-size-up", "1.00", True)
    accepted = next(e for e in events if e["event"] == "accepted")
    assert (accepted["rule"], accepted["total"]) == ("latte-size-up", "7.90")
    assert not any(e["event"] == "error" for e in events)
    assert [e["rule"] for e in events if e["event"] == "ignored"] == ["latte-muffin"]  # pay
    # Shown once in the outcome log: the figures changed, not the prompt.
    assert query(spec_store, "SELECT rule_id, status FROM prompt_events "
                             "WHERE rule_id = 'latte-size-up' ORDER BY id") == [
        ("latte-size-up", "shown"), ("latte-size-up", "accepted")]


def test_a_script_never_goes_on_with_a_real_tills_open_order(
        cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    """A clerk has an order open at the till on this store; a script starts its own."""
    from pos_prompter.store import Store
    from pos_prompter.till import Till

    with Store.open(spec_store) as store:
        Till(store, till_name="front").scan("COOKIE")
    script = write(tmp_path, "time 2026-11-23T08:15\nscan BEANS-250\npay\n")
    result = cli("simulate", "--db", spec_store, script)
    assert result.code == 0, result.err
    assert "continuing" not in result.err
    paid = result.events()[-1]
    assert (paid["event"], paid["total"]) == ("paid", "9.50")
    assert query(spec_store, "SELECT status, till FROM orders ORDER BY id") == [
        ("open", "front"), ("paid", "simulate")]


def test_clerk_customer_and_time_reach_the_order(cli: RunCli, spec_store: Path,
                                                 tmp_path: Path) -> None:
    from pos_prompter.store import Store

    with Store.open(spec_store) as store:
        store.staff.add_without_secret("alice")  # a script's clerk is on the staff list
    script = write(tmp_path, "clerk alice\ncustomer member\ntime 2026-11-23T08:15\n"
                             "scan COOKIE\ncustomer staff\ntime 2026-11-23T08:20\npay\n"
                             "customer none\nscan COOKIE\npay\n")
    result = cli("simulate", "--db", spec_store, script)
    assert result.code == 0, result.err
    assert "customer" not in {e["event"] for e in result.events()}
    assert query(spec_store, "SELECT clerk, customer, opened_at, closed_at FROM orders "
                             "ORDER BY id")[0] == ("alice", "staff", "2026-11-23T08:15:00",
                                                   "2026-11-23T08:20:00")
    assert query(spec_store, "SELECT customer FROM orders ORDER BY id")[1] == (None,)


def test_held_out_prompts_are_not_printed(cli: RunCli, spec_store: Path,
                                          tmp_path: Path) -> None:
    pack = write(tmp_path, "version: 1\nrules:\n"
                           "  - id: cookie-with-coffee\n    kind: cross_sell\n"
                           "    title: Cookie\n    when: {scanned: {category: [coffee]}}\n"
                           "    offer: {add: [COOKIE]}\n    say: A cookie?\n"
                           "    holdout: 0.99\n", name="pack.yaml")
    assert cli("import", "rules", pack, "--db", spec_store).code == 0
    assert is_held_out(1, "cookie-with-coffee", Decimal("0.99")), "set-up: order 1 is held out"
    script = write(tmp_path, "time 2026-11-23T08:15\nscan LATTE-T\npay\n")
    result = cli("simulate", "--db", spec_store, script)
    assert [e["event"] for e in result.events()] == ["line", "paid"]
    assert query(spec_store, "SELECT status FROM prompt_events") == [("held_out",)]


@pytest.mark.parametrize(("text", "line", "needle"), [
    ("scan LATTE-T\n\n# fine so far\nscna COOKIE\n", 4, "unknown command 'scna'"),
    ("scan LATTE-T\nqty two\n", 2, "qty"),
    ("time yesterday\n", 1, "yesterday"),
    ("time 2026-11-23T08:15+01:00\n", 1, "time zone"),
    ("scan\n", 1, "scan"),
    ("scan LATTE-T COOKIE\n", 1, "scan"),
    ("scan LATTE-T\npay now\n", 2, "pay"),
    ("customer big spender\n", 1, "customer"),
    ("Scan LATTE-T\n", 1, "unknown command"),
])
def test_bad_script_line_stops_before_anything_runs(
        cli: RunCli, spec_store: Path, tmp_path: Path, text: str, line: int,
        needle: str) -> None:
    script = write(tmp_path, text)
    result = cli("simulate", "--db", spec_store, script)
    result.assert_clean_error(2, f"{script} line {line}:", needle)
    assert result.out == ""
    assert order_count(spec_store) == 0


def test_unknown_command_through_the_real_command(spec_store: Path, tmp_path: Path) -> None:
    script = write(tmp_path, "scan LATTE-T\nsing a song\n")
    result = run_subprocess("simulate", "--db", spec_store, script)
    result.assert_clean_error(2, "line 2", "unknown command 'sing'")


def test_unreadable_script_exits_2(cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    cli("simulate", "--db", spec_store, tmp_path / "nope.txt").assert_clean_error(
        2, "does not exist")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("# caf\xe9\nscan COOKIE\n".encode("latin-1"))
    cli("simulate", "--db", spec_store, latin1).assert_clean_error(2, "not UTF-8")


def test_missing_store_exits_2(cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    script = SPEC_DIR / "01-upsell-then-bundle.txt"
    cli("simulate", "--db", missing, script).assert_clean_error(2, "there is no store")
    cli("simulate", "--db", missing, script, "--training").assert_clean_error(2, "no store")
    assert not missing.exists()
    assert not training_store_path(missing).exists()


def test_an_open_order_is_continued_and_reported(cli: RunCli, spec_store: Path,
                                                 tmp_path: Path) -> None:
    first = cli("simulate", "--db", spec_store, write(tmp_path, "scan COOKIE\n", "a.txt"))
    assert "still open" in first.err
    second = cli("simulate", "--db", spec_store, write(tmp_path, "scan COOKIE\npay\n", "b.txt"))
    assert "continuing order 1" in second.err
    assert second.events()[-1] == {"event": "paid", "order": 1, "total": "3.90"}


# ---------------------------------------------------------------- --dry-run and --training


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_dry_run_writes_nothing(cli: RunCli, spec_store: Path) -> None:
    script = SPEC_DIR / "01-upsell-then-bundle.txt"
    assert cli("simulate", "--db", spec_store, script).code == 0
    before = fingerprint(spec_store)
    orders = order_count(spec_store)
    result = cli("simulate", "--db", spec_store, script, "--dry-run")
    assert result.code == 0, result.err
    check(result.events(), read_expectations(script))
    assert fingerprint(spec_store) == before
    assert order_count(spec_store) == orders
    assert sorted(p.name for p in spec_store.parent.iterdir()) == [spec_store.name]


def test_training_plays_in_the_practice_store(cli: RunCli, spec_store: Path) -> None:
    script = SPEC_DIR / "01-upsell-then-bundle.txt"
    assert cli("simulate", "--db", spec_store, script).code == 0   # a real sale
    real_orders = query(spec_store, "SELECT * FROM orders")
    real_prompts = query(spec_store, "SELECT * FROM prompt_events")
    before = fingerprint(spec_store)

    result = cli("simulate", "--db", spec_store, script, "--training")
    assert result.code == 0, result.err
    check(result.events(), read_expectations(script))
    assert {e["order"] for e in result.events()} == {1}, "the practice store starts empty"
    practice = training_store_path(spec_store)
    assert order_count(practice) == 1
    assert query(practice, "SELECT count(*) FROM prompt_events")[0][0] == len(real_prompts)
    assert query(practice, "SELECT count(*) FROM products") == \
        query(spec_store, "SELECT count(*) FROM products")
    assert query(practice, "SELECT value FROM settings WHERE key = 'training'") == [("true",)]

    again = cli("simulate", "--training", "--db", spec_store, script)
    assert {e["order"] for e in again.events()} == {2}, "the practice store is kept"
    assert order_count(practice) == 2

    assert query(spec_store, "SELECT * FROM orders") == real_orders
    assert query(spec_store, "SELECT * FROM prompt_events") == real_prompts
    assert fingerprint(spec_store) == before


def test_training_dry_run_writes_neither_store(cli: RunCli, spec_store: Path) -> None:
    script = SPEC_DIR / "02-decline-not-repeated.txt"
    assert cli("simulate", "--db", spec_store, script).code == 0
    before = fingerprint(spec_store)
    result = cli("simulate", "--db", spec_store, script, "--training", "--dry-run")
    assert result.code == 0, result.err
    assert {e["order"] for e in result.events()} == {1}
    assert not training_store_path(spec_store).exists()
    assert fingerprint(spec_store) == before

    assert cli("simulate", "--db", spec_store, script, "--training").code == 0
    practice = training_store_path(spec_store)
    practice_before = fingerprint(practice)
    dry = cli("simulate", "--db", spec_store, script, "--training", "--dry-run")
    assert {e["order"] for e in dry.events()} == {2}
    assert fingerprint(practice) == practice_before
