"""A refused practice scenario in Spanish (issue 14.3): `practice import` under LANG=es says
every problem of the scenario reader in Spanish (the file's values and field names as they
are), and `practice refresh` and `practice list` speak Spanish; the scenario readers, the
simulated customers and the practice package write no sentence without core.said."""

from __future__ import annotations

from pathlib import Path

import pytest
from program import run_program as _run
from said_scan import english_left, english_sentences

from pos_prompter.core.errors import InputError, ValidationError
from pos_prompter.core.scenario import parse_scenario
from pos_prompter.i18n import build

MODULES = ("pos_prompter/core/scenario.py", "pos_prompter/core/simulated.py",
           "pos_prompter/practice/files.py", "pos_prompter/practice/game.py",
           "pos_prompter/practice/generated.py", "pos_prompter/practice/library.py",
           "pos_prompter/practice/practice_store.py", "pos_prompter/practice/results.py",
           "pos_prompter/practice/runs.py", "pos_prompter/cli/practice.py",
           "pos_prompter/cli/practice_generate.py")

BAD_SCENARIO = """\
version: 2
id: Bad Id
title: ""
level: 7
time: 2026-11-23
colour: red
customers:
  - name: Ana
    type: "v i p"
    items: []
    answers: {Bad!: yes}
  - 5
"""
DATA = ("'Bad Id'", "'v i p'", "'Bad!'", "datetime.date(2026, 11, 23)", "2026-11-23T08:10",
        "Ana", "colour", "version", "title", "level", "time", "type", "items", "answers",
        "(customer)", "id", "pass_score", "customers", "member", "name", "'NOPE'", "items[1]")




@pytest.mark.slow
@pytest.mark.usefixtures("built_catalogs")
def test_practice_import_of_a_bad_scenario_in_spanish(tmp_path: Path) -> None:
    db, bad, unknown = tmp_path / "shop.db", tmp_path / "bad.yaml", tmp_path / "unknown.yaml"
    bad.write_text(BAD_SCENARIO, encoding="utf-8")
    unknown.write_text("version: 1\nid: x\ntitle: X\nlevel: 1\ntime: 2026-11-23T08:00\n"
                       "customers:\n  - name: Ana\n    items: [NOPE]\n", encoding="utf-8")
    assert _run("init", "--db", db, "--demo", "cafe", "--no-history").returncode == 0
    refused = _run("practice", "import", bad, "--db", db)
    assert refused.returncode == 1
    lines = refused.stderr.splitlines()
    assert lines[0] == f"error: rechazo de escenario {bad}, no se cambió nada (10 problemas):"
    assert "  cliente 2, campo (customer): debe ser un mapa de campos (name, items, ...)" in lines
    for line in lines[1:]:
        assert english_left(line, DATA) == [], line
    assert _run("practice", "import", unknown, "--db", db).stderr.splitlines()[1] == (
        "  cliente 1 (Ana), campo items[1]: 'NOPE' no es ningún producto de esta tienda (ni "
        "un código de barras ni un SKU)")
    refreshed = _run("practice", "refresh", "--db", db).stdout
    assert refreshed.startswith("tienda de práctica ")
    assert english_left(refreshed, [str(db)]) == [], refreshed
    listed = _run("practice", "list", "--db", db).stdout.splitlines()
    assert listed[0].split() == ["id", "título", "nivel", "clientes", "origen"]
    assert listed[1].split()[-3:] == ["fácil", "3", "incluido"]


def test_english_is_as_it_was() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_scenario({"version": 1, "id": "x", "title": "X", "level": 1,
                        "time": "2026-11-23T08:00", "customers": [{"name": "Ana"}]})
    assert refused.value.problems == [
        "customer 1 (Ana), field items: must list at least one SKU or barcode to ring up"]
    assert str(refused.value).startswith("scenario refused, nothing was changed: customer 1")
    from pos_prompter.core.catalog import Catalog
    from pos_prompter.core.rules import Settings
    from pos_prompter.core.simulated import generate

    with pytest.raises(InputError, match=r"\Athe seed must be a whole number"):
        generate(Catalog([]), [], Settings(), customers=1, seed=-1)


@pytest.mark.parametrize("module", MODULES)
def test_the_module_writes_no_sentence_without_core_said(module: str) -> None:
    assert english_sentences(build.ROOT / module) == []


@pytest.mark.usefixtures("built_catalogs")
def test_a_time_off_the_calendar_is_refused_in_spanish(tmp_path: Path) -> None:
    db, script, scenario = tmp_path / "shop.db", tmp_path / "old.txt", tmp_path / "old.yaml"
    script.write_text("time 1999-01-01T08:00\nscan LATTE-T\n", encoding="utf-8")
    scenario.write_text("version: 1\nid: x\ntitle: X\nlevel: 1\ntime: 1999-11-23T08:00\n"
                        "customers:\n  - name: Ana\n    items: [LATTE-T]\n", encoding="utf-8")
    assert _run("init", "--db", db).returncode == 0
    assert _run("simulate", script, "--db", db).stderr == (
        f"error: {script} línea 1: time 1999-01-01T08:00 está fuera del calendario de la caja "
        "(2000-01-01 a 2999-12-31)\n")
    assert _run("practice", "import", scenario, "--db", db).stderr.splitlines()[1] == (
        "  escenario x, campo time: 1999-11-23T08:00 está fuera del calendario de la caja "
        "(2000-01-01 a 2999-12-31)")
