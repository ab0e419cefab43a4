"""The parts the rule form is made of: one `FormField` per value, the widgets that edit
them (made and registered by `FieldBuilder`, each with its error label), the titled
sections and their form layouts, and the composite fields (hours, a date).

Every widget is registered with how to read its value and put one back (`FormField`), and
every change of it calls the builder's `changed(key)`: the form turns that into an undo
step. Nothing here knows a rule: `editor_form.RuleForm` lays the fields out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.i18n import translate
from pos_prompter.i18n.formats import locale
from pos_prompter.ui.widgets import plain_label
from pos_prompter.ui.workspace.field_touch import FIELD_KEY
from pos_prompter.ui.workspace.product_picker import CatalogChoices, PickerField, ValueListEdit

CAPTION_WIDTH = 112
"""The captions' column: longer captions wrap."""
FORM_QSS = """
QLabel[problem="true"] { color: #b3261e; }
QLabel[hint="true"] { color: #5f6b7a; }
QToolButton#valueChip { border: 1px solid #a9b3bf; border-radius: 10px; padding: 1px 8px;
                        background: #eef2f7; }
QFrame[formSection="true"] { background: palette(base); border: 1px solid #d5dbe3;
                             border-radius: 8px; }
QLabel#sectionTitle { font-size: 11pt; font-weight: bold; color: #1f2d3d; }
QLabel#sectionBlurb { color: #5f6b7a; }
QToolButton[placeholder="true"] { border: 1px solid #c9d3df; border-radius: 9px;
                                  padding: 2px 6px; background: #f3f6fa; }
QToolButton[placeholder="true"]:hover { background: #e3eaf3; }
QToolButton[placeholder="true"]:disabled { color: #9aa5b1; background: transparent;
                                           border-style: dashed; }
"""
"""The form's looks: problems in red, hints grey, sections as cards, chips rounded."""


@dataclass(frozen=True, slots=True)
class FormField:
    """One value of the form: how to read it from its widgets and put it back."""

    key: str
    label: str
    get: Callable[[], Any]
    set: Callable[[Any], None]
    typing: bool = False
    """Typed text: consecutive edits merge into one undo step."""


class OfferPage(QWidget):
    """The offer fields of one kind. Only the page shown counts for the height of the
    stack (a QStackedWidget is otherwise as tall as its tallest page): the others also
    get an Ignored size policy, see RuleForm.show_offer_page."""

    def heightForWidth(self, width: int) -> int:
        return -1 if self.isHidden() else super().heightForWidth(width)


def set_text(edit: QLineEdit, value: str) -> None:
    if edit.text() != value:
        edit.setText(value)


