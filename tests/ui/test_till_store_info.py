"""Issue 13, point 10, first run: the till says where its store is and that it is a demo
store (storeInfo, a line beside the key help that covers nothing); the title says each
thing once; the run that made the store says so; a second till on the same store is
refused on screen, not only in the terminal. Real windows, real store files, and app.run
itself in a process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from pos_prompter import app as till_app
from pos_prompter.bootstrap import init_store
from pos_prompter.store import Store
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.widgets import ElidedLabel

MakeWindow = Callable[..., TillWindow]
SEPARATOR = " \N{EM DASH} "


def as_the_desktop_shows(title: str) -> str:
    """The title bar's text on X11 and Wayland: Qt adds the application's display name
    after the window's title (QPlatformWindow::formatWindowTitle) unless they are equal."""
    shown = QApplication.applicationDisplayName()
    return title if not shown or title == shown else title + SEPARATOR + shown


@pytest.fixture
def named_window(qtbot: QtBot) -> Iterator[Callable[..., TillWindow]]:
    """The till window as app.run builds it (build_window, with a till name), under the
    app's names as app.run sets them; pytest-qt's names are put back after, so no later
    test reads or writes the user's own settings under the app's name."""
    names = QApplication.applicationName(), QApplication.applicationDisplayName()
    till_app.application()
    made: list[tuple[TillWindow, Store]] = []

    def make(path: Path, *, training: bool = False) -> TillWindow:
        store = Store.open(path)
        window = till_app.build_window(store, training=training, name="counter-2")
        made.append((window, store))
        with qtbot.waitExposed(window):
            window.show()
        return window

    try:
        yield make
    finally:
        for window, store in reversed(made):
            window.close()
            window.deleteLater()
            store.close()
        QApplication.setApplicationName(names[0])
        QApplication.setApplicationDisplayName(names[1])


def store_info(window: TillWindow) -> ElidedLabel:
    label = window.findChild(ElidedLabel, "storeInfo")
    assert label is not None
    return label


@pytest.mark.parametrize("training", [False, True])
def test_the_title_says_store_demo_till_and_app_once_each(
        named_window: Callable[..., TillWindow], cafe_store_path: Path,
        training: bool) -> None:
    title = as_the_desktop_shows(named_window(cafe_store_path, training=training)
                                 .windowTitle())
    for part in ("pos-prompter", "cafe", "demo", "counter-2"):
        assert title.count(part) == 1, (part, title)
    assert title.count("PRACTICE") == (1 if training else 0), title


def test_a_store_made_without_a_demo_is_not_called_one(
        named_window: Callable[..., TillWindow], tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    init_store(path).close()
    window = named_window(path)
    assert "demo" not in as_the_desktop_shows(window.windowTitle()).lower()
    assert store_info(window).full_text == f"Store{SEPARATOR}{path}"


def test_the_till_says_where_its_demo_store_is_and_covers_nothing_with_it(
        make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    label = store_info(window)
    assert label.isVisible()
    assert label.full_text == f"Demo store (cafe){SEPARATOR}{cafe_store_path}"
    assert label.toolTip() == label.full_text
    place = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
    for name in ("scanInput", "orderTable", "promptPanel", "statusMessage", "voidButton",
                 "managerButton", "checkoutButton", "payButton", "keyHelp"):
        other = window.findChild(QWidget, name)
        assert other is not None, name
        assert not place.intersects(QRect(other.mapTo(window, QPoint(0, 0)), other.size())), \
            name


def test_a_long_store_path_is_elided_and_widens_nothing(
        make_till_window: MakeWindow, tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["a-rather-long-folder-name"] * 12)
    deep.mkdir(parents=True)
    path = deep / "store.db"
    init_store(path, demo="cafe").close()
    window = make_till_window(path)
    window.resize(800, 560)
    QApplication.processEvents()
    label = store_info(window)
    assert label.full_text.endswith(str(path))
    assert label.text().endswith("\N{HORIZONTAL ELLIPSIS}")
    assert window.width() == 800
    assert label.mapTo(window, QPoint(label.width(), 0)).x() <= window.width()


def test_the_practice_till_says_it_runs_on_the_practice_copy(
        make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    practice = cafe_store_path.with_name("store.training.db")
    init_store(practice, demo="cafe").close()
    window = make_till_window(practice, training=True)
    assert store_info(window).full_text == \
        f"Practice copy of the demo store (cafe){SEPARATOR}{practice}"


RUN_SCRIPT = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from pos_prompter import app
    from pos_prompter.store import StoreError
    from pos_prompter.ui.till_window import TillWindow

    app.SCREENLESS_PLATFORMS = ()  # the offscreen platform stands in for a screen
    seen = {}

    def look():
        try:
            see()
        except Exception as exc:  # what the till lacks: said, and no hang
            seen["error"] = repr(exc)
            QApplication.quit()

    def see():
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        tills = [w for w in shown if isinstance(w, TillWindow)]
        boxes = [w for w in shown if w.objectName() == "storeRefusal"]
        seen["till"] = bool(tills)
        seen["refusal"] = boxes[0].text() if boxes else None
        if tills:
            till = tills[0]
            seen["status"] = till.status_label.text()
            seen["panel"] = till.clerk_panel.message.text()
            seen["store_info"] = till.store_info.full_text
            seen["title"] = till.windowTitle()
            QApplication.quit()
        elif boxes:
            boxes[0].button(QMessageBox.StandardButton.Ok).click()
        else:
            QApplication.quit()

    qapp = app.application()
    timer = QTimer(qapp)
    timer.setSingleShot(True)
    timer.timeout.connect(look)
    timer.start(0)
    sys.excepthook = sys.__excepthook__
    try:
        seen["exit"] = app.run(Path(sys.argv[1]))
    except StoreError as exc:
        seen["raised"] = str(exc)
    print(json.dumps(seen))
""")


def run_till(path: Path, tmp_path: Path) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-c", RUN_SCRIPT, str(path)], env=env,
                            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    seen: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


@pytest.mark.slow
def test_the_first_run_says_a_demo_store_was_made_and_where_and_the_next_run_not(
        tmp_path: Path) -> None:
    path = tmp_path / "data" / "store.db"

    first = run_till(path, tmp_path)

    said = f"A new demo store (cafe) was created at {path}."
    assert "error" not in first, first
    assert first["till"] is True
    assert first["status"] == said
    assert first["panel"] == said  # the clerk's sign-in panel covers the status line
    assert first["store_info"] == f"Demo store (cafe){SEPARATOR}{path}"
    again = run_till(path, tmp_path)
    assert again["till"] is True
    assert "created" not in str(again["status"])
    assert "created" not in str(again["panel"])
    assert again["store_info"] == first["store_info"]


@pytest.mark.slow
def test_a_second_till_on_the_same_store_is_refused_on_screen(
        tmp_path: Path, cafe_store_path: Path) -> None:
    lock = till_app.lock_till(cafe_store_path)  # the first till, here on this computer
    try:
        seen = run_till(cafe_store_path, tmp_path)
    finally:
        lock.unlock()

    assert seen["till"] is False
    message = str(seen["refusal"])
    assert "a till is already open on" in message
    assert str(cafe_store_path) in message
    assert f"process {os.getpid()}" in message
    assert "a till is already open on" in str(seen["raised"])  # and the command line's
