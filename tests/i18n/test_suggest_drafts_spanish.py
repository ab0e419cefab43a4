"""Draft rules from `suggest --format yaml` under a Spanish system (issue 14.3): the pack's
header, and each draft's title, script and why, are written in the language of whoever asks
for them (then they are the manager's text); the script keeps the rule's own placeholders.
Under English the pack is as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from program import run_program as run

from pos_prompter.core.rule_parse import parse_pack

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("built_catalogs")]





@pytest.fixture(scope="module")
def cafe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cafe") / "cafe.db"
    assert run("init", "--db", path, "--demo", "cafe", lang="en_US.UTF-8").returncode == 0
    return path  # with the demo's sales history, so there is something to suggest


def test_a_draft_pack_is_written_in_spanish(cafe: Path) -> None:
    made = run("suggest", "--db", cafe, "--format", "yaml", lang="es_ES.UTF-8")
    assert made.returncode == 0, made.stderr
    header = [line for line in made.stdout.splitlines() if line.startswith("#")]
    assert header[0].startswith("# Ventas cruzadas halladas en "), header
    assert header[-1] == f"#   pos-prompter import rules ARCHIVO.yaml --merge --db {cafe}"
    rules = yaml.safe_load(made.stdout)["rules"]
    assert rules
    for rule in rules:
        assert rule["title"].startswith("Sugerida: "), rule
        assert " con " in rule["title"], rule
        assert rule["say"] == "¿Desea también {offer}? Cuesta {price}.", rule
        assert rule["why"].startswith("El "), rule
        assert " de los clientes que compran " in rule["why"], rule
    parse_pack(yaml.safe_load(made.stdout))  # still a pack that imports


def test_in_english_the_draft_pack_is_as_before(cafe: Path) -> None:
    made = run("suggest", "--db", cafe, "--format", "yaml", lang="en_US.UTF-8")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("# Cross-sells mined from ")
    assert "\n# edit its say, and turn it on in the workspace. Import with --merge (without\n" \
        in made.stdout
    for rule in yaml.safe_load(made.stdout)["rules"]:
        assert rule["title"].startswith("Suggested: "), rule
        assert rule["say"] == "Would you like {offer} with that? It's {price}.", rule
        assert rule["why"].endswith(" too."), rule
