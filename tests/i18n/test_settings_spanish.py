"""A refused store setting in Spanish (issue 14.3): `pos-prompter settings KEY=VALUE` under
LANG=es and the Settings page's problem beside the field both say core.store_settings'
sentence in Spanish; English is as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from program import run_program as _run

from pos_prompter import i18n
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.store_settings import parse_store_setting
from pos_prompter.ui.workspace.settings_form import problem_text


def _refusal(key: str, text: str) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        parse_store_setting(key, text)
    return refused.value


@pytest.mark.usefixtures("built_catalogs")
def test_settings_refusals_in_spanish_on_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    assert _run("init", "--db", db).returncode == 0
    said = {pair: _run("settings", "--db", db, pair) for pair in
            ("currency=usd", "theme=blue", "store_name=", "nope=1")}
    assert {pair: run.returncode for pair, run in said.items()} == dict.fromkeys(said, 1)
    assert [run.stderr.splitlines()[1] for run in said.values()] == [
        "  ajustes, campo currency: 'usd' debe ser un código de 3 letras como USD",
        "  ajustes, campo theme: 'blue' debe ser uno de estos: light, dark",
        "  ajustes, campo store_name: no puede estar vacío",
        "  el ajuste 'nope' no existe (existentes: max_prompts_per_order, max_offer_ratio, "
        "currency, rush_scans_per_minute, store_name, leaderboard, leaderboard_min_orders, "
        "backup_every_minutes, backup_keep_days, language, theme)"]
    assert said["theme=blue"].stderr.splitlines()[0] == (
        "error: rechazo de ajuste, no se cambió nada (1 problema):")


@pytest.mark.usefixtures("spanish")
def test_the_settings_page_says_the_problem_in_spanish() -> None:
    assert problem_text("currency", _refusal("currency", "usd")) == (
        "'usd' debe ser un código de 3 letras como USD.")
    assert problem_text("leaderboard", _refusal("leaderboard", "maybe")) == (
        "Debe ser on u off.")
    i18n.use_language("en")
    assert problem_text("leaderboard", _refusal("leaderboard", "maybe")) == (
        "It must be on or off.")
    assert str(_refusal("theme", "blue")) == (
        "setting refused, nothing was changed: settings, field theme: 'blue' must be one of "
        "light, dark")
