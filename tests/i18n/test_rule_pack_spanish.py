"""A refused rule pack in Spanish (issue 14.3): the real command line under LANG=es says
every problem parse_rule, the pack reader and the money reader found in Spanish, with the
pack's own values and field names as they are; the rule form says its problems in Spanish;
the rule pack's modules write no sentence without core.said."""

from __future__ import annotations

from pathlib import Path

import pytest
from program import run_program as _run
from said_scan import english_left, english_sentences

from pos_prompter import i18n
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.rules import parse_pack
from pos_prompter.i18n import build
from pos_prompter.ui.workspace.rules.form_values import NEW_RULE, check_form

MODULES = ("pos_prompter/core/rule_parse.py", "pos_prompter/core/rule_fields.py",
           "pos_prompter/core/rule_model.py", "pos_prompter/core/rule_text.py",
           "pos_prompter/core/money.py", "pos_prompter/core/data_limits.py",
           "pos_prompter/pack_files.py", "pos_prompter/core/store_settings.py")

BAD_PACK = """\
version: 1
color: red
rules:
  - id: Latte!
    kind: cross_sell
    title: ""
    when: {scanned: {sku: [lower]}, order: {total_min: "abc", has: [x]},
           time: {hours: "25:00-26:00", days: [mon, funday]}}
    offer: {add: []}
    say: "Hi {name}"
    priority: 5000000
    holdout: 2
  - id: twice
    kind: upsell
    title: T
    say: S
    when: {event: checkout, scanned: {category: [Bad Cat]}}
    offer: {next_size: yes, add: [A]}
  - id: twice
    kind: bundle
    title: B
    say: S
    offer: {bundle: {with: [A, A]}}
"""
PACK_DATA = ("'Latte!'", "'x'", "'abc'", "'25:00-26:00'", "'funday'", "'Bad Cat'", "{name}",
             "mon, tue, wed, thu, fri, sat, sun", "5000000",
             "{item}, {offer}, {price}, {delta}, {size}, {qty_diff}, {unit}, "
             "{per_unit_saving}, {saving}, {gap}, {attach_rate}", "1,000,000", "color",
             "when.order.has", "when.order.total_min", "when.time.hours", "when.time.days",
             "when.scanned.category", "when.scanned", "when.event", "offer.bundle.with",
             "offer.bundle.price", "offer.add", "upgrade_to", "next_size", "upsell", "sku:x",
             "category:y", "tag:z", "event: scan", "holdout", "priority", "title", "say", "id",
             "sku", "scan", "twice", "category")




@pytest.mark.usefixtures("built_catalogs")
def test_import_rules_of_a_bad_pack_says_every_problem_in_spanish(tmp_path: Path) -> None:
    db, pack = tmp_path / "shop.db", tmp_path / "bad.yaml"
    pack.write_text(BAD_PACK, encoding="utf-8")
    assert _run("init", "--db", db).returncode == 0
    refused = _run("import", "rules", pack, "--db", db)
    assert refused.returncode == 1
    lines = refused.stderr.splitlines()
    assert lines[0] == "error: rechazo de paquete de reglas, no se cambió nada (18 problemas):"
    assert "  regla #1, campo title: es obligatorio (un nombre corto para la regla)" in lines
    assert "  regla twice, campo id: se usa dos veces (reglas #2 y #3)" in lines
    assert ("  regla #1, campo when.order.total_min: 'abc' no es un importe con 2 decimales "
            "como mucho, como \"3.45\"") in lines
    for line in lines[1:]:
        assert english_left(line, PACK_DATA) == [], line


@pytest.mark.usefixtures("built_catalogs")
def test_a_pack_that_cannot_be_read_is_refused_in_spanish(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    assert _run("init", "--db", db).returncode == 0
    broken, twice = tmp_path / "broken.yaml", tmp_path / "twice.yaml"
    broken.write_text("version: 1\nrules: [\n", encoding="utf-8")
    twice.write_text("version: 1\nrules:\n - id: a\n   id: b\n", encoding="utf-8")
    assert _run("import", "rules", broken, "--db", db).stderr.startswith(
        f"error: {broken} no es YAML/JSON válido en la línea 3, columna 1: ")
    assert _run("import", "rules", tmp_path / "none.yaml", "--db", db).stderr == (
        f"error: paquete de reglas {tmp_path / 'none.yaml'}: no existe\n")
    assert _run("import", "rules", twice, "--db", db).stderr.splitlines()[1] == (
        "  regla #1, campo id: se da dos veces (líneas 3 y 4); dé cada campo una sola vez, "
        "con el valor que quiere dar")


def test_english_is_as_it_was() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_pack({"version": 2, "rules": [{"id": "a", "kind": "cross_sell"}]})
    assert refused.value.problems[:2] == [
        "pack, field version: 2 is not a supported format version (this app reads version 1, "
        "written as the whole number 1)",
        "rule a, field title: is required (a short name for the rule)"]
    assert str(refused.value).startswith("rule pack refused, nothing was changed: pack, field")


@pytest.mark.usefixtures("spanish")
def test_the_rule_form_says_its_problems_in_spanish() -> None:
    raw = dict(NEW_RULE, id="Latte!", priority=5_000_000, holdout="2",
               when={"order": {"total_min": "abc"}})
    check = check_form(raw, [], published=False)
    said = check.problems
    assert said["title"] == ["es obligatorio (un nombre corto para la regla)"]
    assert said["total_min"] == ["'abc' no es un importe con 2 decimales como mucho, como "
                                 "\"3.45\""]
    assert said["priority"] == ["5000000 debe ser un número entero de -1,000,000 a 1,000,000"]
    for texts in said.values():
        for text in texts:
            assert english_left(text, ["'Latte!'", "latte-size-up", "'abc'", "5000000",
                                       "1,000,000"]) == [], text
    i18n.use_language("en")
    check = check_form(raw, [], published=False)
    assert check.problems["title"] == ["is required (a short name for the rule)"]


@pytest.mark.parametrize("module", MODULES)
def test_the_module_writes_no_sentence_without_core_said(module: str) -> None:
    assert english_sentences(build.ROOT / module) == []


def test_the_scan_finds_english_refusals_and_problems(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "raise InputError(f'{what} {path} does not exist')\n"
        "raise ValidationError(['the pack must be a mapping'], what='rule pack')\n"
        "problems.add(where, 'when.order', 'total_min is above total_max')\n"
        "self.problems.append(f'{value} is negative')\n"
        "problems.add(where, 'when.order', QT_TRANSLATE_NOOP('problems', 'it is fine'))\n"
        "raise MoneyError(NOT_MONEY.format(value=v))\n"
        "problems.add(where, 'when.order.has', message)\n", encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in english_sentences(sample)] == [
        "'  does not exist'", "'the pack must be a mapping'", "'total_min is above total_max'",
        "' is negative'"], "each English sentence, and nothing else"
