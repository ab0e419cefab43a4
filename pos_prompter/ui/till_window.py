"""The till window: a scan field that keeps the focus, the order, the total, the prompt card.

Everything the clerk does goes through one `Till`; the window only shows what the till
says after each call. The keyboard-wedge scanner types digits and Enter into `scanInput`,
so Enter only ever scans: prompts are answered with F9/F10/Esc or by tapping the card.
Selling never opens a dialog; problems go to `statusMessage` and scanning goes on. The one
way to the manager's workspace is the Manager button (or Ctrl+M): a manager's name and
password, in a dialog of its own, then the workspace beside the till.

The window is the clerk's actions over the screen that `till_screen.TillScreen` builds;
taking published changes is `till_loads.PublishedLoads`, the manager's way in is
`till_manager.ManagerDoor`, and what the status line says is `till_messages`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QWidget

from pos_prompter.core.till_event import MAX_QTY, TillEvent
from pos_prompter.i18n import plural, say, translate
from pos_prompter.seen_prompts import ShownWhenSeen
from pos_prompter.store.auth import Person, StaffStore
from pos_prompter.till import Till
from pos_prompter.ui.answer_gate import ANSWER_DELAY_MS
from pos_prompter.ui.clerk_words import NO_PIN_TEXT, asks_for_pin, clerk_text, waiting_text
from pos_prompter.ui.customer_type import CUSTOMER_QSS, customer_text
from pos_prompter.ui.jobs import JobRunner
from pos_prompter.ui.order_model import OrderTableModel
from pos_prompter.ui.prompt_seen import PromptSeen
from pos_prompter.ui.scan_router import AppScanRouter
from pos_prompter.ui.store_info import STORE_INFO_QSS, window_title
from pos_prompter.ui.store_watcher import StoreWatcher
from pos_prompter.ui.style import DARK, apply_base_look, apply_own_theme, chosen_theme, till_style
from pos_prompter.ui.threshold_mark import MARK_QSS, show_waiting
from pos_prompter.ui.till_keys import install_keys
from pos_prompter.ui.till_loads import PublishedLoads
from pos_prompter.ui.till_manager import ManagerDoor
from pos_prompter.ui.till_messages import ERROR, INFO, describe, failure_text, sentence
from pos_prompter.ui.till_screen import (
    KEY_HELP,
    MAX_MESSAGE,
    MIN_HEIGHT,
    MIN_WIDTH,
    TRAINING_TEXT,
    TillScreen,
)
from pos_prompter.ui.workspace_door import Workspaces

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from pos_prompter.ui.clerk_sign_in import ClerkSignInPanel
    from pos_prompter.ui.practice.controller import PracticeController
    from pos_prompter.ui.workspace.window import WorkspaceWindow

__all__ = ["ERROR", "INFO", "KEY_HELP", "MAX_MESSAGE", "TRAINING_TEXT", "TillWindow"]

logger = logging.getLogger(__name__)

QTY_SCAN = re.compile(r"\A([0-9]{1,6})\*([^\s*]*)\Z")
""""3*2100000000012" scans three; "3*" alone sets the quantity of the last line."""

Action = Callable[[], list[TillEvent]]


def practice_qss() -> str:
    """Practice mode's look, imported in practice mode only: the module brings the
    scenarios (and PyYAML), which the till's first screen does not need (issue 14.2)."""
    from pos_prompter.ui.practice.widgets import PRACTICE_QSS

    return PRACTICE_QSS


