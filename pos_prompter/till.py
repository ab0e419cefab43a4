"""The till as an application service: one clerk's till over one store.

The window and `simulate` both drive this class, so what a script prints is what a clerk
sees. Every action is committed to the store before it returns (and so before the screen
shows it); if the write fails, the in-memory order is put back as it was and the error
propagates, so nothing is ever half-applied.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Concatenate, ParamSpec

from pos_prompter.core.excerpt import cut
from pos_prompter.core.guardrails import Settings
from pos_prompter.core.money import Cents, format_money
from pos_prompter.core.order import Clock, OrderLine, SystemClock
from pos_prompter.core.pace import PaceMeter
from pos_prompter.core.said import QT_TRANSLATE_NOOP
from pos_prompter.core.till_event import MAX_QTY, TillEvent, bad_qty
from pos_prompter.seen_prompts import ShownWhenSeen
from pos_prompter.store import Store
from pos_prompter.store.auth import StaffStore
from pos_prompter.store.order_rows import commit_order, recovered_next_line_no

if TYPE_CHECKING:
    from pos_prompter.core.catalog import Catalog
    from pos_prompter.core.engine import Engine, Prompt
    from pos_prompter.core.rules import Rule
    from pos_prompter.core.session import OrderSession

# The engine, the rules' model and the order's workflow are imported when the till first
# needs them: a till shown before its catalog and rules are read (`settings_only`) paints
# its first screen without them (issue 14.2; tests/test_app_start_imports.py).

Action = Callable[["OrderSession", dt.datetime], list[TillEvent]]
P = ParamSpec("P")

NOBODY_TEXT = QT_TRANSLATE_NOOP("till", "nobody is signed in at this till: sign in first")
NOT_READ_TEXT = QT_TRANSLATE_NOOP("till", "the catalog and rules are not read: nothing rings up "
                                  "until they are")


def _signed_in(method: Callable[Concatenate[Till, P], list[TillEvent]]
               ) -> Callable[Concatenate[Till, P], list[TillEvent]]:
    """A till action that sells: while nobody is signed in (`Till.needs_sign_in`), an
    error event instead, and nothing is written."""

    @functools.wraps(method)
    def action(till: Till, /, *args: P.args, **kwargs: P.kwargs) -> list[TillEvent]:
        if till.needs_sign_in:
            return till._error(NOBODY_TEXT)
        return method(till, *args, **kwargs)

    return action


@dataclass(frozen=True)
class Published:
    """Catalog, rules and settings as published at one revision, read whole (never half a
    publish). Made by `load_published` on any connection in any thread, put in force by
    `Till.apply` on the till's own thread."""

    revision: int
    settings: Settings
    catalog: Catalog
    rules: tuple[Rule, ...]


def load_published(store: Store) -> Published:
    """Read what is published in `store`, in one read transaction. The slow half of a
    reload (~0.6 s at 100,000 products and 20,000 rules): the till window runs it in a
    worker thread on a connection of its own, so scanning never waits for it."""
    with store.snapshot():
        return Published(revision=store.publish_revision(), settings=store.load_settings(),
                         catalog=store.catalog.load(), rules=tuple(store.rules.load()))


def settings_only(store: Store) -> Published:
    """What a till can open with before its catalog and rules are read: the store's
    settings, no product and no rule, at revision -1, so the read that follows is put in
    force over it (`Till.apply`; `Till.loaded` says which)."""
    from pos_prompter.core.catalog import Catalog

    return Published(revision=-1, settings=store.load_settings(), catalog=Catalog(),
                     rules=())


