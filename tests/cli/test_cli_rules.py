"""`import rules FILE --db PATH [--merge]` and `export rules --db PATH [-o FILE]`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_support import SPEC_DIR, RunCli, query

from pos_prompter.resources import DEMOS

SPEC_RULES = SPEC_DIR / "rules.yaml"


def spec_pack() -> dict[str, Any]:
    return yaml.safe_load(SPEC_RULES.read_text("utf-8"))


def write_pack(path: Path, pack: dict[str, Any]) -> Path:
    if path.suffix == ".json":
        path.write_text(json.dumps(pack), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(pack, sort_keys=False), encoding="utf-8")
    return path


def rule_bodies(db: Path) -> dict[str, str]:
    return dict(query(db, "SELECT id, body FROM rules"))


def test_import_good_pack(cli: RunCli, store_copy: Callable[[str], Path],
                          tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    assert cli("init", "--db", fresh).code == 0
    assert cli("import", "catalog", SPEC_DIR / "catalog.csv", "--db", fresh).code == 0
    result = cli("import", "rules", SPEC_RULES, "--db", fresh)
    assert result.code == 0, result.err
    ids = sorted(r["id"] for r in spec_pack()["rules"])
    assert result.out == f"rules: {len(ids)} added, 0 changed, 0 unchanged\n"
    assert result.err == "", "every SKU is in the catalog: no warnings"
    assert sorted(rule_bodies(fresh)) == ids
    assert rule_bodies(fresh) == rule_bodies(store_copy("spec"))


def test_reimport_same_pack_changes_nothing(cli: RunCli, spec_store: Path) -> None:
    result = cli("import", "rules", SPEC_RULES, "--db", spec_store)
    assert result.code == 0, result.err
    assert result.out == f"rules: 0 added, 0 changed, {len(spec_pack()['rules'])} unchanged\n"


def test_invalid_rule_changes_nothing(cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    before = rule_bodies(spec_store)
    pack = spec_pack()
    pack["rules"][0]["priority"] = 99                  # a valid change: not stored either
    pack["rules"][1]["kind"] = "upsel"                 # latte-muffin: unknown kind
    pack["rules"][2]["offer"]["threshold"]["order_total"] = 15.0   # a float, not a string
    result = cli("import", "rules", write_pack(tmp_path / "bad.yaml", pack), "--db", spec_store)
    result.assert_clean_error(1, "nothing was changed", "rule latte-muffin", "field kind",
                              "upsel", "rule mug-at-checkout",
                              "field offer.threshold.order_total")
    assert result.out == ""
    assert rule_bodies(spec_store) == before


def test_invalid_rule_without_id_is_named_by_position(cli: RunCli, spec_store: Path,
                                                      tmp_path: Path) -> None:
    pack = spec_pack()
    pack["rules"].append({"kind": "upsell"})
    cli("import", "rules", write_pack(tmp_path / "bad.yaml", pack), "--db", spec_store) \
        .assert_clean_error(1, f"rule #{len(pack['rules'])}", "field id")


def test_invalid_yaml_names_line_and_column(cli: RunCli, spec_store: Path,
                                            tmp_path: Path) -> None:
    before = rule_bodies(spec_store)
    bad = tmp_path / "broken.yaml"
    bad.write_text("version: 1\nrules:\n  - id: a\n   kind: upsell\n", encoding="utf-8")
    result = cli("import", "rules", bad, "--db", spec_store)
    result.assert_clean_error(2, str(bad), "line 4, column")
    assert rule_bodies(spec_store) == before


def test_invalid_json_names_line_and_column(cli: RunCli, spec_store: Path,
                                            tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"version": 1,\n "rules": [,]}\n', encoding="utf-8")
    cli("import", "rules", bad, "--db", spec_store).assert_clean_error(2, "line 2")


@pytest.mark.parametrize(("content", "needle"), [
    (None, "does not exist"),
    (b"version: 1\nrules: []\n# caf\xe9\n", "not UTF-8"),
])
def test_unreadable_pack_exits_2(cli: RunCli, spec_store: Path, tmp_path: Path,
                                 content: bytes | None, needle: str) -> None:
    path = tmp_path / "pack.yaml"
    if content is not None:
        path.write_bytes(content)
    cli("import", "rules", path, "--db", spec_store).assert_clean_error(2, needle)


def new_rule(rule_id: str, offer_sku: str = "COOKIE") -> dict[str, Any]:
    return {"id": rule_id, "kind": "cross_sell", "title": "A cookie with that",
            "when": {"scanned": {"category": ["coffee"]}}, "offer": {"add": [offer_sku]},
            "say": "A cookie for {price}?"}


def test_merge_keeps_the_other_rules(cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    before = rule_bodies(spec_store)
    pack = write_pack(tmp_path / "one.yaml", {"version": 1, "rules": [new_rule("cookie")]})
    result = cli("import", "rules", pack, "--db", spec_store, "--merge")
    assert result.code == 0, result.err
    assert result.out == "rules: 1 added, 0 changed, 0 unchanged\n"
    after = rule_bodies(spec_store)
    assert set(after) == {*before, "cookie"}
    assert {k: after[k] for k in before} == before


def test_without_merge_the_pack_replaces_the_rules(cli: RunCli, spec_store: Path,
                                                   tmp_path: Path) -> None:
    n = len(rule_bodies(spec_store))
    pack = write_pack(tmp_path / "one.json", {"version": 1, "rules": [new_rule("cookie")]})
    result = cli("import", "rules", pack, "--db", spec_store)
    assert result.code == 0, result.err
    assert result.out == f"rules: 1 added, 0 changed, {n} removed, 0 unchanged\n"
    assert set(rule_bodies(spec_store)) == {"cookie"}


def test_a_pack_with_lint_errors_is_refused_unless_forced(cli: RunCli, spec_store: Path,
                                                          tmp_path: Path) -> None:
    """As in the workspace: an offer of a product the store does not have is a lint error,
    and publishing it is refused (exit 1, nothing changed, each error said); --force
    publishes anyway (a chain's pack may name products a store will carry later)."""
    rule = new_rule("ghost", offer_sku="GHOST-1")
    rule["when"] = {"scanned": {"sku": ["LATTE-T", "PHANTOM"]},
                    "order": {"lacks": ["sku:SPECTRE", "category:bakery"]}}
    pack = write_pack(tmp_path / "ghost.yaml", {"version": 1, "rules": [rule]})
    before = spec_store.read_bytes()

    refused = cli("import", "rules", pack, "--db", spec_store, "--merge")
    assert refused.code == 1
    assert refused.out == ""
    assert "error: rule ghost: offer.add names GHOST-1, not in the catalog" in refused.err
    assert "refused, nothing was changed: 1 lint error" in refused.err
    assert "--force" in refused.err
    assert "ghost" not in rule_bodies(spec_store)
    assert spec_store.read_bytes() == before

    forced = cli("import", "rules", pack, "--db", spec_store, "--merge", "--force")
    assert forced.code == 0, forced.err
    assert forced.out == "rules: 1 added, 0 changed, 0 unchanged\n"
    assert "error: rule ghost: offer.add names GHOST-1" in forced.err  # still said
    assert "warning: rule ghost: when.scanned.sku names PHANTOM" in forced.err
    assert "ghost" in rule_bodies(spec_store)


def test_warnings_are_said_and_the_pack_is_published(cli: RunCli, spec_store: Path,
                                                     tmp_path: Path) -> None:
    """A trigger SKU the catalog lacks, beside one it has, is a warning: published."""
    rule = new_rule("half-ghost")
    rule["when"] = {"scanned": {"sku": ["LATTE-T", "PHANTOM"]}}
    pack = write_pack(tmp_path / "half.yaml", {"version": 1, "rules": [rule]})
    result = cli("import", "rules", pack, "--db", spec_store, "--merge")
    assert result.code == 0, result.err
    assert result.out == "rules: 1 added, 0 changed, 0 unchanged\n"
    assert "warning: rule half-ghost: when.scanned.sku names PHANTOM" in result.err
    assert "error" not in result.err
    assert "half-ghost" in rule_bodies(spec_store)


def test_dry_run_shows_the_changes_and_the_findings_and_changes_nothing(
        cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    pack_data = spec_pack()
    first = pack_data["rules"][0]
    first["priority"] = int(first.get("priority", 0)) + 7
    dropped = pack_data["rules"].pop()["id"]
    pack_data["rules"].append(new_rule("ghost", offer_sku="GHOST-1"))
    pack = write_pack(tmp_path / "next.yaml", pack_data)
    before = spec_store.read_bytes()

    result = cli("import", "rules", pack, "--db", spec_store, "--dry-run")
    assert result.code == 1  # the ghost's lint error would refuse it
    lines = result.out.splitlines()
    assert lines[0].startswith("next.yaml: rules 1 added, 1 changed, 1 removed")
    assert "(dry run: nothing was changed)" in lines[0]
    assert lines[lines.index("added:") + 1] == "  ghost"
    assert lines[lines.index("changed:") + 1] == f"  {first['id']}: priority"
    assert lines[lines.index("removed:") + 1] == f"  {dropped}"
    assert any(line.startswith("error: rule ghost: offer.add names GHOST-1") for line in lines)
    assert spec_store.read_bytes() == before

    pack_data["rules"].pop()  # without the ghost: it would be published
    write_pack(pack, pack_data)
    assert cli("import", "rules", pack, "--db", spec_store, "--dry-run").code == 0
    assert spec_store.read_bytes() == before


# ---------------------------------------------------------------- export


def test_export_to_stdout(cli: RunCli, spec_store: Path) -> None:
    result = cli("export", "rules", "--db", spec_store)
    assert result.code == 0, result.err
    exported = yaml.safe_load(result.out)
    assert exported["version"] == 1
    assert [r["id"] for r in exported["rules"]] == sorted(r["id"] for r in spec_pack()["rules"])
    assert exported["settings"]["max_prompts_per_order"] == \
        spec_pack()["settings"]["max_prompts_per_order"]


def test_export_to_file_and_back(cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    result = cli("export", "rules", "--db", spec_store, "-o", target)
    assert result.code == 0, result.err
    assert result.out == f"Exported {len(spec_pack()['rules'])} rules to {target}\n"
    assert target.read_text("utf-8") == cli("export", "rules", "--db", spec_store).out
    reimport = cli("import", "rules", target, "--db", spec_store)
    assert reimport.out.startswith("rules: 0 added, 0 changed,")


def test_export_json(cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert cli("export", "rules", "--db", spec_store, "-o", target).code == 0
    text = target.read_text("utf-8")
    assert text.startswith('{\n  "version": 1,')
    assert json.loads(text) == yaml.safe_load(cli("export", "rules", "--db", spec_store).out)


def test_export_to_an_unwritable_place(cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "rules.yaml"
    cli("export", "rules", "--db", spec_store, "-o", target).assert_clean_error(2, str(target))


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
@pytest.mark.parametrize("demo", DEMOS)
def test_export_import_export_is_byte_identical(cli: RunCli, tmp_path: Path, demo: str,
                                                suffix: str) -> None:
    source, target = tmp_path / "source.db", tmp_path / "target.db"
    assert cli("init", "--db", source, "--demo", demo).code == 0
    assert cli("init", "--db", target).code == 0
    first, second = tmp_path / f"first{suffix}", tmp_path / f"second{suffix}"
    assert cli("export", "rules", "--db", source, "-o", first).code == 0
    # The target has no catalog, so every offer is of an unknown product: forced.
    imported = cli("import", "rules", first, "--db", target, "--force")
    assert imported.code == 0, imported.err
    assert cli("export", "rules", "--db", target, "-o", second).code == 0
    assert second.read_bytes() == first.read_bytes()
    # and the store it came from reads its own export back unchanged
    again = cli("import", "rules", first, "--db", source)
    assert again.out.startswith("rules: 0 added, 0 changed,"), again.out
