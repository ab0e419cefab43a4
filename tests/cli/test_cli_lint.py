"""`lint [FILE.yaml] --db PATH [--format table|json]`: exit codes, output, read-only."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_support import SPEC_DIR, RunCli, run_subprocess

from pos_prompter.resources import DEMOS

StoreCopy = Callable[[str], Path]

# Three problems against the spec cafe: an unknown offer (error), a bundle dearer than its
# items (error), a {size} in a cross-sell (warning).
PROBLEM_RULES: list[dict[str, Any]] = [
    {"id": "beans-typo", "kind": "cross_sell", "title": "Beans",
     "when": {"scanned": {"category": ["coffee"]}}, "offer": {"add": ["BEANS-25O"]},
     "say": "Beans for {price}?", "priority": 3},
    {"id": "dear-bundle", "kind": "bundle", "title": "Muffin deal",
     "when": {"scanned": {"category": ["coffee"]}},
     "offer": {"bundle": {"with": ["COOKIE"], "price": "2.50"}},
     "say": "A cookie for {price}?", "priority": 2},
    {"id": "mug-size", "kind": "cross_sell", "title": "Beans with a mug",
     "when": {"scanned": {"sku": ["MUG"]}}, "offer": {"add": ["BEANS-250"]},
     "say": "A {size} bag of beans?", "priority": 1},
]


def write_pack(path: Path, rules: list[dict[str, Any]],
               settings: dict[str, Any] | None = None) -> Path:
    pack: dict[str, Any] = {"version": 1, "rules": rules}
    if settings is not None:
        pack["settings"] = settings
    if path.suffix == ".json":
        path.write_text(json.dumps(pack), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(pack, sort_keys=False), encoding="utf-8")
    return path


def spec_rules() -> list[dict[str, Any]]:
    return yaml.safe_load((SPEC_DIR / "rules.yaml").read_text("utf-8"))["rules"]


def files_and_hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def problem_store(cli: RunCli, spec_store: Path, tmp_path: Path) -> Path:
    """The spec cafe with the problem rules published anyway (--force), as a store that
    took a pack before lint existed, or a chain's pack, would have them."""
    pack = write_pack(tmp_path / "problems.yaml", PROBLEM_RULES)
    assert cli("import", "rules", pack, "--db", spec_store, "--force").code == 0
    return spec_store


# ---------------------------------------------------------------- the store's rules


@pytest.mark.parametrize("demo", DEMOS)
def test_a_clean_store_exits_0(cli: RunCli, store_copy: StoreCopy, demo: str) -> None:
    result = cli("lint", "--db", store_copy(demo))
    assert (result.code, result.out, result.err) == (0, "0 errors, 0 warnings\n", "")


def test_findings_exit_1_with_one_line_each_and_a_summary(cli: RunCli,
                                                          problem_store: Path) -> None:
    result = cli("lint", "--db", problem_store)
    assert result.code == 1, result.err
    assert result.err == ""
    lines = result.out.splitlines()
    assert lines[-1] == "2 errors, 1 warning"
    assert [line.split()[:2] for line in lines[:-1]] == [
        ["error", "beans-typo"], ["error", "dear-bundle"], ["warning", "mug-size"]]
    assert "BEANS-25O" in lines[0]
    assert "→ correct the SKU" in lines[0]
    assert "pay more than buying them separately" in lines[1]
    assert "→ set" in lines[1]
    assert "{size}" in lines[2]
    assert "→ remove {size}" in lines[2]


def test_json_output(cli: RunCli, problem_store: Path) -> None:
    result = cli("lint", "--db", problem_store, "--format", "json")
    assert result.code == 1, result.err
    data = json.loads(result.out)
    assert [(d["rule"], d["severity"], d["code"]) for d in data] == [
        ("beans-typo", "error", "unknown-offer"),
        ("dear-bundle", "error", "bundle-dearer"),
        ("mug-size", "warning", "placeholder-no-value")]
    assert all(set(d) == {"rule", "severity", "code", "message", "fix"} for d in data)
    assert all(d["message"] and d["fix"] for d in data)


def test_json_output_when_clean(cli: RunCli, spec_store: Path) -> None:
    result = cli("lint", "--format", "json", "--db", spec_store)
    assert (result.code, json.loads(result.out)) == (0, [])


def test_db_before_the_command(cli: RunCli, problem_store: Path) -> None:
    assert cli("--db", problem_store, "lint").code == 1


def test_an_empty_store_is_clean(cli: RunCli, empty_store: Path) -> None:
    assert cli("lint", "--db", empty_store).code == 0


