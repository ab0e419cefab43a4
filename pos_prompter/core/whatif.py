"""What-if: a draft rule (a pack of one or more) replayed over past paid orders, before it
is published (interfaces.md `whatif`, issue 10 point 5).

Pure: the orders come in as values (pos_prompter.store.replay reads them), the replay goes
through the real `Engine` and `OrderSession`, and the result is a value a command or a Qt
worker thread can show. Nothing here prints.

How an order is replayed:
- The store's rules run beside the drafts, as after `import rules --merge`: a draft whose id
  is a store rule's replaces that rule. Drafts are replayed as if published active (a
  `suggest` pack is written inactive), with the pack's settings over the store's.
- The lines the customer brought (origin `scan`, and `upsell`: a line upsold is replayed as
  what was sold) are scanned again in their order, each with its quantity and the price
  paid, at the time the order was opened; then, when a draft fires at checkout, checkout
  at the time it was paid (every paid order went to payment; the checkout's prompts come
  after every scan's, so no other draft needs it). Lines a prompt added (cross-sell,
  bundle, reward) are not scanned: the replay accepts nothing, so they would not be there.
  A line of a product no longer in the catalog is left out.
- Every prompt shown, the store's and the drafts', is declined: the order stays as it was,
  the next prompt queued for the same scan gets its turn as after a real answer, and each
  counts against the per-order cap (`max_prompts_per_order`), so a draft competes for the
  cap exactly as a published rule would. A draft that would have fired but found the cap
  spent is counted in `kept_quiet_by_cap`.
- Holdouts are drawn as at the till (a hash of order id and rule id): an order in a draft's
  holdout group counts in `held_out`, not in `would_show`.
- Only what can change a draft's fate is replayed: when every draft triggers on a scan of
  given items, orders without such an item are counted but not replayed (the store reads
  only the others), and an order stops after its last such line. Both are exact: a prompt
  depends on the lines scanned so far, never on later ones.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.engine import Engine, OrderView, Prompt, Skip
from pos_prompter.core.lint import Finding, lint
from pos_prompter.core.money import Cents, cents_str
from pos_prompter.core.rules import Rule, RulePack, Scanned, Settings
from pos_prompter.core.said import QT_TRANSLATE_NOOP
from pos_prompter.core.session import OrderSession
from pos_prompter.core.till_event import MAX_QTY
from pos_prompter.core.whatif_window import Window

REPLAYED_ORIGINS = frozenset({"scan", "upsell"})
"""Lines the customer brought; the others were added by a prompt the replay never accepts."""

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ReplayLine:
    sku: str
    qty: int
    unit_price: Cents


@dataclass(frozen=True, slots=True)
class ReplayOrder:
    """A paid order as the replay needs it: its lines in the order they were rung up."""

    order_id: int
    opened_at: dt.datetime
    closed_at: dt.datetime
    customer: str | None
    lines: tuple[ReplayLine, ...]


@dataclass(frozen=True, slots=True)
class KindRate:
    """The acceptance rate of the store's prompts of one kind: accepted / shown."""

    kind: str
    shown: int
    accepted: int
    days: int

    @property
    def known(self) -> bool:
        return self.shown > 0

    @property
    def rate(self) -> float | None:
        return self.accepted / self.shown if self.shown else None

    def sentence(self) -> str:
        """Which rate, and from how many prompts (`acceptance_rate_from`)."""
        kind = kind_word(self.kind)
        if not self.shown:
            return QT_TRANSLATE_NOOP("whatif", "no rate yet: the store showed no {kind} prompt "
                                               "in the last {days} days").format(
                kind=kind, days=self.days)
        return (QT_TRANSLATE_NOOP("whatif", "the store's {kind} prompts of the last {days} days: "
                                            "{accepted} accepted of {shown} prompt shown")
                if self.shown == 1 else
                QT_TRANSLATE_NOOP("whatif", "the store's {kind} prompts of the last {days} days: "
                                            "{accepted} accepted of {shown} prompts shown")
                ).format(kind=kind, days=self.days, accepted=self.accepted, shown=self.shown)


KIND_WORDS = {"upsell": QT_TRANSLATE_NOOP("whatif", "upsell"),
              "cross_sell": QT_TRANSLATE_NOOP("whatif", "cross-sell"),
              "bundle": QT_TRANSLATE_NOOP("whatif", "bundle"),
              "threshold": QT_TRANSLATE_NOOP("whatif", "threshold")}
"""A rule kind as people read it ('cross-sell'), said in their language where shown."""


def kind_word(kind: str) -> str:
    """`kind`'s word (a Said; an unknown kind as it is, with '-' for '_')."""
    return KIND_WORDS.get(kind) or kind.replace("_", "-")


