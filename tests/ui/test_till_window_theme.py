"""The till follows the store's `theme` setting while it runs: set by `pos-prompter settings
theme=dark` in another process (the store watcher notices the publish) or from the
workspace's Settings page, the till shows it once the published changes are in force. It
used to read the setting only at start."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from touch_check import is_dark

from pos_prompter.store import Store
from pos_prompter.ui.style import DARK, LIGHT, THEME_ENV
from pos_prompter.ui.till_window import TillWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_support import run_subprocess

MakeWindow = Callable[..., TillWindow]


@pytest.fixture
def light_store(cafe_store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cafe store with `theme` light (and no theme from the environment)."""
    monkeypatch.delenv(THEME_ENV, raising=False)
    with Store.open(cafe_store_path) as store:
        store.set_settings({"theme": LIGHT})
    return cafe_store_path


def test_a_theme_set_by_another_process_shows_while_the_till_runs(
        qtbot: QtBot, make_till_window: MakeWindow, light_store: Path) -> None:
    window = make_till_window(light_store)
    central = window.centralWidget()
    assert window.theme == LIGHT
    assert not is_dark(central)

    with qtbot.waitSignal(window.rules_reloaded, timeout=5000):
        done = run_subprocess("settings", "theme=dark", "--db", light_store)
        assert done.code == 0, done.err
    assert window.theme == DARK
    assert is_dark(central)
    assert window.till.lines == []  # nothing else happened to the till


def test_a_theme_saved_in_this_process_shows_after_its_publish(
        qtbot: QtBot, make_till_window: MakeWindow, light_store: Path) -> None:
    window = make_till_window(light_store)
    with Store.open(light_store) as other:  # the workspace's own connection, say
        other.set_settings({"theme": DARK})
        revision = other.publish_revision()
    with qtbot.waitSignal(window.rules_reloaded, timeout=5000):
        window.load_published(revision)  # as the workspace announces its publish
    assert window.theme == DARK
    assert is_dark(window.centralWidget())
