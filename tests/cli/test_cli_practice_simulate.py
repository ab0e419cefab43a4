"""`simulate` as scan-script.md and practice.md have it: `expect` lines checked in every
script, `offer`/`explain` only in practice with a scenario, and `--training --scenario`
printing the spec's practice events with the spec's arithmetic (run in this process, on
real store files; the built-in scenarios go through a real subprocess in
tests/practice/test_builtin_scenarios.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cli_support import RunCli

SAM_SCENARIO = """\
version: 1
id: cafe-first-morning
title: Your first morning
level: 1
pass_score: 80
time: 2026-11-23T08:10
customers:
  - name: Sam
    says: "A tall latte, please."
    items: [LATTE-T]
    answers:
      coffee-size-up: accept
      breakfast-croissant: why-then-accept
    default: decline
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_failed_expectations_are_events_and_exit_1(cli: RunCli,
                                                  store_copy: Callable[[str], Path],
                                                  tmp_path: Path) -> None:
    db = store_copy("cafe")
    script = write(tmp_path, "s.txt", "time 2026-11-23T08:10\n"
                                      "scan 2100000000012\n"       # Latte Tall, 4.25
                                      "expect prompt coffee-size-up\n"
                                      "expect total 4.25\n"
                                      "expect line LATTE-T 1\n"
                                      "expect line 2100000000012 1\n"  # by barcode too
                                      "expect prompt none\n"           # line 7: fails
                                      "accept\n"
                                      "expect total 9.99\n"            # line 9: fails
                                      "expect line LATTE-T 1\n")       # line 10: fails
    result = cli("simulate", "--dry-run", "--db", db, script)
    assert result.code == 1
    failed = [e for e in result.events() if e["event"] == "expect_failed"]
    assert [(e["line"], e["expected"], e["got"]) for e in failed] == [
        (7, "none", "coffee-size-up"), (9, "9.99", "4.85"), (10, "LATTE-T 1", "no such line")]
    assert all("order" in e and "total" in e for e in failed)
    assert "3 expectations failed" in result.err


def test_expectations_that_hold_print_nothing_and_exit_0(cli: RunCli,
                                                         store_copy: Callable[[str], Path],
                                                         tmp_path: Path) -> None:
    db = store_copy("cafe")
    script = write(tmp_path, "s.txt", "time 2026-11-23T08:10\nscan LATTE-T\n"
                                      "expect prompt coffee-size-up\naccept\n"
                                      "expect line LATTE-G 1\nexpect total 4.85\n")
    result = cli("simulate", "--dry-run", "--db", db, script)
    assert result.code == 0, result.err
    assert not [e for e in result.events() if e["event"] == "expect_failed"]


def test_a_malformed_expect_stops_before_anything_runs(cli: RunCli,
                                                       store_copy: Callable[[str], Path],
                                                       tmp_path: Path) -> None:
    db = store_copy("cafe")
    for bad in ("expect total four", "expect line LATTE-T", "expect price 1", "expect"):
        script = write(tmp_path, "s.txt", f"scan LATTE-T\n{bad}\n")
        result = cli("simulate", "--db", db, script)
        result.assert_clean_error(2, "line 2")
        assert result.out == ""


def test_offer_and_explain_outside_a_scenario_are_error_events(
        cli: RunCli, store_copy: Callable[[str], Path], tmp_path: Path) -> None:
    db = store_copy("cafe")
    script = write(tmp_path, "s.txt", "scan LATTE-T\noffer\nexplain\n")
    result = cli("simulate", "--dry-run", "--db", db, script)
    assert result.code == 0
    errors = [e for e in result.events() if e["event"] == "error"]
    assert [e["line"] for e in errors] == [2, 3]
    assert all("practice with a scenario" in e["message"] for e in errors)


