"""The manager's workspace in Spanish (issue 14.3): its window, menus, tabs and messages,
its pages and the rule list and editor, each built under the Spanish catalog; every text
they show is Spanish or data (rule ids and names, products, people, the manager's own
prompt texts)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from spanish_check import (
    assert_all_spanish,
    audit_data,
    english_left,
    spanish,  # noqa: F401 - the fixture, used by name
)

from pos_prompter import i18n
from pos_prompter.core.errors import InputError
from pos_prompter.core.rule_words import category_name
from pos_prompter.core.rules import PLACEHOLDERS
from pos_prompter.store import Store
from pos_prompter.store.auth import StaffStore
from pos_prompter.ui.workspace.discard_box import ask_to_discard
from pos_prompter.ui.workspace.file_actions import write_pack
from pos_prompter.ui.workspace.page_work import PageWork
from pos_prompter.ui.workspace.window import WorkspaceWindow

MakeWorkspace = Callable[..., WorkspaceWindow]

pytestmark = pytest.mark.usefixtures("spanish")


def test_window_title_tabs_menu_toolbar_and_banner(cafe_store_path: Path,
                                                   make_workspace: MakeWorkspace) -> None:
    window = make_workspace(cafe_store_path, demo_password=True)
    store_name = window.store.get_setting("store_name") or ""
    assert english_left(window.windowTitle(), [store_name, "manager"]) == []
    assert window.windowTitle().startswith("pos-prompter espacio de trabajo")
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["Reglas", "Registro de auditoría", "Resultados", "Propuestas", "Personal",
                    "Ajustes", "Catálogo"]
    assert [a.text() for a in window.menuBar().actions()][:1] == ["&Archivo"]
    actions = [a.text() for a in window.findChildren(
        QAction, options=Qt.FindChildOption.FindDirectChildrenOnly)]
    assert "Importar reglas…" in actions
    assert [text for text in actions if english_left(text)] == []
    assert_all_spanish(window.banner, ["manager"])
    window.close()  # nothing unsaved: it closes


def test_window_messages(cafe_store_path: Path, make_workspace: MakeWorkspace,
                         qtbot: QtBot) -> None:
    window = make_workspace(cafe_store_path)
    rule = window.store.rules.load()[0]
    window._on_rule_published(rule.id)
    assert english_left(window.message.text(), [rule.id]) == []
    window._on_password_changed(None)
    assert window.message.text() == "Contraseña cambiada. Use la nueva desde ahora."
    target = cafe_store_path.parent / "rules.yaml"
    with qtbot.waitSignal(window.files.exported, timeout=20_000):
        window.files.export_rules(target)
    count = len(window.store.rules.load())
    assert window.message.text() == f"Exportadas {count} reglas a {target}."


def test_discard_question(cafe_store_path: Path, make_workspace: MakeWorkspace,
                          qapp: QApplication) -> None:
    """Its Discard and Cancel are Qt's standard buttons: Qt's own catalog, which the app
    installs with ours (i18n.install), says them."""
    window = make_workspace(cafe_store_path)
    i18n.install(qapp)
    box = ask_to_discard(window, lambda _discard: None)
    try:
        assert sorted(b.text() for b in box.buttons()) == ["Cancelar", "Descartar"]
        assert english_left(box.text()) == []
        assert box.windowTitle() == "Cambios sin guardar"
    finally:
        box.done(QMessageBox.StandardButton.Cancel)
        i18n.use_language("en")
        i18n.install(qapp)  # English: our catalog and Qt's taken off again


def test_a_pack_that_cannot_be_written_says_so_in_spanish(cafe_store_path: Path) -> None:
    with (Store.open(cafe_store_path) as store,
          pytest.raises(InputError, match="no se pudo escribir")):
        write_pack(store, cafe_store_path.parent)  # a folder


# ---------------------------------------------------------------------- rules


def store_data(store: Store) -> list[str]:
    """What a store shows that is its own, not the program's: rule ids, titles and words,
    product names and codes, categories, tags, customer types, the manager's name."""
    catalog = store.catalog.load()
    data = ["manager", "checkout"]  # the pack's code for the checkout event
    for product in catalog:
        data += [product.sku, product.name, product.category or "", *product.tags,
                 category_name(product.category or ""),
                 product.size_label or "", product.unit or ""]
    for rule in store.rules.load():
        data += [rule.id, rule.title, rule.say, rule.why or "", *rule.customer]
    # a size label "S" or "M" taken out of every word would hide English: data is longer
    return [text for text in data if len(text) >= 3]


