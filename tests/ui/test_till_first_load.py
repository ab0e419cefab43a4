"""Issue 14.2: the app's till is shown before its catalog and rules are read (app.run's
SHOWN_FIRST; build_window by itself for a big store, DEFER_PRODUCTS; ~0.9 s at chain
size): they are read in a worker thread started after the first paint, and what the clerk
does meanwhile waits and runs once they are in force, in order, never lost or refused.
Real store file, real window, the real worker thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from damage_support import damage_page
from pytestqt.qtbot import QtBot
from tillwin_helpers import COCOA_TALL, LATTE_TALL, scan

from pos_prompter.app import SHOWN_FIRST, build_window
from pos_prompter.bootstrap import DEFAULT_CLERK
from pos_prompter.store import Store
from pos_prompter.ui.order_columns import ITEM_MIN
from pos_prompter.ui.till_window import TillWindow


@pytest.fixture
def store(cafe_store_path: Path) -> Iterator[Store]:
    with Store.open(cafe_store_path) as opened:
        yield opened


@pytest.fixture
def window_of(qtbot: QtBot, store: Store) -> Iterator[dict[str, TillWindow]]:
    made: dict[str, TillWindow] = {}
    yield made
    for window in made.values():
        window.close()


def test_scans_before_the_catalog_is_read_ring_up_once_it_is_in_order(
        qtbot: QtBot, store: Store, window_of: dict[str, TillWindow]) -> None:
    window = window_of["till"] = build_window(store, clerk=DEFAULT_CLERK, defer_from=1)
    assert not window.till.loaded  # shown first
    # Before this thread's event loop runs, so before the worker's result can arrive.
    window.scan_text(LATTE_TALL)
    window.scan_text(f"2*{COCOA_TALL}")
    window.scan_text("3*")  # the last line's quantity: runs after the two scans

    assert window.till.lines == []  # waiting: neither rung up nor refused
    assert window.message_level != "error"
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.till.loaded and len(window.till.lines) == 2,
                    timeout=10_000)
    assert [(line.sku, line.qty) for line in window.till.lines] == [
        (window.till.catalog.lookup(LATTE_TALL).sku, 1),  # type: ignore[union-attr]
        (window.till.catalog.lookup(COCOA_TALL).sku, 3)]  # type: ignore[union-attr]
    assert window.model.rowCount() == 2
    assert window.message_level != "error"
    assert window.order_columns.item_width >= ITEM_MIN

    scan(qtbot, window, LATTE_TALL)  # and on as ever, at once
    assert len(window.till.lines) == 3


def test_a_small_store_is_read_before_the_till_is_shown(
        store: Store, window_of: dict[str, TillWindow]) -> None:
    window = window_of["till"] = build_window(store, clerk=DEFAULT_CLERK)

    assert window.till.loaded
    assert window.loads.waiting is None
    window.scan_text(LATTE_TALL)
    assert len(window.till.lines) == 1


def test_an_open_order_is_reopened_over_the_catalog_read_first(
        store: Store, window_of: dict[str, TillWindow]) -> None:
    first = build_window(store, clerk=DEFAULT_CLERK)
    first.scan_text(LATTE_TALL)  # left open
    first.close()

    window = window_of["till"] = build_window(store, clerk=DEFAULT_CLERK, defer_from=1)

    assert window.till.loaded  # its lines and prompts need them: read before showing
    assert window.loads.waiting is None
    assert [line.sku for line in window.till.lines] == [
        window.till.catalog.lookup(LATTE_TALL).sku]  # type: ignore[union-attr]


def test_the_first_read_starts_after_the_first_paint_and_uses_no_engine_before(
        qtbot: QtBot, store: Store, window_of: dict[str, TillWindow]) -> None:
    """The app's own start (SHOWN_FIRST) shows every till first: the worker that reads
    the catalog and rules starts once the window is painted (ui.first_paint), not while
    it is being built; until then the till has made no engine (its module is not needed
    for the first screen: tests/test_app_start_imports.py)."""
    window = window_of["till"] = build_window(store, clerk=DEFAULT_CLERK,
                                              defer_from=SHOWN_FIRST)
    qtbot.wait(50)  # a turn of the event loop, not shown: nothing is read yet
    assert not window.till.loaded
    assert not window.loading
    assert window.loads.waiting == []
    assert window.till._engine is None
    assert window.customer_type.types == []

    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.till.loaded, timeout=10_000)
    assert window.till._engine is not None
    scan(qtbot, window, LATTE_TALL)
    assert len(window.till.lines) == 1


def test_a_first_read_that_fails_is_said_once_and_not_tried_again_and_again(
        qtbot: QtBot, cafe_store_path: Path, window_of: dict[str, TillWindow],
        caplog: pytest.LogCaptureFixture) -> None:
    """The rules' pages are damaged: the read in the worker fails, then the read on this
    thread; the till says so and waits for the next publish. (It used to start the read
    again as soon as it failed, for as long as the till ran: a revision announced meanwhile
    counted as newer than none in force.) The store's check (the guard) offers its backup."""
    damage_page(cafe_store_path, "rules")
    with Store.open(cafe_store_path) as store:
        window = window_of["till"] = build_window(store, clerk=DEFAULT_CLERK,
                                                  defer_from=SHOWN_FIRST)
        window.loads.load(store.publish_revision())  # a publish announced before the read
        with qtbot.waitExposed(window):
            window.show()
        qtbot.waitUntil(lambda: window.loads.waiting is None and not window.loading,
                        timeout=10_000)
        qtbot.wait(300)  # turns of the event loop in which a retry would start

        assert not window.loading
        assert not window.till.loaded
        assert window.message_level == "error"
        assert "Could not read the catalog and rules" in window.status_label.text()
        failed = [r for r in caplog.records if r.name == "pos_prompter.ui.till_loads"]
        # the worker's read, this thread's, and once the publish announced meanwhile
        assert 1 <= len(failed) <= 3, [r.getMessage() for r in failed]

        window.scan_text(LATTE_TALL)  # refused, saying why: never "unknown barcode"
        assert window.till.lines == []
        assert "nothing rings up" in window.status_label.text()
        window.close()
