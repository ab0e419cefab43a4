"""Spanish that agrees whatever it names (issue 14.3): a refusal names its `what` (catalog,
rule pack, past orders, settings...) without an adjective that must agree with it ('pedidos
pasados rechazado' was wrong), and an import's counts read right for rules (feminine),
products and past orders (masculine) and for one as for many ('reglas: 3 añadidos' was
wrong). Through the real command line; English as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from program import run_program as run

from pos_prompter import i18n
from pos_prompter.core.catalog import CATALOG_WHAT
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.past_orders import ORDERS_WHAT
from pos_prompter.core.rule_parse import PACK_WHAT, RULE_WHAT, SETTINGS_WHAT
from pos_prompter.core.scenario import SCENARIO_WHAT
from pos_prompter.core.store_settings import SETTING_WHAT

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "cafe"
WHATS = (CATALOG_WHAT, ORDERS_WHAT, PACK_WHAT, RULE_WHAT, SETTINGS_WHAT, SCENARIO_WHAT,
         SETTING_WHAT)




@pytest.mark.usefixtures("spanish")
def test_a_refusal_reads_right_for_every_what() -> None:
    for what in WHATS:
        said = i18n.say_error(ValidationError(["x"], what=what))
        assert said == f"rechazo de {i18n.say(what)}, no se cambió nada: x", said
    assert i18n.say_error(ValidationError(["x"])) == "rechazo de datos, no se cambió nada: x"


def test_english_refusals_are_as_before() -> None:
    assert str(ValidationError(["x"], what=ORDERS_WHAT)) == (
        "past orders refused, nothing was changed: x")
    assert str(ValidationError(["x"])) == "input refused, nothing was changed: x"


@pytest.mark.slow
@pytest.mark.usefixtures("built_catalogs")
def test_imports_and_their_refusal_agree_on_the_command_line(tmp_path: Path) -> None:
    db, bad = tmp_path / "shop.db", tmp_path / "orders.csv"
    bad.write_text("order_id,sku,qty,time\n1,NOPE,2,2026-11-01T10:00\n", encoding="utf-8")
    assert run("init", "--db", db).returncode == 0
    assert run("import", "catalog", DEMO / "catalog.csv", "--db", db).stdout == (
        "productos: 25 de alta, 0 con cambios, 0 sin cambios\n")
    assert run("import", "rules", DEMO / "rules.yaml", "--db", db).stdout == (
        "reglas: 6 de alta, 0 con cambios, 0 sin cambios\n")
    refused = run("import", "orders", bad, "--db", db)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == (
        "error: rechazo de pedidos pasados, no se cambió nada (1 problema):")
    english = run("import", "orders", bad, "--db", db, lang="en_US.UTF-8")
    assert english.stderr.splitlines()[0] == (
        "error: past orders refused, nothing was changed (1 problem):")
    again = run("import", "rules", DEMO / "rules.yaml", "--db", db, lang="en_US.UTF-8")
    assert again.stdout == "rules: 0 added, 0 changed, 6 unchanged\n"
