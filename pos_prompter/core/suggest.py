"""Cross-sells mined from sales (interfaces.md `suggest`, issue 10 point 4): from how many
orders had each product and each pair of products, the pairs worth a prompt, best first,
each with its evidence and a plain why; which of them a store rule already offers; and a
pack of inactive draft rules for the rest.

Pure: the counts come from the store (pos_prompter.store.baskets), the catalog and the
rules from the caller, so a worker thread can call this for the workspace as the command
line does. Support, confidence and lift are statistics (floats); no money here.

For a pair of products A and B, over N orders (n_A orders had A, n_AB had both):
- support = n_AB / N: how common the pair is;
- confidence of "A -> B" = n_AB / n_A: how often an order with A also had B;
- lift = n_AB * N / (n_A * n_B): how many times more often than if A and B were bought
  independently of each other (1 = chance).
Each pair gives two suggestions, A -> B and B -> A: same support and lift, their own
confidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Any

from pos_prompter.core.basket_counts import BasketCounts
from pos_prompter.core.catalog import Catalog
from pos_prompter.core.engine import Engine
from pos_prompter.core.lint import MAX_SANE_RATIO
from pos_prompter.core.money import said_decimal, said_percent
from pos_prompter.core.rules import RULE_ID_RE, Offer, Rule, RuleId, Scanned, Settings
from pos_prompter.core.said import QT_TRANSLATE_NOOP

DRAFT_HOLDOUT = Decimal("0.1")
"""Drafts keep one order in ten as a control group, so once a manager turns one on, its
true uplift is measured from the first day."""
DRAFT_ID_PREFIX = "suggested-"


@dataclass(frozen=True, slots=True)
class Suggestion:
    trigger: str
    offer: str
    trigger_name: str
    offer_name: str
    orders: int
    """Orders with both products."""
    support: float
    confidence: float
    lift: float
    why: str
    covered_by: str | None
    """The id of a store rule that already offers `offer` when `trigger` is scanned."""

    def to_json(self) -> dict[str, Any]:
        """interfaces.md's shape (support and confidence as fractions), names added."""
        return {"trigger": self.trigger, "offer": self.offer, "orders": self.orders,
                "support": round(self.support, 6), "confidence": round(self.confidence, 4),
                "lift": round(self.lift, 3), "why": self.why, "covered_by": self.covered_by,
                "trigger_name": self.trigger_name, "offer_name": self.offer_name}


def _percent(fraction: float) -> str:
    pct = fraction * 100
    return said_percent(f"{pct:.0f}" if pct >= 9.5 else f"{pct:.1f}")


def _times(lift: float) -> str:
    return said_decimal(f"{lift:.1f}" if lift >= 1.95 else f"{lift:.2f}")


def why_text(trigger_name: str, confidence: float, lift: float) -> str:
    """"bought together in 33% of orders with Beef Mince, 3.0 times more often than chance\""""
    return QT_TRANSLATE_NOOP("suggest", "bought together in {share} of orders with {trigger}, "
                                        "{times} times more often than chance").format(
        share=_percent(confidence), trigger=trigger_name, times=_times(lift))


def rank_key(s: Suggestion) -> tuple[float, float, int, str, str]:
    """Best first: lift, then confidence, then orders; ties by SKU so the list is stable."""
    return (-s.lift, -s.confidence, -s.orders, s.trigger, s.offer)


def covering_rule(engine: Engine, trigger: str, offer: str) -> str | None:
    """The first rule (in the till's queue order) that a scan of `trigger` brings up and
    that offers `offer`: the engine's own index, so the answer is what the till would do."""
    product = engine.catalog.get(trigger)
    if product is None:
        return None
    for rule in engine.scan_candidates(product):
        if offer in rule.offered_skus():
            return rule.id
    return None


def suggest(counts: BasketCounts, catalog: Catalog, engine: Engine) -> list[Suggestion]:
    """Every pair bought together more often than chance (lift > 1) in at least
    `counts.min_orders` orders, both ways round, best first (rank_key)."""
    n = counts.orders
    found: list[Suggestion] = []

    def name(sku: str) -> str:
        product = catalog.get(sku)
        return product.name if product is not None else sku

    for (a, b), together in counts.pairs.items():
        if together < counts.min_orders:
            continue
        lift = together * n / (counts.items[a] * counts.items[b])
        if lift <= 1:
            continue
        for trigger, offer in ((a, b), (b, a)):
            confidence = together / counts.items[trigger]
            trigger_name = name(trigger)
            found.append(Suggestion(
                trigger=trigger, offer=offer, trigger_name=trigger_name,
                offer_name=name(offer), orders=together, support=together / n,
                confidence=confidence, lift=lift,
                why=why_text(trigger_name, confidence, lift),
                covered_by=covering_rule(engine, trigger, offer)))
    found.sort(key=rank_key)
    return found


