"""`pos-prompter report`'s table under the Spanish catalog says each rule's true uplift
(core.uplift's sentence, a core.said sentence) in Spanish; `--format json` keeps the
English sentence for machines (issue 14.3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pos_prompter.cli import main
from pos_prompter.cli.report import read_report, report_table
from pos_prompter.core.stats import Sample
from pos_prompter.core.uplift import Uplift

SHOWN = Sample(10, 10 * 700, 10 * 700 * 700)
HELD_OUT = Sample(12, 12 * 650, 12 * 650 * 650)
SPANISH = ("Latte size-up: aún no hay datos suficientes (10 pedidos con la sugerencia "
           "mostrada, 12 de control); necesita 20 pedidos más con la sugerencia mostrada y 18 "
           "pedidos de control más (30 en cada grupo).")


@pytest.fixture
def report_data(tmp_path: Path, built_catalogs: None) -> dict[str, object]:
    db = tmp_path / "cafe.db"
    assert main(["init", "--db", str(db), "--demo", "cafe", "--no-history"]) == 0
    data = read_report(db, None, None).to_json()
    data["uplift"] = [Uplift("latte-size-up", "Latte size-up", SHOWN, HELD_OUT).to_json()]
    return data


def test_the_table_says_the_uplift_in_spanish(report_data: dict[str, object],
                                              spanish: None) -> None:
    assert f"  {SPANISH}\n" in report_table(report_data)


def test_json_keeps_the_english_sentence(report_data: dict[str, object],
                                         spanish: None) -> None:
    sentence = json.loads(json.dumps(report_data))["uplift"][0]["sentence"]
    assert sentence.startswith("Latte size-up: not enough data yet (10 orders with")
