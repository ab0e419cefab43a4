"""Find English left on screen under the Spanish catalog: every text a widget tree shows
(labels, buttons, group titles, placeholders, combo items, table headers, tooltips,
accessible names, window titles, actions) must be made of the catalog's Spanish and of the
test's data (product names, people, numbers, money)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTreeView,
    QWidget,
)

from pos_prompter import i18n
from pos_prompter.i18n import build

SAME_IN_BOTH = {"pin", "csv", "ok", "pos", "prompter", "yaml", "yml", "db", "path", "file",
                "restore"}
"""Words that are no English to translate: codes, file kinds, the program's and its
commands' names."""
WORDS = re.compile(r"[A-Za-z]{2,}")


def _spanish_pieces() -> list[str]:
    """The literal parts of every Spanish translation (split at its {fields}), longest
    first."""
    root = ET.parse(build.ts_path("es")).getroot()
    pieces = set()
    for message in root.iter("message"):
        for part in re.split(r"\{[a-z_]*\}", message.findtext("translation") or ""):
            if len(part.strip()) >= 2:
                pieces.add(part)
    return sorted((p.casefold() for p in pieces), key=len, reverse=True)


PIECES = _spanish_pieces()


def english_left(text: str, data: Iterable[str] = ()) -> list[str]:
    """The words of `text` that are neither Spanish from the catalog nor data (in any
    case: a tag may be shown in capitals)."""
    rest = text.replace("&", "").casefold()
    for item in sorted(data, key=len, reverse=True):
        rest = rest.replace(item.casefold(), " ")
    for piece in PIECES:
        rest = rest.replace(piece, " ")
    return [w for w in WORDS.findall(rest) if w not in SAME_IN_BOTH]


def shown_texts(root: QWidget) -> Iterator[str]:
    """Every text `root` and its visible children show or say."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()
        if isinstance(widget, QGroupBox):
            yield widget.title()
        if isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        if isinstance(widget, QComboBox):
            yield from (widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            yield from (str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                        for c in range(model.columnCount(QModelIndex())))
        if widget.isWindow():
            yield widget.windowTitle()
        yield widget.toolTip()
        yield widget.accessibleName()
        yield from (action.text() for action in widget.actions())


def assert_all_spanish(root: QWidget, data: Iterable[str] = ()) -> None:
    data = list(data)
    found = {text: english_left(text, data) for text in shown_texts(root) if text}
    english = {text: words for text, words in found.items() if words}
    assert not english, f"English left on screen in {root.objectName()}: {english}"
    assert found, "nothing was read: the check would pass anything"


@pytest.fixture
def spanish() -> Iterator[None]:
    """The Spanish catalog (built as the set-up builds it) for one test."""
    build.build()
    assert i18n.use_language("es")
    yield
    i18n.use_language("en")
