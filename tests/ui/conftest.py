"""Fixtures for the till window tests: real store files in tmp_path, real widgets offscreen,
a fixed Monday-morning clock, and a check that no test leaves a window open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tillwin_helpers import visible_windows, windows_left_open

from pos_prompter.bootstrap import init_store, parse_pack_text
from pos_prompter.core.catalog import Product, Sku
from pos_prompter.core.order import Clock, FixedClock
from pos_prompter.core.rules import parse_pack
from pos_prompter.store import Store
from pos_prompter.store.store import copy_store
from pos_prompter.till import Till
from pos_prompter.ui.till_window import TillWindow

MORNING = dt.datetime(2026, 11, 23, 8, 10)
"""A Monday at 8:10: the cafe's breakfast rules (06:00-11:00) fire, the afternoon ones not."""

MakeTillWindow = Callable[..., TillWindow]


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp: QApplication) -> Iterator[None]:
    """Every window a test opens is closed by the end of it, and no dialog ever shows."""
    before = visible_windows()
    yield
    qapp.processEvents()
    left = windows_left_open(before)
    assert not left, "windows left open: " + ", ".join(left)


@pytest.fixture
def morning_clock() -> FixedClock:
    return FixedClock(MORNING)


@pytest.fixture
def cafe_store_path(tmp_path: Path) -> Path:
    """A new store file seeded with the cafe demo (catalog and rules)."""
    path = tmp_path / "store.db"
    init_store(path, demo="cafe").close()
    return path


@pytest.fixture
def store_with_rules(cafe_store_path: Path) -> Callable[[str], Path]:
    """The cafe demo catalog with the rules of a pack given as YAML text instead."""

    def make(pack_yaml: str) -> Path:
        with Store.open(cafe_store_path) as store:
            store.rules.replace(parse_pack_text(pack_yaml, "test-pack.yaml"))
        return cafe_store_path

    return make


@pytest.fixture
def make_till_window(qtbot: QtBot, morning_clock: FixedClock) -> Iterator[MakeTillWindow]:
    """Build TillWindows on store files: `make_till_window(path, training=False,
    clock=None, answer_delay_ms=0)`. Each is shown, active and has the focus in scanInput;
    windows and their stores are closed at teardown. Prompts take answers at once unless
    `answer_delay_ms` says otherwise (the till's own delay is tested in
    test_till_answer_delay.py)."""
    made: list[tuple[TillWindow, Store]] = []

    def make(path: Path, *, training: bool = False, clock: Clock | None = None,
             show: bool = True, answer_delay_ms: int = 0) -> TillWindow:
        store = Store.open(path)
        window = TillWindow(Till(store, clock or morning_clock), training=training,
                            answer_delay_ms=answer_delay_ms)
        made.append((window, store))
        if show:
            with qtbot.waitExposed(window):
                window.show()
            window.activateWindow()
            qtbot.waitUntil(window.scan_input.hasFocus)
        return window

    yield make
    for window, store in reversed(made):
        window.close()
        window.deleteLater()
        store.close()


FILLER_PRODUCTS, FILLER_RULES = 20_000, 2_000
"""Enough catalog and rules that a reload takes a while, little enough for the suite."""


@pytest.fixture(scope="session")
def large_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cafe demo plus 20,000 products and 2,000 rules, made once for the session."""
    path = tmp_path_factory.mktemp("large") / "store.db"
    init_store(path, demo="cafe").close()
    products = [Product(Sku(f"FILL-{i:05d}"), f"Filler {i}", 100 + i % 900,
                        category=f"filler-{i % 50}") for i in range(FILLER_PRODUCTS)]
    rules = [{"id": f"fill-{i:04d}", "kind": "cross_sell", "title": f"Filler {i}",
              "when": {"scanned": {"sku": [f"FILL-{i:05d}"]}},
              "offer": {"add": [f"FILL-{i + 1:05d}"]}, "say": "One more?",
              "max_offer_ratio": 20} for i in range(FILLER_RULES)]
    with Store.open(path) as store:
        store.catalog.import_products(products)
        store.rules.replace(parse_pack({"version": 1, "rules": rules}), merge=True)
    return path


@pytest.fixture
def large_store_path(large_store_file: Path, tmp_path: Path) -> Path:
    """A copy of the large store of its own for each test."""
    path = tmp_path / "large.db"
    copy_store(large_store_file, path)
    return path
