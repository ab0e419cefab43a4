"""`check`, `backup` and `restore` through the real command line, and a damaged store (a
page overwritten for real, damage_support) as one sentence for every command that reads
it: what to run, which backup to restore, exit 2, no traceback, the file left as it was
(issue 11, point 3)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import SPEC_DIR, Result, build_store, run_subprocess
from damage_support import damage_page, digest

SCRIPT = SPEC_DIR / "01-upsell-then-bundle.txt"


def cli(*args: object) -> Result:
    return run_subprocess(*args)


@pytest.fixture(scope="module")
def cafe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("cafe") / "cafe.db", demo="cafe")


@pytest.fixture
def shop(cafe: Path, tmp_path: Path) -> Path:
    path = tmp_path / "shop.db"
    path.write_bytes(cafe.read_bytes())
    return path


def test_check_says_ok_on_an_intact_store(shop: Path) -> None:
    result = cli("check", "--db", shop)
    assert (result.code, result.out, result.err) == (0, "ok\n", "")


def test_check_names_what_is_damaged_and_exits_1(shop: Path) -> None:
    damage_page(shop, "settings")
    before = digest(shop)
    result = cli("check", "--db", shop)
    assert result.code == 1, result
    assert "settings" in result.out
    assert "is damaged" in result.err
    assert "Traceback" not in result.err
    assert digest(shop) == before


@pytest.mark.slow
@pytest.mark.parametrize("argv", [
    ["simulate", SCRIPT],
    ["simulate", SCRIPT, "--dry-run"],
    ["lint"],
    ["export", "rules"],
    ["settings"],
    ["settings", "store_name=Corner"],
    ["report"],
], ids=["simulate", "simulate-dry-run", "lint", "export", "settings", "settings-change",
        "report"])
def test_a_damaged_store_is_one_sentence_naming_check_and_the_backup(
        shop: Path, argv: list[object]) -> None:
    backup = cli("backup", "--db", shop)  # an automatic-style backup beside it
    assert backup.code == 0, backup
    latest = next((shop.parent / "shop.backups").iterdir())
    damage_page(shop, "settings")
    before = digest(shop)

    result = cli(*argv, "--db", shop)

    result.assert_clean_error(2, f"{shop} is damaged", f"pos-prompter check --db {shop}",
                              f"pos-prompter restore {latest} --db {shop}")
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert "internal error" not in result.err
    assert digest(shop) == before


@pytest.mark.slow
def test_backup_writes_a_checked_copy_and_never_over_a_file(shop: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    made = cli("backup", "--db", shop, "-o", target)
    assert made.code == 0, made
    assert f"to {target}" in made.out
    assert cli("check", "--db", target).out == "ok\n"
    again = cli("backup", "--db", shop, "-o", target)
    again.assert_clean_error(2, "already exists")


def test_backup_of_a_damaged_store_is_refused_in_one_sentence(shop: Path, tmp_path: Path) -> None:
    damage_page(shop, "settings")
    result = cli("backup", "--db", shop, "-o", tmp_path / "copy.db")
    result.assert_clean_error(2, "is damaged", "pos-prompter check")
    assert not (tmp_path / "copy.db").exists()


@pytest.mark.slow
def test_restore_puts_a_backup_back_and_keeps_the_damaged_store(
        shop: Path, tmp_path: Path) -> None:
    backup = tmp_path / "good.db"
    assert cli("backup", "--db", shop, "-o", backup).code == 0
    damage_page(shop, "settings")
    damaged = digest(shop)

    result = cli("restore", backup, "--db", shop)

    assert result.code == 0, result
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("shop.damaged-")]
    assert len(kept) == 1, list(tmp_path.iterdir())
    assert str(kept[0]) in result.out
    assert digest(kept[0]) == damaged
    assert cli("check", "--db", shop).out == "ok\n"
    assert cli("settings", "--db", shop).code == 0


@pytest.mark.slow
def test_restore_refuses_a_damaged_backup(shop: Path, cafe: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(cafe.read_bytes())
    damage_page(bad, "settings")
    before = digest(shop)
    result = cli("restore", bad, "--db", shop)
    result.assert_clean_error(2, "is not a good backup", "nothing was changed")
    assert digest(shop) == before


def test_the_backup_settings_are_store_settings_in_range(shop: Path) -> None:
    changed = cli("settings", "--db", shop, "backup_every_minutes=15", "backup_keep_days=14")
    assert changed.code == 0, changed
    assert "backup_every_minutes = 15" in changed.out
    assert "backup_keep_days = 14" in changed.out
    refused = cli("settings", "--db", shop, "backup_every_minutes=1")
    refused.assert_clean_error(1, "backup_every_minutes", "from 5 to 1440")


@pytest.mark.slow
def test_the_till_on_a_store_it_cannot_build_from_is_the_same_sentence(
        shop: Path, tmp_path: Path) -> None:
    """The window's damage met while it is built (its settings page): on a screenless
    platform no message can be answered, so the command line's one sentence, exit 2."""
    damage_page(shop, "settings")
    before = digest(shop)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           **{var: str(tmp_path / var.lower()) for var in
              ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")}}
    proc = subprocess.run([sys.executable, "-m", "pos_prompter", "--db", str(shop)],
                          capture_output=True, encoding="utf-8", env=env, timeout=60,
                          check=False)
    result = Result(proc.returncode, proc.stdout, proc.stderr)
    result.assert_clean_error(2, f"{shop} is damaged", "pos-prompter check")
    errors = [line for line in result.err.splitlines() if "damaged" in line]
    assert len(errors) == 1, result.err  # after the log's "till started", one sentence
    assert errors[0].startswith("error: ")
    assert digest(shop) == before


@pytest.mark.slow
def test_a_damaged_practice_store_is_the_one_named(shop: Path) -> None:
    made = cli("practice", "refresh", "--db", shop)
    assert made.code == 0, made
    practice = shop.with_name("shop.training.db")
    damage_page(practice, "settings")
    real = digest(shop)
    result = cli("simulate", SCRIPT, "--training", "--db", shop)
    result.assert_clean_error(2, f"{practice} is damaged", f"check --db {practice}")
    assert digest(shop) == real
