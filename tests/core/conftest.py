"""Fixtures for the domain-core tests: the spec's cafe, and a till to drive without a screen.

`spec_examples/` is a verbatim copy of shared/spec/examples (catalog, rule pack and the four
scan scripts with their `# expect` lines), so the suite runs from a clean clone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from pos_prompter.core.catalog import Catalog, parse_catalog_csv
from pos_prompter.core.engine import Engine, Prompt, SalesHistory
from pos_prompter.core.rules import RulePack, Settings, parse_pack
from pos_prompter.core.session import OrderSession
from pos_prompter.core.till_event import TillEvent

SPEC_DIR = Path(__file__).parent / "spec_examples"
MONDAY_0815 = dt.datetime(2026, 11, 23, 8, 15)  # 2026-11-23 is a Monday


def spec_catalog_text() -> str:
    return (SPEC_DIR / "catalog.csv").read_text(encoding="utf-8")


def spec_rules_data() -> Any:
    return yaml.safe_load((SPEC_DIR / "rules.yaml").read_text(encoding="utf-8"))


class Till:
    """One order at a till, driven by codes and a settable clock; keeps every event."""

    def __init__(self, engine: Engine, *, order_id: int = 1, customer: str | None = None,
                 now: dt.datetime = MONDAY_0815) -> None:
        self.engine = engine
        self.session = OrderSession(order_id, engine, customer=customer)
        self.now = now
        self.events: list[TillEvent] = []

    def _record(self, events: list[TillEvent]) -> list[TillEvent]:
        self.events += events
        return events

    def scan(self, code: str) -> list[TillEvent]:
        product = self.engine.catalog.lookup(code)
        assert product is not None, f"test set-up: {code} is not in the catalog"
        return self._record(self.session.scan(product, self.now))

    def accept(self) -> list[TillEvent]:
        return self._record(self.session.accept(self.now))

    def decline(self) -> list[TillEvent]:
        return self._record(self.session.decline(self.now))

    def checkout(self) -> list[TillEvent]:
        return self._record(self.session.checkout(self.now))

    def pay(self) -> list[TillEvent]:
        return self._record(self.session.pay())

    def qty(self, n: int) -> list[TillEvent]:
        return self._record(self.session.set_qty(n, self.now))

    def void(self, sku: str) -> list[TillEvent]:
        return self._record(self.session.void(sku))

    # what the clerk sees
    @property
    def prompt(self) -> Prompt | None:
        return self.session.current

    @property
    def prompt_rule(self) -> str | None:
        return self.session.current.rule_id if self.session.current else None

    def prompts(self) -> list[str]:
        return [e.data["rule"] for e in self.events if e.event == "prompt"]

    def answers(self) -> list[tuple[str, str]]:
        return [(e.data["rule"], e.event) for e in self.events
                if e.event in ("accepted", "declined", "ignored")]

    def skus(self) -> list[str]:
        return [line.sku for line in self.session.lines]

    @property
    def total(self) -> int:
        return self.session.total


def make_engine(rules: Any = None, *, settings: dict[str, Any] | None = None,
                catalog: Catalog | str | None = None,
                history: SalesHistory | None = None) -> Engine:
    """An engine over the spec catalog (or `catalog`), with `rules` given as YAML text of a
    rule list, a list of rule dicts, or None for the spec's own pack."""
    if catalog is None:
        catalog = Catalog(parse_catalog_csv(spec_catalog_text()))
    elif isinstance(catalog, str):
        catalog = Catalog(parse_catalog_csv(catalog))
    if rules is None:
        data = spec_rules_data()
    else:
        raw = yaml.safe_load(rules) if isinstance(rules, str) else rules
        data = {"version": 1, "rules": raw}
    if settings is not None:
        data = {**data, "settings": settings}
    pack: RulePack = parse_pack(data)
    return Engine(catalog, pack.rules, pack.settings or Settings(), history)


@pytest.fixture
def spec_catalog() -> Catalog:
    return Catalog(parse_catalog_csv(spec_catalog_text()))


@pytest.fixture
def spec_engine() -> Engine:
    return make_engine()


@pytest.fixture
def till() -> Callable[..., Till]:
    """till(rules=None, settings=None, catalog=None, order_id=1, customer=None, now=...)"""

    def factory(rules: Any = None, *, settings: dict[str, Any] | None = None,
                catalog: Catalog | str | None = None, history: SalesHistory | None = None,
                **kwargs: Any) -> Till:
        return Till(make_engine(rules, settings=settings, catalog=catalog, history=history),
                    **kwargs)

    return factory


@pytest.fixture
def engine_for() -> Callable[..., Engine]:
    """engine_for(rules=None, settings=None, catalog=None, history=None)"""
    return make_engine


@pytest.fixture
def spec_dir() -> Path:
    return SPEC_DIR