class Till:
    """One till on one store. Read `lines`, `total` and `prompt` after each action."""

    def __init__(self, store: Store, clock: Clock | None = None, *,
                 clerk: str | None = None, till_name: str | None = None,
                 published: Published | None = None) -> None:
        """`published`: what to start with instead of reading the store's catalog, rules
        and settings here (`settings_only`: the till window reads them after its first
        paint). An open order to reopen is always reopened over them, read here."""
        self.store = store
        self.till_name = till_name
        """Which till this is, when several share a store: each reopens only its own open
        order (None: orders of no till in particular, as tests and old stores have them)."""
        self.clock: Clock = clock or SystemClock()
        self.session: OrderSession | None = None
        self.pace = PaceMeter(0)
        self.settings: Settings
        self.catalog: Catalog
        self._in_force: Published
        self._engine: Engine | None = None
        self.revision = 0
        """The publish revision the till's catalog, rules and settings come from (-1:
        not read yet, `loaded`)."""
        if published is None:
            self.reload()
        else:
            self._put_in_force(published)
        clerks = store.staff.clerks()
        self.clerk: str | None = clerk or (clerks[0] if clerks else None)
        """Who is signed in and selling (orders and prompt outcomes are recorded under
        them); None: nobody (see `needs_sign_in`)."""
        self._wait_for_sign_in = False
        self.customer: str | None = None
        """Customer type for the next order (or the open one, once set)."""
        self.last_order: int | None = None
        self.shown_when_seen: ShownWhenSeen | None = None
        """Given (by the till window), a prompt is logged as shown only once `prompt_seen`
        says its card was on screen (seen_prompts.py); None logs it when raised."""
        self._rev = 0
        resumed = store.sales.open_order_state(till_name)
        if resumed is None and till_name is not None and store.sales.adopt_open_order(till_name):
            resumed = store.sales.open_order_state(till_name)
        if resumed is not None:
            if not self.loaded:  # its lines and prompts need the catalog and rules
                self.reload()
            from pos_prompter.core.session import OrderSession

            state, self._rev = resumed
            self.session = OrderSession.from_state(state, self.engine)
            self.session.next_line_no = recovered_next_line_no(
                self.session.next_line_no, (line.no for line in self.session.lines))
            if not state["lines_in_rows"]:  # saved by an older version: rows lack columns
                self.session.lines.unsaved_all()

    # ------------------------------------------------------------------ reading

    @property
    def loaded(self) -> bool:
        """Whether the store's catalog and rules are in force (not `settings_only`)."""
        return self.revision >= 0

    @property
    def order_id(self) -> int | None:
        return self.session.order_id if self.session else None

    @property
    def lines(self) -> list[OrderLine]:
        return list(self.session.lines) if self.session else []

    @property
    def total(self) -> Cents:
        return self.session.total if self.session else 0

    @property
    def prompt(self) -> Prompt | None:
        return self.session.current if self.session else None

    @property
    def needs_sign_in(self) -> bool:
        """Nobody is signed in after a sign-out or a refused sign-in: nothing is sold (or
        written) until someone signs in. A till on a store with no clerk sells unsigned
        until then, as does one whose store has nobody at all who could sign in."""
        return self.clerk is None and self._wait_for_sign_in

    def money(self, cents: Cents) -> str:
        return format_money(cents, self.settings.currency)

    def reload(self) -> None:
        """Re-read catalog, rules and settings (after an import or a published change),
        here and now. The open order keeps its lines and answered prompts."""
        self._put_in_force(load_published(self.store))

    def apply(self, published: Published) -> bool:
        """Put what `load_published` read in force, between two actions: a new engine
        over it, and the open order (its lines and answered prompts kept) re-bound to it.
        No store read: tens of milliseconds at chain size. An older revision than the one
        in force is refused: False, and nothing changes."""
        if published.revision < self.revision:
            return False
        self._put_in_force(published)
        return True

    @property
    def engine(self) -> Engine:
        """The engine over the catalog, rules and settings in force. Made when they are put
        in force; for `settings_only` (nothing to prompt with yet), on first use."""
        if self._engine is None:
            self._engine = self._new_engine(self._in_force)
        return self._engine

    def _new_engine(self, published: Published) -> Engine:
        from pos_prompter.core.engine import Engine

        return Engine(published.catalog, published.rules, published.settings,
                      self.store.sales.history())

    def _put_in_force(self, published: Published) -> None:
        self.settings, self.catalog = published.settings, published.catalog
        self._in_force, self.revision = published, published.revision
        # Made now when there is something to prompt with; for settings_only, on first use.
        self._engine = self._new_engine(published) if self.loaded else None
        self.pace.scans_per_minute = self.settings.rush_scans_per_minute
        if self.session is not None:
            self.session.engine = self.engine

    # ------------------------------------------------------------------ actions

    def _error(self, message: str) -> list[TillEvent]:
        return [TillEvent("error", self.order_id, self.total, {"message": message})]

    def _run(self, action: Action) -> list[TillEvent]:
        """Do `action` on the open order and save what it changed. Its cost follows what
        changed, not the order's length: the session's lines keep their own undo (the lines
        changed since the last save), so only the rest of the session is copied first."""
        session = self.session
        assert session is not None
        now = self.clock.now()
        before = session.head_state()
        try:
            events = action(session, now)
            if any(ev.event != "error" for ev in events):
                logged = (events if self.shown_when_seen is None
                          else self.shown_when_seen.to_log(events))
                self._rev = commit_order(self.store, session, logged, now, rev=self._rev)
                session.lines.saved()
        except BaseException:
            from pos_prompter.core.session import OrderSession

            session.lines.undo()
            self.session = OrderSession.from_state(before, self.engine, lines=session.lines)
            raise
        if session.paid:
            self.last_order = session.order_id
            self.session = None
            self.customer = None
        return events

    def prompt_seen(self) -> bool:
        """The current prompt's card was on screen: if it was held back
        (`shown_when_seen`), its 'shown' row goes with the next action's commit (no commit
        of its own between two scans; `save_seen` commits it sooner). Whether a prompt
        waiting to be seen was marked seen."""
        held = self.shown_when_seen
        if held is None or self.session is None:
            return False
        return held.seen(self.session.order_id)

    def save_seen(self) -> bool:
        """Commit a prompt that was seen and is not yet logged (the window went idle or
        closes, the clerk signs out); one nobody saw stays unlogged. Whether one was
        saved."""
        held = self.shown_when_seen
        if held is None or self.session is None or held.waiting is None or not held.was_seen:
            return False
        self._rev = commit_order(self.store, self.session, held.to_log([]),
                                 self.clock.now(), rev=self._rev)
        return True

    @_signed_in
    def scan(self, code: str, *, qty: int = 1) -> list[TillEvent]:
        """A barcode or SKU from the scanner or the keyboard (`qty` of it, in one line)."""
        code = code.strip()
        if not self.loaded:  # its catalog could not be read (the window queues scans
            return self._error(NOT_READ_TEXT)  # while it is being read)
        if not 1 <= qty <= MAX_QTY:
            return self._error(bad_qty(qty))
        if not code:
            return self._error(QT_TRANSLATE_NOOP("till", "empty scan"))
        product = self.catalog.lookup(code)
        if product is None:  # a scanner gone mad: the code cut short
            unknown = (QT_TRANSLATE_NOOP("till", "unknown barcode {code}") if code.isdigit()
                       else QT_TRANSLATE_NOOP("till", "unknown code {code}"))
            return self._error(unknown.format(code=cut(code)))
        if not product.active:
            return self._error(QT_TRANSLATE_NOOP("till", "{name} ({sku}) is not for sale").format(
                name=product.name, sku=product.sku))
        rush = self.pace.record(self.clock.now())
        if self.session is not None:
            return self._run(lambda s, now: s.scan(product, now, rush=rush, qty=qty))
        # A new order and its first line are one transaction (one fsync, and an order
        # whose first line cannot be saved is never opened).
        try:
            with self.store.write():
                self._begin_order()
                return self._run(lambda s, now: s.scan(product, now, rush=rush, qty=qty))
        except BaseException:
            self.session = None
            raise

    def _begin_order(self) -> int:
        """A new order in the store (inside the caller's write) and its session here."""
        from pos_prompter.core.session import OrderSession

        order_id = self.store.sales.new_order(clerk=self.clerk, customer=self.customer,
                                              now=self.clock.now(), till=self.till_name)
        self.session = OrderSession(order_id, self.engine, customer=self.customer,
                                    clerk=self.clerk)
        self._rev = 0
        return order_id

    @_signed_in
    def accept(self) -> list[TillEvent]:
        if self.prompt is None:
            return self._error(QT_TRANSLATE_NOOP("till", "no prompt on screen to accept"))
        return self._run(lambda s, now: s.accept(now))

    @_signed_in
    def decline(self) -> list[TillEvent]:
        if self.prompt is None:
            return self._error(QT_TRANSLATE_NOOP("till", "no prompt on screen to decline"))
        return self._run(lambda s, now: s.decline(now))

    @_signed_in
    def reopen(self, line_no: int) -> list[TillEvent]:
        """Show a declined offer of that line again (the customer changed their mind)."""
        if self.session is None:
            return self._error(QT_TRANSLATE_NOOP("till", "no open order"))
        return self._run(lambda s, now: s.reopen(line_no, now))

    @_signed_in
    def set_qty(self, qty: int) -> list[TillEvent]:
        if self.session is None:
            return self._error(QT_TRANSLATE_NOOP("till", "no open order"))
        return self._run(lambda s, now: s.set_qty(qty, now))

    @_signed_in
    def void(self, sku: str, *, line_no: int | None = None) -> list[TillEvent]:
        """Remove the last line with this SKU, or that line (`line_no`) of it."""
        if self.session is None:
            return self._error(QT_TRANSLATE_NOOP("till", "no open order"))
        return self._run(lambda s, _now: s.void(sku, line_no=line_no))

    @_signed_in
    def checkout(self) -> list[TillEvent]:
        if self.session is None or not self.session.lines:
            return self._error(QT_TRANSLATE_NOOP("till", "nothing to check out: the order is "
                                                     "empty"))
        return self._run(lambda s, now: s.checkout(now))

    @_signed_in
    def pay(self) -> list[TillEvent]:
        if self.session is None or not self.session.lines:
            return self._error(QT_TRANSLATE_NOOP("till", "nothing to pay: the order is empty"))
        return self._run(lambda s, _now: s.pay())

    @_signed_in
    def open_order(self) -> list[TillEvent]:
        """Open the next order now, before its first scan (a practice customer steps up:
        their order has its number and customer type at once). Nothing when one is open."""
        if self.session is not None:
            return []
        try:
            with self.store.write():
                order_id = self._begin_order()
        except BaseException:
            self.session = None
            raise
        return [TillEvent("opened", order_id, 0, {"customer": self.customer})]

    @_signed_in
    def set_customer(self, customer: str | None) -> list[TillEvent]:
        """The customer type for this order (member, staff...)."""
        customer = customer or None
        events: list[TillEvent] = []
        if self.session is not None:
            events = self._run(lambda s, _now: self._set_customer(s, customer))
        self.customer = customer
        return events

    @staticmethod
    def _set_customer(session: OrderSession, customer: str | None) -> list[TillEvent]:
        session.customer = customer or None
        return [TillEvent("customer", session.order_id, session.total,
                          {"customer": session.customer})]

    def sign_in(self, name: str) -> list[TillEvent]:
        """`name` signs in and sells from now on, the open order too (handed over: its
        next prompt outcomes and the order itself are recorded under them). Checked
        against the staff list (an active person, of any role: the window checks the PIN
        and the role first, see ui.clerk_sign_in). Refused: an error event, and nobody is
        signed in."""
        self.sign_out()
        name = name.strip()
        staff = StaffStore(self.store)
        known = staff.name_taken(name) if name else None  # names are unique in any case
        person = staff.get(known) if known is not None else None
        if person is None:
            return self._error(QT_TRANSLATE_NOOP(
                "till", "nobody called {name} is on the staff list").format(name=name))
        if not person.active:
            return self._error(QT_TRANSLATE_NOOP("till", "{name} is disabled").format(
                name=person.name))
        self.set_clerk(person.name)
        return [TillEvent("clerk", self.order_id, self.total, {"clerk": person.name})]

    def sign_out(self) -> None:
        """Nobody is at the till: selling waits for the next sign-in (unless the store has no
        one on its staff list, see `needs_sign_in`). An open order stays open for the next
        clerk."""
        self.save_seen()  # a prompt this clerk saw is logged under them, one unseen is not
        self.clerk = None
        self._wait_for_sign_in = bool(StaffStore(self.store).list_staff(
            include_inactive=False))

    def set_clerk(self, clerk: str) -> None:
        """`clerk` sells from now on, without a check (the caller checked: `sign_in`)."""
        self.clerk = clerk
        if self.session is not None:
            self.session.clerk = clerk