@dataclass(frozen=True, slots=True)
class DraftResult:
    """What one draft rule would have done over the window."""

    rule: str
    kind: str
    title: str
    window: Window
    orders_considered: int
    would_show: int
    held_out: int
    kept_quiet_by_cap: int
    offered: Cents
    """What the prompts it would have shown add when accepted, summed (each prompt's delta:
    for a threshold, its reward price)."""
    rate: KindRate

    @property
    def expected_accepts(self) -> Decimal | None:
        if not self.rate.known:
            return None
        return Decimal(self.would_show * self.rate.accepted) / Decimal(self.rate.shown)

    @property
    def expected_revenue(self) -> Cents | None:
        """The offered total at the kind's acceptance rate, in cents (half to even)."""
        if not self.rate.known:
            return None
        exact = Decimal(self.offered * self.rate.accepted) / Decimal(self.rate.shown)
        return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))

    def to_json(self) -> dict[str, object]:
        """interfaces.md's shape, with a few more fields after it."""
        accepts = self.expected_accepts
        revenue = self.expected_revenue
        rate = self.rate.rate
        return {
            "rule": self.rule, "days": self.window.days,
            "orders_considered": self.orders_considered, "would_show": self.would_show,
            "acceptance_rate_used": None if rate is None else round(rate, 4),
            "acceptance_rate_from": str.__str__(self.rate.sentence()),  # JSON: English
            "expected_accepts": None if accepts is None else round(float(accepts), 2),
            "expected_revenue": None if revenue is None else cents_str(revenue),
            "kind": self.kind, "held_out": self.held_out,
            "kept_quiet_by_cap": self.kept_quiet_by_cap,
            "offered_revenue": cents_str(self.offered),
            "rate_prompts_shown": self.rate.shown, "rate_prompts_accepted": self.rate.accepted,
            "since": self.window.since.isoformat(timespec="seconds"),
            "until": self.window.until.isoformat(timespec="seconds"),
        }


# ---------------------------------------------------------------------- the drafts


def draft_rules(pack: RulePack) -> tuple[Rule, ...]:
    """The pack's rules as the replay runs them: active."""
    return tuple(r if r.active else dataclasses.replace(r, active=True) for r in pack.rules)


def merged_rules(store_rules: Iterable[Rule], drafts: Sequence[Rule]) -> list[Rule]:
    """The store's rules with the drafts merged in (a draft replaces a store rule of its id)."""
    ids = {d.id for d in drafts}
    return [r for r in store_rules if r.id not in ids] + list(drafts)


def draft_findings(drafts: Sequence[Rule], store_rules: Iterable[Rule], catalog: Catalog,
                   settings: Settings, today: dt.date | None = None) -> list[Finding]:
    """Lint's findings on the drafts beside the store's rules, as `import rules --merge`
    checks them; an error (a product the store lacks...) means the draft cannot be replayed."""
    ids = {d.id for d in drafts}
    return [f for f in lint(merged_rules(store_rules, drafts), catalog, settings, today)
            if f.rule_id in ids]


def draft_triggers(drafts: Sequence[Rule]) -> Scanned | None:
    """The items a scan of which may raise a draft; None when any order may (a draft at
    checkout, or one on every scan): then every order is replayed whole."""
    skus: set[str] = set()
    categories: set[str] = set()
    tags: set[str] = set()
    for rule in drafts:
        if rule.event != "scan" or rule.scanned is None:
            return None
        skus |= rule.scanned.skus
        categories |= rule.scanned.categories
        tags |= rule.scanned.tags
    return Scanned(frozenset(skus), frozenset(categories), frozenset(tags))


# ---------------------------------------------------------------------- the replay


class _ReplayEngine(Engine):
    """The real engine, noting when a draft would have shown but the cap was spent."""

    def __init__(self, catalog: Catalog, rules: Iterable[Rule], settings: Settings,
                 drafts: frozenset[str]) -> None:
        super().__init__(catalog, rules, settings)
        self.drafts = drafts
        self.capped: set[str] = set()
        """Drafts kept quiet by the cap in the order being replayed."""

    def check(self, rule: Rule, order: OrderView, trigger_no: int | None,
              now: dt.datetime) -> Prompt | Skip:
        result = super().check(rule, order, trigger_no, now)
        if (isinstance(result, Skip) and rule.id in self.drafts and rule.id not in order.shown
                and order.reopening != rule.id and order.prompts_shown >= self.cap(order.rush)
                and rule.id not in self.capped):
            free = dataclasses.replace(order, prompts_shown=0)
            if isinstance(super().check(rule, free, trigger_no, now), Prompt):
                self.capped.add(rule.id)
        return result


