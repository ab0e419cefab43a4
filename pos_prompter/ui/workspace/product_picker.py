"""Type-ahead pickers over the catalog: products, categories, tags and order references.

Built for a chain-sized catalog (100,000 products). `ChoiceIndex` is built once per catalog
load (lazily, the first time a picker of that kind is used) and answers each keystroke with
at most `LIMIT` matches without walking 100,000 Python objects: values that start with the
typed text come first (a binary search over the sorted lower-case values), then entries
whose text contains every typed word (`str.find` over one lower-case blob, which runs in
C, then a binary search from the hit back to its entry). `bench/bench_picker.py` measures
it; the tests only check the answers.

Qt side: `MatchModel` is a thin list model over the current matches; `PickerField` is a
QLineEdit with a QCompleter in UnfilteredPopupCompletion mode over that model (the model is
already filtered, the completer only shows it); `ValueListEdit` is a picker plus a row of
removable chips, for the rule's lists of SKUs, categories, tags and references.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QCompleter,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.money import format_money
from pos_prompter.core.rule_words import category_name, product_name
from pos_prompter.i18n import plural, translate
from pos_prompter.ui.scan_router import ACCEPTS_SCANS
from pos_prompter.ui.workspace.rules.rule_words import tag_name

LIMIT = 50
"""Most matches a keystroke shows: enough to scroll, few enough to stay instant."""

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
"""MatchModel role: the value a choice stands for (also its EditRole)."""

REF_KINDS = ("sku", "category", "tag")

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Choice:
    """One thing a picker can pick: `value` goes into the rule, `label` is what people see."""

    value: str
    label: str


class ChoiceSource(Protocol):
    """What a picker searches."""

    def search(self, query: str, limit: int = LIMIT) -> list[Choice]: ...


class ChoiceIndex:
    """Values sorted, searchable by value prefix and by words anywhere in their text.

    `entries` are (value, text): `text` is what words are looked for in (the SKU and the
    product name, say); it is kept lower-case in one string, one entry a line. `label`
    makes what people see of a value, for the few values a search returns (making 100,000
    labels up front would cost more than the whole index).
    """

    def __init__(self, entries: Iterable[tuple[str, str]],
                 label: Callable[[str], str] | None = None) -> None:
        rows = sorted((value.lower(), value, " ".join(text.lower().split()))
                      for value, text in entries)
        self._values = [value for _key, value, _text in rows]
        self._keys = [key for key, _value, _text in rows]
        self._label = label or str
        offsets: list[int] = []
        position = 0
        for _key, _value, text in rows:
            offsets.append(position)
            position += len(text) + 1
        self._offsets = offsets
        self._blob = "\n".join(text for _key, _value, text in rows)

    def __len__(self) -> int:
        return len(self._values)

    def _choice(self, row: int) -> Choice:
        value = self._values[row]
        return Choice(value, self._label(value))

    def exact(self, text: str) -> Choice | None:
        """The choice whose value is `text`, ignoring case (the first, if several)."""
        key = text.strip().lower()
        i = bisect_left(self._keys, key)
        if i < len(self._keys) and self._keys[i] == key:
            return self._choice(i)
        return None

    def search(self, query: str, limit: int = LIMIT) -> list[Choice]:
        """At most `limit` choices: values starting with `query` first (in value order),
        then the others whose text has every word of `query` (in value order)."""
        words = query.lower().split()
        if limit <= 0:
            return []
        if not words:
            return [self._choice(i) for i in range(min(limit, len(self._values)))]
        found: list[int] = []
        seen: set[int] = set()
        prefix = " ".join(words)
        keys = self._keys
        i = bisect_left(keys, prefix)
        while i < len(keys) and len(found) < limit and keys[i].startswith(prefix):
            found.append(i)
            seen.add(i)
            i += 1
        blob, offsets = self._blob, self._offsets
        # Walk the hits of the rarest word (counted in C), checking the others in each
        # entry: "item 4567" walks the few 4567s, not the 100,000 items.
        rarest = min(range(len(words)), key=lambda n: blob.count(words[n])) \
            if len(words) > 1 else 0
        needle = words[rarest]
        others = words[:rarest] + words[rarest + 1:]
        position = 0
        while len(found) < limit:
            hit = blob.find(needle, position)
            if hit < 0:
                break
            row = bisect_right(offsets, hit) - 1
            end = offsets[row + 1] - 1 if row + 1 < len(offsets) else len(blob)
            if row not in seen and all(w in blob[offsets[row]:end] for w in others):
                found.append(row)
                seen.add(row)
            position = end + 1
        return [self._choice(n) for n in found]


class _ModeSource:
    """One kind of choice of a `CatalogChoices` (what a picker holds on to)."""

    def __init__(self, choices: CatalogChoices, mode: str) -> None:
        self._choices = choices
        self._mode = mode

    @property
    def mode(self) -> str:
        return self._mode

    def search(self, query: str, limit: int = LIMIT) -> list[Choice]:
        return self._choices.search(self._mode, query, limit)


class CatalogChoices:
    """The pickers' indexes over one catalog, each built the first time it is searched.

    Modes: "sku" (products), "category", "tag", "ref" (order references sku:X,
    category:Y, tag:Z) and "customer" (customer types, set with `set_customer_types`).
    `reset` swaps in a newly loaded catalog; pickers keep working on the new one.
    """

    MODES = ("sku", "category", "tag", "ref", "customer")

    def __init__(self, catalog: Catalog, currency: str = "USD") -> None:
        self._customer_types: list[str] = []
        self.reset(catalog, currency)

    def reset(self, catalog: Catalog, currency: str = "USD") -> None:
        self.catalog = catalog
        self.currency = currency
        self._indexes: dict[str, ChoiceIndex] = {}

    def set_customer_types(self, types: Iterable[str]) -> None:
        self._customer_types = sorted(set(types))
        self._indexes.pop("customer", None)

    def source(self, mode: str) -> ChoiceSource:
        if mode not in self.MODES:
            raise ValueError(f"unknown picker mode {mode!r}")
        return _ModeSource(self, mode)

    def index(self, mode: str) -> ChoiceIndex:
        """The index of one mode ("ref" has none of its own: it searches the others)."""
        if mode not in self._indexes:
            self._indexes[mode] = self._build(mode)
        return self._indexes[mode]

    def _build(self, mode: str) -> ChoiceIndex:
        if mode == "sku":
            return ChoiceIndex(((p.sku, f"{p.sku} {p.name}") for p in self.catalog),
                               self._product_label)
        if mode in ("category", "tag"):
            counts: Counter[str] = Counter()
            for p in self.catalog:
                if not p.active:
                    continue
                if mode == "category" and p.category:
                    counts[p.category] += 1
                elif mode == "tag":
                    counts.update(p.tags)
            every = {p.category for p in self.catalog if p.category} if mode == "category" \
                else {t for p in self.catalog for t in p.tags}
            return ChoiceIndex(((name, name) for name in every),
                               lambda name: self._group_label(name, counts[name]))
        if mode == "customer":
            return ChoiceIndex((t, t) for t in self._customer_types)
        raise ValueError(f"mode {mode!r} has no index of its own")

    @staticmethod
    def _group_label(name: str, count: int) -> str:
        if count == 0:
            return translate("picker", "{name} (no product for sale)").format(name=name)
        return plural(count, translate("picker", "{name} ({n} product)"),
                      translate("picker", "{name} ({n} products)"), name=name)

    def _product_label(self, sku: str) -> str:
        p = self.catalog.get(sku)
        if p is None:
            return sku
        tail = "" if p.active else " \N{MIDDLE DOT} " + translate("picker", "not for sale")
        return (f"{p.sku} \N{EM DASH} {p.name} \N{MIDDLE DOT} "
                f"{format_money(p.price, self.currency)}{tail}")

    def search(self, mode: str, query: str, limit: int = LIMIT) -> list[Choice]:
        if mode != "ref":
            return self.index(mode).search(query, limit)
        kind, sep, rest = query.strip().partition(":")
        kinds: Sequence[str] = (kind,) if sep and kind in REF_KINDS else ("category", "tag",
                                                                          "sku")
        text = rest if sep and kind in REF_KINDS else query
        out: list[Choice] = []
        for k in kinds:
            for c in self.index(k).search(text, limit - len(out)):
                out.append(Choice(f"{k}:{c.value}", f"{k}: {c.label}"))
            if len(out) >= limit:
                break
        return out

    def resolve(self, mode: str, text: str) -> str:
        """What typed text (and Enter) means: a barcode or a SKU in any case becomes the
        product's SKU, a known name its own spelling; anything else stays as typed (a rule
        may name what this catalog does not have: lint says so)."""
        text = text.strip()
        if mode == "sku":
            product = self.catalog.lookup(text)
            if product is not None:
                return product.sku
            known = self.index("sku").exact(text)
            return known.value if known is not None else text
        if mode == "ref":
            kind, sep, rest = text.partition(":")
            if sep and kind in REF_KINDS:
                return f"{kind}:{self.resolve(kind, rest)}"
            for k in ("sku", "category", "tag"):
                value = self.resolve(k, text)
                if self.index(k).exact(value) is not None or (
                        k == "sku" and self.catalog.get(value) is not None):
                    return f"{k}:{value}"
            return text
        known = self.index(mode).exact(text)
        return known.value if known is not None else text

    def name(self, mode: str, value: str) -> str:
        """What a chip says for a picked value, in a manager's words: the product's name, a
        category's or a tag's (the code is in its tooltip)."""
        if mode == "ref":
            kind, _sep, rest = value.partition(":")
            return self.name(kind, rest) if kind in REF_KINDS else value
        if mode == "sku":
            return product_name(self.catalog, value)
        if mode == "category":
            return category_name(value)
        if mode == "tag":
            return tag_name(value)
        return value

    def describe(self, mode: str, value: str) -> str:
        """A tooltip for a picked value: the product's name and price, or how many products
        a category or tag has."""
        if mode == "ref":
            kind, _sep, rest = value.partition(":")
            return self.describe(kind, rest) if kind in REF_KINDS else value
        if mode == "sku":
            if value not in self.catalog:
                return translate("picker", "{sku} is not in the catalog").format(sku=value)
            return self._product_label(value)
        if mode in ("category", "tag"):
            found = self.index(mode).exact(value)
            if found is not None:
                return found.label
            return (translate("picker", "no product has category {name}") if mode == "category"
                    else translate("picker", "no product has tag {name}")).format(name=value)
        return value


class MatchModel(QAbstractListModel):
    """The current matches of a picker: DisplayRole the label, EditRole and VALUE_ROLE the
    value."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Choice] = []

    def set_matches(self, rows: Iterable[Choice]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def choice(self, row: int) -> Choice:
        return self._rows[row]

    def rowCount(self, parent: _Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        choice = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return choice.label
        if role in (Qt.ItemDataRole.EditRole, VALUE_ROLE):
            return choice.value
        return None


class PickerField(QLineEdit):
    """A line edit that offers matches as you type, from a `ChoiceSource`.

    Choosing a match from the list, or typing and pressing Enter, picks a value. With
    `clear_on_pick` (list fields, the preview's scan field) the text is cleared after each
    pick; otherwise the field keeps the value as its text (single-SKU fields).

    Signals:
        picked(str): a value was chosen (typed text is passed through `resolve` first, so
            a scanned barcode becomes its SKU).
    """

    picked = Signal(str)

    def __init__(self, source: ChoiceSource, object_name: str, parent: QWidget | None = None,
                 *, resolve: Callable[[str], str] | None = None, clear_on_pick: bool = True,
                 placeholder: str = "", limit: int = LIMIT) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._source = source
        self._resolve = resolve or (lambda text: text.strip())
        self._clear_on_pick = clear_on_pick
        self._limit = limit
        self.matches = MatchModel(self)
        completer = QCompleter(self.matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCompletionRole(Qt.ItemDataRole.EditRole)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        # Queued: QLineEdit writes the chosen completion into the field after the
        # completer's activated signal; the pick (and a list field's clearing) comes after.
        # types-PySide6 has no overload index on a signal; Qt picks activated(QString) here.
        completer.activated[str].connect(self._on_activated,  # type: ignore[index]
                                         Qt.ConnectionType.QueuedConnection)
        # textEdited, not textChanged: only typing searches; setText (ours, undo's) never
        # resets the list under the user's selection.
        self.textEdited.connect(self.update_matches)
        self.returnPressed.connect(self._on_return)
        # A product field takes a whole scan (ui.scan_router): its barcode picks the product.
        self.setProperty(ACCEPTS_SCANS, getattr(source, "mode", None) == "sku")

    def accept_scan(self, code: str) -> None:
        """A scan typed here, whole (the router took its keys back out): pick its product."""
        self.hide_popup()
        self._pick(self._resolve(code))

    @Slot(str)
    def update_matches(self, text: str | None = None) -> None:
        """Search the source for `text` (default: the field's text) and list the matches."""
        self.matches.set_matches(self._source.search(self.text() if text is None else text,
                                                     self._limit))

    def hide_popup(self) -> None:
        popup = self.completer().popup()
        if popup is not None and popup.isVisible():
            popup.hide()

    @Slot(str)
    def _on_activated(self, value: str) -> None:
        self._pick(value)

    @Slot()
    def _on_return(self) -> None:
        popup = self.completer().popup()
        if popup is not None and popup.isVisible() and popup.currentIndex().isValid():
            return  # the completer goes on to emit activated with that match
        text = self.text().strip()
        if text:
            self._pick(self._resolve(text))

    def _pick(self, value: str) -> None:
        self.hide_popup()
        if self._clear_on_pick:
            self.clear()
            self.matches.set_matches(())
        elif self.text() != value:
            self.setText(value)
        self.picked.emit(value)


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping to a new row when one is full (chips)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_height = area.x(), area.y(), 0
        gap = self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and row_height > 0:
                x, y, row_height = area.x(), y + row_height + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + m.bottom()


class ValueListEdit(QWidget):
    """A list of values (SKUs, categories, tags, references, customer types): a picker to
    add one, and a chip per value that removes it when clicked.

    `set_values` is for loading (no signal); `add_value` and `remove_value` are what the
    user does.

    Signals:
        values_changed(): the user added or removed a value.
    """

    values_changed = Signal()

    def __init__(self, choices: CatalogChoices, mode: str, object_name: str,
                 parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._choices = choices
        self._mode = mode
        self._values: list[str] = []
        self.picker = PickerField(choices.source(mode), f"{object_name}Picker", self,
                                  resolve=lambda text: choices.resolve(mode, text),
                                  placeholder=placeholder)
        self.picker.picked.connect(self.add_value)
        self._chips = QWidget(self)
        self._chips.setObjectName(f"{object_name}Chips")
        self._flow = FlowLayout(self._chips)
        self._chips.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.picker)
        layout.addWidget(self._chips)
        self._chips.hide()

    def values(self) -> list[str]:
        return list(self._values)

    def set_values(self, values: Iterable[str]) -> None:
        self._values = list(dict.fromkeys(values))
        self._rebuild()

    @Slot(str)
    def add_value(self, value: str) -> None:
        value = value.strip()
        if not value or value in self._values:
            return
        self._values.append(value)
        self._rebuild()
        self.values_changed.emit()

    def remove_value(self, value: str) -> None:
        if value not in self._values:
            return
        self._values.remove(value)
        self._rebuild()
        self.values_changed.emit()

    def chips(self) -> list[QToolButton]:
        """The chip buttons, one a value, in order."""
        out: list[QToolButton] = []
        for i in range(self._flow.count()):
            item = self._flow.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QToolButton):
                out.append(widget)
        return out

    def _rebuild(self) -> None:
        while self._flow.count():
            item = self._flow.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for value in self._values:
            chip = QToolButton(self._chips)
            chip.setObjectName("valueChip")
            name = self._choices.name(self._mode, value)
            chip.setText(f"{name}  \N{MULTIPLICATION SIGN}")
            chip.setToolTip(self._choices.describe(self._mode, value) + "\n"
                            + translate("picker", "Click to remove."))
            chip.setAccessibleName(translate("picker", "Remove {name}").format(name=name))
            chip.setProperty("value", value)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.clicked.connect(lambda _checked=False, v=value: self.remove_value(v))
            self._flow.addWidget(chip)
        self._chips.setVisible(bool(self._values))
        self._chips.updateGeometry()
