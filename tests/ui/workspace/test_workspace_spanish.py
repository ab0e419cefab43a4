"""The manager's workspace in Spanish (issue 14.3): its window, menus, tabs and messages,
its pages and the rule list and editor, each built under the Spanish catalog; every text
they show is Spanish or data (rule ids and names, products, people, the manager's own
prompt texts)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from spanish_check import (
    assert_all_spanish,
    english_left,
    spanish,  # noqa: F401 - the fixture, used by name
)

from pos_prompter import i18n
from pos_prompter.core.errors import InputError
from pos_prompter.store import Store
from pos_prompter.ui.workspace.discard_box import ask_to_discard
from pos_prompter.ui.workspace.file_actions import write_pack
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
