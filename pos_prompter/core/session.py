"""One order at the till: scans, prompts, answers, checkout and payment.

`OrderSession` is the whole workflow of shared/spec/rule-pack.md "How prompts are raised and
answered", without a screen or a database: every call returns the events that happened
(the same facts `simulate` prints as JSON Lines), and `to_state`/`from_state` round-trip the
whole session so the store can commit it after every step and a crashed till reopens the
order exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

from pos_prompter.core.catalog import Product
from pos_prompter.core.engine import Engine, OrderView, Prompt, Skip
from pos_prompter.core.money import Cents, cents_str, split_proportionally
from pos_prompter.core.order import OrderLine, OrderLines
from pos_prompter.core.rules import Rule
from pos_prompter.core.said import QT_TRANSLATE_NOOP
from pos_prompter.core.till_event import MAX_QTY, TillEvent, bad_qty

ITEM_OFFERS = frozenset({"cross_sell", "upsell", "threshold"})
"""Offers of one item by name: declined, that item is not offered again in the order by any
rule. A bundle's "no" is to the deal, not to each of its items (see docs/decisions.md)."""


@dataclass(frozen=True, slots=True)
class Pending:
    """A rule waiting in the queue, with the line it was raised for."""

    rule_id: str
    trigger_line: int | None


