"""Which of a form's problems to show yet: a new form is not covered in red.

A field's problems show once the manager has touched it (changed it, or left it after
being in it), and every problem shows once they pressed Publish. Problems that belong to
no single field (a section's, such as "a checkout rule has no scanned line", or the list
under the form) show once any field of their GROUP was touched, or Publish was pressed.
Loading another rule starts over: nothing is touched. Qt-free: the editor reports
touches and asks `visible`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

FIELD_KEY = "fieldKey"
"""The Qt property naming the form field a widget edits."""


class _Widget(Protocol):
    def property(self, name: str) -> Any: ...
    def parentWidget(self) -> Any: ...


def field_key_of(widget: _Widget | None, form: object) -> str | None:
    """The field `widget` (or a widget inside it) edits, looking up to `form`; None: no field."""
    while widget is not None and widget is not form:
        key = widget.property(FIELD_KEY)
        if isinstance(key, str) and key:
            return key
        widget = widget.parentWidget()
    return None


class FieldTouch:
    """The touched fields of one form, and whether Publish was pressed since it was loaded."""

    def __init__(self, groups: Mapping[str, Iterable[str]] | None = None) -> None:
        self._groups = {key: frozenset(fields) for key, fields in (groups or {}).items()}
        """A problem key that is no field -> the fields whose touch shows it."""
        self._touched: set[str] = set()
        self.all_shown = False
        """Publish was pressed: every problem shows."""

    def reset(self) -> None:
        self._touched.clear()
        self.all_shown = False

    def touch(self, key: str) -> bool:
        """Field `key` was changed or left; True when it was not touched before."""
        if key in self._touched:
            return False
        self._touched.add(key)
        return True

    def show_all(self) -> None:
        self.all_shown = True

    def touched(self, key: str) -> bool:
        return key in self._touched

    def shows(self, key: str) -> bool:
        """Whether the problems shown under `key` (a field, a group, "" for the form) show."""
        if self.all_shown or key in self._touched:
            return True
        group = self._groups.get(key)
        if group is None:
            return key == "" and bool(self._touched)
        return bool(group & self._touched)

    def visible(self, problems: Mapping[str, list[str]]) -> dict[str, list[str]]:
        """The problems to show now, by key."""
        return {key: list(found) for key, found in problems.items() if self.shows(key)}


RULE_FORM_GROUPS: dict[str, tuple[str, ...]] = {
    "scanned": ("event", "scanned_sku", "scanned_category", "scanned_tag"),
    "order": ("total_min", "total_max", "has", "lacks"),
    "time": ("hours", "days", "date_from", "date_to"),
    "offer": ("kind", "upsell_mode", "upgrade_to", "add", "bundle_with", "bundle_price",
              "order_total", "within", "reward", "reward_price"),
}
"""The rule editor's section problems, and the fields whose touch shows them."""
