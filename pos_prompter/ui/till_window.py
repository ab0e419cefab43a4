"""The till window: a scan field that keeps the focus, the order, the total, the prompt card.

Everything the clerk does goes through one `Till`; the window only shows what the till
says after each call. The keyboard-wedge scanner types digits and Enter into `scanInput`,
so Enter only ever scans: prompts are answered with F9/F10/Esc or by tapping the card.
Selling never opens a dialog; problems go to `statusMessage` and scanning goes on. The one
way to the manager's workspace is the Manager button (or Ctrl+M): a manager's name and
password, in a dialog of its own, then the workspace beside the till.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from pos_prompter.core.errors import UserError
from pos_prompter.core.money import MoneyError, parse_money
from pos_prompter.core.session import MAX_QTY, TillEvent
from pos_prompter.seen_prompts import ShownWhenSeen
from pos_prompter.store.auth import Person, StaffStore
from pos_prompter.till import Published, Till, load_published
from pos_prompter.ui import order_model
from pos_prompter.ui.answer_gate import ANSWER_DELAY_MS
from pos_prompter.ui.clerk_sign_in import (
    NO_PIN_TEXT,
    ClerkSignInPanel,
    asks_for_pin,
    clerk_text,
    waiting_text,
)
from pos_prompter.ui.customer_type import KEY as CUSTOMER_KEY
from pos_prompter.ui.customer_type import CustomerTypeBar, customer_text
from pos_prompter.ui.jobs import JobRunner, StoreJob, deliver_to
from pos_prompter.ui.order_columns import OrderColumns
from pos_prompter.ui.order_model import OrderTableModel
from pos_prompter.ui.practice.widgets import PRACTICE_QSS
from pos_prompter.ui.prompt_panel import PromptPanel
from pos_prompter.ui.prompt_seen import PromptSeen
from pos_prompter.ui.scan_router import AppScanRouter
from pos_prompter.ui.status_line import StatusLine
from pos_prompter.ui.store_info import STORE_INFO_QSS, store_info_text, window_title
from pos_prompter.ui.store_watcher import StoreWatcher
from pos_prompter.ui.style import TILL_QSS, apply_base_look
from pos_prompter.ui.threshold_mark import show_waiting, threshold_mark
from pos_prompter.ui.widgets import ElidedLabel, plain_label, touch_button
from pos_prompter.ui.window_place import place_workspace, show_box
from pos_prompter.ui.workspace_door import Workspaces

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from pos_prompter.ui.practice.controller import PracticeController
    from pos_prompter.ui.workspace.window import WorkspaceData, WorkspaceWindow

logger = logging.getLogger(__name__)

INFO = "info"
ERROR = "error"

TRAINING_TEXT = "PRACTICE MODE \N{EM DASH} sales are not real"
KEY_HELP = ("Enter  scan    F9  accept    F10 / Esc  decline    F8  offer again    "
            "F7  remove    F4  checkout    F12  pay    3*CODE  three    3*  qty of last")
ROW_HEIGHT = 44
MAX_MESSAGE = 220
"""Longer messages (a misread barcode of 500 digits) are cut, so the layout holds."""

QTY_SCAN = re.compile(r"\A([0-9]{1,6})\*([^\s*]*)\Z")
""""3*2100000000012" scans three; "3*" alone sets the quantity of the last line."""

Action = Callable[[], list[TillEvent]]

class TillWindow(QMainWindow):
    """The till screen over one `Till` (passed in; the window owns neither till nor store).

    Signals:
        order_changed: the screen shows the order as the till now has it (after every
            action, including one that failed).
        prompt_shown(object): a new `Prompt` is on screen.
        prompt_answered(str, str): a prompt left the screen: its rule id, and "accepted",
            "declined" or "ignored" (the clerk moved on with it up).
        order_paid(object): an order was paid; carries the "paid" `TillEvent`.
        message_shown(str, str): statusMessage now shows a message: level ("info" or
            "error") and text.
        rules_reloaded(int): changes published to the store (by any process) are now in
            use; carries the publish revision.
        workspace_opened(object): a manager signed in and the workspace is open; carries
            the `WorkspaceWindow`.
        clerk_changed(str): a clerk signed in (their name) or out ("").
    """

    order_changed = Signal()
    rules_reloaded = Signal(int)
    prompt_shown = Signal(object)
    prompt_answered = Signal(str, str)
    order_paid = Signal(object)
    message_shown = Signal(str, str)
    workspace_opened = Signal(object)
    clerk_changed = Signal(str)

    def __init__(self, till: Till, *, training: bool = False,
                 answer_delay_ms: int = ANSWER_DELAY_MS,
                 parent: QWidget | None = None, jobs: JobRunner | None = None,
                 staff: StaffStore | None = None,
                 workspaces: Workspaces | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.training = training
        self.answer_delay_ms = answer_delay_ms
        """How long a new prompt is up before it takes an answer (answer_gate.py)."""
        self.jobs = jobs if jobs is not None else JobRunner(self)
        """Runs this window's store jobs, and those of the boxes and the workspace it opens
        (the app's, handed down by app.py; else one of its own, which goes with it)."""
        self.staff = staff if staff is not None else StaffStore(till.store, till.clock)
        """Sign-in and lockouts for the Manager button, on the till's store and clock."""
        self.workspaces = workspaces if workspaces is not None else Workspaces()
        """Reads and builds the manager's workspace (workspace_door.py)."""
        self.manager_dialog: QDialog | None = None
        """The manager sign-in (or first-manager) dialog while it is open."""
        self.workspace: WorkspaceWindow | None = None
        """The manager's workspace while it is open."""
        self._opening: StoreJob | None = None
        """Reading what the workspace will show, after a manager signed in."""
        self.model = OrderTableModel(till.money, product_name=self._product_name,
                                     rule_title=self._rule_title, parent=self)
        self.action_watcher: Callable[[Action], Action] | None = None
        """Sees every till action before it runs (practice mode scores them)."""
        self._build()
        self._install_keys()
        self.scan_router = AppScanRouter(self, self.scan_text)
        """Takes scans typed into any other window of the app (a box, the workspace) to this
        till, or to the product field they were typed into (ui/scan_router.py)."""
        till.shown_when_seen = ShownWhenSeen()  # a prompt is shown once seen: prompt_seen.py
        self.prompt_seen = PromptSeen(self, self.prompt_panel, self.clerk_panel)
        apply_base_look(self)
        self.setStyleSheet(TILL_QSS + STORE_INFO_QSS + (PRACTICE_QSS if training else ""))
        self.setWindowTitle(window_title(till.store, till.till_name, training=training))
        self.resize(1024, 700)
        self.setMinimumSize(800, 560)
        self.load_in_background = till.store.path is not None
        """Published changes are read in a worker thread on a connection of their own, and
        only put in force here; False reads them on this thread (an in-memory store has no
        file a second connection could open)."""
        self._loading: StoreJob | None = None
        """The load of published changes under way, if any (never two at once)."""
        self._announced = 0
        """The newest revision announced while a load ran: loaded next, if that load
        turns out older."""
        self.watcher: StoreWatcher | None = None
        if till.store.path is not None:
            self.watcher = StoreWatcher(till.store.path, till.store.publish_revision, self)
            self.watcher.acknowledge(till.revision)
            self.watcher.published.connect(self.load_published)
        self._refresh()
        if till.lines:
            self.show_message(f"Order {till.order_id} reopened as it was: "
                              f"{len(till.lines)} line(s), {till.money(till.total)}.")
        self._show_clerk()
        if till.needs_sign_in:  # the app starts a shift so: ask for a clerk's PIN
            self._ask_for_clerk()
        self.practice: PracticeController | None = None
        """Practice mode's scenarios, customers and scores (on the practice store)."""
        if training:
            from pos_prompter.ui.practice.controller import PracticeController

            self.practice = PracticeController(self)

    @Slot(int)
    def load_published(self, revision: int) -> None:
        """A manager published changes (maybe at another till): take them without a
        restart, and without making scanning wait. Catalog, rules and settings are read in
        a worker thread; scans meanwhile go on under the rules in force, and the new ones
        take over between two scans (`rules_reloaded`). The open order keeps its lines and
        answered prompts. A publish announced while a load runs is loaded after it."""
        if self._loading is not None:
            self._announced = max(self._announced, revision)
            return
        if revision == self.till.revision:
            return
        if self.load_in_background:
            self._start_loading()
            return

        def reload() -> list[TillEvent]:
            self.till.reload()
            return []

        self._act("load the published changes", reload)
        self._published_in_force()

    @property
    def loading(self) -> bool:
        """Whether published changes are being read, not yet in force."""
        return self._loading is not None

    def _start_loading(self) -> None:
        path = self.till.store.path
        assert path is not None
        job = StoreJob(path, lambda store, _progress: load_published(store))  # no parent
        # Store trouble (the file gone, say) or a bug, already logged by StoreJob.
        deliver_to(job, self, lambda me: me._loading is job, TillWindow._loaded,
                   lambda me, headline, problems: me._loaded(
                       str(problems[0] if problems else headline)))
        self._loading, self._announced = job, 0
        self.jobs.launch(job)

    def _loaded(self, outcome: Published | str) -> None:
        """On this thread, between two actions: put the loaded changes in force, then
        load again if a newer publish was announced meanwhile."""
        self._loading = None
        if isinstance(outcome, str):
            logger.error("published changes not loaded: %s", outcome)
            self.show_message("Could not load the published changes (" + outcome.rstrip(".")
                              + "); the rules in force stay until the next publish.", ERROR)
        else:
            applied = False

            def apply() -> list[TillEvent]:
                nonlocal applied
                applied = self.till.apply(outcome)
                return []

            self._act("put the published changes in force", apply)
            if applied:
                self._published_in_force()
        if self._announced > self.till.revision:
            self._start_loading()

    def _published_in_force(self) -> None:
        if self.message_level != ERROR:
            self.show_message("Prompts and prices updated from the store.")
        self.rules_reloaded.emit(self.till.revision)

    def _stop_loading(self) -> None:
        """Let a load under way finish, and drop it (at most one load's time)."""
        job, self._loading = self._loading, None
        if job is not None:
            job.wait()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        central = QWidget(self)
        central.setObjectName("tillCentral")
        self.setCentralWidget(central)

        self.training_banner = plain_label("trainingBanner", central, wrap=False)
        self.training_banner.setText(TRAINING_TEXT)
        self.training_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training_banner.setVisible(self.training)

        self.scan_input = QLineEdit(central)
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setPlaceholderText("Scan a barcode, or type a code and press Enter")
        self.scan_input.setMinimumHeight(54)
        self.scan_input.setAccessibleName("Scan")
        self.scan_input.returnPressed.connect(self._on_return)
        self.setFocusProxy(self.scan_input)

        self.order_table = QTableView(central)
        self.order_table.setObjectName("orderTable")
        self.order_table.setModel(self.model)
        self._setup_table(self.order_table)

        self.prompt_panel = PromptPanel(central, answer_delay_ms=self.answer_delay_ms)
        self.customer_type = CustomerTypeBar(central)
        self.customer_type.chosen.connect(self.set_customer_type)
        self.prompt_panel.accept_clicked.connect(self.accept_prompt)
        self.prompt_panel.decline_clicked.connect(self.decline_prompt)

        total_box = QFrame(central)
        total_box.setObjectName("totalBox")
        caption = plain_label("totalCaption", total_box, wrap=False)
        caption.setText("TOTAL")
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

        self.checkout_button = touch_button("Checkout  F4", "checkoutButton", central)
        self.pay_button = touch_button("Pay  F12", "payButton", central)
        self.checkout_button.clicked.connect(self.checkout)
        self.pay_button.clicked.connect(self.pay)
        actions = QHBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self.checkout_button, 2)
        actions.addWidget(self.pay_button, 3)

        side = QVBoxLayout()
        side.setSpacing(12)
        side.addWidget(total_box)
        side.addWidget(self.prompt_panel)
        side.addStretch(1)
        self._side = side
        side.addLayout(actions)
        side_widget = QWidget(central)
        side_widget.setLayout(side)
        side_widget.setFixedWidth(440)
        side.setContentsMargins(0, 0, 0, 0)

        self.threshold_mark = threshold_mark(central)  # an accepted reward's "to go"
        order_column = QVBoxLayout()
        order_column.setSpacing(10)
        order_column.addWidget(self.order_table, 1)
        order_column.addWidget(self.threshold_mark)
        self._order_column = order_column
        middle = QHBoxLayout()
        middle.setSpacing(14)
        middle.addLayout(order_column, 1)
        middle.addWidget(side_widget)
        self._middle = middle

        self.status_label = StatusLine("statusMessage", central)  # two lines, always
        self.status_label.setMinimumHeight(40)
        self.key_help = plain_label("keyHelp", central, wrap=False)
        self.key_help.setText(("F6  offer    F5  explain    " if self.training else "")
                              + KEY_HELP)
        self.store_info = ElidedLabel("storeInfo", central)  # where the store is: store_info.py
        self.store_info.set_full_text(store_info_text(self.till.store, training=self.training))
        self.manager_button = touch_button("Manager\N{HORIZONTAL ELLIPSIS}  Ctrl+M",
                                           "managerButton", central)
        self.manager_button.setMinimumHeight(40)  # seldom used: less room than the order's
        self.manager_button.setToolTip("Sign in as a manager to change rules")
        self.manager_button.clicked.connect(self.open_manager)
        self.manager_button.setVisible(not self.training)
        self.void_button = touch_button("Remove line  F7", "voidButton", central)
        self.void_button.setMinimumHeight(40)
        self.void_button.setToolTip("Remove the line tapped in the order, or else the last "
                                    "line")
        self.void_button.clicked.connect(self.void_line)
        self.clerk_label = plain_label("clerkName", central, wrap=False)
        self.sign_out_button = touch_button("Sign out  F2", "signOutButton", central)
        self.sign_out_button.setMinimumHeight(54)  # as tall as the scan field
        self.sign_out_button.clicked.connect(self.sign_out)
        status_row = QHBoxLayout()
        status_row.setSpacing(10)
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.void_button, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.manager_button, 0, Qt.AlignmentFlag.AlignTop)

        body = QVBoxLayout()
        body.setContentsMargins(16, 14, 16, 10)
        body.setSpacing(12)
        scan_row = QHBoxLayout()  # who sells, beside where they scan
        scan_row.setSpacing(10)
        scan_row.addWidget(self.scan_input, 1)
        scan_row.addWidget(self.customer_type)
        scan_row.addWidget(self.clerk_label)
        scan_row.addWidget(self.sign_out_button)
        body.addLayout(scan_row)
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
        self.clerk_panel = ClerkSignInPanel(self.staff, central, training=self.training)
        self.clerk_panel.signed_in.connect(lambda person: self.sign_in_clerk(person.name))

    def _setup_table(self, table: QTableView) -> None:
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
        self.order_columns = OrderColumns(table, self)
        self.order_columns.note_tapped.connect(self.show_message)
        QScroller.grabGesture(table.viewport(), QScroller.ScrollerGestureType.TouchGesture)

    def _install_keys(self) -> None:
        keys: Sequence[tuple[Qt.Key, Callable[[], None]]] = (
            (Qt.Key.Key_F9, self._answer_key(self.accept_prompt)),
            (Qt.Key.Key_F10, self._answer_key(self.decline_prompt)),
            (Qt.Key.Key_Escape, self._on_escape),
            (Qt.Key.Key_F8, self.reopen_declined),
            (Qt.Key.Key_F7, self.void_line),
            (Qt.Key.Key_F4, self.checkout),
            (Qt.Key.Key_F12, self.pay),
            (Qt.Key.Key_F2, self.sign_out),
            (CUSTOMER_KEY, lambda: self.set_customer_type(self.customer_type.next_type())),
        )
        self.shortcuts: list[QShortcut] = []
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setAutoRepeat(False)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        manager = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_M), self)
        manager.setContext(Qt.ShortcutContext.WindowShortcut)
        manager.setAutoRepeat(False)
        manager.activated.connect(self.open_manager)
        self.shortcuts.append(manager)

    # ------------------------------------------------------------------ focus

    def _refocus(self) -> None:
        if self.clerk_panel.isVisible():  # nobody signed in: the keys are the PIN's
            self.clerk_panel.focus_pin()
            return
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._refocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The workspace closes first; while it cannot (unsaved edits it asks about, an
        import still writing), the till stays open too."""
        if self.workspace is not None and not self.workspace.close():
            event.ignore()
            return
        self._stop_loading()
        self._opening = None  # a workspace still loading is not shown
        super().closeEvent(event)

    # ------------------------------------------------------------------ clerk actions

    @Slot()
    def _on_return(self) -> None:
        text = self.scan_input.text()
        self.scan_input.clear()
        self.scan_text(text)

    def _answer_key(self, answer: Callable[[], None]) -> Callable[[], None]:
        """F9/F10/Esc answer only once the prompt could be read out; before, ignored."""
        return lambda: answer() if self.prompt_panel.answerable else self._refocus()

    @Slot()
    def _on_escape(self) -> None:
        if self.till.prompt is not None:
            self._answer_key(self.decline_prompt)()
        else:
            self.scan_input.clear()
            self._refocus()

    def scan_text(self, text: str) -> None:
        """What Enter in the scan field does with its text. Empty text does nothing."""
        text = text.strip()
        if not text or self.clerk_panel.isVisible():
            if text:  # scanned while nobody is signed in: never rung up, and said so
                self.clerk_panel.not_rung_up(text)
            self._refocus()
            return
        match = QTY_SCAN.match(text)
        if match is None:
            if "*" in text:
                self._refocus()
                self.show_message(f"{text[:40]}: write a quantity as 3*CODE, or 3* for the "
                                  "last line", ERROR)
                return
            self._act(f"scan {text[:40]}", lambda: self.till.scan(text))
            return
        qty, code = int(match[1]), match[2]
        if not 1 <= qty <= MAX_QTY:
            self._refocus()
            self.show_message(f"Quantity must be 1 to {MAX_QTY}, not {qty}", ERROR)
            return
        if not code:
            self._act(f"set the quantity to {qty}", lambda: self.till.set_qty(qty))
            return

        self._act(f"scan {qty} x {code[:40]}", lambda: self.till.scan(code, qty=qty))

    @Slot()
    def accept_prompt(self) -> None:
        if self.till.prompt is None:
            self._refocus()
            return
        self._act("accept the suggestion", self.till.accept)

    @Slot()
    def decline_prompt(self) -> None:
        if self.till.prompt is None:
            self._refocus()
            return
        self._act("decline the suggestion", self.till.decline)

    @Slot()
    def reopen_declined(self) -> None:
        """The customer changed their mind: offer again what was declined on the selected
        line, or else on the newest line that has a declined offer."""
        session = self.till.session
        line_no: int | None = None
        if session is not None:
            selected = self.order_table.selectionModel().selectedRows()
            lines = self.till.lines
            candidates = ([lines[selected[0].row()]] if selected
                          and selected[0].row() < len(lines) else list(reversed(lines)))
            line_no = next((ln.no for ln in candidates if session.declined_on(ln.no)), None)
        if line_no is None:
            self._refocus()
            self.show_message("No declined offer to show again on that line.")
            return
        self._act("offer it again", lambda: self.till.reopen(line_no))

    @Slot()
    def void_line(self) -> None:
        """Remove the line tapped in the order (selected), or else the last line: the
        customer changed their mind, or an item was scanned twice. What it takes with it
        (a reward no longer reached, a bundle's set price) the till works out."""
        lines = self.till.lines
        if not lines:
            self._refocus()
            self.show_message("Nothing to remove: the order is empty.")
            return
        selected = self.order_table.selectionModel().selectedRows()
        line = (lines[selected[0].row()] if selected and selected[0].row() < len(lines)
                else lines[-1])
        self.order_table.clearSelection()
        self._act(f"remove {line.name}", lambda: self.till.void(line.sku, line_no=line.no))

    def set_customer_type(self, customer: str | None) -> None:
        """customerType or F3: the order's customer type (None: none), for the rules."""
        self._act("set the customer type", lambda: self.till.set_customer(customer))
        if self.message_level != ERROR:
            self.show_message(customer_text(customer))

    @Slot()
    def checkout(self) -> None:
        if not self.till.lines:
            self._refocus()
            self.show_message("Nothing to check out yet: scan an item first.")
            return
        self._act("go to checkout", self.till.checkout)

    @Slot()
    def pay(self) -> None:
        if not self.till.lines:
            self._refocus()
            self.show_message("Nothing to pay yet: scan an item first.")
            return
        self._act("take payment", self.till.pay)

    def run_action(self, what: str, action: Action) -> None:
        """Run one till action as the till's own keys and buttons do (`_act`)."""
        self._act(what, action)

    def add_practice_widgets(self, bar: QWidget, bubble: QWidget, card: QWidget) -> None:
        """Practice mode's widgets: the scenario bar under the banner, and the customer's
        bubble above the order and the scorecard below it (the prompt card keeps its room
        beside them)."""
        self._outer.insertWidget(1, bar)
        self._order_column.insertWidget(0, bubble)
        self._order_column.addWidget(card)

    def _act(self, what: str, action: Action) -> None:
        """Run one till action; whatever happens, the screen ends up showing the order as
        the till (and so the store) has it, the scan field has the focus, and an error is
        a message, never a dialog or a dead till."""
        failure: str | None = None
        events: list[TillEvent] = []
        if self.action_watcher is not None:
            action = self.action_watcher(action)
        try:
            events = action()
        except Exception as exc:
            logger.exception("till action failed: %s", what)
            failure = self._failure_text(what, exc)
        try:
            self._refresh(events)
        except Exception as exc:
            logger.exception("refreshing the till screen failed after: %s", what)
            failure = failure or self._failure_text("update the screen", exc)
        self._refocus()
        if failure is not None:
            self.show_message(failure, ERROR)
        self.order_changed.emit()

    @staticmethod
    def _failure_text(what: str, exc: BaseException) -> str:
        reason = str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
        return (f"Could not {what} ({reason}). Nothing was half-done: the order is as "
                "shown. The error is in the log.")

    # ------------------------------------------------------------------ the clerk

    @Slot()
    def sign_out(self) -> None:
        """Sign out  F2: the clerk leaves or hands over; the sign-in panel covers the till
        and an open order waits for the next clerk. Where nobody has a PIN, nobody could
        sign in again: the clerk stays."""
        if self.clerk_panel.isVisible():
            self._refocus()
        elif not asks_for_pin(self.staff):
            self._refocus()
            self.show_message(NO_PIN_TEXT, ERROR)
        else:
            self.till.sign_out()
            self._ask_for_clerk()
            self.clerk_changed.emit("")

    def _ask_for_clerk(self) -> None:
        self.scan_input.setEnabled(False)  # not even Tab reaches it under the panel
        self.clerk_panel.open(waiting_text(self.till))
        self._show_clerk()

    def sign_in_clerk(self, name: str) -> None:
        """`name`'s PIN was right: they sell from now on, an open order too."""
        refused = [str(ev.data.get("message")) for ev in self.till.sign_in(name)
                   if ev.event == "error"]
        if refused:  # disabled (or removed) since the check
            self.clerk_panel.say(_sentence(refused[0]) + ".")
            return
        self.clerk_panel.close_panel()
        self.scan_input.setEnabled(True)
        self._show_clerk()
        self._refocus()
        self.show_message(f"{name} is signed in" + (f": order {self.till.order_id} goes on."
                                                    if self.till.session else "."))
        self.clerk_changed.emit(name)

    def _show_clerk(self) -> None:
        self.clerk_label.setText(clerk_text(self.till.clerk, asks=asks_for_pin(self.staff),
                                            waiting=self.till.needs_sign_in))

    # ------------------------------------------------------------------ the manager

    @Slot()
    def open_manager(self) -> None:
        """Manager button or Ctrl+M: a manager signs in with their password, then the
        workspace opens beside the till. A clerk's PIN, a trainer's password or a wrong
        password never opens it. A store with no manager yet first asks for one."""
        # The workspace is imported on first use: the till starts without loading it.
        from pos_prompter.ui.workspace.sign_in import FirstManagerDialog, SignInDialog

        if self.training:
            self._refocus()
            self.show_message("The manager's workspace opens at the real till, not in "
                              "practice mode.")
            return
        if self.workspace is not None:
            self.workspace.raise_()
            self.workspace.activateWindow()
            return
        if self._opening is not None:
            self._refocus()
            self.show_message("The workspace is opening\N{HORIZONTAL ELLIPSIS}")
            return
        if self.manager_dialog is not None:
            self.manager_dialog.raise_()
            self.manager_dialog.activateWindow()
            return
        dialog: QDialog
        if self.staff.needs_first_manager():
            dialog = FirstManagerDialog(self.staff, self)
        else:
            sign_in = SignInDialog(self.staff, self)
            sign_in.signed_in.connect(lambda person: self.open_workspace(
                person, demo_password=sign_in.used_demo_password))
            dialog = sign_in
        dialog.finished.connect(self._manager_dialog_closed)
        self.manager_dialog = dialog
        self._route_scans()
        show_box(self, dialog)

    @Slot()
    def _manager_dialog_closed(self) -> None:
        from pos_prompter.ui.workspace.sign_in import FirstManagerDialog

        dialog, self.manager_dialog = self.manager_dialog, None
        self._route_scans()
        if dialog is None:
            return
        dialog.deleteLater()
        if isinstance(dialog, FirstManagerDialog) and dialog.person is not None:
            self.show_message(f"{dialog.person.name} is the store's manager. Sign in to "
                              "open the workspace.")
            self.open_manager()  # now the sign-in, with the password just chosen
            return
        if self.workspace is None:
            self.activateWindow()
            self._refocus()

    def open_workspace(self, person: Person, *, demo_password: bool | None = None) -> None:
        """Open the workspace for a manager who has signed in (non-modal: the till keeps
        working, and takes what the workspace publishes at once).

        What it shows is read in a worker thread first, on a connection of its own: at
        chain size that is seconds of reading and building, and the till beside it goes
        on scanning meanwhile. `workspace_opened` says when it is up."""
        if (self.workspace is not None or self._opening is not None
                or not person.can_open_workspace):
            return
        path = self.till.store.path
        if path is None:  # an in-memory store: no second connection can read it
            self._show_workspace(person, demo_password, None)
            return
        job = StoreJob(path, self.workspaces.loader())  # no parent: the runner keeps it
        deliver_to(job, self, lambda me: me._opening is job,
                   lambda me, data: me._show_workspace(person, demo_password, data),
                   lambda me, headline, problems: me._workspace_not_opened(
                       str(problems[0] if problems else headline)))
        self._opening = job
        self.show_message(f"Opening the workspace for {person.name}\N{HORIZONTAL ELLIPSIS} "
                          "the till keeps working.")
        self.jobs.launch(job)

    @property
    def opening_workspace(self) -> bool:
        """A manager signed in, and what the workspace shows is being read."""
        return self._opening is not None

    def _route_scans(self) -> None:
        """While a manager's window is open it may have the keyboard: scans typed into it
        are brought here (ScanRouter). With the till alone, its own field takes them."""
        self.scan_router.want(self.manager_dialog is not None
                                    or self.workspace is not None
                                    or (self.practice is not None
                                        and self.practice.trainer.active))

    def _workspace_not_opened(self, problem: str) -> None:
        self._opening = None
        self.show_message("Could not open the workspace (" + problem.rstrip(".") + ").",
                          ERROR)

    def _show_workspace(self, person: Person, demo_password: bool | None,
                        data: WorkspaceData | None) -> None:
        self._opening = None
        workspace = self.workspaces.build(self.till.store, person, self, staff=self.staff,
                                          jobs=self.jobs, demo_password=demo_password,
                                          data=data)
        workspace.published.connect(self.load_published)
        workspace.closed.connect(self._workspace_closed)
        self.workspace = workspace
        self._route_scans()
        place_workspace(self, self.prompt_panel.parentWidget(), workspace)
        workspace.show()
        workspace.raise_()
        workspace.activateWindow()
        self.show_message(f"Workspace open for {person.name}; the till keeps working.")
        self.workspace_opened.emit(workspace)

    @Slot()
    def _workspace_closed(self) -> None:
        workspace, self.workspace = self.workspace, None
        self._route_scans()
        if workspace is not None:
            workspace.deleteLater()
        self.activateWindow()
        self.raise_()
        self._refocus()

    # ------------------------------------------------------------------ showing

    def _refresh(self, events: Sequence[TillEvent] = ()) -> None:
        till = self.till
        rows_before = self.model.rowCount()
        self.model.set_lines(till.lines)
        prompt = till.prompt
        self.model.set_prompt_line(prompt.trigger_line if prompt is not None else None)
        if self.model.rowCount() > rows_before:
            # Now, not when the scroll range grows: laid out here, the new line is painted
            # in the same frame as its prompt. (Left to the table's own zero-time layout,
            # the line came a frame after the card, for no gain: bench_window.py.)
            self.order_table.scrollToBottom()
            # A line tapped earlier is not what F7 or F8 mean once the clerk scans on.
            self.order_table.clearSelection()
        self.total_label.setText(till.money(till.total))
        self.customer_type.show_till(till)
        self.order_columns.show_catalog(till.catalog)
        show_waiting(self.threshold_mark, till)
        header = f"Order {till.order_id}" if till.order_id is not None else "New order"
        self.order_info.setText(("TRAINING \N{MIDDLE DOT} " if self.training else "") + header)
        delta = ""
        if prompt is not None and prompt.kind != "threshold" and prompt.delta > 0:
            delta = "+" + till.money(prompt.delta)
        self.prompt_panel.show_prompt(prompt, delta)
        if events:
            self._report(events)

    def _report(self, events: Sequence[TillEvent]) -> None:
        """Status message and signals for what the till says happened."""
        for ev in events:
            if ev.event in ("accepted", "declined", "ignored"):
                self.prompt_answered.emit(str(ev.data.get("rule", "")), ev.event)
        for ev in events:
            if ev.event == "paid":
                self.order_paid.emit(ev)
        if self.till.prompt is not None and any(ev.event == "prompt" for ev in events):
            self.prompt_shown.emit(self.till.prompt)
        message = self._describe(events)
        if message is None:
            self.clear_message()
        else:
            self.show_message(message[1], message[0])

    def _describe(self, events: Sequence[TillEvent]) -> tuple[str, str] | None:
        money = self.till.money
        errors = [str(ev.data.get("message", "error")) for ev in events if ev.event == "error"]
        if errors:
            return ERROR, _sentence(errors[-1])
        for ev in events:
            if ev.event == "paid":
                return INFO, (("TRAINING: " if self.training else "")
                              + f"Paid {money(ev.total)} \N{EM DASH} next customer")
        parts: list[str] = []
        for ev in events:
            data = ev.data
            if ev.event == "line":
                name = self._product_name(str(data.get("sku", "")))
                prefix = "Reward added" if data.get("reward") else "Added"
                parts.append(f"{prefix}: {name} {money(_cents(data.get('price')))}")
            elif ev.event in ("accepted", "declined"):
                parts.append(f"{ev.event.capitalize()}: "
                             f"{self._rule_title(str(data.get('rule', '')))}")
            elif ev.event == "qty":
                name = self._product_name(str(data.get("sku", "")))
                parts.append(f"{name}: quantity {data.get('qty')}")
            elif ev.event == "void":
                parts.append(f"Removed: {self._product_name(str(data.get('sku', '')))}")
            elif ev.event == "price":  # a reward given or taken back, a bundle broken up
                name = self._product_name(str(data.get("sku", "")))
                parts.append(f"{name} now {money(_cents(data.get('price')))}")
            elif ev.event == "checkout":
                parts.append(f"Checkout: {money(ev.total)} to pay (F12)")
        return (INFO, "  \N{MIDDLE DOT}  ".join(parts)) if parts else None

    def show_message(self, text: str, level: str = INFO) -> None:
        """Show `text` in statusMessage until the next action; level "info" or "error"."""
        if len(text) > MAX_MESSAGE:
            text = text[:MAX_MESSAGE - 1] + "\N{HORIZONTAL ELLIPSIS}"
        self.status_label.setText(text)
        self._set_level(level)
        if level == ERROR and self.clerk_panel.isVisible():
            self.clerk_panel.say(text)  # statusMessage is under the panel
        self.message_shown.emit(level, text)

    def _set_level(self, level: str) -> None:
        """The message's look follows its level; re-styling is costly, so only on change."""
        if self.status_label.property("level") == level:
            return
        self.status_label.setProperty("level", level)
        self.status_label.setAccessibleDescription(level)
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

    def _product_name(self, sku: str) -> str:
        product = self.till.catalog.get(sku)
        return product.name if product is not None else sku

    def _rule_title(self, rule_id: str) -> str:
        rule = self.till.engine.rules.get(rule_id)
        return rule.title if rule is not None and rule.title else rule_id


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _cents(price: object) -> int:
    """Event prices are decimal strings ("4.25"): back to cents, exactly."""
    try:
        return parse_money(str(price))
    except MoneyError:
        return 0
