"""Suggestions, what-if, practice scorecards and the barcode sheet's notes in Spanish (issue
14.3): `suggest` and `whatif` under LANG=es say the core's sentences in Spanish; a
scorecard's notes and a product's barcode note are said in Spanish; English is as it was;
the modules write no sentence without core.said."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from program import run_program as _run
from said_scan import english_left, english_sentences

from pos_prompter import i18n
from pos_prompter.core.barcode import sheet_entry
from pos_prompter.core.catalog import Catalog, Product, Sku
from pos_prompter.core.scoring import PromptRecord, score_customer
from pos_prompter.i18n import build

MODULES = ("pos_prompter/core/scoring.py", "pos_prompter/core/suggest.py",
           "pos_prompter/core/whatif.py", "pos_prompter/core/barcode.py",
           "pos_prompter/cli/suggest.py", "pos_prompter/cli/whatif.py")

DRAFT = """\
version: 1
rules:
  - id: muffin-tea
    kind: cross_sell
    title: Muffin with tea
    when: {scanned: {sku: [LATTE-T]}}
    offer: {add: [COOKIE-OAT]}
    say: A cookie?
"""




@pytest.mark.slow
@pytest.mark.usefixtures("built_catalogs")
def test_suggest_and_whatif_in_spanish(tmp_path: Path) -> None:
    db, empty, draft = tmp_path / "shop.db", tmp_path / "empty.db", tmp_path / "draft.yaml"
    draft.write_text(DRAFT, encoding="utf-8")
    assert _run("init", "--db", db, "--demo", "cafe").returncode == 0
    assert _run("init", "--db", empty, "--demo", "cafe", "--no-history").returncode == 0
    rows = _run("suggest", "--db", db).stdout.splitlines()[1:]
    assert rows
    for row in rows:
        why = row.split(": ", 1)[1]
        assert re.fullmatch(r"comprados juntos en el \S+% de los pedidos con .+, \S+ veces más "
                            r"a menudo que por azar", why), row
    refused = _run("suggest", "--db", db, "--min-support", "7")
    assert (refused.returncode, refused.stderr) == (2, (
        "error: --min-support '7' no es una fracción de los pedidos mayor que 0 y como mucho "
        "1 (p. ej. 0.01 para el 1% de los pedidos)\n"))
    table = _run("whatif", draft, "--db", db).stdout.splitlines()
    rate = table[-1]
    assert rate.startswith("muffin-tea: tasa tomada de las sugerencias de venta cruzada de "
                           "la tienda de los últimos 90 días: "), rate
    assert english_left(rate, ["muffin-tea"]) == [], rate
    row = next(line for line in table if line.startswith("muffin-tea "))
    assert row.split("  ")[1] == "venta cruzada", table  # the kind column
    assert _run("whatif", draft, "--db", empty).stdout.splitlines()[-1] == (
        "muffin-tea: aún no hay tasa: la tienda no mostró ninguna sugerencia de venta cruzada "
        "en los últimos 90 días")


def _notes() -> list[str]:
    missed = PromptRecord(rule_id="r", what="the Oat Cookie", final_word="accept", delta=225)
    asked = PromptRecord(rule_id="r", what="the Oat Cookie", final_word="accept", delta=225,
                         asks_why=True, offered=True, asked_why=True)
    card = score_customer("Ana", ["LATTE-T", "LATTE-T"], [("LATTE-T", 1), ("MUFFIN", 1)],
                          [missed, asked], product_names={"LATTE-T": "Latte Tall"})
    return [i18n.say(note) for note in card.notes]


def test_a_scorecard_and_a_barcode_note_in_spanish(spanish: None) -> None:
    notes = _notes()
    assert notes[0] == "Artículos: faltan Latte Tall x1; no están en la lista MUFFIN x1 (un " \
                       "punto menos cada uno)."
    assert notes[1] == "No ofreció the Oat Cookie: Ana habría dicho que sí (+2,25\xa0$)."
    assert notes[2].startswith("Ana preguntó por qué sobre the Oat Cookie y usted no lo explicó "
                               "(F5), así que Ana dijo que no; con la explicación, habría sido "
                               "un sí (+2,25\xa0$).")
    for note in notes:
        assert english_left(note, ["the Oat Cookie", "Latte Tall", "MUFFIN", "Ana"]) == [], note
    tea = Product(sku=Sku("TEA"), name="Tea", price=250, barcodes=("12345",))
    note = sheet_entry(tea, Catalog([tea])).note
    assert i18n.say(note) == ("no se dibuja código de barras: '12345' tiene 5 cifras, no 8 "
                              "(EAN-8), 12 (UPC-A) ni 13 (EAN-13): teclee el SKU TEA en la caja")


def test_english_is_as_it_was() -> None:
    i18n.use_language("en")
    notes = _notes()
    assert notes[:2] == [
        "Items: missing Latte Tall x1; not on the list MUFFIN x1 (a point off each).",
        "You didn't offer the Oat Cookie: Ana would have said yes (+$2.25)."]


@pytest.mark.parametrize("module", MODULES)
def test_the_module_writes_no_sentence_without_core_said(module: str) -> None:
    assert english_sentences(build.ROOT / module) == []