@dataclass
class _Tally:
    shown: int = 0
    held_out: int = 0
    capped: int = 0
    offered: Cents = 0


class Replay:
    """Replays orders one by one (`add`), then sums up (`results`)."""

    def __init__(self, catalog: Catalog, store_rules: Iterable[Rule], settings: Settings,
                 drafts: Sequence[Rule]) -> None:
        if not drafts:
            raise ValueError(QT_TRANSLATE_NOOP("whatif", "a what-if needs at least one draft "
                                                         "rule"))
        self.drafts = tuple(drafts)
        self.catalog = catalog
        self.engine = _ReplayEngine(catalog, merged_rules(store_rules, self.drafts), settings,
                                    frozenset(d.id for d in self.drafts))
        self.triggers = draft_triggers(self.drafts)
        self.checkout = any(d.event == "checkout" for d in self.drafts)
        """Checkout comes after every scan's prompts: only a draft at checkout needs it."""
        self.tallies = {d.id: _Tally() for d in self.drafts}
        self.replayed = 0

    def _triggers_draft(self, sku: str) -> bool:
        if self.triggers is None:
            return True
        product = self.catalog.get(sku)
        if product is None:
            return False
        return any(self.engine.scanned_matches(d, product) for d in self.drafts)

    def add(self, order: ReplayOrder) -> None:
        """Replay one order (see the module's docstring for how)."""
        lines = [ln for ln in order.lines if ln.sku in self.catalog]
        last = len(lines)
        if self.triggers is not None:
            last = max((i + 1 for i, ln in enumerate(lines) if self._triggers_draft(ln.sku)),
                       default=0)
            if last == 0:
                return
        self.replayed += 1
        self.engine.capped = set()
        session = OrderSession(order.order_id, self.engine, customer=order.customer)
        shown: dict[str, Prompt] = {}
        for line in lines[:last]:
            product = self.catalog.get(line.sku)
            assert product is not None
            if product.price != line.unit_price:  # as it was sold that day
                product = dataclasses.replace(product, price=line.unit_price)
            session.scan(product, order.opened_at, qty=min(max(line.qty, 1), MAX_QTY))
            self._decline_all(session, order.opened_at, shown)
        if self.checkout:
            session.checkout(order.closed_at)
            self._decline_all(session, order.closed_at, shown)
        for rule_id, tally in self.tallies.items():
            prompt = shown.get(rule_id)
            if prompt is not None:
                tally.shown += 1
                tally.offered += prompt.delta
            elif rule_id in session.held_out:
                tally.held_out += 1
            elif rule_id in self.engine.capped:
                tally.capped += 1

    def _decline_all(self, session: OrderSession, now: dt.datetime,
                     shown: dict[str, Prompt]) -> None:
        while session.current is not None:
            prompt = session.current
            if prompt.rule_id in self.tallies:
                shown.setdefault(prompt.rule_id, prompt)
            session.decline(now)

    def results(self, window: Window, orders_considered: int,
                rates: Mapping[str, KindRate]) -> list[DraftResult]:
        """One result per draft, in the pack's order."""
        out: list[DraftResult] = []
        for draft in self.drafts:
            tally = self.tallies[draft.id]
            rate = rates.get(draft.kind) or KindRate(draft.kind, 0, 0, window.days)
            out.append(DraftResult(
                rule=draft.id, kind=draft.kind, title=draft.title, window=window,
                orders_considered=orders_considered, would_show=tally.shown,
                held_out=tally.held_out, kept_quiet_by_cap=tally.capped,
                offered=tally.offered, rate=rate))
        return out


def whatif(orders: Iterable[ReplayOrder], *, catalog: Catalog, store_rules: Iterable[Rule],
           settings: Settings, drafts: Sequence[Rule], window: Window,
           orders_considered: int, rates: Mapping[str, KindRate],
           to_replay: int | None = None, progress: Progress | None = None,
           every: int = 1000) -> list[DraftResult]:
    """Replay `orders` (the paid orders of `window` that may matter, see `draft_triggers`)
    and say what each draft would have done. `orders_considered`: every paid order of the
    window; `to_replay`: how many `orders` holds, for `progress(done, total)` (called every
    `every` orders and at the end; it may raise to stop the replay)."""
    replay = Replay(catalog, store_rules, settings, drafts)
    total = orders_considered if to_replay is None else to_replay
    for done, order in enumerate(orders, start=1):
        replay.add(order)
        if progress is not None and done % every == 0:
            progress(done, total)
    if progress is not None:
        progress(total, total)
    return replay.results(window, orders_considered, rates)