def test_a_scenario_needs_training(cli: RunCli, store_copy: Callable[[str], Path],
                                   tmp_path: Path) -> None:
    db = store_copy("cafe")
    scenario = write(tmp_path, "sam.yaml", SAM_SCENARIO)
    script = write(tmp_path, "s.txt", "scan LATTE-T\n")
    cli("simulate", "--db", db, "--scenario", scenario, script).assert_clean_error(
        2, "--training")


def test_the_spec_example_prints_the_spec_events(cli: RunCli,
                                                 store_copy: Callable[[str], Path],
                                                 tmp_path: Path) -> None:
    """practice.md's example: Sam accepts the size-up, asks why about the croissant and is
    not told: 5 of 6, 83, passed. Every practice event as the spec shows it."""
    db = store_copy("cafe")
    scenario = write(tmp_path, "sam.yaml", SAM_SCENARIO)
    script = write(tmp_path, "trainee.txt", "scan LATTE-T\noffer\naccept\noffer\ndecline\n"
                                            "pay\n")
    result = cli("simulate", "--training", "--dry-run", "--db", db, "--scenario", scenario,
                 script)
    assert result.code == 0, result.err
    practice = [e for e in result.events()
                if e["event"] in ("customer", "customer_says", "scorecard", "score")]
    trimmed = [{k: v for k, v in e.items() if k not in ("says", "notes", "position",
                                                         "customers")} for e in practice]
    assert trimmed == [
        {"event": "customer", "order": 1, "name": "Sam", "total": "0.00"},
        {"event": "customer_says", "order": 1, "rule": "coffee-size-up", "answer": "accept",
         "total": "4.25"},
        {"event": "customer_says", "order": 1, "rule": "breakfast-croissant", "answer": "why",
         "total": "4.85"},
        {"event": "scorecard", "order": 1, "customer": "Sam", "points": 5, "possible": 6,
         "total": "4.85"},
        {"event": "score", "order": 1, "scenario": "cafe-first-morning", "points": 5,
         "possible": 6, "score": 83, "passed": True, "total": "4.85"},
    ]
    assert practice[0]["says"] == "A tall latte, please."
    assert len(practice[3]["notes"]) == 3


def test_the_score_comes_when_the_script_ends_with_customers_waiting(
        cli: RunCli, store_copy: Callable[[str], Path], tmp_path: Path) -> None:
    """Sam is served perfectly but has not paid when the script ends: items 1/1, size-up
    2/2, croissant (a plain no here) offered and recorded 2/2: 5 of 5, scored as it
    stands. Ana, with two items, never steps up: +2 possible. 5 of 7 = 71.4: 71, not
    passed at 80."""
    db = store_copy("cafe")
    two = SAM_SCENARIO.replace("      breakfast-croissant: why-then-accept\n", "") + (
        "  - name: Ana\n    items: [MUFFIN-BB, COOKIE-OAT]\n")
    scenario = write(tmp_path, "two.yaml", two)
    script = write(tmp_path, "t.txt", "scan LATTE-T\noffer\naccept\noffer\ndecline\n")
    result = cli("simulate", "--training", "--dry-run", "--db", db, "--scenario", scenario,
                 script)
    events = result.events()
    score = [e for e in events if e["event"] == "score"]
    assert [(s["points"], s["possible"], s["score"], s["passed"]) for s in score] == [
        (5, 7, 71, False)]


def test_a_scenario_naming_what_the_store_lacks_is_refused_whole(
        cli: RunCli, store_copy: Callable[[str], Path], tmp_path: Path) -> None:
    db = store_copy("cafe")
    bad = SAM_SCENARIO.replace("[LATTE-T]", "[LATTE-T, NO-SUCH]").replace(
        "coffee-size-up: accept", "no-such-rule: accept")
    scenario = write(tmp_path, "bad.yaml", bad)
    script = write(tmp_path, "t.txt", "scan LATTE-T\n")
    result = cli("simulate", "--training", "--dry-run", "--db", db, "--scenario", scenario,
                 script)
    result.assert_clean_error(1, "customer 1 (Sam), field items[2]",
                              "customer 1 (Sam), field answers.no-such-rule")
    assert result.out == ""
