"""`pos-prompter settings`, and rush hours as a clerk sees them through `simulate`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cli_support import RunCli

RUSH_SCRIPT = """\
time 2026-11-23T08:15
scan BEANS-250
scan LATTE-T
decline
pay
"""


def prompts(events: list[dict]) -> list[str]:
    return [e["rule"] for e in events if e["event"] == "prompt"]


def test_settings_lists_every_setting_with_its_meaning(cli: RunCli, spec_store: Path) -> None:
    result = cli("settings", "--db", spec_store)
    assert result.code == 0, result.err
    assert "rush_scans_per_minute = 0 (default)" in result.out
    assert "max_prompts_per_order = 2" in result.out


def test_a_setting_changes_and_stays(cli: RunCli, spec_store: Path) -> None:
    assert cli("settings", "--db", spec_store, "rush_scans_per_minute=20").code == 0
    assert "rush_scans_per_minute = 20" in cli("settings", "--db", spec_store).out


def test_bad_settings_change_nothing(cli: RunCli, spec_store: Path) -> None:
    result = cli("settings", "--db", spec_store, "rush_scans_per_minute=5",
                 "max_offer_ratio=lots")
    result.assert_clean_error(1, "max_offer_ratio", "not a number")
    assert "rush_scans_per_minute = 0 (default)" in cli("settings", "--db", spec_store).out
    cli("settings", "--db", spec_store, "colour=red").assert_clean_error(1, "unknown")
    cli("settings", "--db", spec_store, "rush").assert_clean_error(2, "KEY=VALUE")


def test_the_till_theme_is_a_setting_of_light_or_dark(cli: RunCli, spec_store: Path) -> None:
    assert cli("settings", "--db", spec_store, "theme=dark").code == 0
    assert "theme = dark" in cli("settings", "--db", spec_store).out
    cli("settings", "--db", spec_store, "theme=purple").assert_clean_error(1, "light, dark")
    assert "theme = dark" in cli("settings", "--db", spec_store).out


def test_in_a_rush_the_clerk_reads_one_prompt_not_two(
        cli: RunCli, store_copy: Callable[[str], Path], tmp_path: Path) -> None:
    script = tmp_path / "rush.txt"
    script.write_text(RUSH_SCRIPT, encoding="utf-8")
    calm, busy = store_copy("spec"), tmp_path / "busy.db"
    busy.write_bytes(calm.read_bytes())
    assert cli("settings", "--db", busy, "rush_scans_per_minute=2").code == 0

    calm_run = cli("simulate", "--db", calm, script)
    busy_run = cli("simulate", "--db", busy, script)
    assert calm_run.code == busy_run.code == 0, (calm_run.err, busy_run.err)
    assert prompts(calm_run.events()) == ["latte-size-up", "latte-muffin"]
    assert prompts(busy_run.events()) == ["latte-size-up"]
