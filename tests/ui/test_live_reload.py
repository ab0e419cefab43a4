"""Live in every till: a till in another process picks up published changes within a
second, without a restart, never sees a half-published pack, and keeps its open order."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tillwin_helpers import LATTE_TALL, panel, press, scan, table_column

from pos_prompter.bootstrap import parse_pack_text
from pos_prompter.store import Store
from pos_prompter.till import Till
from pos_prompter.ui.till_window import TillWindow

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

MakeWindow = Callable[..., TillWindow]


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
