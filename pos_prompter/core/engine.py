"""Which prompts fire, in which order, with what words and evidence.

The engine is deterministic and pure: the same order, clock and rules give the same prompts.
Rules are indexed by the SKU, category and tag they trigger on, so the cost of a scan follows
the rules that match it, not the number of rules in the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, KeysView, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from pos_prompter.core.catalog import Catalog, Product
from pos_prompter.core.money import Cents, cents_str, format_money, percent
from pos_prompter.core.order import OrderLine, OrderLines
from pos_prompter.core.rules import Ref, Rule, Settings, render
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

KIND_TIE_ORDER = {"bundle": 0, "cross_sell": 1, "threshold": 2, "upsell": 3}


@dataclass(frozen=True, slots=True)
class Prompt:
    """A prompt ready to show: what to say, why, the evidence, and what accepting does."""

    rule_id: str
    kind: str
    title: str
    say: str
    why: str
    evidence: tuple[str, ...]
    offer_skus: tuple[str, ...]
    price: Cents
    """What the customer pays for the offer."""
    delta: Cents
    """What accepting adds to the order total (a threshold adds the reward price later)."""
    trigger_line: int | None
    event: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id, "kind": self.kind, "title": self.title, "say": self.say,
            "why": self.why, "evidence": list(self.evidence), "offer_skus": list(self.offer_skus),
            "price": self.price, "delta": self.delta, "trigger_line": self.trigger_line,
            "event": self.event,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Prompt:
        return cls(
            rule_id=d["rule_id"], kind=d["kind"], title=d["title"], say=d["say"], why=d["why"],
            evidence=tuple(d["evidence"]), offer_skus=tuple(d["offer_skus"]),
            price=int(d["price"]), delta=int(d["delta"]), trigger_line=d["trigger_line"],
            event=d["event"],
        )


@dataclass(frozen=True, slots=True)
class Skip:
    """Why a rule does not fire here (shown in the manager's preview)."""

    reason: str
    """Why, for people (a core.said.Said, context "skip", where the engine wrote it)."""
    held_out: bool = False
    """The prompt would have been shown, but this order is in the rule's control group."""


@dataclass(frozen=True, slots=True)
class OrderView:
    """What the engine needs to know about an order to judge a rule.

    `lines` given as a plain sequence are indexed once here; an OrderSession hands over its
    own OrderLines, so judging a rule never walks the whole order for its total, a line or
    a SKU."""

    order_id: int
    lines: OrderLines | Sequence[OrderLine]
    customer: str | None
    shown: frozenset[str]
    """Rules already shown (or answered) in this order."""
    prompts_shown: int
    rush: bool = False
    """Rung up during a rush: only the single highest-ranked prompt is shown."""
    reopening: str | None = None
    """A rule the clerk reopens after a decline: offered again, not counted again."""
    declined: frozenset[str] = frozenset()
    """Items the customer said no to in this order (OrderSession.declined_skus): no rule
    offers them again. A set kept by the session, so a check looks an item up in O(1)."""

    def __post_init__(self) -> None:
        if not isinstance(self.lines, OrderLines):
            object.__setattr__(self, "lines", OrderLines(self.lines))

    @property
    def indexed(self) -> OrderLines:
        assert isinstance(self.lines, OrderLines)
        return self.lines

    @property
    def total(self) -> Cents:
        return self.indexed.total

    @property
    def goods_total(self) -> Cents:
        """The total without reward lines: what a threshold is measured against."""
        return self.indexed.goods_total

    def skus(self) -> KeysView[str]:
        return self.indexed.skus()

    def line(self, no: int | None) -> OrderLine | None:
        return self.indexed.get(no)


def is_held_out(order_id: int, rule_id: str, share: Decimal) -> bool:
    """The deterministic holdout draw: a hash of order id and rule id, not a random call."""
    if share <= 0:
        return False
    digest = hashlib.sha256(f"{order_id}:{rule_id}".encode()).digest()
    draw = int.from_bytes(digest[:8], "big")
    return draw < int(share * (1 << 64))


def _said_no(product: Product) -> Said:
    return QT_TRANSLATE_NOOP("skip", "the customer already said no to {name} in this "
                             "order").format(name=product.name)


def _in_order(product: Product) -> Said:
    return QT_TRANSLATE_NOOP("skip", "{name} is already in the order").format(name=product.name)


def _capped(cap: int, rush: bool) -> Said:
    """This order has had as many prompts as it may (fewer in a rush)."""
    if rush:
        said = (QT_TRANSLATE_NOOP("skip", "this order has had its {n} prompt already (rush "
                                  "hour)") if cap == 1 else
                QT_TRANSLATE_NOOP("skip", "this order has had its {n} prompts already (rush "
                                  "hour)"))
    else:
        said = (QT_TRANSLATE_NOOP("skip", "this order has had its {n} prompt already")
                if cap == 1 else
                QT_TRANSLATE_NOOP("skip", "this order has had its {n} prompts already"))
    return said.format(n=cap)


def _qty_str(value: Decimal) -> str:
    return format(value.normalize(), "f")


@dataclass(frozen=True, slots=True)
class AttachRate:
    """How often an offer went with the trigger item in past orders."""

    share: Decimal
    """Of the past orders with the trigger item, the fraction that also had the offer."""
    orders: int
    """How many past orders had the trigger item."""
    days: int
    """The look-back window."""


class SalesHistory(Protocol):
    """Past sales, as the engine needs them (the store answers from its paid orders)."""

    def attach_rate(self, trigger_sku: str, offer_sku: str,
                    now: dt.datetime) -> AttachRate | None: ...


class FixedHistory:
    """A sales history given as a table (tests, previews)."""

    def __init__(self, rates: Mapping[tuple[str, str], AttachRate]) -> None:
        self.rates = dict(rates)

    def attach_rate(self, trigger_sku: str, offer_sku: str,
                    now: dt.datetime) -> AttachRate | None:
        return self.rates.get((trigger_sku, offer_sku))


class Engine:
    """The rules of one store over its catalog, indexed for scans and checkout.

    `history`, when the store has sales history, gives how often two items went together:
    the `{attach_rate}` placeholder and an evidence line use it.
    """

    def __init__(self, catalog: Catalog, rules: Iterable[Rule], settings: Settings,
                 history: SalesHistory | None = None) -> None:
        self.catalog = catalog
        self.settings = settings
        self.history = history
        self.rules: dict[str, Rule] = {}
        self._by_sku: dict[str, list[Rule]] = {}
        self._by_category: dict[str, list[Rule]] = {}
        self._by_tag: dict[str, list[Rule]] = {}
        self._any_scan: list[Rule] = []
        self._checkout: list[Rule] = []
        for rule in rules:
            self.rules[rule.id] = rule
            if not rule.active:
                continue
            if rule.event == "checkout":
                self._checkout.append(rule)
            elif rule.scanned is None:
                self._any_scan.append(rule)
            else:
                for sku in rule.scanned.skus:
                    self._by_sku.setdefault(sku, []).append(rule)
                for cat in rule.scanned.categories:
                    self._by_category.setdefault(cat, []).append(rule)
                for tag in rule.scanned.tags:
                    self._by_tag.setdefault(tag, []).append(rule)
        self._checkout.sort(key=self.queue_key)

    def cap(self, rush: bool) -> int:
        """How many prompts an order may have: fewer in a rush, never more than usual."""
        usual = self.settings.max_prompts_per_order
        return min(usual, self.settings.rush_prompts_per_order) if rush else usual

    # -------------------------------------------------------------- candidates

    @staticmethod
    def queue_key(rule: Rule) -> tuple[int, int, int, str]:
        """Upsells of the line first (by priority), then the others by priority; ties go
        bundle, cross_sell, threshold, then rule id."""
        return (0 if rule.kind == "upsell" else 1, -rule.priority, KIND_TIE_ORDER[rule.kind],
                rule.id)

    def scan_candidates(self, product: Product) -> list[Rule]:
        """Active rules whose `when.scanned` matches this product, in queue order."""
        found: dict[str, Rule] = {}
        for rule in self._by_sku.get(product.sku, ()):
            found[rule.id] = rule
        if product.category:
            for rule in self._by_category.get(product.category, ()):
                found[rule.id] = rule
        for tag in product.tags:
            for rule in self._by_tag.get(tag, ()):
                found[rule.id] = rule
        for rule in self._any_scan:
            found[rule.id] = rule
        return sorted(found.values(), key=self.queue_key)

    def checkout_candidates(self) -> list[Rule]:
        return list(self._checkout)

    # -------------------------------------------------------------- judging one rule

    def check(self, rule: Rule, order: OrderView, trigger_no: int | None,
              now: dt.datetime) -> Prompt | Skip:
        """Judge `rule` for this order and trigger line now: a Prompt, or why not."""
        if not rule.active:
            return Skip(QT_TRANSLATE_NOOP("skip", "the rule is inactive"))
        if order.reopening != rule.id:
            if rule.id in order.shown:
                return Skip(QT_TRANSLATE_NOOP("skip", "already offered in this order"))
            cap = self.cap(order.rush)
            if order.prompts_shown >= cap:
                return Skip(_capped(cap, order.rush))
        trigger: OrderLine | None = None
        trigger_product: Product | None = None
        if rule.event == "scan":
            trigger = order.line(trigger_no)
            if trigger is None:
                return Skip(QT_TRANSLATE_NOOP("skip", "the line that triggered it is gone"))
            trigger_product = self.catalog.get(trigger.sku)
            if trigger_product is None:
                return Skip(QT_TRANSLATE_NOOP("skip", "{sku} is not in the catalog").format(
                    sku=trigger.sku))
            if rule.scanned is not None and not self.scanned_matches(rule, trigger_product):
                return Skip(QT_TRANSLATE_NOOP("skip", "{name} does not match the rule's scanned "
                                              "items").format(name=trigger_product.name))
        if rule.time is not None and not rule.time.holds(now):
            return Skip(QT_TRANSLATE_NOOP("skip", "outside its time window"))
        if rule.customer and (order.customer or "") not in rule.customer:
            return Skip(QT_TRANSLATE_NOOP("skip", "not for this customer type"))
        skip = self._order_condition(rule, order)
        if skip is not None:
            return skip
        result = self._offer(rule, order, trigger, trigger_product, now)
        # Drawn last: the control group holds only orders that would have seen the prompt,
        # or the uplift measured against it would be biased.
        if isinstance(result, Prompt) and is_held_out(order.order_id, rule.id, rule.holdout):
            return Skip(QT_TRANSLATE_NOOP("skip", "this order is in the rule's holdout (control) "
                                          "group"), held_out=True)
        return result

    @staticmethod
    def scanned_matches(rule: Rule, product: Product) -> bool:
        """Whether `product` is a line the rule's `when.scanned` matches."""
        sc = rule.scanned
        assert sc is not None
        return (product.sku in sc.skus
                or (product.category is not None and product.category in sc.categories)
                or not sc.tags.isdisjoint(product.tags))

    def _ref_present(self, ref: Ref, skus: KeysView[str]) -> bool:
        """Whether a line of the order (given by its SKUs) is what `ref` names."""
        if ref.kind == "sku":
            return ref.value in skus
        for sku in skus:
            product = self.catalog.get(sku)
            if product is None:
                continue
            if ref.kind == "category" and product.category == ref.value:
                return True
            if ref.kind == "tag" and ref.value in product.tags:
                return True
        return False

    def _order_condition(self, rule: Rule, order: OrderView) -> Skip | None:
        oc = rule.order
        if oc is None:
            return None
        total = order.total
        if oc.total_min is not None and total < oc.total_min:
            return Skip(QT_TRANSLATE_NOOP("skip", "the order total is below {amount}").format(
                amount=cents_str(oc.total_min)))
        if oc.total_max is not None and total > oc.total_max:
            return Skip(QT_TRANSLATE_NOOP("skip", "the order total is above {amount}").format(
                amount=cents_str(oc.total_max)))
        for ref in oc.has:
            if not self._ref_present(ref, order.skus()):
                return Skip(QT_TRANSLATE_NOOP("skip", "the order has no {ref}").format(
                    ref=str(ref)))
        for ref in oc.lacks:
            if self._ref_present(ref, order.skus()):
                return Skip(QT_TRANSLATE_NOOP("skip", "the order already has {ref}").format(
                    ref=str(ref)))
        return None

    def _usable(self, sku: str) -> Product | None:
        product = self.catalog.get(sku)
        return product if product is not None and product.active else None

    def _offer(self, rule: Rule, order: OrderView, trigger: OrderLine | None,
               trigger_product: Product | None, now: dt.datetime) -> Prompt | Skip:
        money = self.money
        values: dict[str, str] = {"item": trigger_product.name if trigger_product else ""}
        evidence: list[Said] = []
        in_order = order.skus()
        # What the customer said no to is not offered again, by this rule or another; the
        # rule being reopened is the customer changing their mind about that very offer.
        declined = order.declined if order.reopening != rule.id else frozenset()
        o = rule.offer
        if rule.kind == "upsell":
            assert trigger is not None
            assert trigger_product is not None
            target = (self._usable(o.upgrade_to) if o.upgrade_to
                      else self.catalog.next_size(trigger_product))
            if target is None:
                return Skip(QT_TRANSLATE_NOOP("skip", "no active product to upgrade to")
                            if o.upgrade_to
                            else QT_TRANSLATE_NOOP("skip", "{name} is the largest size").format(
                                name=trigger_product.name))
            if target.sku == trigger_product.sku:
                return Skip(QT_TRANSLATE_NOOP("skip", "the line is already {name}").format(
                    name=target.name))
            if target.sku in declined:
                return Skip(_said_no(target))
            delta = (target.price - trigger.unit_price) * trigger.qty
            if delta < 0:
                return Skip(QT_TRANSLATE_NOOP("skip", "{name} costs less than {other}").format(
                    name=target.name, other=trigger_product.name))
            offer_skus: tuple[str, ...] = (target.sku,)
            price = target.price * trigger.qty
            values.update(offer=target.name, size=target.size_label or target.name)
            evidence.append(QT_TRANSLATE_NOOP(
                "evidence", "{offer} {price} vs {item} {paid}: {delta} more").format(
                offer=target.name, price=money(target.price), item=trigger_product.name,
                paid=money(trigger.unit_price), delta=money(delta)))
            self._unit_values(trigger_product, target, trigger.unit_price, values, evidence)
        elif rule.kind == "cross_sell":
            chosen = None
            said_no: Product | None = None
            for sku in o.add:
                product = self._usable(sku)
                if product is None or sku in in_order:
                    continue
                if sku in declined:  # the next candidate, if any, is offered instead
                    said_no = said_no or product
                    continue
                chosen = product
                break
            if chosen is None:
                return Skip(_said_no(said_no) if said_no is not None
                            else QT_TRANSLATE_NOOP("skip", "every offered item is already in "
                                                   "the order or unavailable"))
            offer_skus = (chosen.sku,)
            price = delta = chosen.price
            values["offer"] = chosen.name
            evidence.append(QT_TRANSLATE_NOOP("evidence", "{offer} at its usual price, {price}")
                            .format(offer=chosen.name, price=money(chosen.price)))
        elif rule.kind == "bundle":
            items: list[Product] = []
            for sku in o.bundle_with:
                product = self._usable(sku)
                if product is None:
                    return Skip(QT_TRANSLATE_NOOP("skip", "bundle item {sku} is not available")
                                .format(sku=sku))
                if sku in in_order:
                    return Skip(_in_order(product))
                if sku in declined:
                    return Skip(_said_no(product))
                items.append(product)
            price = delta = o.bundle_price or 0
            list_total = sum(p.price for p in items)
            saving = list_total - price
            offer_skus = tuple(p.sku for p in items)
            values.update(offer=" + ".join(p.name for p in items), saving=money(saving))
            evidence.append(QT_TRANSLATE_NOOP(
                "evidence", "{offer} for {price} instead of {list_total}: saves {saving}").format(
                offer=values["offer"], price=money(price), list_total=money(list_total),
                saving=money(saving)))
        else:  # threshold
            reward = self._usable(o.reward or "")
            if reward is None:
                return Skip(QT_TRANSLATE_NOOP("skip", "reward {sku} is not available").format(
                    sku=str(o.reward)))
            if reward.sku in in_order:
                return Skip(_in_order(reward))
            if reward.sku in declined:
                return Skip(_said_no(reward))
            goods = order.goods_total
            target_total = o.order_total or 0
            if goods >= target_total:
                return Skip(QT_TRANSLATE_NOOP("skip", "the order is already past the reward "
                                              "total"))
            gap = target_total - goods
            if o.within is not None and gap > o.within:
                return Skip(QT_TRANSLATE_NOOP("skip", "the order is {gap} short, more than "
                                              "{within}").format(gap=money(gap),
                                                                 within=money(o.within)))
            price = delta = o.reward_price or 0
            offer_skus = (reward.sku,)
            values.update(offer=reward.name, gap=money(gap))
            evidence.append(QT_TRANSLATE_NOOP(
                "evidence", "Order {goods}; {reward} unlocks at {total}: {gap} to go").format(
                goods=money(goods), reward=reward.name, total=money(target_total),
                gap=money(gap)))
            evidence.append(QT_TRANSLATE_NOOP(
                "evidence", "{reward} for {price} (usually {usual})").format(
                reward=reward.name, price=money(price), usual=money(reward.price)))
        # The price guardrail: what the offer adds against what triggered it.
        base = trigger.amount if (rule.event == "scan" and trigger is not None) else order.total
        ratio = rule.max_offer_ratio if rule.max_offer_ratio is not None \
            else self.settings.max_offer_ratio
        if delta > 0 and Decimal(delta) > ratio * Decimal(base):
            return Skip(QT_TRANSLATE_NOOP("skip", "blocked by the price ratio: adds {delta} to "
                                          "{base} (limit {ratio}x)").format(
                delta=money(delta), base=money(base), ratio=str(ratio)))
        if trigger is not None and self.history is not None:
            rate = self.history.attach_rate(trigger.sku, offer_skus[0], now)
            if rate is not None:
                values["attach_rate"] = percent(rate.share)
                evidence.append(QT_TRANSLATE_NOOP(
                    "evidence", "Bought together in {share} of orders with {item}, last {days} "
                    "days ({orders} orders)").format(
                    share=percent(rate.share), item=values["item"], days=rate.days,
                    orders=rate.orders))
        values.update(price=money(price), delta=money(delta))
        return Prompt(
            rule_id=rule.id, kind=rule.kind, title=rule.title,
            say=render(rule.say, values), why=render(rule.why, values),
            evidence=tuple(evidence), offer_skus=offer_skus, price=price, delta=delta,
            trigger_line=trigger.no if trigger is not None else None, event=rule.event,
        )

    def _unit_values(self, current: Product, target: Product, paid: Cents,
                     values: dict[str, str], evidence: list[Said]) -> None:
        if not (current.unit_qty and target.unit_qty and current.unit
                and current.unit == target.unit and paid > 0):
            return
        unit = target.unit or ""
        diff = target.unit_qty - current.unit_qty
        values.update(qty_diff=_qty_str(diff), unit=unit)
        per_now = Decimal(paid) / current.unit_qty
        per_target = Decimal(target.price) / target.unit_qty
        saving = 1 - per_target / per_now
        if saving > 0:
            values["per_unit_saving"] = percent(saving)
        cheaper = (QT_TRANSLATE_NOOP("evidence", "{share} cheaper").format(share=percent(saving))
                   if saving > 0 else
                   QT_TRANSLATE_NOOP("evidence", "{share} dearer").format(share=percent(-saving)))
        evidence.append(QT_TRANSLATE_NOOP(
            "evidence", "{qty} {unit} vs {now_qty} {unit}: {diff} {unit} more, {cheaper} per "
            "{unit}").format(qty=_qty_str(target.unit_qty), unit=unit,
                             now_qty=_qty_str(current.unit_qty), diff=_qty_str(diff),
                             cheaper=cheaper))

    def money(self, cents: Cents) -> str:
        return format_money(cents, self.settings.currency)
