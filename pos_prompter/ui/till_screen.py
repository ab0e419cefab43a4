"""The till's screen: the scan field, the order, the total, the prompt card, the buttons
and the status line, laid out for a touch screen, with the focus kept in the scan field and
messages shown in statusMessage.

`TillScreen` is the view alone: it builds the widgets (their objectNames are in
../shared/spec/interfaces.md) and shows messages; `till_window.TillWindow` adds what the
clerk's keys and buttons do, and connects them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QScroller,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.i18n import QT_TRANSLATE_NOOP, translate
from pos_prompter.store import Store
from pos_prompter.store.auth import StaffStore
from pos_prompter.ui import order_model
from pos_prompter.ui.customer_type import CustomerTypeBar
from pos_prompter.ui.order_columns import OrderColumns
from pos_prompter.ui.order_model import OrderTableModel
from pos_prompter.ui.prompt_panel import PromptPanel
from pos_prompter.ui.status_line import StatusLine
from pos_prompter.ui.store_info import store_info_text
from pos_prompter.ui.threshold_mark import threshold_mark
from pos_prompter.ui.till_messages import ERROR, INFO
from pos_prompter.ui.viewports import own_viewport
from pos_prompter.ui.widgets import ElidedLabel, plain_label, touch_button

if TYPE_CHECKING:
    from pos_prompter.ui.clerk_sign_in import ClerkSignInPanel

LEVEL_WORDS = {INFO: QT_TRANSLATE_NOOP("till", "info"), ERROR: QT_TRANSLATE_NOOP("till", "error")}
"""The status line's level as a screen reader says it (its accessible description)."""

TRAINING_TEXT = QT_TRANSLATE_NOOP("till", "PRACTICE MODE — sales are not real")
KEY_HELP = QT_TRANSLATE_NOOP(
    "till", "Enter  scan    Esc  decline or clear    3*CODE  three    3*  qty of last")
"""The keys no button shows (each button says its own: "Pay  F12"); both English, translated
where shown."""
ROW_HEIGHT = 44
NARROW_WIDTH = 880
"""Under this width the till stacks its right column (total, card, Checkout and Pay) under
the order, so it can stand beside the manager's workspace on a 1024 px screen
(window_place.py); from it on they stand side by side as before."""
NARROW_ROWS = 3
"""The lines of the order in sight at the least when narrow, a prompt up."""
MIN_WIDTH = 560
"""The narrowest the till works at: every control whole, at least 44 px each way (compact,
beside the workspace on a small screen: narrower still, `set_compact`)."""
COMPACT_MARGIN = 8
"""The till's margins when compact (16 otherwise): the room goes to the order."""
COMPACT_SPACING = 8
"""Between the order's own buttons when compact (10 otherwise)."""
COMPACT_MIN_HEIGHT = 704
"""The lowest it works at compact: as narrow, with Checkout and Pay in a row of their own
under the card (68 px) and without the key help and the store's line (44 px)."""
MIN_HEIGHT = 560
"""The lowest it works at with its card beside the order."""
STACKED_MIN_HEIGHT = 680
"""The lowest it works at with its card under the order (narrow): a prompt's buttons are
whole, the order three lines tall."""
MAX_MESSAGE = 220
"""Longer messages (a misread barcode of 500 digits) are cut, so the layout holds."""


SIDE_WIDTH = 440
QWIDGETSIZE_MAX = 16_777_215