def test_rule_list(cafe_store_path: Path, make_workspace: MakeWorkspace, qtbot: QtBot) -> None:
    window = make_workspace(cafe_store_path)
    view = window.rule_list
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=20_000)
    data = store_data(window.store)
    assert_all_spanish(view, data)
    assert view.count_label.text() == f"{view.model.rowCount()} reglas"
    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:4] == ["Regla", "Tipo", "Disparador", "Oferta"]
    for row in range(model.rowCount()):  # every cell and its tooltip
        for col in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                text = str(model.index(row, col).data(role) or "")
                assert english_left(text, data) == [], (row, col, text)
        tip = model.headerData(row % model.columnCount(), Qt.Orientation.Horizontal,
                               Qt.ItemDataRole.ToolTipRole)
        assert english_left(str(tip), data) == [], tip
    view.codes_box.setChecked(True)  # the codes shown instead: tooltips name things
    view.table.selectRow(0)
    assert_all_spanish(view, data)


def test_rule_editor_new_and_with_each_kind(cafe_store_path: Path,
                                            make_workspace: MakeWorkspace) -> None:
    window = make_workspace(cafe_store_path)
    editor = window.editor
    data = [*store_data(window.store), "latte-size-up",  # the id's example, a code
            *("{" + name + "}" for name in PLACEHOLDERS)]
    assert_all_spanish(editor, data)
    for rule in window.store.rules.load():
        editor.edit_rule(rule)
        assert_all_spanish(editor, data)
    for kind, button in ((k, b) for k in ("upsell", "cross_sell", "bundle", "threshold")
                         for b in editor.form.placeholder_buttons.values()):
        editor.form._update_placeholders(kind)
        assert english_left(button.toolTip()) == [], button.toolTip()
    editor.edit_rule(None)
    editor.publish()  # nothing filled in: what is missing is said, by each field
    assert editor.status.status_label.text() == (
        "No publicada: corrija primero los problemas marcados en el formulario.")
    assert_all_spanish(editor, [*data, "member"])  # the customer type's example, a code
    assert editor.error_label("title").text() == "es obligatorio (un nombre corto para la regla)"


def test_preview_says_why_a_rule_would_not_fire(cafe_store_path: Path,
                                                make_workspace: MakeWorkspace) -> None:
    """What the preview says of the sample order, and why a rule would not fire (the
    engine's reasons: tests/ui/workspace/test_skip_words.py)."""
    window = make_workspace(cafe_store_path)
    rule = next(r for r in window.store.rules.load() if r.scanned is not None)
    window.editor.edit_rule(rule)
    preview = window.editor.preview
    preview.clear_order()
    assert preview.add_item("not-a-product") is False
    assert preview.message.text() == "Ningún producto tiene el código de barras o SKU " \
        "'not-a-product'."
    preview.add_item((rule.scanned.skus and sorted(rule.scanned.skus)[0]) or "")
    assert english_left(preview.reason.text() if preview.reason.isVisible() else "",
                        store_data(window.store)) == []


@pytest.mark.parametrize("tab", ["settingsPage", "catalogPage", "staffPage"])
def test_settings_catalog_and_staff_pages(cafe_store_path: Path, make_workspace: MakeWorkspace,
                                          qtbot: QtBot, tab: str) -> None:
    window = make_workspace(cafe_store_path)
    page = window.findChild(QWidget, tab)
    assert page is not None
    window.tabs.setCurrentWidget(page)
    work = page.search_work if tab == "catalogPage" else page.work
    qtbot.waitUntil(lambda: not work.busy and page.isVisible(), timeout=20_000)
    people = [p.name for p in StaffStore(window.store).list_staff()]
    store_name = window.store.get_setting("store_name") or ""
    # the currency's default is a code ("USD"); whole, so as not to cut the words around it
    # elsewhere ("código de moneda de 3 letras, p. ej. USD")
    currency = window.store.load_settings().currency + " (por defecto)"
    data = [*store_data(window.store), *people, store_name, currency]
    assert_all_spanish(page, data)
    if tab == "catalogPage":
        page.table.selectRow(0)
        page.save()
        assert page.save_message.text() == "Nada que guardar: no se cambió nada."
        assert_all_spanish(page, data)
    if tab == "settingsPage":
        page.save()
        assert page.message.text() == "Nada que guardar: no se cambió ningún ajuste."
        for key, typed in (("max_prompts_per_order", "lots"), ("store_name", " "),
                           ("currency", "euro"), ("language", "klingon")):
            page.editors[key].setText(typed)
        page.save()
        assert page.message.text() == ("No se guardó nada: 4 ajustes necesitan un cambio "
                                       "(vea el texto en rojo).")
        assert page.problems["max_prompts_per_order"].text() == \
            "'lots' debe ser un número entero de 0 a 1,000."
        assert_all_spanish(page, [*data, "'lots'", "'euro'", "'klingon'", "en, es"])
    if tab == "staffPage":
        page.table.selectRow(0)
        page.add_person()  # no name typed: the store's own sentence, not translated yet
        assert_all_spanish(page, [*data, page.add_message.text()])


