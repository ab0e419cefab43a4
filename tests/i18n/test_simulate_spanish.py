"""`pos-prompter simulate` under LANG=es_ES.UTF-8 (issue 14.3): the sentences a clerk reads
in its JSON Lines (an error's message, a prompt's evidence) come from the Spanish catalog,
while the format's keys, events and codes, and the manager's own say and why, stay as they
are. Fails on an English sentence left."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from test_cli_spanish import _run

from pos_prompter.i18n import build

CATALOG = Path(__file__).resolve().parents[2] / "resources" / "demo" / "cafe" / "catalog.csv"

SCRIPT = """\
time 2026-11-23T08:10
scan 0000000000000
scan NO-SUCH
scan 2100000000012
accept
accept
accept
void NO-SUCH
pay
pay
"""


def _english_left(text: str, data: list[str]) -> list[str]:
    """The words of `text` that are neither data nor the literal Spanish of a catalog
    translation."""
    root = ET.parse(build.ts_path("es")).getroot()
    pieces = {part.casefold() for m in root.iter("message")
              for part in re.split(r"\{[a-z_]*\}", m.findtext("translation") or "")
              if len(part.strip()) >= 2}
    rest = text.casefold()
    for item in sorted([*data, *pieces], key=len, reverse=True):
        rest = rest.replace(item.casefold(), " ")
    return re.findall(r"[a-z]{2,}", rest)


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z']+", text)


def _events(db: Path, script: Path, lang: str) -> list[dict[str, Any]]:
    done = _run("simulate", "--db", db, script, "--dry-run", LANG=lang)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.slow
@pytest.mark.usefixtures("built_catalogs")
def test_simulate_says_the_clerk_s_sentences_in_spanish(tmp_path: Path) -> None:
    db = tmp_path / "cafe.db"
    assert _run("init", "--db", db, "--demo", "cafe", "--no-history", LANG="C").returncode == 0
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    english = _events(db, script, "C")
    spanish = _events(db, script, "es_ES.UTF-8")
    assert [e["event"] for e in spanish] == [e["event"] for e in english]
    assert [sorted(e) for e in spanish] == [sorted(e) for e in english], "the same keys"
    errors = [e["message"] for e in spanish if e["event"] == "error"]
    assert errors == ["código de barras desconocido 0000000000000",
                      "código desconocido NO-SUCH",
                      "no hay ninguna sugerencia en pantalla que aceptar",
                      "no hay ninguna línea con NO-SUCH que quitar",
                      "nada que pagar: el pedido está vacío"]
    prompts = [(en, es) for en, es in zip(english, spanish, strict=True)
               if es["event"] == "prompt"]
    assert prompts
    with CATALOG.open(encoding="utf-8") as rows:
        names = [row["name"] for row in csv.DictReader(rows)]
    for en, es in prompts:
        assert es["rule"] == en["rule"]
        for said in ("say", "why"):  # the manager's words stay; only money takes es's style
            assert _words(es[said]) == _words(en[said]), said
        assert len(es["evidence"]) == len(en["evidence"]) > 0
        for line in es["evidence"]:
            assert _english_left(line, [*names, "oz"]) == [], line
    first = prompts[0][1]["evidence"][0]
    assert first.startswith("Latte Grande "), first
    assert " frente a Latte Tall " in first, first