class FieldBuilder:
    """Makes the form's widgets as children of `parent`, registers their `fields` and
    error labels (`errors`, by field key), and keeps the form layouts it made (`forms`).
    A registered widget's change calls `changed(key)`. Text boxes get `parent` as their
    event filter (it tracks which one had the focus last)."""

    def __init__(self, parent: QWidget, choices: CatalogChoices,
                 changed: Callable[..., None]) -> None:
        self.parent = parent
        self.choices = choices
        self._changed = changed
        self.fields: dict[str, FormField] = {}
        self.errors: dict[str, QLabel] = {}
        self.forms: list[QFormLayout] = []

    def register(self, field: FormField, *signals: Any) -> None:
        self.fields[field.key] = field
        for signal in signals:
            signal.connect(partial(self._changed, field.key))

    # ------------------------------------------------------------------ error labels

    def problem_label(self, key: str, object_name: str) -> QLabel:
        """The (hidden) label where the problems of `key` are shown."""
        label = plain_label(object_name, self.parent)
        label.setProperty("problem", True)
        label.hide()
        self.errors[key] = label
        return label

    def with_errors(self, fields: QLayout, *errors: tuple[str, str]) -> QVBoxLayout:
        """`fields` with the error line of each (key, object name) under them."""
        stacked = QVBoxLayout()
        stacked.setSpacing(2)
        stacked.addLayout(fields)
        for key, object_name in errors:
            stacked.addWidget(self.problem_label(key, object_name))
        return stacked

    # ------------------------------------------------------------------ field widgets

    def line(self, key: str, object_name: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self.parent)
        edit.setObjectName(object_name)
        edit.setPlaceholderText(placeholder)
        edit.setProperty(FIELD_KEY, key)
        self.register(FormField(key, label, edit.text, partial(set_text, edit), typing=True),
                      edit.textChanged)
        return edit

    def picker(self, key: str, object_name: str, label: str, placeholder: str) -> PickerField:
        choices = self.choices
        picker = PickerField(choices.source("sku"), object_name, self.parent,
                             resolve=lambda text: choices.resolve("sku", text),
                             clear_on_pick=False, placeholder=placeholder)
        picker.setProperty(FIELD_KEY, key)
        self.register(FormField(key, label, lambda: picker.text().strip(),
                                partial(set_text, picker), typing=True),
                      picker.textChanged)
        return picker

    def values(self, key: str, mode: str, object_name: str, label: str,
               placeholder: str) -> ValueListEdit:
        edit = ValueListEdit(self.choices, mode, object_name, self.parent,
                             placeholder=placeholder)
        edit.setProperty(FIELD_KEY, key)
        self.register(FormField(key, label, edit.values, edit.set_values), edit.values_changed)
        return edit

    def text(self, key: str, object_name: str, label: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self.parent)
        edit.setObjectName(object_name)
        edit.setUndoRedoEnabled(False)  # the form's undo stack does it, with the others
        edit.setTabChangesFocus(True)
        edit.installEventFilter(self.parent)
        edit.setProperty(FIELD_KEY, key)

        def put(value: str) -> None:
            if edit.toPlainText() != value:
                edit.setPlainText(value)
                edit.moveCursor(QTextCursor.MoveOperation.End)

        self.register(FormField(key, label, edit.toPlainText, put, typing=True),
                      edit.textChanged)
        return edit

    def combo(self, key: str, object_name: str, label: str,
              items: Iterable[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self.parent)
        combo.setObjectName(object_name)
        combo.setProperty(FIELD_KEY, key)
        for text, data in items:
            combo.addItem(text, data)
        self.register(FormField(key, label, combo.currentData,
                                lambda v: combo.setCurrentIndex(combo.findData(v))),
                      combo.currentIndexChanged)
        return combo

    def check(self, key: str, object_name: str, text: str, label: str) -> QCheckBox:
        box = QCheckBox(text, self.parent)
        box.setObjectName(object_name)
        self.register(FormField(key, label, box.isChecked, box.setChecked), box.toggled)
        return box

    def date(self, key: str, object_name: str, label: str) -> tuple[QCheckBox, QDateEdit]:
        """A date that may be left out: a check box ("from", "to") and the date."""
        check = QCheckBox(translate("editor", "from") if key == "date_from"
                          else translate("editor", "to"), self.parent)
        check.setObjectName(f"{object_name}On")
        edit = QDateEdit(self.parent)
        edit.setObjectName(object_name)
        edit.setLocale(locale())  # its calendar's months and days in the window's words
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setDate(QDate.currentDate())
        edit.setEnabled(False)

        def get() -> str | None:
            return edit.date().toString(Qt.DateFormat.ISODate) if check.isChecked() else None

        def put(value: str | None) -> None:
            check.setChecked(value is not None)
            edit.setEnabled(value is not None)
            if value is not None:
                edit.setDate(QDate.fromString(value, Qt.DateFormat.ISODate))

        self.register(FormField(key, label, get, put), check.toggled, edit.dateChanged)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    # ------------------------------------------------------------------ layout

    @staticmethod
    def row(form: QFormLayout, caption: str, widget: QWidget | QLayout,
            error: QLabel, hint: str = "") -> None:
        """A row of `form`: the caption, then the field, its hint and its error line."""
        cell = QVBoxLayout()
        cell.setSpacing(2)
        if isinstance(widget, QWidget):
            cell.addWidget(widget)
        else:
            cell.addLayout(widget)
        if hint:
            note = QLabel(hint)
            note.setProperty("hint", True)
            note.setWordWrap(True)
            cell.addWidget(note)
        cell.addWidget(error)
        form.addRow(caption, cell)

    def section(self, key: str, title: str, blurb: str) -> tuple[QFrame, QFormLayout]:
        """A titled card of the form (object name `<key>Section`) and its form layout."""
        box = QFrame(self.parent)
        box.setObjectName(f"{key}Section")
        box.setProperty("formSection", True)
        outer = QVBoxLayout(box)
        outer.setContentsMargins(12, 10, 12, 12)
        outer.setSpacing(4)
        heading = plain_label("sectionTitle", box, wrap=False)
        heading.setText(title)
        outer.addWidget(heading)
        note = plain_label("sectionBlurb", box)
        note.setText(blurb)
        outer.addWidget(note)
        outer.addSpacing(4)
        form = self.form()
        outer.addLayout(form)
        return box, form

    def form(self, parent: QWidget | None = None) -> QFormLayout:
        """A form layout whose long rows wrap (field under its caption) when narrow."""
        form = QFormLayout(parent) if parent is not None else QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        if parent is not None:
            form.setContentsMargins(0, 0, 0, 0)
        self.forms.append(form)
        return form

    def align_captions(self) -> None:
        """Give every caption of every form one width (the widest, up to CAPTION_WIDTH),
        so that the fields of all sections start on one line."""
        captions = []
        for form in self.forms:
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QLabel):
                    captions.append(widget)
        width = min(max((c.sizeHint().width() for c in captions), default=0), CAPTION_WIDTH)
        for caption in captions:
            caption.setWordWrap(True)  # the longest take two lines
            caption.setFixedWidth(width)


