"""Find English left on screen under the Spanish catalog: every text a widget tree shows
(labels, buttons, group titles, placeholders, combo items, tab titles, read-only text boxes,
spin boxes' words, table and list headers and cells with their tooltips, tooltips,
accessible names and descriptions, window titles, actions and their menus) must be made of
the catalog's Spanish and of the test's data (product names, people, numbers, money)."""

from __future__ import annotations

import functools
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
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


@functools.lru_cache(maxsize=64)
def _data_pattern(items: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `items` as whole words (an id "demo" is no part of "demostración"), the
    longest first."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, items)) + r")(?!\w)")


def _without(rest: str, data: tuple[str, ...]) -> str:
    return _data_pattern(data).sub(" ", rest) if data else rest


def _without_pieces(rest: str) -> str:
    for piece in PIECES:
        rest = rest.replace(piece, " ")
    return rest


def english_left(text: str, data: Iterable[str] = ()) -> list[str]:
    """The words of `text` that are neither Spanish from the catalog nor data (in any
    case: a tag may be shown in capitals). Data is taken out first (a catalog word inside
    a product's name is no Spanish), or after the Spanish when data is part of a sentence
    ("código de moneda de 3 letras, p. ej. USD"): whichever leaves less."""
    items = tuple(sorted({d.casefold() for d in data if d}, key=lambda d: (-len(d), d)))
    shown = text.replace("&", "").casefold()
    lefts = (_without_pieces(_without(shown, items)),
             _without_pieces(_without(_without_pieces(shown), items)))
    return min(([w for w in WORDS.findall(rest) if w not in SAME_IN_BOTH] for rest in lefts),
               key=len)


CELL_ROWS = 40
"""Rows of a table or list whose cells are read (the first ones: the rest are alike)."""

_JSON = json.JSONDecoder()


def _without_json(text: str) -> str:
    """`text` without the JSON it quotes (an audit entry's row before and after): the
    store's field names and values are data."""
    parts, at = [], 0
    while (start := text.find("{\n", at)) >= 0:
        try:
            _, end = _JSON.raw_decode(text, start)
        except ValueError:
            break
        parts.append(text[at:start])
        at = end
    return "".join(parts) + text[at:]


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a list model keeps columnCount private: one column
        return 1


def _model_texts(model: QAbstractItemModel) -> Iterator[str]:
    """Headers (and their tooltips) and the first CELL_ROWS rows' cells (what they show and
    their tooltips)."""
    columns = _columns(model)
    for c in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            yield str(model.headerData(c, Qt.Orientation.Horizontal, role) or "")
    for r in range(min(model.rowCount(QModelIndex()), CELL_ROWS)):
        for c in range(columns):
            index = model.index(r, c)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield _without_json(value)


def _action_texts(action: QAction) -> Iterator[str]:
    yield action.text()
    tip = action.toolTip()  # Qt makes one of the text without "&" and "…" unless set
    if tip != action.text().replace("&", "").removesuffix("…"):
        yield tip
    menu = action.menu()
    if menu is not None:
        for inner in menu.actions():
            yield from _action_texts(inner)


def _own_texts(widget: QWidget) -> Iterator[str]:
    """What one widget shows by its kind."""
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        yield widget.placeholderText()
        if widget.isReadOnly():  # what a person types is theirs
            yield widget.toPlainText()
    if isinstance(widget, QAbstractSpinBox):
        yield widget.specialValueText()
        if isinstance(widget, QDateTimeEdit):  # a day's or month's name in the locale's words
            yield widget.text()
        if isinstance(widget, QSpinBox | QDoubleSpinBox):
            yield widget.prefix()
            yield widget.suffix()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget.model())


def shown_texts(root: QWidget) -> Iterator[str]:
    """Every text `root` and its visible children show or say."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        yield from _own_texts(widget)
        if widget.isWindow():
            yield widget.windowTitle()
        yield widget.toolTip()
        yield widget.accessibleName()
        yield widget.accessibleDescription()
        for action in widget.actions():
            yield from _action_texts(action)


def audit_data(model: QAbstractItemModel) -> list[str]:
    """What an audit table shows that is the store's own: each entry's id (a rule id, a
    setting's key, a SKU, a name) and its values before and after, as JSON."""
    data = []
    for entry in model.entries:  # type: ignore[attr-defined]
        data += [entry.entity_id, json.dumps(entry.before, ensure_ascii=False),
                 json.dumps(entry.after, ensure_ascii=False)]
    return data


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