class OrderSession:
    """The state of one open order and its prompts.

    Signals are plain return values: every mutator returns the list of TillEvent it caused.
    """

    def __init__(self, order_id: int, engine: Engine, *, customer: str | None = None,
                 clerk: str | None = None) -> None:
        self.order_id = order_id
        self.engine = engine
        self.customer = customer
        self.clerk = clerk
        self.lines = OrderLines()
        self.next_line_no = 1
        self.in_checkout = False
        self.paid = False
        self.shown: list[str] = []
        """Rule ids shown in this order, in order."""
        self.answers: dict[str, str] = {}
        """Rule id -> accepted / declined / ignored."""
        self.held_out: list[str] = []
        self.armed: list[str] = []
        """Threshold rules accepted: their reward is added once the total is reached."""
        self.queue: list[Pending] = []
        self.current: Prompt | None = None
        self.rush = False
        """Rung up during a rush: only the single highest-ranked prompt is shown."""
        self._reopening: str | None = None
        self.declined_offers: dict[str, tuple[str, ...]] = {}
        """Rule id -> the items its declined offer named (ITEM_OFFERS only)."""
        self.declined_skus: frozenset[str] = frozenset()
        """Every item in `declined_offers`: what no rule offers again in this order. Kept
        as it changes (a decline, a reopen), so a check looks an item up in O(1)."""

    # ------------------------------------------------------------------ views

    @property
    def total(self) -> Cents:
        return self.lines.total

    def view(self) -> OrderView:
        return OrderView(order_id=self.order_id, lines=self.lines,
                         customer=self.customer, shown=frozenset(self.shown),
                         prompts_shown=len(self.shown), rush=self.rush,
                         reopening=self._reopening, declined=self.declined_skus)

    def line(self, no: int) -> OrderLine | None:
        return self.lines.get(no)

    def _event(self, name: str, **data: Any) -> TillEvent:
        return TillEvent(name, self.order_id, self.total, data)

    # ------------------------------------------------------------------ clerk actions

    def scan(self, product: Product, now: dt.datetime, *, rush: bool = False,
             qty: int = 1) -> list[TillEvent]:
        """A line of `qty` x `product` is added; its rules are queued and the first shown
        (their figures are for that quantity).

        `rush`: the till is busy (see core.pace); from now on this order gets only its
        single highest-ranked prompt."""
        if self.paid:
            return [self._event("error", message=QT_TRANSLATE_NOOP(
                "till", "this order is paid; start a new one"))]
        if not 1 <= qty <= MAX_QTY:
            return [self._event("error", message=bad_qty(qty))]
        events = self._drop_prompt()
        if rush and not self.rush:
            self.rush = True
            events.append(self._event("rush"))
        self.in_checkout = False
        line = OrderLine(no=self.next_line_no, sku=product.sku, name=product.name, qty=qty,
                         unit_price=product.price)
        self.next_line_no += 1
        self.lines.append(line)
        events.append(self._event("line", sku=product.sku, qty=qty, line=line.no,
                                  price=cents_str(product.price)))
        events += self._settle_rewards()
        self.queue = [Pending(r.id, line.no) for r in self.engine.scan_candidates(product)]
        events += self._show_next(now)
        return events

    def checkout(self, now: dt.datetime) -> list[TillEvent]:
        """The clerk goes to payment: checkout-time rules are queued."""
        events = self._drop_prompt()
        self.in_checkout = True
        events.append(self._event("checkout"))
        self.queue = [Pending(r.id, None) for r in self.engine.checkout_candidates()]
        events += self._show_next(now)
        return events

    def accept(self, now: dt.datetime) -> list[TillEvent]:
        prompt = self.current
        if prompt is None:
            return [self._event("error", message=QT_TRANSLATE_NOOP(
                "till", "no prompt on screen to accept"))]
        self.current = None
        self.answers[prompt.rule_id] = "accepted"
        first_new = self.next_line_no
        self._apply(prompt)
        events = [self._event("accepted", rule=prompt.rule_id, kind=prompt.kind,
                              revenue=cents_str(prompt.delta if prompt.kind != "threshold"
                                                else 0))]
        # The lines the offer added, with what each costs (a bundle's split on the receipt).
        added = list(itertools.takewhile(lambda ln: ln.no >= first_new, reversed(self.lines)))
        events += [self._event("line", sku=ln.sku, qty=ln.qty, line=ln.no,
                               price=cents_str(ln.unit_price), rule=prompt.rule_id)
                   for ln in reversed(added)]
        events += self._settle_rewards()
        events += self._show_next(now)
        return events

    def decline(self, now: dt.datetime) -> list[TillEvent]:
        prompt = self.current
        if prompt is None:
            return [self._event("error", message=QT_TRANSLATE_NOOP(
                "till", "no prompt on screen to decline"))]
        self.current = None
        self.answers[prompt.rule_id] = "declined"
        if prompt.kind in ITEM_OFFERS:
            self._set_declined(prompt.rule_id, prompt.offer_skus)
        if prompt.trigger_line is not None:
            line = self.line(prompt.trigger_line)
            if line is not None:
                self._replace(line, line.with_(declined=(*line.declined, prompt.rule_id)))
        events = [self._event("declined", rule=prompt.rule_id, kind=prompt.kind)]
        events += self._show_next(now)
        return events

    def declined_on(self, line_no: int) -> str | None:
        """The most recent declined offer on a line, if any (what `reopen` would show)."""
        line = self.line(line_no)
        if line is None:
            return None
        for rule_id in reversed(line.declined):
            if self.answers.get(rule_id) == "declined":
                return rule_id
        return None

    def reopen(self, line_no: int, now: dt.datetime) -> list[TillEvent]:
        """The customer changed their mind: show a declined offer of this line again.

        It is the same offer, so it does not count against the cap; if the order has
        changed so that it no longer applies, an error event says why."""
        rule_id = self.declined_on(line_no)
        if rule_id is None:
            return [self._event("error", message=QT_TRANSLATE_NOOP(
                "till", "no declined offer on that line"))]
        rule = self.engine.rules.get(rule_id)
        if rule is None:
            return [self._event("error", message=QT_TRANSLATE_NOOP(
                "till", "the offer {rule} no longer exists").format(rule=rule_id))]
        result = self._check_again(rule, line_no if rule.event == "scan" else None, now)
        if isinstance(result, Skip):
            return [self._event("error", message=QT_TRANSLATE_NOOP(
                "till", "that offer no longer applies: {reason}").format(reason=result.reason))]
        events = self._drop_prompt()
        self.answers.pop(rule_id, None)
        self._set_declined(rule_id, ())  # they think again: its items are open once more
        self.current = result
        events.append(self._prompt_event(result, reopened=True))
        return events

    def _set_declined(self, rule_id: str, skus: tuple[str, ...]) -> None:
        """What `rule_id`'s declined offer named (none: it is not declined any more)."""
        if skus:
            self.declined_offers[rule_id] = tuple(skus)
        elif self.declined_offers.pop(rule_id, None) is None:
            return
        self.declined_skus = frozenset(
            sku for items in self.declined_offers.values() for sku in items)

    def set_qty(self, qty: int, now: dt.datetime) -> list[TillEvent]:
        """Set the quantity of the last scanned line ("two lattes": scan, then 2).

        A prompt on screen is worked out again for the order as it now is, since its figures
        follow the quantity: it stays up with the new figures (a `prompt` event marked
        `updated`, not counted as shown again), or, when it no longer holds, it is recorded
        as ignored and the next one queued is shown."""
        if not 1 <= qty <= MAX_QTY:
            return [self._event("error", message=bad_qty(qty))]
        target = next((ln for ln in reversed(self.lines) if ln.origin in ("scan", "upsell")),
                      None)
        if target is None:
            return [self._event("error", message=QT_TRANSLATE_NOOP(
                "till", "no line to set the quantity of"))]
        self._replace(target, target.with_(qty=qty))
        events = [self._event("qty", sku=target.sku, qty=qty, line=target.no)]
        events += self._settle_rewards()
        events += self._recheck_current(now)
        return events

    def _recheck_current(self, now: dt.datetime) -> list[TillEvent]:
        """The order changed under the prompt on screen: show it with its figures as they
        now are, or, if it no longer applies, drop it as ignored and show the next."""
        prompt = self.current
        if prompt is None:
            return []
        rule = self.engine.rules.get(prompt.rule_id)
        result = (Skip(QT_TRANSLATE_NOOP("skip", "the rule is no longer published"))
                  if rule is None
                  else self._check_again(rule, prompt.trigger_line, now))
        if isinstance(result, Prompt):
            if result == prompt:
                return []
            self.current = result
            return [self._prompt_event(result, updated=True)]
        self.answers[prompt.rule_id] = "ignored"
        self.current = None
        events = [self._event("ignored", rule=prompt.rule_id, kind=prompt.kind)]
        events += self._show_next(now)
        return events

    def _check_again(self, rule: Rule, trigger_line: int | None,
                     now: dt.datetime) -> Prompt | Skip:
        """Judge a rule this order has already shown, as if showing it now: the same
        prompt, so "already offered" and the cap do not apply (reopening, re-pricing)."""
        self._reopening = rule.id
        try:
            return self.engine.check(rule, self.view(), trigger_line, now)
        finally:
            self._reopening = None

    def void(self, sku: str, *, line_no: int | None = None) -> list[TillEvent]:
        """Remove the last line with this SKU, or line `line_no` (which must be one of
        this SKU): a prompt on screen is ignored."""
        target = next((ln for ln in reversed(self.lines.of_sku(sku))
                       if line_no is None or ln.no == line_no), None)
        if target is None:
            return [self._event("error", message=QT_TRANSLATE_NOOP(
                "till", "no line with {sku} to void").format(sku=sku))]
        events = self._drop_prompt()
        self.lines.remove(target)
        if target.origin == "reward" and target.rule_id in self.armed:
            # The customer turns the reward down: it must not come straight back.
            self.armed.remove(target.rule_id)
        events.append(self._event("void", sku=sku, line=target.no))
        events += self._break_bundles(target)
        events += self._settle_rewards()
        return events

    def _break_bundles(self, removed: OrderLine) -> list[TillEvent]:
        """A bundle's set price holds for the whole set, sold with the line it was offered
        on. Once one of its items is voided, or the last line that could have triggered it,
        what is left of it goes back to its own price (a `price` event each): the
        customer keeps the items, never the discount without the deal."""
        events: list[TillEvent] = []
        bundles = sorted({ln.rule_id for ln in self.lines
                          if ln.origin == "bundle" and ln.rule_id is not None})
        for rule_id in bundles:
            if not ((removed.origin == "bundle" and removed.rule_id == rule_id)
                    or self._bundle_trigger_gone(rule_id)):
                continue
            for line in [ln for ln in self.lines
                         if ln.origin == "bundle" and ln.rule_id == rule_id]:
                restored = line.with_(unit_price=line.list_price if line.list_price is not None
                                      else line.unit_price,
                                      origin="cross_sell", list_price=None)
                self._replace(line, restored)
                events.append(self._event("price", sku=line.sku, line=line.no,
                                          price=cents_str(restored.unit_price), bundle=rule_id))
        return events

    def _bundle_trigger_gone(self, rule_id: str) -> bool:
        """No line is left that the bundle rule could have been offered on (a checkout
        bundle, or a rule no longer published, has no trigger line to lose)."""
        rule = self.engine.rules.get(rule_id)
        if rule is None or rule.scanned is None:
            return False
        catalog = self.engine.catalog
        return not any(
            product is not None and self.engine.scanned_matches(rule, product)
            for product in (catalog.get(ln.sku) for ln in self.lines
                            if ln.origin not in ("bundle", "reward")))

    def pay(self) -> list[TillEvent]:
        """Close the order. A prompt still on screen is recorded as ignored."""
        events = self._drop_prompt()
        self.paid = True
        events.append(self._event("paid"))
        return events

    # ------------------------------------------------------------------ internals

    def _drop_prompt(self) -> list[TillEvent]:
        """Moving on with a prompt up records it as ignored and drops the rest of the queue."""
        events: list[TillEvent] = []
        if self.current is not None:
            self.answers[self.current.rule_id] = "ignored"
            events.append(self._event("ignored", rule=self.current.rule_id,
                                      kind=self.current.kind))
            self.current = None
        self.queue = []
        return events

    def _show_next(self, now: dt.datetime) -> list[TillEvent]:
        """Show the first queued rule that still holds against the order as it now is."""
        events: list[TillEvent] = []
        while self.queue and self.current is None:
            pending = self.queue.pop(0)
            rule = self.engine.rules.get(pending.rule_id)
            if rule is None or pending.rule_id in self.held_out:
                continue
            view = self.view()
            result = self.engine.check(rule, view, pending.trigger_line, now)
            if isinstance(result, Skip):
                if result.held_out:
                    self.held_out.append(rule.id)
                    events.append(self._event("held_out", rule=rule.id, kind=rule.kind))
                continue
            self.current = result
            self.shown.append(result.rule_id)
            events.append(self._prompt_event(result))
        return events

    def _prompt_event(self, prompt: Prompt, *, reopened: bool = False,
                      updated: bool = False) -> TillEvent:
        extra: dict[str, Any] = {"reopened": True} if reopened else {}
        if updated:
            extra["updated"] = True
        return self._event(
            "prompt", rule=prompt.rule_id, kind=prompt.kind, say=prompt.say,
            why=prompt.why, evidence=list(prompt.evidence),
            offer={"sku": prompt.offer_skus[0], "skus": list(prompt.offer_skus),
                   "price": cents_str(prompt.price), "delta": cents_str(prompt.delta)},
            line=prompt.trigger_line, **extra)

    def _replace(self, old: OrderLine, new: OrderLine) -> None:
        self.lines.replace(old, new)

    def _add_line(self, product: Product, unit_price: int, origin: str, rule_id: str,
                  list_price: int | None = None, replaced_sku: str | None = None) -> OrderLine:
        line = OrderLine(no=self.next_line_no, sku=product.sku, name=product.name, qty=1,
                         unit_price=unit_price, origin=origin, rule_id=rule_id,  # type: ignore[arg-type]
                         list_price=list_price, replaced_sku=replaced_sku)
        self.next_line_no += 1
        self.lines.append(line)
        return line

    def _apply(self, prompt: Prompt) -> None:
        catalog = self.engine.catalog
        if prompt.kind == "upsell":
            line = self.line(prompt.trigger_line) if prompt.trigger_line is not None else None
            target = catalog.get(prompt.offer_skus[0])
            if line is not None and target is not None:
                self._replace(line, line.with_(sku=target.sku, name=target.name,
                                               unit_price=target.price, origin="upsell",
                                               rule_id=prompt.rule_id,
                                               replaced_sku=line.replaced_sku or line.sku))
        elif prompt.kind == "cross_sell":
            product = catalog.get(prompt.offer_skus[0])
            if product is not None:
                self._add_line(product, product.price, "cross_sell", prompt.rule_id)
        elif prompt.kind == "bundle":
            products = [p for p in (catalog.get(s) for s in prompt.offer_skus) if p is not None]
            shares = split_proportionally(prompt.price, [p.price for p in products])
            for product, share in zip(products, shares, strict=True):
                self._add_line(product, share, "bundle", prompt.rule_id, list_price=product.price)
        elif prompt.kind == "threshold" and prompt.rule_id not in self.armed:
            self.armed.append(prompt.rule_id)

    def _settle_rewards(self) -> list[TillEvent]:
        """Give an armed reward once the order without it reaches the threshold; take it
        back when the total falls below.

        If the customer put the reward item in the order themselves, that line is re-priced
        (never a second one added) and goes back to its price if the total falls again."""
        events: list[TillEvent] = []
        for rule_id in self.armed:
            rule = self.engine.rules.get(rule_id)
            if rule is None:
                continue
            o = rule.offer
            of_reward = self.lines.of_sku(o.reward or "")  # a reward line has its SKU
            reward_line = next((ln for ln in of_reward
                                if ln.origin == "reward" and ln.rule_id == rule_id), None)
            own = None if reward_line is not None else next(
                (ln for ln in reversed(of_reward) if ln.origin != "reward"), None)
            goods = self.lines.goods_total
            if own is not None:
                goods -= own.unit_price  # "the order total without the reward"
            reached = goods >= (o.order_total or 0)
            if reached and reward_line is None:
                events += self._give_reward(rule_id, o.reward or "", o.reward_price or 0, own)
            elif not reached and reward_line is not None:
                events += self._take_back_reward(reward_line)
        return events

    def _give_reward(self, rule_id: str, sku: str, price: Cents,
                     own: OrderLine | None) -> list[TillEvent]:
        if own is not None and own.qty == 1:
            line = own.with_(unit_price=price, origin="reward", rule_id=rule_id,
                             list_price=own.unit_price, replaced_sku=own.sku)
            self._replace(own, line)
            return [self._event("price", sku=sku, line=line.no, price=cents_str(price),
                                reward=rule_id)]
        product = self.engine.catalog.get(sku)
        if product is None:
            return []
        events: list[TillEvent] = []
        if own is not None:  # several of them: one of those becomes the reward
            self._replace(own, own.with_(qty=own.qty - 1))
            events.append(self._event("qty", sku=sku, qty=own.qty - 1, line=own.no))
            # The unit is the customer's: taken back, it goes back to their line.
            line = self._add_line(product, price, "reward", rule_id,
                                  list_price=own.unit_price, replaced_sku=own.sku)
        else:
            line = self._add_line(product, price, "reward", rule_id, list_price=product.price)
        events.append(self._event("line", sku=product.sku, qty=1, line=line.no,
                                  price=cents_str(line.unit_price), reward=rule_id))
        return events

    def _take_back_reward(self, line: OrderLine) -> list[TillEvent]:
        if line.replaced_sku is not None:  # the customer's own item: back to its price
            price = line.list_price if line.list_price is not None else line.unit_price
            theirs = next((ln for ln in reversed(self.lines) if ln.no != line.no
                           and ln.sku == line.sku and ln.origin != "reward"
                           and ln.unit_price == price and ln.qty < MAX_QTY), None)
            if theirs is not None:  # one of several they scanned: back on that line
                self.lines.remove(line)
                self._replace(theirs, theirs.with_(qty=theirs.qty + 1))
                return [self._event("void", sku=line.sku, line=line.no, reward=line.rule_id),
                        self._event("qty", sku=line.sku, qty=theirs.qty + 1, line=theirs.no)]
            restored = line.with_(unit_price=price, origin="scan",
                                  rule_id=None, list_price=None, replaced_sku=None)
            self._replace(line, restored)
            return [self._event("price", sku=line.sku, line=line.no,
                                price=cents_str(restored.unit_price), reward=line.rule_id)]
        self.lines.remove(line)
        return [self._event("void", sku=line.sku, line=line.no, reward=line.rule_id)]

    # ------------------------------------------------------------------ persistence

    def to_state(self) -> dict[str, Any]:
        """Everything needed to rebuild this session exactly (JSON-serialisable)."""
        return {**self.head_state(), "lines": [ln.to_dict() for ln in self.lines]}

    def head_state(self) -> dict[str, Any]:
        """`to_state` but the lines: what the store keeps with the order, as it keeps
        each line in a row of its own (so a scan writes one line, not the whole order)."""
        return {
            "order_id": self.order_id, "customer": self.customer, "clerk": self.clerk,
            "next_line_no": self.next_line_no,
            "in_checkout": self.in_checkout, "paid": self.paid, "shown": list(self.shown),
            "answers": dict(self.answers), "held_out": list(self.held_out),
            "armed": list(self.armed),
            "declined_offers": {r: list(skus) for r, skus in self.declined_offers.items()},
            "queue": [[p.rule_id, p.trigger_line] for p in self.queue],
            "current": self.current.to_dict() if self.current else None,
            "rush": self.rush,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], engine: Engine, *,
                   lines: OrderLines | None = None) -> OrderSession:
        """The session `to_state` gave; or, with `lines`, the one `head_state` gave with
        those lines (taken as they are, not copied)."""
        s = cls(int(state["order_id"]), engine, customer=state.get("customer"),
                clerk=state.get("clerk"))
        s.lines = lines if lines is not None else OrderLines(
            OrderLine.from_dict(d) for d in state.get("lines", []))
        s.next_line_no = int(state.get("next_line_no", len(s.lines) + 1))
        s.in_checkout = bool(state.get("in_checkout"))
        s.paid = bool(state.get("paid"))
        s.shown = list(state.get("shown", []))
        s.answers = dict(state.get("answers", {}))
        s.held_out = list(state.get("held_out", []))
        s.armed = list(state.get("armed", []))
        for rule_id, skus in state.get("declined_offers", {}).items():
            s._set_declined(rule_id, tuple(skus))
        s.queue = [Pending(r, t) for r, t in state.get("queue", [])]
        cur = state.get("current")
        s.current = Prompt.from_dict(cur) if cur else None
        s.rush = bool(state.get("rush", False))
        return s
