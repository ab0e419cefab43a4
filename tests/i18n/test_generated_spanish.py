"""`practice generate` under a Spanish system (issue 14.3): the scenario file is written in
the trainer's language, as data (its title and each customer's words), and reads back the
same; under English it is as before."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from program import run_program as run

from pos_prompter.bootstrap import init_store
from pos_prompter.core.scenario import parse_scenario

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("built_catalogs")]





def test_a_generated_scenario_is_written_in_the_trainers_language(tmp_path: Path) -> None:
    db = tmp_path / "cafe.db"
    init_store(db, "cafe").close()
    spanish = run("practice", "generate", "--db", db, "--customers", "30", "--seed", "7",
                  lang="es_ES.UTF-8")
    assert spanish.returncode == 0, spanish.stderr
    data = yaml.safe_load(spanish.stdout)
    assert data["title"] == "30 clientes simulados (semilla 7)"
    says = [c["says"] for c in data["customers"]]
    assert all(s.endswith(", por favor.") for s in says), says
    assert not [s for s in says if " and " in s or s.startswith(("A ", "An "))], says
    assert any(" y " in s for s in says), says  # two or more items somewhere in 30
    assert len(parse_scenario(data).customers) == 30
    english = run("practice", "generate", "--db", db, "--customers", "30", "--seed", "7",
                  lang="en_US.UTF-8")
    data = yaml.safe_load(english.stdout)
    assert data["title"] == "30 simulated customers (seed 7)"
    says = [c["says"] for c in data["customers"]]
    assert all(s.startswith(("A ", "An ")) and s.endswith(", please.") for s in says), says
