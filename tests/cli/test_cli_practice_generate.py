"""`pos-prompter practice generate` (practice.md "Simulated customers"), the real command
line in a child process: the same seed gives the same bytes, another seed another file,
-o writes the file, the real store is only read, and a bad --customers is one sentence."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from cli_support import RunCli, run_subprocess

from pos_prompter.core.scenario import Scenario, parse_scenario, scenario_to_dict


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_files(db: Path) -> dict[str, str]:
    """Every file of the store (the file, and a WAL or journal beside it if any)."""
    return {p.name: digest(p) for p in sorted(db.parent.glob(db.name + "*"))}


def scenario_of(text: str) -> Scenario:
    return parse_scenario(yaml.safe_load(text))


def test_the_same_seed_gives_the_same_bytes_and_the_store_is_only_read(
        store_copy: Callable[[str], Path]) -> None:
    db = store_copy("cafe")
    before = store_files(db)
    first = run_subprocess("practice", "generate", "--db", db, "--customers", "40",
                           "--seed", "7")
    again = run_subprocess("practice", "generate", "--customers", "40", "--seed", "7",
                           "--db", db)
    assert first.code == 0, first.err
    assert again.code == 0, again.err
    assert first.out == again.out
    assert store_files(db) == before
    assert not (db.parent / f"{db.stem}.training.db").exists()
    scenario = scenario_of(first.out)
    assert scenario.id == "generated-7"
    assert len(scenario.customers) == 40
    assert first.out.startswith("version: 1\nid: generated-7\n")
    assert first.out == yaml.safe_dump(scenario_to_dict(scenario), sort_keys=False,
                                       allow_unicode=True)


def test_o_writes_the_file_another_seed_another_file_and_practice_imports_it(
        store_copy: Callable[[str], Path], tmp_path: Path) -> None:
    db = store_copy("cafe")
    before = store_files(db)
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    made = run_subprocess("practice", "generate", "--db", db, "--customers", "25",
                          "--seed", "1", "-o", one)
    other = run_subprocess("practice", "generate", "--db", db, "--customers", "25",
                           "--seed", "2", "--output", two)
    shown = run_subprocess("practice", "generate", "--db", db, "--customers", "25",
                           "--seed", "1")
    assert made.code == 0, made.err
    assert other.code == 0, other.err
    assert made.out == ""
    assert str(one) in made.err
    assert one.read_bytes() == shown.out.encode("utf-8")
    assert one.read_bytes() != two.read_bytes()
    assert scenario_of(two.read_text(encoding="utf-8")).id == "generated-2"
    assert store_files(db) == before
    imported = run_subprocess("practice", "import", one, "--db", db)
    assert imported.code == 0, imported.err
    assert "generated-1" in imported.out
    assert store_files(db) == before  # importing goes to the practice store beside it


@pytest.mark.parametrize("value", ["0", "-3", "lots", "100001", "2.5"])
def test_a_bad_number_of_customers_is_exit_2_in_one_sentence(
        store_copy: Callable[[str], Path], cli: RunCli, value: str) -> None:
    db = store_copy("cafe")
    result = cli("practice", "generate", "--db", db, "--customers", value, "--seed", "1")
    result.assert_clean_error(2, "--customers", "1 to 100,000")
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1


def test_a_bad_number_of_customers_in_a_child_process(store_copy: Callable[[str], Path],
                                                      tmp_path: Path) -> None:
    db = store_copy("cafe")
    target = tmp_path / "never.yaml"
    result = run_subprocess("practice", "generate", "--db", db, "--customers", "none",
                            "--seed", "1", "-o", target)
    result.assert_clean_error(2, "--customers must be a whole number")
    assert len(result.err.strip().splitlines()) == 1
    assert not target.exists()


def test_a_bad_seed_and_a_missing_store_are_exit_2(cli: RunCli, tmp_path: Path,
                                                    store_copy: Callable[[str], Path]) -> None:
    cli("practice", "generate", "--db", store_copy("cafe"), "--customers", "3",
        "--seed", "x").assert_clean_error(2, "--seed")
    missing = tmp_path / "nowhere.db"
    cli("practice", "generate", "--db", missing, "--customers", "3",
        "--seed", "1").assert_clean_error(2, "there is no store")
    assert not missing.exists()


def test_past_orders_bought_together_bring_more_yeses(cli: RunCli, tmp_path: Path,
                                                     store_copy: Callable[[str], Path]) -> None:
    """The same draws on a store whose history shows every pair bought together: no yes
    becomes a no, and some no becomes a yes."""
    plain, keen = store_copy("cafe"), tmp_path / "keen" / "cafe.db"
    keen.parent.mkdir()
    keen.write_bytes(plain.read_bytes())
    skus = ["LATTE-T", "LATTE-G", "CAPP-T", "AMER-T", "MOCHA-T", "CHAI-T", "COCOA-T",
            "CROISSANT", "CINN-ROLL", "MUFFIN-BB", "COOKIE-OAT", "BEANS-HOUSE", "MUG-TRAVEL"]
    rows = ["order_id,sku,qty,time"]
    for n in range(30):
        rows += [f"old-{n},{sku},1,2026-11-01T09:{n:02d}" for sku in skus]
    orders = tmp_path / "orders.csv"
    orders.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert cli("import", "orders", orders, "--db", keen).code == 0
    args = ("practice", "generate", "--customers", "150", "--seed", "9")
    without = scenario_of(cli(*args, "--db", plain).out)
    with_history = scenario_of(cli(*args, "--db", keen).out)
    turned = 0
    for before, after in zip(without.customers, with_history.customers, strict=True):
        assert before.items == after.items
        for rule_id, answer in before.answers.items():
            if answer.endswith("accept"):
                assert after.answers[rule_id].endswith("accept")
            turned += answer.endswith("decline") and after.answers[rule_id].endswith("accept")
    assert turned > 0
