"""The customer type at the till (`customerType`): one touch, or F3, sets who is buying.

Rules may be for some customers only (`when.customer: [member]`); a clerk sets the type
of the order here, as a scan script's `customer` line does for `simulate`. The bar shows one
toggle button per type the published rules use (none: the bar is hidden). A tap on a type
sets it, a tap on the type already set clears it; F3 steps through the types and back to
none. The till decides (`Till.set_customer`); the bar only shows what the till has.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from pos_prompter.i18n import translate
from pos_prompter.till import Till
from pos_prompter.ui.widgets import plain_label, touch_button

if TYPE_CHECKING:
    from pos_prompter.core.engine import Engine

KEY = Qt.Key.Key_F3
"""Steps through the customer types (free among the till's keys: F2 sign out, F4
checkout, F5/F6 practice, F7 remove, F8 offer again, F9/F10 answer, F12 pay)."""
CUSTOMER_QSS = """
#customerTypeButton {
    background: #ffffff;
    color: #1f2a37;
    border: 1px solid #a9b3bf;
}
#customerTypeButton:pressed { background: #e9edf2; }
#customerTypeButton:checked {
    background: #00695c;
    color: #ffffff;
    border: 1px solid #004d40;
}
#customerTypeCaption { color: #6b7785; font-size: 13px; }
"""
"""The bar's own look (a set type stands out: the rules now treat the customer so)."""
TYPE_PROPERTY = "customerType"
"""Each button's customer type (a slug such as "member"), for automation."""


def customer_types(engine: Engine) -> list[str]:
    """The customer types the engine's rules are for, sorted."""
    types: set[str] = set()
    for rule in engine.rules.values():
        types |= rule.customer
    return sorted(types)


def current_customer(till: Till) -> str | None:
    """The type of the open order, or of the next one when none is open."""
    return till.session.customer if till.session is not None else till.customer


def type_text(customer: str) -> str:
    """"member" -> "Member", "staff-discount" -> "Staff discount"."""
    return customer.replace("-", " ").replace("_", " ").capitalize()


def customer_text(customer: str | None) -> str:
    """What statusMessage says once the type is set."""
    return (translate("customer_type", "Customer: no type set") if customer is None
            else translate("customer_type", "Customer: {type}").format(
                type=type_text(customer).lower()))


class CustomerTypeBar(QFrame):
    """A toggle button per customer type; objectName `customerType`.

    Signals:
        chosen(object): the clerk asked for this type (a str), or for none (None).
    """

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerType")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(translate("customer_type", "Customer type"))
        self.setStyleSheet(CUSTOMER_QSS)
        self._types: list[str] = []
        self._current: str | None = None
        self._engine: Engine | None = None
        self.buttons: list[QPushButton] = []
        caption = plain_label("customerTypeCaption", self, wrap=False)
        caption.setText(translate("customer_type", "Customer") + "\nF3")
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addWidget(caption)
        self.hide()

    @property
    def types(self) -> list[str]:
        return list(self._types)

    def show_till(self, till: Till) -> None:
        """Show the types `till`'s rules use (worked out again only when its engine is a new
        one: a publish) and the type its order has. A till whose rules are not read yet
        uses none (its engine is not made for it)."""
        if till.loaded and till.engine is not self._engine:
            self._engine = till.engine
            self.set_types(customer_types(till.engine))
        self.show_type(current_customer(till))

    def set_types(self, types: Iterable[str]) -> None:
        types = list(types)
        if types == self._types:
            return
        for old in self.buttons:
            self._layout.removeWidget(old)
            old.deleteLater()
        self._types, self.buttons = types, []
        for customer in types:
            button = touch_button(type_text(customer), "customerTypeButton", self)
            button.setMinimumHeight(54)  # as tall as the scan field beside it
            button.setProperty(TYPE_PROPERTY, customer)
            button.setCheckable(True)
            button.setToolTip(translate("customer_type", "This customer is a {type} (tap again "
                                        "for none)").format(type=type_text(customer).lower()))
            button.clicked.connect(lambda _checked=False, c=customer: self._tapped(c))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.setVisible(bool(types))
        self.show_type(self._current)

    def show_type(self, customer: str | None) -> None:
        self._current = customer
        for button in self.buttons:
            button.setChecked(button.property(TYPE_PROPERTY) == customer)

    def next_type(self) -> str | None:
        """The type F3 sets: the one after the current, and after the last, none."""
        if not self._types:
            return None
        if self._current not in self._types:
            return self._types[0]
        at = self._types.index(self._current) + 1
        return self._types[at] if at < len(self._types) else None

    def _tapped(self, customer: str) -> None:
        self.show_type(self._current)  # the till says what is set, after it is asked
        self.chosen.emit(None if customer == self._current else customer)
