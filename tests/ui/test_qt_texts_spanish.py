"""Qt's own file chooser in Spanish (issue 14.3), as the app shows it: our catalog and Qt's
installed on the application (i18n.install). Qt's Spanish catalog leaves a few of its texts
in English ("&Look in:", "Files of &type:", "Drive"); ours fills them
(pos_prompter/i18n/qt_texts.py). A text the chooser shows the same in both languages is
English left, unless it is data (a folder, a file, a date, a size, our own title and
filter)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from spanish_check import shown_texts

from pos_prompter import i18n
from pos_prompter.i18n import build
from pos_prompter.ui.widgets import open_file_chooser

DATA = re.compile(r"^[\d\s:./,-]*$|^/")
"""Numbers, dates, sizes and paths."""


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[QWidget]:
    widget = QWidget()
    qtbot.addWidget(widget)
    yield widget
    widget.close()


def _chooser_texts(host: QWidget, folder: Path, save: bool) -> set[str]:
    dialog = open_file_chooser(host, "chooser", "pos-prompter", "CSV (*.csv)",
                               lambda _path: None, lambda: None,
                               save_as="audit.csv" if save else None, suffix="csv")
    dialog.setDirectory(str(folder))
    QApplication.processEvents()
    texts = {text for text in shown_texts(dialog) if text}
    dialog.reject()
    dialog.deleteLater()
    return texts


@pytest.mark.parametrize("save", [False, True])
def test_the_file_chooser_says_everything_in_spanish(host: QWidget, qapp: QApplication,
                                                    tmp_path: Path, save: bool) -> None:
    build.build()  # the .qm as the set-up makes it
    (tmp_path / "rules.csv").write_text("x\n", encoding="utf-8")
    english = _chooser_texts(host, tmp_path, save)
    assert i18n.use_language("es")
    i18n.install(qapp)
    try:
        spanish = _chooser_texts(host, tmp_path, save)
    finally:
        i18n.use_language("en")
        i18n.install(qapp)
    data = {"pos-prompter", "CSV (*.csv)", "rules.csv", "audit.csv", "csv", "root",
            tmp_path.name}
    left = {text for text in spanish & english if text not in data and not DATA.match(text)}
    assert not left, f"English left in Qt's file chooser: {sorted(left)}"
    assert "&Buscar en:" in spanish