# ---------------------------------------------------------------- a pack file


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_pack_is_checked_instead_of_the_stores_rules(cli: RunCli, spec_store: Path,
                                                       tmp_path: Path, suffix: str) -> None:
    pack = write_pack(tmp_path / f"pack{suffix}", PROBLEM_RULES[2:])
    result = cli("lint", pack, "--db", spec_store, "--format", "json")
    assert result.code == 1, result.err
    assert [d["rule"] for d in json.loads(result.out)] == ["mug-size"]


def test_a_good_pack_exits_0(cli: RunCli, problem_store: Path, tmp_path: Path) -> None:
    # The store's own rules have problems; the pack is what is checked.
    pack = write_pack(tmp_path / "good.yaml", spec_rules())
    result = cli("lint", pack, "--db", problem_store)
    assert (result.code, result.out) == (0, "0 errors, 0 warnings\n")


def test_a_pack_is_checked_against_the_stores_catalog(cli: RunCli, empty_store: Path) -> None:
    result = cli("lint", SPEC_DIR / "rules.yaml", "--db", empty_store, "--format", "json")
    assert result.code == 1
    data = json.loads(result.out)
    assert {d["code"] for d in data} >= {"unknown-offer", "unmatched-trigger"}


def test_the_packs_settings_replace_the_stores(cli: RunCli, spec_store: Path,
                                               tmp_path: Path) -> None:
    rules = spec_rules()[:1]
    generous = write_pack(tmp_path / "generous.yaml", rules, {"max_offer_ratio": 3})
    result = cli("lint", generous, "--db", spec_store, "--format", "json")
    assert result.code == 1
    assert [d["code"] for d in json.loads(result.out)] == ["ratio-above-2"]
    # Without settings the pack is checked with the store's (1.0): clean.
    plain = write_pack(tmp_path / "plain.yaml", rules)
    assert cli("lint", plain, "--db", spec_store).code == 0


def test_an_invalid_pack_exits_1_naming_the_rule(cli: RunCli, spec_store: Path,
                                                 tmp_path: Path) -> None:
    rules = spec_rules()
    rules[1]["kind"] = "upsel"
    pack = write_pack(tmp_path / "invalid.yaml", rules)
    result = cli("lint", pack, "--db", spec_store)
    result.assert_clean_error(1, "latte-muffin", "kind")
    assert result.out == ""


# ---------------------------------------------------------------- read-only


def test_lint_never_changes_the_store_file(cli: RunCli, problem_store: Path,
                                           tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack.yaml", PROBLEM_RULES, {"max_offer_ratio": 3})
    before = files_and_hashes(problem_store.parent)
    assert cli("lint", "--db", problem_store).code == 1
    assert cli("lint", pack, "--db", problem_store, "--format", "json").code == 1
    after = files_and_hashes(problem_store.parent)
    # A SQLite reader of a WAL store may leave an empty -wal and its -shm index beside the
    # file; nothing is written to either, and the store file itself is byte for byte the same.
    wal = problem_store.with_name(problem_store.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    shared = {f"{problem_store.name}-wal", f"{problem_store.name}-shm"}
    assert {k: v for k, v in after.items() if k not in shared} == before
    assert cli("export", "rules", "--db", problem_store).out.count("- id:") == 3


# ---------------------------------------------------------------- bad usage


def test_bad_usage_and_unreadable_input_exit_2(cli: RunCli, spec_store: Path,
                                               tmp_path: Path) -> None:
    cli("lint").assert_clean_error(2, "--db")
    cli("lint", "--db", tmp_path / "missing.db").assert_clean_error(2, "missing.db")
    cli("lint", tmp_path / "nope.yaml", "--db", spec_store).assert_clean_error(2, "nope.yaml")
    cli("lint", tmp_path, "--db", spec_store).assert_clean_error(2, "folder")
    broken = tmp_path / "broken.yaml"
    broken.write_text("rules: [\n", encoding="utf-8")
    cli("lint", broken, "--db", spec_store).assert_clean_error(2, "not valid YAML")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("say: caf\xe9".encode("latin-1"))
    cli("lint", latin, "--db", spec_store).assert_clean_error(2, "UTF-8")
    cli("lint", "--db", spec_store, "--format", "xml").assert_clean_error(2, "--format")


def test_a_file_that_is_not_a_store_exits_2(cli: RunCli, tmp_path: Path) -> None:
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("shopping list\n", encoding="utf-8")
    cli("lint", "--db", not_a_store).assert_clean_error(2, "notes.db")


def test_the_real_command_line(problem_store: Path) -> None:
    result = run_subprocess("lint", "--db", problem_store)
    assert result.code == 1, result.err
    assert result.out.splitlines()[-1] == "2 errors, 1 warning"
    help_result = run_subprocess("lint", "--help")
    assert help_result.code == 0
    assert "--format" in help_result.out