class HoursField:
    """The rule's hours: a check box, from and to times, and a note when they wrap
    midnight. Its value is (start, end) in minutes, or None when unticked; "24:00" (no
    QTime) is kept as loaded while the times on screen still say so."""

    def __init__(self, builder: FieldBuilder) -> None:
        parent = builder.parent
        self.on = QCheckBox(translate("editor", "Only at these hours:"), parent)
        self.on.setObjectName("timeHoursOn")
        self.start = QTimeEdit(parent)
        self.start.setObjectName("timeHoursFrom")
        self.end = QTimeEdit(parent)
        self.end.setObjectName("timeHoursTo")
        self.wraps = QLabel(parent)
        self.wraps.setProperty("hint", True)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.start.setTime(QTime(6, 0))  # what ticking the box starts with
        self.end.setTime(QTime(11, 0))
        self._memo: tuple[int, int] | None = None
        builder.register(FormField("hours", "hours", self.get, self.set),
                         self.on.toggled, self.start.timeChanged, self.end.timeChanged)
        span = QHBoxLayout()
        span.addWidget(self.start)
        span.addWidget(QLabel(translate("editor", "to"), parent))
        span.addWidget(self.end)
        span.addWidget(self.wraps, 1)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(4)
        self.rows.addWidget(self.on)
        self.rows.addLayout(span)

    def get(self) -> tuple[int, int] | None:
        if not self.on.isChecked():
            return None
        start = self.start.time()
        end = self.end.time()
        span = (start.hour() * 60 + start.minute(), end.hour() * 60 + end.minute())
        memo = self._memo
        if memo is not None and (memo[0] % 1440, memo[1] % 1440) == span:
            return memo
        return span

    def set(self, value: tuple[int, int] | None) -> None:
        self._memo = value
        self.on.setChecked(value is not None)
        if value is not None:
            start, end = value
            self.start.setTime(QTime((start // 60) % 24, start % 60))
            self.end.setTime(QTime((end // 60) % 24, end % 60))
        self.update()

    def update(self) -> None:
        """Enable the times while ticked; say when they wrap midnight."""
        on = self.on.isChecked()
        self.start.setEnabled(on)
        self.end.setEnabled(on)
        span = self.get()
        self.wraps.setText(translate("editor", "wraps midnight")
                           if span is not None and span[1] < span[0] else "")


def days_field(boxes: dict[str, QCheckBox]) -> tuple[Callable[[], tuple[str, ...]],
                                                     Callable[[Sequence[str]], None]]:
    """How to read and set the weekdays ticked among `boxes` (in their order)."""

    def get() -> tuple[str, ...]:
        return tuple(day for day, box in boxes.items() if box.isChecked())

    def put(value: Sequence[str]) -> None:
        for day, box in boxes.items():
            box.setChecked(day in value)

    return get, put
