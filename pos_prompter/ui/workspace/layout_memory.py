"""Where the manager left the workspace's splitters: put back when it opens, remembered
on every move, in the user's layout settings (an INI file in their configuration folder)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Slot
from PySide6.QtWidgets import QSplitter, QWidget

from pos_prompter.bootstrap import APP_NAME
from pos_prompter.ui.workspace.rules.editor import RuleEditor

LAYOUT_GROUP = "workspace"
"""Where the splitter sizes are remembered in the layout settings."""


def app_layout_settings(parent: QWidget | None = None) -> QSettings | None:
    """The user's settings for the workspace layout (an INI file in their configuration
    folder, e.g. ~/.config/pos-prompter/layout.ini) when this process is the pos-prompter
    app, whose QApplication `app.application()` names; None in any other process (tests
    on pytest-qt's QApplication, scripts), which so never read or write them."""
    app = QCoreApplication.instance()
    if app is None or app.applicationName() != APP_NAME:
        return None
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, "layout",
                     parent)


def read_sizes(settings: QSettings, key: str, count: int) -> list[int] | None:
    """`count` positive pane sizes stored under `key`, or None (absent or garbled)."""
    value = settings.value(key)
    if not isinstance(value, list) or len(value) != count:
        return None
    try:
        sizes = [int(v) for v in value]
    except (TypeError, ValueError):
        return None
    return sizes if all(size > 0 for size in sizes) else None


class LayoutMemory(QObject):
    """The rules splitter (list | editor) and the editor's own (form | preview), put back
    as `settings` has them and saved there on every move; nothing when `settings` is
    None."""

    def __init__(self, settings: QSettings | None, splitter: QSplitter, editor: RuleEditor,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.splitter = splitter
        self.editor = editor
        if settings is None:
            return
        rules = read_sizes(settings, f"{LAYOUT_GROUP}/rulesSplitter", 2)
        if rules is not None:
            splitter.setSizes(rules)
        sizes = read_sizes(settings, f"{LAYOUT_GROUP}/editorSplitter", 2)
        if sizes is not None:
            editor.set_pane_sizes(sizes)
        splitter.splitterMoved.connect(self.save)
        editor.splitter.splitterMoved.connect(self.save)

    @Slot()
    def save(self) -> None:
        settings = self.settings
        if settings is None:
            return
        settings.setValue(f"{LAYOUT_GROUP}/rulesSplitter", self.splitter.sizes())
        if self.editor.splitter.orientation() == Qt.Orientation.Horizontal:
            settings.setValue(f"{LAYOUT_GROUP}/editorSplitter", self.editor.splitter.sizes())
