"""`import rules` through the real command line: a pack whose version is not the whole
number 1, or that gives a field twice, is refused with a sentence naming the rule and the
field; a partial `settings` section changes only the settings it gives."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from cli_support import SPEC_DIR, run_subprocess

SPEC_RULES = SPEC_DIR / "rules.yaml"


def test_a_pack_with_version_1_0_is_refused(spec_store: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(SPEC_RULES.read_text("utf-8").replace("version: 1\n", "version: 1.0\n"),
                    encoding="utf-8")
    before = spec_store.read_bytes()
    run_subprocess("import", "rules", pack, "--db", spec_store).assert_clean_error(
        1, "nothing was changed", "pack, field version: 1.0 is not a supported format version")
    assert spec_store.read_bytes() == before


def test_a_rule_giving_a_field_twice_is_refused(spec_store: Path, tmp_path: Path) -> None:
    text = SPEC_RULES.read_text("utf-8")
    assert "    priority: 10\n" in text
    lines = text[:text.index("    priority: 10\n")].count("\n")
    pack = tmp_path / "pack.yaml"
    pack.write_text(text.replace("    priority: 10\n", "    active: false\n    priority: 10\n"
                                 "    active: true\n", 1), encoding="utf-8")
    before = spec_store.read_bytes()
    run_subprocess("import", "rules", pack, "--db", spec_store).assert_clean_error(
        1, "nothing was changed", f"rule latte-size-up, field active: is given twice (lines "
        f"{lines + 1} and {lines + 3})")
    assert spec_store.read_bytes() == before


def test_a_json_pack_giving_a_field_twice_is_refused(spec_store: Path, tmp_path: Path) -> None:
    text = json.dumps(yaml.safe_load(SPEC_RULES.read_text("utf-8")), indent=1)
    pack = tmp_path / "pack.json"
    pack.write_text(text.replace('"priority": 10', '"priority": 10, "priority": 1'),
                    encoding="utf-8")
    run_subprocess("import", "rules", pack, "--db", spec_store).assert_clean_error(
        1, "rule latte-size-up, field priority: is given twice")


def test_a_partial_settings_section_keeps_the_other_settings(spec_store: Path,
                                                            tmp_path: Path) -> None:
    assert run_subprocess("settings", "--db", spec_store, "max_prompts_per_order=5",
                          "max_offer_ratio=1.5", "rush_scans_per_minute=20").code == 0
    data = yaml.safe_load(SPEC_RULES.read_text("utf-8"))
    data["settings"] = {"currency": "EUR"}
    pack = tmp_path / "pack.yaml"
    pack.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    imported = run_subprocess("import", "rules", pack, "--db", spec_store)
    assert imported.code == 0, imported.err
    shown = run_subprocess("settings", "--db", spec_store).out
    for line in ("max_prompts_per_order = 5", "max_offer_ratio = 1.5", "currency = EUR",
                 "rush_scans_per_minute = 20"):
        assert line in shown, shown


def test_the_dry_run_reports_only_the_settings_the_pack_changes(spec_store: Path,
                                                               tmp_path: Path) -> None:
    assert run_subprocess("settings", "--db", spec_store, "max_prompts_per_order=5").code == 0
    data = yaml.safe_load(SPEC_RULES.read_text("utf-8"))
    data["settings"] = {"currency": "EUR"}
    pack = tmp_path / "pack.yaml"
    pack.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = run_subprocess("import", "rules", pack, "--db", spec_store, "--dry-run")
    assert result.code == 0, result.err
    assert "settings: currency USD \N{RIGHTWARDS ARROW} EUR" in result.out.splitlines()


def test_lint_of_a_partial_pack_checks_with_the_settings_the_store_would_keep(
        spec_store: Path, tmp_path: Path) -> None:
    """The store runs offers up to 3x the item; a pack that only sets the currency keeps
    that ratio, so lint warns about it (`ratio-above-2`) as it would after the import."""
    assert run_subprocess("settings", "--db", spec_store, "max_offer_ratio=3").code == 0
    data = yaml.safe_load(SPEC_RULES.read_text("utf-8"))
    data["settings"] = {"currency": "USD"}
    pack = tmp_path / "pack.yaml"
    pack.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    partial = run_subprocess("lint", pack, "--db", spec_store, "--format", "json")
    assert "ratio-above-2" in partial.out, partial.out + partial.err

    data["settings"] = {"currency": "USD", "max_offer_ratio": "1.0"}
    pack.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    whole = run_subprocess("lint", pack, "--db", spec_store, "--format", "json")
    assert "ratio-above-2" not in whole.out, whole.out
