"""`pos-prompter practice list|import|refresh|results --db REAL` (shared/spec/practice.md
"Command line"). --db names the real store; the practice store is NAME.training.db beside
it. That none of these writes the real store is tests/test_practice_store_readonly.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from cli_support import RunCli, query

from pos_prompter.bootstrap import training_store_path
from pos_prompter.store import Store
from pos_prompter.store.practice import PracticeStore, RunRecord

EXAMPLES = Path(__file__).parent / "practice_examples"
FIRST_MORNING = EXAMPLES / "tests-first-morning.yaml"
BUILT_IN = Path(__file__).resolve().parents[2] / "resources" / "demo" / "cafe" / "scenarios"
MONDAY = dt.datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def cafe(store_copy) -> Path:  # type: ignore[no-untyped-def]
    return store_copy("cafe")


def record(real: Path, trainee: str, score: int, *, minutes: int = 0,
           seconds: int = 245) -> None:
    with Store.open(training_store_path(real)) as store:
        PracticeStore(store).record_run(RunRecord(
            trainee=trainee, scenario_id="tests-first-morning",
            scenario_title="Your first morning",
            started_at=MONDAY + dt.timedelta(minutes=minutes), seconds=seconds,
            points=score * 6 // 100, possible=6, score=score, pass_score=80,
            passed=score >= 80, details=[{"customer": "Sam", "points": 5, "possible": 6}]))


# ---------------------------------------------------------------- import and list


def test_import_adds_a_scenario_and_list_shows_it(cli: RunCli, cafe: Path) -> None:
    result = cli("practice", "import", FIRST_MORNING, "--db", cafe)
    assert result.code == 0, result.err
    assert result.out == ("Imported scenario tests-first-morning: Your first morning "
                          "(level 1, 2 customers, pass at 80%)\n")
    practice = training_store_path(cafe)
    assert query(practice, "SELECT id, title, level, pass_score, body FROM scenarios") == [
        ("tests-first-morning", "Your first morning", 1, 80,
         FIRST_MORNING.read_text(encoding="utf-8"))]
    assert query(cafe, "SELECT count(*) FROM scenarios") == [(0,)], "only the practice store"

    listing = cli("practice", "list", "--db", cafe)
    assert listing.code == 0, listing.err
    header, *rows = listing.out.splitlines()
    assert header.split() == ["id", "title", "level", "customers", "source"]
    assert ["tests-first-morning", "Your", "first", "morning", "1", "easy", "2",
            "imported"] in [row.split() for row in rows]
    built_in = {yaml.safe_load(f.read_text(encoding="utf-8"))["id"]
                for f in BUILT_IN.glob("*.yaml")}
    assert {row.split()[0] for row in rows if row.endswith("built-in")} == built_in
    assert len(rows) == len(built_in) + 1


def test_importing_the_same_id_again_replaces_it(cli: RunCli, cafe: Path,
                                                 tmp_path: Path) -> None:
    assert cli("practice", "import", FIRST_MORNING, "--db", cafe).code == 0
    harder = tmp_path / "harder.yaml"
    harder.write_text(FIRST_MORNING.read_text(encoding="utf-8")
                      .replace("level: 1", "level: 3").replace("Your first", "A hard"),
                      encoding="utf-8")
    result = cli("practice", "import", harder, "--db", cafe)
    assert result.code == 0, result.err
    assert result.out.startswith("Replaced scenario tests-first-morning: A hard morning "
                                 "(level 3,")
    assert query(training_store_path(cafe), "SELECT id, level FROM scenarios") == [
        ("tests-first-morning", 3)]


def test_a_scenario_naming_what_the_store_lacks_is_refused_whole(cli: RunCli,
                                                                 cafe: Path) -> None:
    path = EXAMPLES / "cafe-not-this-store.yaml"
    result = cli("practice", "import", path, "--db", cafe)
    result.assert_clean_error(
        1, f"error: scenario {path} refused, nothing was changed (2 problems):",
        "customer 1 (Sam), field items[2]: 'PIZZA-XL' is no product of this store",
        "customer 2 (Ada), field answers.free-pony: this store has no rule by that id")
    assert query(training_store_path(cafe), "SELECT count(*) FROM scenarios") == [(0,)]


def test_a_field_given_twice_is_refused_with_its_lines(cli: RunCli, cafe: Path) -> None:
    result = cli("practice", "import", EXAMPLES / "cafe-twice.yaml", "--db", cafe)
    result.assert_clean_error(1, "refused, nothing was changed (1 problem):",
                              "customer 1, field answers.coffee-size-up: given twice "
                              "(lines 10 and 11)")


@pytest.mark.parametrize(("name", "needle"), [
    ("not-yaml.yaml", "is not valid YAML at line 5, column 1"),
    ("no-such-file.yaml", "does not exist"),
])
def test_a_file_that_cannot_be_read_is_one_sentence_and_exit_2(
        cli: RunCli, cafe: Path, name: str, needle: str) -> None:
    cli("practice", "import", EXAMPLES / name, "--db", cafe).assert_clean_error(2, needle)


def test_list_without_scenarios_says_how_to_add_one(cli: RunCli, spec_store: Path) -> None:
    result = cli("practice", "list", "--db", spec_store)  # not a demo: no built-in ones
    assert (result.code, result.out) == (0, "")
    assert "practice import FILE.yaml" in result.err


# ---------------------------------------------------------------- --db


@pytest.mark.parametrize("command", ["list", "refresh", "results"])
def test_db_must_name_an_existing_real_store(cli: RunCli, tmp_path: Path,
                                            command: str) -> None:
    missing = tmp_path / "nowhere.db"
    cli("practice", command, "--db", missing).assert_clean_error(2, "no store at")
    assert not training_store_path(missing).exists()
    cli("practice", command).assert_clean_error(2, "needs --db PATH")


def test_a_practice_store_given_as_the_real_one_is_refused(cli: RunCli, cafe: Path) -> None:
    assert cli("practice", "refresh", "--db", cafe).code == 0
    practice = training_store_path(cafe)
    cli("practice", "refresh", "--db", practice).assert_clean_error(
        2, f"{practice} is a practice store; give the real store ({cafe})")
    renamed = cafe.with_name("copy.db")
    renamed.write_bytes(practice.read_bytes())  # a practice store under another name
    cli("practice", "refresh", "--db", renamed).assert_clean_error(2, "is a practice store")


# ---------------------------------------------------------------- refresh


def test_refresh_copies_the_real_store_again_and_keeps_practice(
        cli: RunCli, cafe: Path, tmp_path: Path) -> None:
    first = cli("practice", "refresh", "--db", cafe)
    assert first.out == ("practice store created: 25 products, 6 rules, 3 staff; "
                         "0 practice runs kept\n"), first.err
    practice = training_store_path(cafe)
    assert cli("practice", "import", FIRST_MORNING, "--db", cafe).code == 0
    record(cafe, "clerk", 83)
    record(cafe, "clerk", 50, minutes=10)
    revision = query(practice, "SELECT value FROM settings WHERE key = 'publish_revision'")

    # The real store changes: a price, a new product, a rule gone, a new clerk.
    catalog = tmp_path / "more.csv"
    catalog.write_text("sku,name,price\nLATTE-T,Latte Tall,4.50\nTEA-NEW,New Tea,2.00\n",
                       encoding="utf-8")
    assert cli("import", "catalog", catalog, "--db", cafe).code == 0
    assert cli("settings", "--db", cafe, "max_prompts_per_order=1").code == 0
    with Store.open(cafe) as store:
        store.rules.delete("mug-deal")
        store.staff.add_without_secret("robin")

    result = cli("practice", "refresh", "--db", cafe)
    assert result.code == 0, result.err
    assert result.out == ("practice store refreshed: 26 products, 5 rules, 4 staff; "
                          "2 practice runs kept, 1 imported scenario kept\n")
    shared = ("SELECT * FROM products ORDER BY sku", "SELECT * FROM barcodes ORDER BY code",
              "SELECT * FROM rules ORDER BY id", "SELECT * FROM staff ORDER BY id")
    for sql in shared:
        assert query(practice, sql) == query(cafe, sql), sql
    settings = dict(query(practice, "SELECT key, value FROM settings"))
    real_settings = dict(query(cafe, "SELECT key, value FROM settings"))
    assert settings.pop("training") == "true"
    real_revision = int(real_settings.pop("publish_revision"))
    assert int(settings.pop("publish_revision")) > max(int(revision[0][0]), real_revision)
    assert json.loads(settings.pop("practice_copied_from"))["real_revision"] == real_revision
    assert settings == real_settings
    assert query(practice, "SELECT count(*) FROM practice_runs") == [(2,)]
    assert query(practice, "SELECT id FROM scenarios") == [("tests-first-morning",)]


def test_refresh_never_copies_the_real_orders(cli: RunCli, cafe: Path,
                                              tmp_path: Path) -> None:
    script = tmp_path / "sale.txt"
    script.write_text("clerk clerk\nscan LATTE-T\naccept\npay\n", encoding="utf-8")
    assert cli("simulate", "--db", cafe, script).code == 0  # a real sale with a prompt
    assert query(cafe, "SELECT count(*) FROM prompt_events")[0][0] > 0
    assert cli("practice", "refresh", "--db", cafe).code == 0
    assert cli("simulate", "--training", "--db", cafe, script).code == 0  # a practice sale
    practice = training_store_path(cafe)
    practice_orders = query(practice, "SELECT * FROM orders")
    assert len(practice_orders) == 1
    assert cli("practice", "refresh", "--db", cafe).code == 0
    assert query(practice, "SELECT * FROM orders") == practice_orders, "practice's own kept"
    assert query(practice, "SELECT count(*) FROM audit_log") == [(0,)]


# ---------------------------------------------------------------- results


def test_results_as_a_table(cli: RunCli, cafe: Path) -> None:
    assert cli("practice", "refresh", "--db", cafe).code == 0
    record(cafe, "robin", 83, minutes=30, seconds=3723)
    record(cafe, "clerk", 50)
    result = cli("practice", "results", "--db", cafe)
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "trainee  scenario             date              score      passed          time taken",
        "clerk    tests-first-morning  2026-11-23 09:00  50% (3/6)  no (needs 80%)  4:05",
        "robin    tests-first-morning  2026-11-23 09:30  83% (4/6)  yes             1:02:03",
    ], "oldest first, columns lined up"
    only = cli("practice", "results", "--db", cafe, "--trainee", "robin")
    assert [line.split()[0] for line in only.out.splitlines()] == ["trainee", "robin"]
    nobody = cli("practice", "results", "--db", cafe, "--trainee", "kim")
    assert (nobody.code, nobody.out) == (0, "")
    assert "no practice runs by kim yet" in nobody.err


def test_results_as_json_and_csv(cli: RunCli, cafe: Path) -> None:
    assert cli("practice", "refresh", "--db", cafe).code == 0
    record(cafe, "clerk", 83)
    as_json = json.loads(cli("practice", "results", "--db", cafe, "--format", "json").out)
    assert as_json == [{
        "id": 1, "trainee": "clerk", "scenario": "tests-first-morning",
        "title": "Your first morning", "started_at": "2026-11-23T09:00:00",
        "ended_at": "2026-11-23T09:04:05", "points": 4, "possible": 6, "score": 83,
        "pass_score": 80, "passed": True, "seconds": 245,
        "details": [{"customer": "Sam", "points": 5, "possible": 6}]}]
    rows = list(csv.DictReader(io.StringIO(
        cli("practice", "results", "--db", cafe, "--format", "csv").out)))
    assert rows == [{"trainee": "clerk", "scenario": "tests-first-morning",
                     "title": "Your first morning", "started_at": "2026-11-23T09:00:00",
                     "ended_at": "2026-11-23T09:04:05", "points": "4", "possible": "6",
                     "score": "83", "pass_score": "80", "passed": "true", "seconds": "245"}]


def test_results_before_any_practice_make_no_practice_store(cli: RunCli, cafe: Path) -> None:
    assert json.loads(cli("practice", "results", "--db", cafe, "--format", "json").out) == []
    header = cli("practice", "results", "--db", cafe, "--format", "csv").out
    assert header.startswith("trainee,scenario,title,started_at")
    assert not training_store_path(cafe).exists()