class TillScreen(QMainWindow):
    """The till's widgets over `model` (the order), for the store `store`, with the
    clerk's sign-in panel on `staff`; `training` shows practice mode's banner and keys.

    Signals:
        message_shown(str, str): statusMessage now shows a message: level ("info" or
            "error") and text.
    """

    message_shown = Signal(str, str)

    def __init__(self, store: Store, staff: StaffStore, model: OrderTableModel, *,
                 training: bool, answer_delay_ms: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.training = training
        self.answer_delay_ms = answer_delay_ms
        """How long a new prompt is up before it takes an answer (answer_gate.py)."""
        self.model = model
        model.setParent(self)
        self._compact = False
        self._staff = staff
        self._clerk_panel: ClerkSignInPanel | None = None
        self._build(store, staff)

    # ------------------------------------------------------------------ building

    def _build(self, store: Store, staff: StaffStore) -> None:
        central = QWidget(self)
        central.setObjectName("tillCentral")
        self.setCentralWidget(central)
        self._central = central

        self.training_banner = plain_label("trainingBanner", central, wrap=False)
        self.training_banner.setText(translate("till", TRAINING_TEXT))
        self.training_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training_banner.setVisible(self.training)

        self.scan_input = QLineEdit(central)
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setPlaceholderText(
            translate("till", "Scan a barcode, or type a code and press Enter"))
        self.scan_input.setMinimumHeight(54)
        self.scan_input.setAccessibleName(translate("till", "Scan"))
        self.setFocusProxy(self.scan_input)

        self.order_table = QTableView(central)
        self.order_table.setObjectName("orderTable")
        self.order_table.setModel(self.model)
        self.order_table.setAccessibleName(translate("till", "Order"))
        self._setup_table(self.order_table)

        self.prompt_panel = PromptPanel(central, answer_delay_ms=self.answer_delay_ms)
        self.customer_type = CustomerTypeBar(central)

        total_box = QFrame(central)
        total_box.setObjectName("totalBox")
        caption = plain_label("totalCaption", total_box, wrap=False)
        caption.setText(translate("till", "TOTAL"))
        self.total_label = plain_label("orderTotal", total_box, wrap=False)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
        self.order_info = plain_label("orderInfo", total_box, wrap=False)
        captions = QVBoxLayout()
        captions.setSpacing(2)
        captions.addStretch(1)
        captions.addWidget(caption)
        captions.addWidget(self.order_info)
        captions.addStretch(1)
        total_layout = QHBoxLayout(total_box)
        total_layout.setContentsMargins(16, 4, 16, 4)
        total_layout.addLayout(captions)
        total_layout.addWidget(self.total_label, 1)

        self.checkout_button = touch_button(translate("till", "Checkout") + "  F4",
                                            "checkoutButton", central)
        self.pay_button = touch_button(translate("till", "Pay") + "  F12", "payButton", central)
        actions = QHBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self.checkout_button, 2)
        actions.addWidget(self.pay_button, 3)

        side = QVBoxLayout()
        side.setSpacing(12)
        self._total_row = QHBoxLayout()  # narrow: Checkout and Pay beside the total
        self._total_row.setSpacing(10)
        self._total_row.addWidget(total_box, 1)
        side.addLayout(self._total_row)
        side.addWidget(self.prompt_panel)
        side.addStretch(1)
        self._side = side
        side.addLayout(actions)
        self._actions = actions
        side_widget = QWidget(central)
        side_widget.setLayout(side)
        side_widget.setFixedWidth(SIDE_WIDTH)
        self.card_column = side_widget
        """The right column (total, prompt card, Checkout and Pay): never covered."""
        side.setContentsMargins(0, 0, 0, 0)

        self.threshold_mark = threshold_mark(central)  # an accepted reward's "to go"
        order_column = QVBoxLayout()
        order_column.setSpacing(10)
        order_column.addWidget(self.order_table, 1)
        order_column.addWidget(self.threshold_mark)
        self.offer_again_button = touch_button(translate("till", "Offer again") + "  F8",
                                               "offerAgainButton", central)
        self.offer_again_button.setToolTip(translate(
            "till", "Offer again what the customer declined on the line tapped, or else on "
            "the newest line"))
        self.void_button = touch_button(translate("till", "Remove line") + "  F7",
                                        "voidButton", central)
        self.void_button.setToolTip(translate(
            "till", "Remove the line tapped in the order, or else the last line"))
        line_row = QHBoxLayout()  # what a tap on a line of the order is for
        line_row.setSpacing(10)
        line_row.addWidget(self.void_button)
        line_row.addWidget(self.offer_again_button)
        line_row.addStretch(1)
        order_column.addLayout(line_row)
        self._line_row = line_row
        self._order_column = order_column
        middle = QHBoxLayout()
        middle.setSpacing(14)
        middle.addLayout(order_column, 1)
        middle.addWidget(side_widget)
        self._middle = middle

        self.status_label = StatusLine("statusMessage", central)  # two lines, always
        self.status_label.setMinimumHeight(40)
        self.key_help = plain_label("keyHelp", central)
        self.key_help.setText((translate("till", "F6  offer    F5  explain    ")
                               if self.training else "") + translate("till", KEY_HELP))
        self.store_info = ElidedLabel("storeInfo", central)  # where the store is: store_info.py
        self.store_info.set_full_text(store_info_text(store, training=self.training))
        self.manager_button = touch_button(
            translate("till", "Manager…  Ctrl+M"), "managerButton",
            central)
        self.manager_button.setMinimumHeight(48)  # seldom used: less room than the order's
        self.manager_button.setToolTip(translate("till", "Sign in as a manager to change rules"))
        self.manager_button.setVisible(not self.training)
        self.clerk_label = plain_label("clerkName", central, wrap=False)
        self.sign_out_button = touch_button(translate("till", "Sign out") + "  F2",
                                            "signOutButton", central)
        self.sign_out_button.setMinimumHeight(54)  # as tall as the scan field
        status_row = QHBoxLayout()
        status_row.setSpacing(10)
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.manager_button, 0, Qt.AlignmentFlag.AlignTop)
        self._status_row = status_row

        body = QVBoxLayout()
        self._body = body
        body.setContentsMargins(16, 14, 16, 10)
        body.setSpacing(12)
        scan_row = QHBoxLayout()  # who sells, beside where they scan
        scan_row.setSpacing(10)
        scan_row.addWidget(self.scan_input, 1)
        scan_row.addWidget(self.customer_type)
        scan_row.addWidget(self.clerk_label)
        scan_row.addWidget(self.sign_out_button)
        body.addLayout(scan_row)
        self._scan_row = scan_row
        body.addLayout(middle, 1)
        body.addLayout(status_row)
        foot = QVBoxLayout()  # the key help, and under it where the store is
        foot.setSpacing(2)
        foot.addWidget(self.key_help)
        foot.addWidget(self.store_info)
        body.addLayout(foot)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.training_banner)
        outer.addLayout(body, 1)
        self._outer = outer
        # The clerk's sign-in panel is built when first needed (`clerk_panel`).

    @property
    def clerk_panel(self) -> ClerkSignInPanel:
        """The clerk's sign-in panel, laid over the till while shown: built the first time
        it is needed (a shift that starts with a PIN, Sign out, or the app once the first
        paint is on screen: app.after_first_paint), so a till whose clerk is selling is
        ready to scan without it or its module (issue 14.2)."""
        if self._clerk_panel is None:
            from pos_prompter.ui.clerk_sign_in import ClerkSignInPanel

            central = self._central
            panel = ClerkSignInPanel(self._staff, central, training=self.training)
            panel.setGeometry(central.rect())  # then it follows central's size itself
            self._clerk_panel = panel
            self.clerk_panel_built(panel)
        return self._clerk_panel

    def clerk_panel_built(self, panel: ClerkSignInPanel) -> None:
        """The sign-in panel was just built: the window connects it here."""

    @property
    def signing_in(self) -> bool:
        """The sign-in panel covers the till: nobody is signed in. (Never builds it.)"""
        return self._clerk_panel is not None and self._clerk_panel.isVisible()

    def _setup_table(self, table: QTableView) -> None:
        viewport = own_viewport(table, QPalette.ColorRole.Base)  # not Qt's: viewports.py
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = table.verticalHeader()
        rows.hide()
        # A fixed row height: measuring every row on each scan cost more than the rest of
        # the screen update, and grew with the length of the order. A row fits two lines
        # of a note. (The figures' columns still fit their contents: a phone shop's
        # amounts are wider than a cafe's.)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(False)
        for column in (order_model.QTY, order_model.PRICE, order_model.AMOUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(56)
        # Names fit and notes elide (a tap says the whole note): order_columns.py.
        self.order_columns = OrderColumns(table, viewport, self)
        self.order_columns.note_tapped.connect(self.show_message)
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)

    def add_practice_widgets(self, bar: QWidget, bubble: QWidget, card: QWidget) -> None:
        """Practice mode's widgets: the scenario bar under the banner, and the customer's
        bubble above the order and the scorecard below it (the prompt card keeps its room
        beside them)."""
        self._outer.insertWidget(1, bar)
        self._order_column.insertWidget(0, bubble)
        self._order_column.addWidget(card)

    # ------------------------------------------------------------------ width

    @property
    def narrow(self) -> bool:
        """The right column stands under the order (the till is under NARROW_WIDTH)."""
        return self._middle.direction() == QBoxLayout.Direction.TopToBottom

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = self._compact or event.size().width() < NARROW_WIDTH
        if narrow != self.narrow:
            self._set_narrow(narrow)
        super().resizeEvent(event)

    @property
    def compact(self) -> bool:
        """The till stands, compact, beside the manager's workspace (`set_compact`)."""
        return self._compact

    def set_compact(self, compact: bool) -> None:
        """Compact: narrower than MIN_WIDTH, for a screen too small for the narrow till
        and the manager's workspace side by side (ui/window_place.py). The order, the
        total and the card keep their room, one above the other as when narrow; what the
        clerk needs less while a manager works makes way. The clerk's name, the key help,
        where the store is and the Manager button (the workspace is open) are hidden;
        Checkout and Pay go under the card, Sign out beside the message line, Remove line
        and Offer again write their key under their name, the order leaves out the unit
        price (the amount stays), and the margins narrow. Every key still works. The
        till's narrowest is then what this layout needs (about 350 px; the prompt card's
        narrowest); not compact, MIN_WIDTH again."""
        if compact == self._compact:
            return
        self._compact = compact
        if compact and not self.narrow:
            self._set_narrow(True)
        for label in (self.clerk_label, self.key_help, self.store_info):
            label.setVisible(not compact)
        self.manager_button.setVisible(not compact and not self.training)
        moves = ((self.checkout_button, 2, self._total_row, self._actions),
                 (self.pay_button, 3, self._total_row, self._actions),
                 (self.sign_out_button, 0, self._line_row, self._status_row))
        for button, stretch, narrow_row, compact_row in moves:
            (narrow_row if compact else compact_row).removeWidget(button)
            (compact_row if compact else narrow_row).addWidget(button, stretch)
        margin = COMPACT_MARGIN if compact else 16
        self._body.setContentsMargins(margin, COMPACT_MARGIN if compact else 14, margin,
                                      COMPACT_MARGIN if compact else 10)
        self._line_row.setSpacing(COMPACT_SPACING if compact else 10)
        for button in (self.void_button, self.offer_again_button):  # the key under its name
            words, key = button.text().replace("\n", "  ").rsplit("  ", 1)
            button.setText(f"{words}\n{key}" if compact else f"{words}  {key}")
        self.order_table.setColumnHidden(order_model.PRICE, compact)  # the amount stays
        self.order_table.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if compact
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # a long note is cut, and tapped
        if compact:
            layout = self._outer
            for part in (self._side, layout):  # the moved widgets' sizes measured again
                part.invalidate()
                part.activate()
            card = self.prompt_panel.minimumSizeHint().width()  # hidden till a prompt
            self.setMinimumWidth(max(layout.totalMinimumSize().width(),
                                     card + 2 * COMPACT_MARGIN))
            self.setMinimumHeight(COMPACT_MIN_HEIGHT)
        else:
            self.setMinimumWidth(MIN_WIDTH)
            self.setMinimumHeight(STACKED_MIN_HEIGHT)
            if self.width() >= NARROW_WIDTH:
                self._set_narrow(False)

    def _set_narrow(self, narrow: bool) -> None:
        """Narrow: the right column under the order, Checkout and Pay beside the total,
        Sign out beside the order's own buttons (the scan field keeps its room), and the
        order at least NARROW_ROWS lines tall (the card's text scrolls instead)."""
        self._middle.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                                  else QBoxLayout.Direction.LeftToRight)
        self.setMinimumHeight(STACKED_MIN_HEIGHT if narrow else MIN_HEIGHT)
        if narrow:
            self.card_column.setMinimumWidth(0)
            self.card_column.setMaximumWidth(QWIDGETSIZE_MAX)
        else:
            self.card_column.setFixedWidth(SIDE_WIDTH)
        moves = ((self.checkout_button, 2, self._actions, self._total_row),
                 (self.pay_button, 3, self._actions, self._total_row),
                 (self.sign_out_button, 0, self._scan_row, self._line_row))
        for button, stretch, wide, narrower in moves:
            (wide if narrow else narrower).removeWidget(button)
            (narrower if narrow else wide).addWidget(button, stretch)
        header = self.order_table.horizontalHeader().sizeHint().height()
        self.order_table.setMinimumHeight(header + NARROW_ROWS * ROW_HEIGHT + 4 if narrow
                                          else 0)
        QTimer.singleShot(0, self.order_table.scrollToBottom)  # the newest line in sight

    # ------------------------------------------------------------------ focus

    def refocus(self) -> None:
        """The keys go to the scan field; to the PIN while nobody is signed in."""
        if self.signing_in:  # nobody signed in: the keys are the PIN's
            self.clerk_panel.focus_pin()
            return
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.refocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refocus()

    # ------------------------------------------------------------------ messages

    def show_message(self, text: str, level: str = INFO) -> None:
        """Show `text` in statusMessage until the next action; level "info" or "error"."""
        if len(text) > MAX_MESSAGE:
            text = text[:MAX_MESSAGE - 1] + "\N{HORIZONTAL ELLIPSIS}"
        self.status_label.setText(text)
        self._set_level(level)
        if level == ERROR and self.signing_in:
            self.clerk_panel.say(text)  # statusMessage is under the panel
        self.message_shown.emit(level, text)

    def _set_level(self, level: str) -> None:
        """The message's look follows its level; re-styling is costly, so only on change."""
        if self.status_label.property("level") == level:
            return
        self.status_label.setProperty("level", level)
        self.status_label.setAccessibleDescription(translate("till", LEVEL_WORDS.get(level, level)))
        style = self.status_label.style()
        style.unpolish(self.status_label)
        style.polish(self.status_label)

    def show_error(self, text: str) -> None:
        self.show_message(text, ERROR)

    def clear_message(self) -> None:
        self.status_label.clear()
        self._set_level("")

    @property
    def message_level(self) -> str:
        """"info", "error", or "" when statusMessage is empty."""
        return str(self.status_label.property("level") or "")
