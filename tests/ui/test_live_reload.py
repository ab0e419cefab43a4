"""Live in every till: a till in another process picks up published changes within a
second, without a restart, never sees a half-published pack, and keeps its open order.
Live in the workspace: its rule list shows each sale's prompt outcomes within a second,
whichever till or process made it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tillwin_helpers import LATTE_TALL, panel, press, scan, table_column

from pos_prompter.bootstrap import parse_pack_text
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.till import Till
from pos_prompter.ui.store_watcher import StoreWatcher, commit_counter
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.rule_list import ID, RATE, REVENUE, SHOWN
from pos_prompter.ui.workspace.window import WorkspaceWindow

COOKIE = "2100000000227"
CROISSANT_WITH_COOKIE = """
version: 1
rules:
  - id: croissant-with-cookie
    kind: cross_sell
    title: Croissant with a cookie
    when: {scanned: {sku: [COOKIE-OAT]}}
    offer: {add: [CROISSANT]}
    say: "A butter croissant to go with that?"
    why: "Published while the till was open."
    max_offer_ratio: 2
"""

LATTE_SALE = """
time 2026-11-23T08:15
scan LATTE-T
accept
pay
"""
"""A scan script: the coffee size-up shown and accepted (Tall to Grande, $0.60)."""

MakeWindow = Callable[..., TillWindow]


@pytest.fixture
def workspace(qtbot: QtBot, cafe_store_path: Path) -> Iterator[WorkspaceWindow]:
    """A manager's workspace on the cafe store, shown; closed with its store."""
    store = Store.open(cafe_store_path)
    window = WorkspaceWindow(store, "manager", demo_password=False, audit_debounce_ms=0)
    with qtbot.waitExposed(window):
        window.show()
    yield window
    window.close()
    window.deleteLater()
    store.close()


def size_up_results(window: WorkspaceWindow) -> tuple[object, ...]:
    proxy = window.rule_list.proxy
    row = [proxy.index(r, ID).data() for r in range(proxy.rowCount())].index("coffee-size-up")
    return tuple(proxy.index(row, c).data() for c in (SHOWN, RATE, REVENUE))


def publish_from_another_process(store: Path, pack: Path) -> float:
    """Run the real command line in a child process; return when it finished."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "pos_prompter", "import", "rules", str(pack), "--merge",
         "--db", str(store)], capture_output=True, encoding="utf-8", env=env, timeout=60,
        check=False)
    assert done.returncode == 0, done.stderr
    return time.perf_counter()


@pytest.mark.slow
def test_a_rule_published_by_another_process_is_live_within_a_second(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        tmp_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, LATTE_TALL)
    press(qtbot, window, Qt.Key.Key_F9)            # upsized: an answered prompt
    while window.till.prompt is not None:
        press(qtbot, window, Qt.Key.Key_F10)
    before = table_column(window)
    answers = dict(window.till.session.answers)
    pack = tmp_path / "pack.yaml"
    pack.write_text(CROISSANT_WITH_COOKIE, encoding="utf-8")

    finished = publish_from_another_process(cafe_store_path, pack)
    with qtbot.waitSignal(window.rules_reloaded, timeout=1000):
        pass
    assert time.perf_counter() - finished < 1.0

    assert table_column(window) == before, "the open order is untouched"
    assert window.till.session.answers == answers, "its answered prompts are kept"
    press(qtbot, window, Qt.Key.Key_F12)            # this order had its prompts: next one
    scan(qtbot, window, COOKIE)
    assert panel(window).isVisible()
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == "croissant-with-cookie"


def test_another_tills_sale_does_not_reload_the_rules(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    with Store.open(cafe_store_path) as other:
        till = Till(other, till_name="till-2")
        till.scan(COOKIE)
        till.pay()
        assert window.watcher is not None
        with qtbot.assertNotEmitted(window.rules_reloaded, wait=300):
            window.watcher.check()


def test_the_watcher_tells_a_sale_from_a_publish(
        qtbot: QtBot, cafe_store_path: Path, morning_clock: FixedClock) -> None:
    with Store.open(cafe_store_path) as mine, Store.open(cafe_store_path) as other:
        watcher = StoreWatcher(cafe_store_path, mine.publish_revision,
                               commits=commit_counter(mine))
        with qtbot.assertNotEmitted(watcher.written), \
                qtbot.assertNotEmitted(watcher.published):
            watcher.check()                          # woken, but nothing committed

        with qtbot.waitSignal(watcher.written, timeout=1000), \
                qtbot.assertNotEmitted(watcher.published):
            till = Till(other, morning_clock, till_name="till-2")   # another connection
            till.scan(COOKIE)
            till.pay()

        with qtbot.waitSignal(watcher.written, timeout=1000):
            Till(mine, morning_clock).scan(COOKIE)   # this connection: a shared Store

        with qtbot.waitSignal(watcher.published, timeout=1000) as published, \
                qtbot.assertNotEmitted(watcher.written, wait=200):
            other.replace_rules(parse_pack_text(CROISSANT_WITH_COOKIE, "pack.yaml"),
                                merge=True)
        assert published.args == [other.publish_revision()]


def sell_in_another_process(store: Path, script: Path) -> float:
    """Play a scan script through the real command line in a child process; return when
    it finished."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "pos_prompter", "simulate", str(script), "--db", str(store)],
        capture_output=True, encoding="utf-8", env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert '"event":"accepted"' in done.stdout.replace(" ", "")
    return time.perf_counter()


@pytest.mark.slow
def test_a_sale_in_another_process_shows_in_the_open_rule_list_within_a_second(
        qtbot: QtBot, workspace: WorkspaceWindow, cafe_store_path: Path,
        tmp_path: Path) -> None:
    view = workspace.rule_list
    view.table.sortByColumn(SHOWN, Qt.SortOrder.DescendingOrder)
    assert view.select_rule("mug-deal")
    script = tmp_path / "sale.txt"
    script.write_text(LATTE_SALE, encoding="utf-8")

    with qtbot.assertNotEmitted(view.model.modelReset):
        finished = sell_in_another_process(cafe_store_path, script)
        qtbot.waitUntil(lambda: size_up_results(workspace) == ("1", "100%", "$0.60"),
                        timeout=1000)
    assert time.perf_counter() - finished < 1.0

    assert view.proxy.index(0, ID).data() == "coffee-size-up"
    selected = view.selected_rule()
    assert selected is not None
    assert selected.id == "mug-deal"
    assert view.table.horizontalHeader().sortIndicatorSection() == SHOWN


def test_a_half_published_pack_is_never_seen(cafe_store_path: Path) -> None:
    """A till reloading while a publish is under way sees the rules before it, whole; after
    the commit, the rules after it, whole."""
    with Store.open(cafe_store_path) as till_store, Store.open(cafe_store_path) as manager:
        till = Till(till_store)
        old_rules = set(till.engine.rules)
        pack = parse_pack_text(CROISSANT_WITH_COOKIE, "pack.yaml")
        conn = manager.db.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM rules")            # half way through a publish...
        till.reload()
        assert set(till.engine.rules) == old_rules
        conn.rollback()
        manager.replace_rules(pack)                  # ...and the whole of one
        till.reload()
        assert set(till.engine.rules) == {"croissant-with-cookie"}
        assert till.revision == manager.publish_revision()


def qtbot_key(name: str):
    from PySide6.QtCore import Qt

    return getattr(Qt.Key, f"Key_{name}")