def _literal(text: str) -> str:
    """A product name inside a rule's say/why: braces doubled, so they are not placeholders."""
    return text.replace("{", "{{").replace("}", "}}")


def _draft_id(trigger: str, offer: str, taken: set[str]) -> RuleId:
    base = re.sub(r"[^a-z0-9-]+", "-", f"{trigger}-{offer}".lower()).strip("-")
    base = (DRAFT_ID_PREFIX + base)[:60].rstrip("-")
    rule_id, n = base, 1
    while rule_id in taken:
        n += 1
        rule_id = f"{base}-{n}"
    assert RULE_ID_RE.match(rule_id)
    taken.add(rule_id)
    return RuleId(rule_id)


def _ratio_needed(catalog: Catalog, trigger: str, offer: str,
                  usual: Decimal) -> Decimal | bool | None:
    """The rule's own max_offer_ratio when the store's (`usual`) would block the offer on a
    single trigger item (offer price / trigger price, rounded up to 0.01); None when the
    store's will do; False when even lint's sane limit (2x, no Ford to Ferrari) would not."""
    t, o = catalog.get(trigger), catalog.get(offer)
    if t is None or o is None or t.price <= 0 or Decimal(o.price) <= usual * t.price:
        return None
    needed = (Decimal(o.price) / Decimal(t.price)).quantize(Decimal("0.01"), ROUND_CEILING)
    return needed if needed <= MAX_SANE_RATIO else False


def draft_rules(suggestions: Iterable[Suggestion], rules: Sequence[Rule], orders: int,
                catalog: Catalog, settings: Settings,
                say: Callable[[str], str] = str) -> list[Rule]:
    """An inactive cross-sell for each suggestion that no rule covers, in the same order.

    Its title, script and why are written once, by `say` (i18n.say: in the language of
    whoever asks for the draft); from then on they are the manager's text. English without.

    Left out: covered pairs (a rule already offers them); pairs that a rule of the
    store, active or not, already has for that trigger SKU and offer (a draft imported
    from an earlier run), so importing the pack again adds no copies; and offers over
    twice the trigger's price (lint's "no Ford to Ferrari": the pack must import cleanly). Ids are
    `suggested-TRIGGER-OFFER`, with -2, -3... when the store or the pack has that id. An
    offer dearer than the store's max_offer_ratio allows on one trigger item gets the ratio
    it needs on the rule, or the draft would never be shown (lint says so).
    """
    taken: set[str] = {r.id for r in rules}
    drafted = {(sku, offer) for r in rules if r.scanned is not None
               for sku in r.scanned.skus for offer in r.offered_skus()}
    drafts: list[Rule] = []
    for s in suggestions:
        if s.covered_by is not None or (s.trigger, s.offer) in drafted:
            continue
        ratio = _ratio_needed(catalog, s.trigger, s.offer, settings.max_offer_ratio)
        if ratio is False:
            continue
        drafted.add((s.trigger, s.offer))
        drafts.append(Rule(
            id=_draft_id(s.trigger, s.offer, taken), kind="cross_sell",
            title=say(QT_TRANSLATE_NOOP("suggest", "Suggested: {offer} with {trigger}").format(
                offer=s.offer_name, trigger=s.trigger_name))[:120],
            # The rule's own placeholders go through as themselves.
            say=say(QT_TRANSLATE_NOOP("suggest", "Would you like {offer} with that? It's "
                                                 "{price}.").format(offer="{offer}",
                                                                    price="{price}")),
            # One sentence the clerk can say (lint's why-too-long); the mining evidence is
            # in the suggestion list and the pack's title.
            why=say(QT_TRANSLATE_NOOP("suggest", "{share} of customers who buy {trigger} take "
                                                 "{offer} too.").format(
                share=_percent(s.confidence), trigger=_literal(s.trigger_name),
                offer=_literal(s.offer_name))),
            scanned=Scanned(skus=frozenset({s.trigger})), offer=Offer(add=(s.offer,)),
            holdout=DRAFT_HOLDOUT, active=False,
            max_offer_ratio=ratio if isinstance(ratio, Decimal) else None))
    return drafts