# ---------------------------------------------------------------------- results


def test_results_tab_tables_tiles_and_charts(history_path: Path, make_workspace: MakeWorkspace,
                                             qtbot: QtBot) -> None:
    with Store.open(history_path) as store:  # (the command line would choose its language)
        store.set_settings({"leaderboard": True}, actor="manager")
    window = make_workspace(history_path)
    view = window.report_view
    with qtbot.waitSignal(view.loaded, timeout=60_000):
        window.tabs.setCurrentWidget(window.tabs.widget(window.tabs.indexOf(view)))
    people = [p.name for p in StaffStore(window.store).list_staff()]
    data = [*store_data(window.store), *people]
    for start, end in ((None, None), (dt.date(2026, 11, 20), dt.date(2026, 11, 20))):
        with qtbot.waitSignal(view.loaded, timeout=60_000):
            view.set_range(start, end)
        assert english_left(view.status.full_text, data) == [], view.status.full_text
        shown = [*data, view.status.text(), "USD"]  # the status elided; the currency's code
        for at in range(view.table_tabs.count()):
            view.table_tabs.setCurrentIndex(at)
            assert_all_spanish(view, shown)
        for name, model in view.models.items():
            for row in range(model.rowCount()):
                for col in range(model.columnCount()):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        text = str(model.index(row, col).data(role) or "")
                        assert english_left(text, data) == [], (name, row, col, text)
    uplift = view.models["uplift"]
    sentences = [str(uplift.index(r, 6).data()) for r in range(uplift.rowCount())]
    assert any("aún no hay datos suficientes" in s for s in sentences), sentences
    assert view.table_tabs.tabText(0) == "Por regla"



def test_the_whole_window_tab_by_tab(cafe_store_path: Path, make_workspace: MakeWorkspace,
                                     qtbot: QtBot) -> None:
    """Every tab as the manager sees it, in the window with its banner and status line."""
    window = make_workspace(cafe_store_path, demo_password=True)
    qtbot.waitUntil(lambda: window.rule_list.model.rowCount() > 0, timeout=20_000)
    people = [p.name for p in StaffStore(window.store).list_staff()]
    data = [*store_data(window.store), *people, window.store.get_setting("store_name") or "",
            "latte-size-up", *("{" + name + "}" for name in PLACEHOLDERS)]
    data += [window.audit_view.actor_filter.itemData(i)  # who changed things: names
             for i in range(1, window.audit_view.actor_filter.count())]
    data += audit_data(window.audit_view.model)  # the audit log's ids and values
    currency = window.store.load_settings().currency
    # the menu and tool bar (checked in Spanish by the first test) as Qt shows them: the
    # tool buttons without the "…", the menu without its "&"
    data += [a.text().removesuffix("…") for a in window.findChildren(
        QAction, options=Qt.FindChildOption.FindDirectChildrenOnly)] + ["Archivo"]
    for at in range(window.tabs.count()):
        page = window.tabs.widget(at)
        if page is window.report_view:
            with qtbot.waitSignal(window.report_view.loaded, timeout=30_000):
                window.tabs.setCurrentIndex(at)
            extra = [window.report_view.status.text(), currency]  # elided; a code
        else:
            window.tabs.setCurrentIndex(at)
            extra = [currency + " (por defecto)"]  # the currency's default, a code
        qtbot.waitUntil(lambda: not any(w.busy for w in window.findChildren(PageWork)),
                        timeout=20_000)
        assert_all_spanish(window, [*data, *extra])