class TillWindow(TillScreen):
    """The till screen over one `Till` (passed in; the window owns neither till nor store).

    Handed down by the composition root (app.build_window), each with a default for a
    window built alone: `jobs`, the runner of the store jobs of the window, its boxes and
    the workspace (default: one of the window's own); `staff`, sign-in and lockouts on the
    till's store and clock; `workspaces`, how the workspace is read and built.

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
    workspace_opened = Signal(object)
    clerk_changed = Signal(str)

    def __init__(self, till: Till, *, training: bool = False,
                 answer_delay_ms: int = ANSWER_DELAY_MS,
                 parent: QWidget | None = None, jobs: JobRunner | None = None,
                 staff: StaffStore | None = None,
                 workspaces: Workspaces | None = None) -> None:
        self.till = till
        self.staff = staff if staff is not None else StaffStore(till.store, till.clock)
        """Sign-in and lockouts for the Manager button, on the till's store and clock."""
        model = OrderTableModel(till.money, product_name=self._product_name,
                                rule_title=self._rule_title)
        super().__init__(till.store, self.staff, model, training=training,
                         answer_delay_ms=answer_delay_ms, parent=parent)
        self.jobs = jobs if jobs is not None else JobRunner(self)
        """Runs this window's store jobs, and those of the boxes and the workspace it opens
        (the app's, handed down by app.py; else one of its own, which goes with it)."""
        self.workspaces = workspaces if workspaces is not None else Workspaces()
        """Reads and builds the manager's workspace (workspace_door.py)."""
        self.manager = ManagerDoor(self)
        """The manager's sign-in box and workspace, while they are open."""
        self.loads = PublishedLoads(self, self.jobs)
        """Published changes, read in a worker thread and put in force here."""
        self.action_watcher: Callable[[Action], Action] | None = None
        """Sees every till action before it runs (practice mode scores them)."""
        self.practice: PracticeController | None = None
        """Practice mode's scenarios, customers and scores (on the practice store)."""
        self._wire()
        self.shortcuts = install_keys(self)
        """F-keys for the clerk, Ctrl+M for the manager (till_keys.py)."""
        self.scan_router = AppScanRouter(self, self.scan_text)
        """Takes scans typed into any other window of the app (a box, the workspace) to this
        till, or to the product field they were typed into (ui/scan_router.py)."""
        till.shown_when_seen = ShownWhenSeen()  # a prompt is shown once seen: prompt_seen.py
        self.prompt_seen = PromptSeen(self, self.prompt_panel, lambda: self.signing_in)
        self.theme = ""
        """"light" or "dark" (style.py): the system's, unless the store or app says."""
        self._theme_setting = till.store.get_setting("theme")
        self.set_theme(chosen_theme(self._theme_setting))
        self.rules_reloaded.connect(self.follow_store_theme)  # a publish may change it
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):  # Qt 6.5+: the system's scheme, live
            hints.colorSchemeChanged.connect(self.follow_system)
        self.setWindowTitle(window_title(till.store, till.till_name, training=training))
        self.resize(1024, 700)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.watcher: StoreWatcher | None = None
        if till.store.path is not None:
            self.watcher = StoreWatcher(till.store.path, till.store.publish_revision, self)
            self.watcher.acknowledge(till.revision)
            self.watcher.published.connect(self.load_published)
        self._refresh()
        if till.lines:
            self.show_message(plural(
                len(till.lines),
                translate("till", "Order {order} reopened as it was: {n} line, {total}."),
                translate("till", "Order {order} reopened as it was: {n} lines, {total}."),
                order=till.order_id, total=till.money(till.total)))
        self._show_clerk()
        if till.needs_sign_in:  # the app starts a shift so: ask for a clerk's PIN
            self._ask_for_clerk()
        if training:
            from pos_prompter.ui.practice.controller import PracticeController

            self.practice = PracticeController(self)
        if not till.loaded:  # shown first, its catalog and rules read meanwhile
            self.loads.load_first()

    def _wire(self) -> None:
        """What the screen's field, buttons, card and panel do."""
        self.scan_input.returnPressed.connect(self._on_return)
        self.customer_type.chosen.connect(self.set_customer_type)
        self.prompt_panel.accept_clicked.connect(self.accept_prompt)
        self.prompt_panel.decline_clicked.connect(self.decline_prompt)
        self.checkout_button.clicked.connect(self.checkout)
        self.pay_button.clicked.connect(self.pay)
        self.manager_button.clicked.connect(self.open_manager)
        self.void_button.clicked.connect(self.void_line)
        self.offer_again_button.clicked.connect(self.reopen_declined)
        self.sign_out_button.clicked.connect(self.sign_out)

    def clerk_panel_built(self, panel: ClerkSignInPanel) -> None:
        """The clerk's sign-in panel, built when first needed (TillScreen.clerk_panel)."""
        panel.signed_in.connect(lambda person: self.sign_in_clerk(person.name))

    # ------------------------------------------------------------------ theme

    def set_theme(self, theme: str) -> None:
        """Show the till in `theme` ("light" or "dark"), its own widgets' sheets too."""
        if theme == self.theme:
            return
        self.theme = theme
        apply_base_look(self, theme)
        self.setStyleSheet(till_style(theme, STORE_INFO_QSS,
                                      practice_qss() if self.training else ""))
        apply_own_theme(self.customer_type, CUSTOMER_QSS, theme)
        apply_own_theme(self.threshold_mark, MARK_QSS, theme)
        self.model.set_dark(theme == DARK)

    @Slot(Qt.ColorScheme)
    def follow_system(self, scheme: Qt.ColorScheme) -> None:
        """The system's colour scheme changed: follow it, unless the store or the app
        chose a theme."""
        self.set_theme(chosen_theme(self._theme_setting, scheme))

    @Slot(int)
    def follow_store_theme(self, _revision: int) -> None:
        """Published changes are in force: the store's `theme` setting (set in the
        workspace, or by `settings theme=dark` in another process) may have changed."""
        try:
            self._theme_setting = self.till.store.get_setting("theme")
        except Exception:  # a store busy or closing never takes the till down
            logger.exception("could not read the store's theme setting")
            return
        self.set_theme(chosen_theme(self._theme_setting))

    # ------------------------------------------------------------------ published changes

    @Slot(int)
    def load_published(self, revision: int) -> None:
        """A manager published changes (maybe at another till): take them without a
        restart, and without making scanning wait (`PublishedLoads.load`)."""
        self.loads.load(revision)

    @property
    def loading(self) -> bool:
        """Whether published changes are being read, not yet in force."""
        return self.loads.loading

    @property
    def load_in_background(self) -> bool:
        """Published changes are read in a worker thread on a connection of their own, and
        only put in force here; False reads them on this thread (an in-memory store has no
        file a second connection could open)."""
        return self.loads.in_background

    @load_in_background.setter
    def load_in_background(self, value: bool) -> None:
        self.loads.in_background = value

    def closeEvent(self, event: QCloseEvent) -> None:
        """The workspace closes first; while it cannot (unsaved edits it asks about, an
        import still writing), the till stays open too."""
        if self.workspace is not None and not self.workspace.close():
            event.ignore()
            return
        self.loads.stop()
        self.manager.drop_opening()  # a workspace still loading is not shown
        super().closeEvent(event)

    # ------------------------------------------------------------------ clerk actions

    @Slot()
    def _on_return(self) -> None:
        text = self.scan_input.text()
        self.scan_input.setText("")  # not clear(): that is an undo step, kept for ever
        self.scan_text(text)

    def scan_text(self, text: str) -> None:
        """What Enter in the scan field does with its text. Empty text does nothing."""
        text = text.strip()
        if not text or self.signing_in:
            if text:  # scanned while nobody is signed in: never rung up, and said so
                self.clerk_panel.not_rung_up(text)
            self.refocus()
            return
        match = QTY_SCAN.match(text)
        if match is None:
            if "*" in text:
                self.refocus()
                self.show_message(translate(
                    "till", "{text}: write a quantity as 3*CODE, or 3* for the last line")
                    .format(text=text[:40]), ERROR)
                return
            self._act(translate("till", "scan {code}").format(code=text[:40]),
                      lambda: self.till.scan(text))
            return
        qty, code = int(match[1]), match[2]
        if not 1 <= qty <= MAX_QTY:
            self.refocus()
            self.show_message(translate("till", "Quantity must be 1 to {max}, not {qty}")
                              .format(max=MAX_QTY, qty=qty), ERROR)
            return
        if not code:
            self._act(translate("till", "set the quantity to {qty}").format(qty=qty),
                      lambda: self.till.set_qty(qty))
            return

        self._act(translate("till", "scan {qty} x {code}").format(qty=qty, code=code[:40]),
                  lambda: self.till.scan(code, qty=qty))

    @Slot()
    def accept_prompt(self) -> None:
        if self.till.prompt is None:
            self.refocus()
            return
        self._act(translate("till", "accept the suggestion"), self.till.accept)

    @Slot()
    def decline_prompt(self) -> None:
        if self.till.prompt is None:
            self.refocus()
            return
        self._act(translate("till", "decline the suggestion"), self.till.decline)

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
            self.refocus()
            self.show_message(translate("till", "No declined offer to show again on that line."))
            return
        self._act(translate("till", "offer it again"), lambda: self.till.reopen(line_no))

    @Slot()
    def void_line(self) -> None:
        """Remove the line tapped in the order (selected), or else the last line: the
        customer changed their mind, or an item was scanned twice. What it takes with it
        (a reward no longer reached, a bundle's set price) the till works out."""
        lines = self.till.lines
        if not lines:
            self.refocus()
            self.show_message(translate("till", "Nothing to remove: the order is empty."))
            return
        selected = self.order_table.selectionModel().selectedRows()
        line = (lines[selected[0].row()] if selected and selected[0].row() < len(lines)
                else lines[-1])
        self.order_table.clearSelection()
        self._act(translate("till", "remove {name}").format(name=line.name),
                  lambda: self.till.void(line.sku, line_no=line.no))

    def set_customer_type(self, customer: str | None) -> None:
        """customerType or F3: the order's customer type (None: none), for the rules."""
        self._act(translate("till", "set the customer type"),
                  lambda: self.till.set_customer(customer))
        if self.message_level != ERROR:
            self.show_message(customer_text(customer))

    @Slot()
    def checkout(self) -> None:
        if not self.till.lines:
            self.refocus()
            self.show_message(translate("till", "Nothing to check out yet: scan an item first."))
            return
        self._act(translate("till", "go to checkout"), self.till.checkout)

    @Slot()
    def pay(self) -> None:
        if not self.till.lines:
            self.refocus()
            self.show_message(translate("till", "Nothing to pay yet: scan an item first."))
            return
        self._act(translate("till", "take payment"), self.till.pay)

    def run_action(self, what: str, action: Action) -> None:
        """Run one till action as the till's own keys and buttons do (`_act`)."""
        self._act(what, action)

    def _act(self, what: str, action: Action) -> None:
        """Run one till action; whatever happens, the screen ends up showing the order as
        the till (and so the store) has it, the scan field has the focus, and an error is
        a message, never a dialog or a dead till."""
        if self.loads.waiting is not None:  # the first load runs: in turn, once it is done
            self.loads.waiting.append((what, action))
            self.refocus()
            return
        failure: str | None = None
        events: list[TillEvent] = []
        if self.action_watcher is not None:
            action = self.action_watcher(action)
        try:
            events = action()
        except Exception as exc:
            logger.exception("till action failed: %s", what)
            failure = failure_text(what, exc)
        try:
            self._refresh(events)
        except Exception as exc:
            logger.exception("refreshing the till screen failed after: %s", what)
            failure = failure or failure_text(translate("till", "update the screen"), exc)
        self.refocus()
        if failure is not None:
            self.show_message(failure, ERROR)
        self.order_changed.emit()

    # ------------------------------------------------------------------ the clerk

    @Slot()
    def sign_out(self) -> None:
        """Sign out  F2: the clerk leaves or hands over; the sign-in panel covers the till
        and an open order waits for the next clerk. Where nobody has a PIN, nobody could
        sign in again: the clerk stays."""
        if self.signing_in:
            self.refocus()
        elif not asks_for_pin(self.staff):
            self.refocus()
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
        refused = [say(ev.data.get("message")) for ev in self.till.sign_in(name)
                   if ev.event == "error"]
        if refused:  # disabled (or removed) since the check
            self.clerk_panel.say(sentence(refused[0]) + ".")
            return
        self.clerk_panel.close_panel()
        self.scan_input.setEnabled(True)
        self._show_clerk()
        self.refocus()
        said = (translate("till", "{name} is signed in: order {order} goes on.")
                if self.till.session else translate("till", "{name} is signed in."))
        self.show_message(said.format(name=name, order=self.till.order_id))
        self.clerk_changed.emit(name)

    def _show_clerk(self) -> None:
        self.clerk_label.setText(clerk_text(self.till.clerk, asks=asks_for_pin(self.staff),
                                            waiting=self.till.needs_sign_in))

    # ------------------------------------------------------------------ the manager

    @Slot()
    def open_manager(self) -> None:
        """Manager button or Ctrl+M: a manager signs in with their password, then the
        workspace opens beside the till (`ManagerDoor.open`)."""
        self.manager.open()

    def open_workspace(self, person: Person, *, demo_password: bool | None = None) -> None:
        """Open the workspace for a manager who has signed in, read in a worker thread
        first: the till goes on scanning meanwhile. `workspace_opened` says when it is
        up."""
        self.manager.open_workspace(person, demo_password=demo_password)

    @property
    def opening_workspace(self) -> bool:
        """A manager signed in, and what the workspace shows is being read."""
        return self.manager.opening

    @property
    def manager_dialog(self) -> QDialog | None:
        """The manager sign-in (or first-manager) dialog while it is open."""
        return self.manager.dialog

    @property
    def workspace(self) -> WorkspaceWindow | None:
        """The manager's workspace while it is open."""
        return self.manager.workspace

    def _route_scans(self) -> None:
        """Scans typed into another window of the app come here while one is open."""
        self.manager.route_scans()

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
        header = (translate("till", "Order {order}").format(order=till.order_id)
                  if till.order_id is not None else translate("till", "New order"))
        self.order_info.setText((translate("till", "TRAINING") + " \N{MIDDLE DOT} "
                                 if self.training else "") + header)
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
        message = describe(events, self.till.money, product_name=self._product_name,
                           rule_title=self._rule_title, training=self.training)
        if message is None:
            self.clear_message()
        else:
            self.show_message(message[1], message[0])

    def _product_name(self, sku: str) -> str:
        product = self.till.catalog.get(sku)
        return product.name if product is not None else sku

    def _rule_title(self, rule_id: str) -> str:
        rule = self.till.engine.rules.get(rule_id)
        return rule.title if rule is not None and rule.title else rule_id
