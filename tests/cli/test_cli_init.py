"""`pos-prompter init --db PATH [--demo NAME]`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from cli_support import DEMO_ROOT, RunCli, query, run_subprocess

from pos_prompter.core.catalog import parse_catalog_csv
from pos_prompter.resources import DEMOS


@pytest.mark.parametrize("demo", DEMOS)
def test_init_each_demo(cli: RunCli, tmp_path: Path, demo: str) -> None:
    db = tmp_path / f"{demo}.db"
    result = cli("init", "--db", db, "--demo", demo)
    assert result.code == 0, result.err
    products = len(parse_catalog_csv((DEMO_ROOT / demo / "catalog.csv").read_text("utf-8")))
    rules = len(yaml.safe_load((DEMO_ROOT / demo / "rules.yaml").read_text("utf-8"))["rules"])
    assert result.out.startswith(
        f"Created {db} from the {demo} demo: {products} products, {rules} rules and ")
    assert result.out.endswith(" past orders from 2026-08-25 to 2026-11-22\n")
    assert query(db, "SELECT count(*) FROM products")[0][0] == products
    assert query(db, "SELECT count(*) FROM rules")[0][0] == rules
    assert query(db, "SELECT name, role FROM staff ORDER BY name") == [
        ("clerk", "clerk"), ("manager", "manager"), ("trainer", "trainer")]


def test_init_empty_store(cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "new" / "shop.db"
    result = cli("init", "--db", db)
    assert result.code == 0, result.err
    assert result.out.startswith(f"Created {db}: an empty store (0 products, 0 rules)")
    assert "import catalog" in result.out
    assert query(db, "SELECT count(*) FROM products") == [(0,)]


def test_init_refuses_an_existing_file(cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "precious.db"
    db.write_bytes(b"a year of sales")
    cli("init", "--db", db, "--demo", "cafe").assert_clean_error(2, str(db), "already exists")
    assert db.read_bytes() == b"a year of sales"


def test_init_refuses_an_existing_store(cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    assert cli("init", "--db", db, "--demo", "cafe").code == 0
    before = db.read_bytes()
    cli("init", "--db", db).assert_clean_error(2, "already exists")
    assert db.read_bytes() == before


def test_init_unknown_demo(cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    cli("init", "--db", db, "--demo", "pizzeria").assert_clean_error(2, "pizzeria", "cafe")
    assert not db.exists()


def test_init_through_the_real_command(tmp_path: Path) -> None:
    result = run_subprocess("init", "--db", tmp_path / "shop.db", "--demo", "electronics")
    assert result.code == 0, result.err
    assert "from the electronics demo" in result.out
    again = run_subprocess("init", "--db", tmp_path / "shop.db")
    again.assert_clean_error(2, "already exists")
