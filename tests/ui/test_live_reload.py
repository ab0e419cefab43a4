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
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from tillwin_helpers import LATTE_TALL, panel, press, scan, table_column

from pos_prompter.bootstrap import parse_pack_text
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.till import Till
from pos_prompter.ui.store_watcher import StoreWatcher, commit_counter
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.rule_list import ID, RATE, REVENUE, RULE_ID_ROLE, SHOWN
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
    ids = [proxy.index(r, ID).data(RULE_ID_ROLE) for r in range(proxy.rowCount())]
    row = ids.index("coffee-size-up")
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
            other.rules.replace(parse_pack_text(CROISSANT_WITH_COOKIE, "pack.yaml"),
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

    assert view.proxy.index(0, ID).data(RULE_ID_ROLE) == "coffee-size-up"
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
        manager.rules.replace(pack)                  # ...and the whole of one
        till.reload()
        assert set(till.engine.rules) == {"croissant-with-cookie"}
        assert till.revision == manager.publish_revision()


def qtbot_key(name: str):
    from PySide6.QtCore import Qt

    return getattr(Qt.Key, f"Key_{name}")


# ---------------------------------------------------------------- loading off the UI thread

ANOTHER_SETTING = {"max_prompts_per_order": 3}


def publish(path: Path, pack_yaml: str | None = None) -> int:
    """Publish from a connection of its own (a rule pack merged in, else a setting); return
    the new publish revision."""
    with Store.open(path) as manager:
        if pack_yaml is None:
            manager.set_settings(ANOTHER_SETTING)
        else:
            manager.rules.replace(parse_pack_text(pack_yaml, "pack.yaml"), merge=True)
        return manager.publish_revision()


def test_the_ui_thread_keeps_ticking_while_a_publish_loads(
        qtbot: QtBot, make_till_window: MakeWindow, large_store_path: Path) -> None:
    window = make_till_window(large_store_path)
    old = window.till.revision
    ticks: list[bool] = []
    timer = QTimer(window)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(window.loading))
    timer.start()

    with qtbot.waitSignal(window.rules_reloaded, timeout=5000) as reloaded:
        revision = publish(large_store_path, CROISSANT_WITH_COOKIE)  # the watcher sees it
    timer.stop()

    assert reloaded.args == [revision]
    assert revision > old
    assert "croissant-with-cookie" in window.till.engine.rules
    assert ticks.count(True) >= 3, "the UI thread ticked on while the changes were read"
    assert not window.loading


def test_a_scan_during_the_load_is_kept_and_so_are_the_answered_prompts(
        qtbot: QtBot, make_till_window: MakeWindow, large_store_path: Path) -> None:
    window = make_till_window(large_store_path)
    scan(qtbot, window, LATTE_TALL)
    press(qtbot, window, Qt.Key.Key_F9)             # upsized: an answered prompt
    while window.till.prompt is not None:
        press(qtbot, window, Qt.Key.Key_F10)
    old = window.till.revision
    revision = publish(large_store_path, CROISSANT_WITH_COOKIE)

    window.load_published(revision)                 # as the watcher does
    assert window.loading
    scan(qtbot, window, COOKIE)                     # typed while the changes are read
    assert window.till.revision == old, "the rules in force take the scan"
    assert window.till.prompt is None or window.till.prompt.rule_id != "croissant-with-cookie"
    during = table_column(window)
    answers = dict(window.till.session.answers)
    prompt = window.till.prompt
    assert len(during) == 2
    assert "Cookie" in during[-1]

    with qtbot.waitSignal(window.rules_reloaded, timeout=5000) as reloaded:
        pass
    assert reloaded.args == [revision]
    assert window.till.revision == revision
    assert table_column(window) == during, "the scan made during the load is in the order"
    assert window.till.session.answers == answers, "its answered prompts are kept"
    assert window.till.prompt == prompt
    assert window.till.session.engine is window.till.engine
    while window.till.prompt is not None:
        press(qtbot, window, Qt.Key.Key_F10)
    press(qtbot, window, Qt.Key.Key_F12)
    scan(qtbot, window, COOKIE)                     # the next order: the new rule
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == "croissant-with-cookie"


def test_two_publishes_in_a_row_end_with_the_newer(
        qtbot: QtBot, make_till_window: MakeWindow, large_store_path: Path) -> None:
    window = make_till_window(large_store_path)
    seen: list[int] = []
    window.rules_reloaded.connect(seen.append)
    first = publish(large_store_path, CROISSANT_WITH_COOKIE)
    window.load_published(first)
    assert window.loading
    second = publish(large_store_path)              # while the first is being read
    window.load_published(second)
    assert second > first

    qtbot.waitUntil(lambda: window.till.revision == second and not window.loading,
                    timeout=5000)
    with qtbot.assertNotEmitted(window.rules_reloaded, wait=100):
        pass
    assert seen[-1] == second
    assert seen == sorted(set(seen)), "never an older revision over a newer"
    assert window.till.settings.max_prompts_per_order == 3
    assert "croissant-with-cookie" in window.till.engine.rules


def test_a_load_that_fails_keeps_the_rules_in_force(
        qtbot: QtBot, make_till_window: MakeWindow, large_store_path: Path) -> None:
    window = make_till_window(large_store_path)
    old, rules = window.till.revision, set(window.till.engine.rules)
    moved = large_store_path.with_name("moved.db")
    large_store_path.rename(moved)                  # the file is gone for a new connection
    try:
        with qtbot.assertNotEmitted(window.rules_reloaded, wait=0):
            window.load_published(old + 1)
            qtbot.waitUntil(lambda: not window.loading, timeout=5000)
    finally:
        moved.rename(large_store_path)
    assert window.message_level == "error"
    assert "Could not load the published changes" in window.status_label.text()
    assert window.till.revision == old
    assert set(window.till.engine.rules) == rules
    scan(qtbot, window, COOKIE)                     # and the till sells on
    assert len(window.till.lines) == 1


def test_an_in_memory_store_loads_published_changes_at_once(
        qtbot: QtBot, cafe_store_path: Path, morning_clock: FixedClock) -> None:
    with Store.open_copy(cafe_store_path) as store:
        window = TillWindow(Till(store, morning_clock))
        try:
            assert not window.load_in_background
            store.rules.replace(parse_pack_text(CROISSANT_WITH_COOKIE, "pack.yaml"),
                                merge=True)
            with qtbot.waitSignal(window.rules_reloaded, timeout=0) as reloaded:
                window.load_published(store.publish_revision())
                assert not window.loading
            assert reloaded.args == [store.publish_revision()]
            assert "croissant-with-cookie" in window.till.engine.rules
        finally:
            window.close()
            window.deleteLater()
