"""The practice tables (pos_prompter.store.practice) and the scenario library over them
(pos_prompter.practice.library): imported scenarios kept as their text, runs newest last,
built-in scenarios of the store's demo replaced by an imported one of the same id."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from pos_prompter.bootstrap import seed_demo
from pos_prompter.core.errors import InputError, ValidationError
from pos_prompter.core.scenario import parse_scenario
from pos_prompter.practice import library
from pos_prompter.store import Store, StoreError
from pos_prompter.store.practice import PracticeRun, PracticeStore, RunRecord

EXAMPLES = Path(__file__).parents[1] / "cli" / "practice_examples"
SCENARIO = EXAMPLES / "tests-first-morning.yaml"
NINE = dt.datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def cafe(store_path: Path) -> Iterator[Store]:
    with Store.open(store_path, create=True) as store:
        seed_demo(store, "cafe")
        yield store


def run(trainee: str, minutes: int, score: int = 83, **more: object) -> RunRecord:
    values: dict[str, object] = {
        "trainee": trainee, "scenario_id": "tests-first-morning",
        "scenario_title": "Your first morning",
        "started_at": NINE + dt.timedelta(minutes=minutes), "seconds": 125,
        "points": 5, "possible": 6, "score": score, "pass_score": 80,
        "passed": score >= 80}
    values.update(more)
    return RunRecord(**values)  # type: ignore[arg-type]


def test_a_new_store_has_the_practice_tables(store: Store) -> None:
    assert {"scenarios", "practice_runs"} <= set(store.db.table_names())
    assert "m007_practice" in store.schema_version()


def test_runs_come_back_newest_last_with_their_scorecards(store: Store) -> None:
    practice = PracticeStore(store)
    cards = [{"customer": "Sam", "points": 5, "possible": 6, "notes": ["Well offered."]}]
    later = practice.record_run(run("robin", 30, details=cards))
    earlier = practice.record_run(run("kim", 0, score=50))
    assert practice.runs() == [
        PracticeRun(earlier, "kim", "tests-first-morning", "Your first morning", NINE,
                    NINE + dt.timedelta(seconds=125), 5, 6, 50, 80, False, 125, ()),
        PracticeRun(later, "robin", "tests-first-morning", "Your first morning",
                    NINE + dt.timedelta(minutes=30),
                    NINE + dt.timedelta(minutes=30, seconds=125), 5, 6, 83, 80, True, 125,
                    tuple(cards)),
    ]
    assert [r.id for r in practice.runs("robin")] == [later]
    assert practice.runs("nobody") == []
    assert practice.run_count() == 2


def test_ended_at_given_is_kept(store: Store) -> None:
    practice = PracticeStore(store)
    end = NINE + dt.timedelta(minutes=5)
    practice.record_run(run("kim", 0, ended_at=end, seconds=200))  # a pause in the middle
    (saved,) = practice.runs()
    assert (saved.ended_at, saved.seconds) == (end, 200)


def test_a_run_the_store_cannot_hold_saves_nothing(store: Store) -> None:
    practice = PracticeStore(store)
    with pytest.raises(StoreError, match="could not save"):
        practice.record_run(run("kim", 0, points=7, possible=6))  # more than possible
    with pytest.raises(StoreError, match="could not save"):
        practice.record_run(run("kim", 0, score=101))
    assert practice.runs() == []


def test_an_imported_scenario_keeps_its_text_and_is_replaced_by_id(store: Store) -> None:
    practice = PracticeStore(store)
    text = SCENARIO.read_text(encoding="utf-8")
    scenario = parse_scenario(yaml.safe_load(text))
    assert practice.save_scenario(scenario, text, actor="cli:trainer") is False
    assert practice.scenario_text("tests-first-morning") == text
    assert practice.scenario_text("other") is None
    assert practice.save_scenario(scenario, text + "# again\n") is True
    (stored,) = practice.scenarios()
    assert (stored.id, stored.title, stored.level, stored.pass_score, stored.imported_by) == \
        ("tests-first-morning", "Your first morning", 1, 80, None)
    assert practice.scenario_text("tests-first-morning") == text + "# again\n"


# ---------------------------------------------------------------- the library


@pytest.fixture
def builtin_root(tmp_path: Path) -> Path:
    """A demo folder holding one built-in cafe scenario, and one broken file."""
    folder = tmp_path / "demos" / "cafe" / "scenarios"
    folder.mkdir(parents=True)
    shutil.copyfile(SCENARIO, folder / "first.yaml")
    (folder / "broken.yaml").write_text("version: 2\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a scenario\n", encoding="utf-8")
    return tmp_path / "demos"


def test_built_in_scenarios_come_from_the_stores_demo(cafe: Store, builtin_root: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    entries = library.available(cafe, root=builtin_root)
    assert entries == [library.ScenarioEntry("tests-first-morning", "Your first morning", 1,
                                             2, "built-in")]
    assert "broken.yaml" in caplog.text, "a broken shipped file is logged, not listed"
    assert library.load(cafe, "tests-first-morning", root=builtin_root).customers[1].items \
        == ("2100000000227",)
    cafe.set_settings({"demo": "shoes"})
    assert library.available(cafe, root=builtin_root) == []


def test_an_imported_scenario_replaces_the_built_in_one(cafe: Store, builtin_root: Path,
                                                        tmp_path: Path) -> None:
    harder = tmp_path / "harder.yaml"
    harder.write_text(SCENARIO.read_text(encoding="utf-8").replace("level: 1", "level: 3"),
                      encoding="utf-8")
    scenario, replaced = library.import_file(cafe, harder, root=builtin_root)
    assert (scenario.level, replaced) == (3, True)
    assert library.available(cafe, root=builtin_root) == [
        library.ScenarioEntry("tests-first-morning", "Your first morning", 3, 2, "imported")]
    assert library.load(cafe, "tests-first-morning", root=builtin_root).level == 3


def test_import_is_all_or_nothing(cafe: Store) -> None:
    path = EXAMPLES / "cafe-not-this-store.yaml"
    with pytest.raises(ValidationError) as refused:
        library.import_file(cafe, path)
    assert refused.value.what == f"scenario {path}"
    assert len(refused.value.problems) == 2
    assert PracticeStore(cafe).scenarios() == []


def test_loading_checks_the_scenario_against_the_catalog_as_it_is_now(cafe: Store) -> None:
    library.import_file(cafe, SCENARIO)
    cafe.rules.delete("breakfast-croissant")  # a refresh took it away
    with pytest.raises(ValidationError, match="tests-first-morning") as refused:
        library.load(cafe, "tests-first-morning")
    assert refused.value.problems == ["customer 1 (Sam), field answers.breakfast-croissant: "
                                      "this store has no rule by that id"]
    with pytest.raises(InputError, match="no scenario 'nope'"):
        library.load(cafe, "nope")
