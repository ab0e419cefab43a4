"""The workspace window around the rule list, the editor and the audit log: what a manager
selects is what the editor shows, published rules reach the list, the log and the tills,
unsaved edits are never lost without a question, and it does not close mid-import."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tillwin_helpers import child
from workspace_helpers import MANAGER, column

from pos_prompter.bootstrap import APP_NAME
from pos_prompter.core.catalog import Product, Sku
from pos_prompter.core.engine import Prompt
from pos_prompter.core.rules import DAYS, PLACEHOLDERS
from pos_prompter.store import Store
from pos_prompter.ui.workspace import import_dialog
from pos_prompter.ui.workspace.audit_view import ACTION, ENTITY_ID, WHO
from pos_prompter.ui.workspace.import_dialog import RULES
from pos_prompter.ui.workspace.preview import RulePreview
from pos_prompter.ui.workspace.rule_editor import RuleEditor
from pos_prompter.ui.workspace.rule_list import ID, RULE_ID_ROLE
from pos_prompter.ui.workspace.window import (
    WorkspaceWindow,
    app_layout_settings,
    read_sizes,
)

MakeWorkspace = Callable[..., WorkspaceWindow]
NEW_TITLE = "Afternoon pastry with a coffee"


def editor_id(workspace: WorkspaceWindow) -> str:
    return child(workspace.editor, QLineEdit, "ruleId").text()


def edit_title(workspace: WorkspaceWindow, title: str = NEW_TITLE) -> None:
    child(workspace.editor, QLineEdit, "ruleTitle").setText(title)
    assert workspace.editor.has_unsaved_changes()


def answer(qtbot: QtBot, workspace: WorkspaceWindow,
           button: QMessageBox.StandardButton) -> None:
    box = workspace.confirm_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(box.finished):
        box.button(button).click()


def test_the_workspace_has_rules_audit_and_the_import_export_actions(
        make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)

    assert workspace.objectName() == "workspaceWindow"
    assert [workspace.tabs.tabText(i) for i in range(workspace.tabs.count())] == [
        "Rules", "Audit log", "Results", "Suggestions", "Staff", "Settings", "Catalog"]
    assert isinstance(workspace.editor, RuleEditor)
    assert workspace.editor.actor == MANAGER
    names = {a.objectName() for a in workspace.menuBar().actions()[0].menu().actions()}
    assert {"importRulesAction", "importCatalogAction", "importOrdersAction",
            "exportRulesAction", "exportAuditAction"} <= names
    assert not workspace.banner.isVisible()
    assert MANAGER in workspace.windowTitle()


def test_the_banner_checks_the_stored_password_when_not_told(
        make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    assert make_workspace(cafe_store_path, demo_password=None).banner.isVisible()


def test_a_selected_rule_is_edited_and_published_to_list_log_and_tills(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    workspace.rule_list.select_rule("coffee-pastry")
    assert editor_id(workspace) == "coffee-pastry"
    edit_title(workspace)

    with qtbot.waitSignals([workspace.editor.rule_published, workspace.published]):
        child(workspace.editor, QPushButton, "publishButton").click()

    model = workspace.rule_list.proxy
    row = column(model, ID, RULE_ID_ROLE).index("coffee-pastry")
    assert model.index(row, ID).data() == NEW_TITLE
    assert model.index(row, ID).data(Qt.ItemDataRole.ToolTipRole) == \
        f"{NEW_TITLE}\nRule code: coffee-pastry"
    selected = workspace.rule_list.selected_rule()
    assert selected is not None
    assert selected.id == "coffee-pastry"
    audit = workspace.audit_view.model
    assert (audit.index(0, WHO).data(), audit.index(0, ENTITY_ID).data(),
            audit.index(0, ACTION).data()) == (MANAGER, "coffee-pastry", "change")
    with Store.open(cafe_store_path) as store:
        assert next(r for r in store.rules.load() if r.id == "coffee-pastry").title == \
            NEW_TITLE


def test_unsaved_edits_are_kept_unless_the_manager_discards_them(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    workspace.rule_list.select_rule("coffee-pastry")
    edit_title(workspace)

    workspace.rule_list.select_rule("mug-deal")
    answer(qtbot, workspace, QMessageBox.StandardButton.Cancel)
    assert editor_id(workspace) == "coffee-pastry"
    assert workspace.editor.has_unsaved_changes()
    selected = workspace.rule_list.selected_rule()
    assert selected is not None
    assert selected.id == "coffee-pastry"

    workspace.rule_list.select_rule("mug-deal")
    answer(qtbot, workspace, QMessageBox.StandardButton.Discard)
    assert editor_id(workspace) == "mug-deal"
    assert not workspace.editor.has_unsaved_changes()


def test_new_rule_and_the_editors_close_leave_an_empty_form(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    workspace.rule_list.select_rule("mug-deal")

    child(workspace.rule_list, QPushButton, "ruleNew").click()

    assert editor_id(workspace) == ""
    assert workspace.rule_list.selected_rule() is None
    workspace.rule_list.select_rule("mug-deal")
    assert editor_id(workspace) == "mug-deal"
    with qtbot.waitSignal(workspace.editor.closed):
        child(workspace.editor, QPushButton, "closeButton").click()
    assert editor_id(workspace) == ""
    assert workspace.rule_list.selected_rule() is None


def test_closing_with_unsaved_edits_asks_first(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    workspace.rule_list.select_rule("coffee-pastry")
    edit_title(workspace)

    with qtbot.assertNotEmitted(workspace.closed):
        workspace.close()
    answer(qtbot, workspace, QMessageBox.StandardButton.Cancel)
    assert workspace.isVisible()

    workspace.close()
    with qtbot.waitSignal(workspace.closed):
        answer(qtbot, workspace, QMessageBox.StandardButton.Discard)
    assert not workspace.isVisible()


def test_the_workspace_stays_open_while_an_import_runs(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()
    read = import_dialog.read_preview

    def slow_read(*args: Any, **kwargs: Any) -> import_dialog.Preview:
        assert gate.wait(30)
        return read(*args, **kwargs)

    monkeypatch.setattr(import_dialog, "read_preview", slow_read)
    workspace = make_workspace(cafe_store_path)
    pack = tmp_path / "pack.yaml"
    pack.write_text("version: 1\nrules: []\n", encoding="utf-8")
    dialog = workspace.open_import(RULES, pack)
    qtbot.waitUntil(dialog.isVisible)

    with qtbot.assertNotEmitted(workspace.closed):
        workspace.close()
    assert workspace.isVisible()
    assert "An import or export is running" in workspace.message.text()
    dialog.reject()
    assert dialog.isVisible()
    assert not child(dialog, QPushButton, "importClose").isEnabled()

    gate.set()
    qtbot.waitUntil(lambda: not dialog.busy)
    with qtbot.waitSignal(workspace.closed):
        workspace.close()
    assert workspace.import_dialogs == []


def test_changes_published_elsewhere_show_in_the_list(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    assert "mug-deal" in column(workspace.rule_list.proxy, ID, RULE_ID_ROLE)

    with Store.open(cafe_store_path) as other:  # the command line, another manager...
        other.rules.delete("mug-deal", actor="ana")

    qtbot.waitUntil(lambda: "mug-deal" not in column(workspace.rule_list.proxy, ID, RULE_ID_ROLE),
                    timeout=5000)
    assert workspace.audit_view.model.index(0, WHO).data() == "ana"


def test_refresh_reads_the_rules_again_in_the_background(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    with Store.open(cafe_store_path) as other:
        other.rules.delete("mug-deal", actor="ana")
        assert workspace.watcher is not None  # F5 alone: the watcher is told it is seen
        workspace.watcher.acknowledge(other.publish_revision())

    with qtbot.waitSignal(workspace.rule_list.reloaded, timeout=5000):
        workspace.refresh_action.trigger()
        assert workspace.rule_list.loading
    assert "mug-deal" not in column(workspace.rule_list.proxy, ID, RULE_ID_ROLE)
    assert workspace.audit_view.model.index(0, WHO).data() == "ana"


def test_the_window_keeps_ticking_while_a_publish_elsewhere_loads_then_the_editor_catches_up(
        qtbot: QtBot, make_workspace: MakeWorkspace, large_store_path: Path) -> None:
    workspace = make_workspace(large_store_path)
    view = workspace.rule_list
    view.table.sortByColumn(ID, Qt.SortOrder.DescendingOrder)
    assert view.select_rule("fill-0042")
    assert editor_id(workspace) == "fill-0042"
    assert child(workspace.editor, QCheckBox, "ruleActive").isChecked()
    ticks: list[bool] = []
    timer = QTimer(workspace)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(view.loading))
    timer.start()

    with Store.open(large_store_path) as other:  # a new aisle (the whole catalog is
        other.catalog.import_products([Product(Sku("FILL-00042"), "Filler 42", 142,  # read again)
                                       category="new-aisle")])
        rule = next(r for r in other.rules.load() if r.id == "fill-0042")
        other.rules.save(dataclasses.replace(rule, active=False), actor="ana")
    qtbot.waitUntil(lambda: not child(workspace.editor, QCheckBox, "ruleActive").isChecked()
                    and not view.loading, timeout=10_000)
    timer.stop()

    assert ticks.count(True) >= 3, "the UI thread ticked on while the store was read"
    assert "published elsewhere" in workspace.message.text()
    assert "shown" in workspace.message.text()
    assert editor_id(workspace) == "fill-0042"
    assert not workspace.editor.has_unsaved_changes()
    assert child(view, QComboBox, "ruleCategoryFilter").findData("new-aisle") > 0
    assert view.selected_rule() is not None
    assert view.selected_rule().id == "fill-0042"
    assert column(view.proxy, ID, RULE_ID_ROLE)[0] == "mug-deal", "still sorted by id, descending"


def largest_gap_ms(qtbot: QtBot, done: Callable[[], bool], start: Callable[[], None]) -> float:
    """`start()`, then wait for `done()`: the largest gap (ms) between two ticks of a 5 ms
    timer from the start on, i.e. the longest the UI thread could not paint."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    ticks.append(time.perf_counter())
    start()
    qtbot.waitUntil(done, timeout=10_000)
    settled = len(ticks) + 10  # ten more ticks: whatever followed done() is in the count
    qtbot.waitUntil(lambda: len(ticks) >= settled)
    timer.stop()
    return max(b - a for a, b in itertools.pairwise(ticks)) * 1000


