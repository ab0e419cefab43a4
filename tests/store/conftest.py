"""Fixtures for the store tests: real SQLite files in tmp_path, seeded from the spec's cafe.

`spec_examples/` holds verbatim copies of shared/spec/examples/catalog.csv and rules.yaml,
so the suite runs from a clean clone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from pos_prompter.bootstrap import load_pack_file
from pos_prompter.core.catalog import Catalog, Product, parse_catalog_csv
from pos_prompter.core.order import FixedClock
from pos_prompter.core.rules import RulePack
from pos_prompter.store import Store

SPEC_DIR = Path(__file__).parent / "spec_examples"
MONDAY_0815 = dt.datetime(2026, 11, 23, 8, 15)  # 2026-11-23 is a Monday


@pytest.fixture
def spec_products() -> list[Product]:
    return parse_catalog_csv((SPEC_DIR / "catalog.csv").read_text(encoding="utf-8"))


@pytest.fixture
def spec_catalog(spec_products: list[Product]) -> Catalog:
    return Catalog(spec_products)


@pytest.fixture
def spec_rules_data() -> dict[str, Any]:
    """The spec's rules.yaml as plain data, for tests that edit a pack."""
    return yaml.safe_load((SPEC_DIR / "rules.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def spec_pack() -> RulePack:
    return load_pack_file(SPEC_DIR / "rules.yaml")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_0815)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "shop" / "store.db"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    """A new, empty store (schema only)."""
    with Store.open(store_path, create=True) as s:
        yield s


@pytest.fixture
def cafe_path(store_path: Path, spec_products: list[Product], spec_pack: RulePack) -> Path:
    """A closed store file holding the spec's cafe catalog and rules, and clerk alice."""
    with Store.open(store_path, create=True) as s:
        s.catalog.import_products(spec_products)
        s.rules.replace(spec_pack)
        s.staff.add_without_secret("alice")
    return store_path


@pytest.fixture
def cafe_store(cafe_path: Path) -> Iterator[Store]:
    with Store.open(cafe_path) as s:
        yield s