def test_a_publish_elsewhere_catches_the_editor_up_from_the_background_load(
        qtbot: QtBot, make_workspace: MakeWorkspace, large_store_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = make_workspace(large_store_path)
    view, editor = workspace.rule_list, workspace.editor
    assert view.select_rule("fill-0042")
    active = child(editor, QCheckBox, "ruleActive")
    assert active.isChecked()
    reads: list[str] = []  # what the editor reads from the store on the UI thread
    store = workspace.store
    for owner, name, what in ((store.catalog, "load", "load_catalog"),
                              (store.rules, "load", "load_rules"),
                              (store, "load_settings", "load_settings")):
        monkeypatch.setattr(owner, name, functools.partial(
            lambda real, what: reads.append(what) or real(), getattr(owner, name), what))
    other = Store.open(large_store_path)
    try:
        def publish(rule_id: str, on: bool) -> None:
            rule = next(r for r in other.rules.load() if r.id == rule_id)
            other.rules.save(dataclasses.replace(rule, active=on), actor="ana")

        def round_ms(on: bool) -> float:
            return largest_gap_ms(qtbot, lambda: active.isChecked() == on and not view.loading,
                                  lambda: publish("fill-0042", on))

        round_ms(False)
        assert "shown" in workspace.message.text()
        assert reads == [], "the editor took its context from the list's load"
        assert editor_id(workspace) == "fill-0042"
        assert not editor.has_unsaved_changes()
        assert not editor.set_context(view.data.catalog, view.data.settings,
                                      view.data.rules, view.data.revision), "up to date"
        assert editor.rule() is not None
        assert not editor.rule().active

        # And back on: caught up again, still without reading the store here. (How long
        # the UI thread stops either way is bench_workspace_reload.py's to measure.)
        round_ms(True)
        assert reads == []
        assert active.isChecked()

        # Unsaved edits stay as they are, as before.
        edit_title(workspace)
        with qtbot.waitSignal(view.reloaded, timeout=10_000):
            publish("fill-0042", False)
        qtbot.waitUntil(lambda: not view.loading, timeout=10_000)
        assert active.isChecked()
        assert child(editor, QLineEdit, "ruleTitle").text() == NEW_TITLE
        assert editor.has_unsaved_changes()
        child(editor, QLineEdit, "ruleTitle").setText("Filler 42")  # closes without asking
        assert not editor.has_unsaved_changes()
    finally:
        other.close()


# ---------------------------------------------------------------- layout at real screen sizes

AFTERNOON = dt.datetime(2026, 11, 23, 15, 10)
"""The Monday of the workspace tests, inside coffee-pastry's 11:00-17:00 window."""
FORM_FIELDS = (
    "ruleId", "ruleTitle", "ruleActive",
    "ruleEvent", "scannedSku", "scannedCategory", "scannedTag", "orderTotalMin",
    "orderTotalMax", "orderHas", "orderLacks", "ruleCustomer",
    "ruleKind",
    "ruleSay", "ruleWhy", *(f"placeholder_{name}" for name in PLACEHOLDERS),
    "timeHoursOn", "timeHoursFrom", "timeHoursTo",
    *(f"timeDay{day.capitalize()}" for day in DAYS),
    "timeFromOn", "timeFrom", "timeToOn", "timeTo", "rulePriority", "ruleHoldout",
    "ruleMaxOfferRatio",
)
"""Every field of the form, whatever the kind, by objectName."""
OFFER_FIELDS = {
    "upsell": ("offerNextSize", "offerUpgradeToMode", "offerUpgradeTo"),
    "cross_sell": ("offerAdd",),
    "bundle": ("offerBundleWith", "offerBundlePrice"),
    "threshold": ("offerOrderTotal", "offerWithin", "offerReward", "offerRewardPrice"),
}


def at_size(qtbot: QtBot, workspace: WorkspaceWindow, width: int, height: int) -> None:
    """Resize the window as a screen of that size would show it; wait for the layout."""
    workspace.resize(width, height)
    qtbot.waitUntil(lambda: workspace.size() == QSize(width, height))
    for _ in range(3):  # scroll areas and wrapped text settle over a few passes
        QApplication.processEvents()


def in_view(widget: QWidget, scroll: QScrollArea) -> bool:
    """The whole of `widget` is inside what the scroll area shows."""
    viewport = scroll.viewport()
    return viewport.rect().contains(QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size()))


def scroll_to(widget: QWidget, scroll: QScrollArea) -> None:
    """Scroll as the manager would to bring `widget` in, its top a little under the top."""
    top = widget.mapTo(scroll.widget(), QPoint(0, 0)).y()
    scroll.verticalScrollBar().setValue(top - 8)


def cut_labels(host: QWidget) -> list[str]:
    """The labels on `host` whose text does not fit them (wrapped or not)."""
    cut = []
    for label in host.findChildren(QLabel):
        if not label.isVisibleTo(host) or not label.text():
            continue
        if label.wordWrap():
            fits = label.height() >= label.heightForWidth(label.width())
        else:
            fits = label.width() >= label.sizeHint().width()
        if not fits:
            cut.append(f"{label.objectName() or 'caption'} {label.text()!r} {label.size()}")
    return cut


def check_every_field_is_reachable(editor: RuleEditor) -> None:
    """Every field of the form (and the offer fields of the kind shown) can be scrolled
    into full view, is as wide as it needs, and no caption, hint or title is cut."""
    scroll = editor.form_scroll
    host = scroll.widget()
    assert scroll.horizontalScrollBar().maximum() == 0, "the form never scrolls sideways"
    kind = child(editor, QComboBox, "ruleKind").currentData()
    for name in (*FORM_FIELDS, *OFFER_FIELDS[kind]):
        field = child(editor, QWidget, name)
        assert field.isVisibleTo(host), name
        scroll_to(field, scroll)
        assert in_view(field, scroll), f"{name} cannot be scrolled into view"
        assert field.width() >= field.minimumSizeHint().width(), f"{name} is squeezed"
    assert cut_labels(host) == []


def show_prompt(qtbot: QtBot, workspace: WorkspaceWindow) -> RulePreview:
    """Select coffee-pastry and play a Tall latte at 15:10 in the preview: its card is up."""
    workspace.rule_list.select_rule("coffee-pastry")
    preview = workspace.editor.preview
    preview.set_time(AFTERNOON)
    preview.add_item("LATTE-T")
    preview.refresh()
    assert isinstance(preview.result, Prompt)
    qtbot.waitUntil(preview.panel.isVisible)
    return preview


def test_at_1280x800_every_field_is_reachable_and_nothing_is_cut(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    at_size(qtbot, workspace, 1280, 800)
    workspace.rule_list.select_rule("coffee-pastry")
    editor = workspace.editor

    kinds = child(editor, QComboBox, "ruleKind")
    try:
        for kind in OFFER_FIELDS:
            kinds.setCurrentIndex(kinds.findData(kind))
            QApplication.processEvents()
            check_every_field_is_reachable(editor)
    finally:
        editor.undo_stack.setIndex(0)  # back to the rule as stored: closing asks nothing
    assert not editor.has_unsaved_changes()


def test_at_1280x800_the_preview_stands_beside_the_form_with_its_card_readable(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    at_size(qtbot, workspace, 1280, 800)
    preview = show_prompt(qtbot, workspace)
    editor = workspace.editor

    assert editor.splitter.orientation() == Qt.Orientation.Horizontal
    form = editor.form_scroll
    form_box = QRect(form.mapTo(workspace, QPoint(0, 0)), form.size())
    shown = editor.preview_scroll
    preview_box = QRect(shown.mapTo(workspace, QPoint(0, 0)), shown.size())
    assert preview_box.left() > form_box.right(), "beside the form, on its right"
    assert preview_box.top() < form_box.center().y() < preview_box.bottom()
    assert form.width() >= 380
    card = preview.panel
    assert card.width() >= card.minimumSizeHint().width()
    assert shown.horizontalScrollBar().maximum() == 0, "the card is never cut sideways"
    for text in (card.say, card.why):
        assert in_view(text, shown), "what to say and why, without scrolling"
    assert cut_labels(preview) == []
    assert workspace.splitter.sizes()[0] >= workspace.rule_list.minimumSizeHint().width()


def test_at_1024x768_the_list_goes_above_and_the_form_is_roomy_beside_its_card(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    """Issue 13, point 13: beside the list, the editor was too narrow for its preview: the
    form some 260 px tall under it, and the card's buttons at the fold."""
    workspace = make_workspace(cafe_store_path)
    at_size(qtbot, workspace, 1024, 768)
    preview = show_prompt(qtbot, workspace)
    editor = workspace.editor

    assert workspace.splitter.orientation() == Qt.Orientation.Vertical, "the list above"
    assert workspace.rule_list.table.isVisible()
    assert editor.splitter.orientation() == Qt.Orientation.Horizontal, "preview beside"
    assert editor.form_scroll.viewport().height() >= 340
    assert preview.card_first(), "a low editor: the card before the sample order"
    QApplication.processEvents()  # the form's wrapped hints, laid out at its new width
    check_every_field_is_reachable(editor)
    shown = editor.preview_scroll
    assert shown.horizontalScrollBar().maximum() == 0
    shown.verticalScrollBar().setValue(0)
    for widget in (preview.panel.say, preview.panel.accept_button,
                   preview.panel.decline_button):
        assert in_view(widget, shown), widget.objectName()

    at_size(qtbot, workspace, 1280, 800)  # a bigger screen: the list beside again
    assert workspace.splitter.orientation() == Qt.Orientation.Horizontal
    assert workspace.splitter.sizes()[0] >= workspace.rule_list.minimumSizeHint().width()
    assert editor.splitter.orientation() == Qt.Orientation.Horizontal
    assert not preview.card_first()


def test_the_splitter_sizes_are_remembered_in_the_layout_settings(
        qtbot: QtBot, cafe_store_path: Path, tmp_path: Path) -> None:
    path = str(tmp_path / "layout.ini")
    opened: list[WorkspaceWindow] = []

    def open_workspace(store: Store) -> WorkspaceWindow:
        window = WorkspaceWindow(store, MANAGER, demo_password=False, today=AFTERNOON.date(),
                                 layout_settings=QSettings(path, QSettings.Format.IniFormat))
        opened.append(window)
        window.resize(1280, 800)
        with qtbot.waitExposed(window):
            window.show()
        return window

    with Store.open(cafe_store_path) as store:
        try:
            first = open_workspace(store)
            first.splitter.moveSplitter(first.splitter.sizes()[0] + 60, 1)
            form, preview = first.editor.pane_widths()
            room = sum(first.editor.splitter.sizes())
            assert room > form + preview + 20, "beside, with room to spare"
            first.editor.splitter.moveSplitter(room - preview - 10, 1)  # a narrow preview
            rules, editor = first.splitter.sizes(), first.editor.splitter.sizes()
            with qtbot.waitSignal(first.closed):
                first.close()

            second = open_workspace(store)
            assert second.splitter.sizes() == rules
            assert second.editor.splitter.sizes() == editor
        finally:
            for window in opened:
                window.close()
                window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # watchers too


def test_tests_never_touch_the_users_layout_settings(
        make_workspace: MakeWorkspace, cafe_store_path: Path, tmp_path: Path) -> None:
    assert QApplication.applicationName() != APP_NAME  # pytest-qt's QApplication
    assert app_layout_settings() is None
    assert make_workspace(cafe_store_path).layout_settings is None

    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    settings.setValue("workspace/rulesSplitter", ["wide", "narrow"])
    assert read_sizes(settings, "workspace/rulesSplitter", 2) is None
    settings.setValue("workspace/rulesSplitter", [400, 0])
    assert read_sizes(settings, "workspace/rulesSplitter", 2) is None
    settings.setValue("workspace/rulesSplitter", [400, 860])
    assert read_sizes(settings, "workspace/rulesSplitter", 2) == [400, 860]
