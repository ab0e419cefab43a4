"""Property tests: random catalogs (with size ladders), random rule packs and random till
sessions must keep every guardrail of rule-pack.md "What the engine guarantees"."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_prompter.core.catalog import Catalog, Product, Sku
from pos_prompter.core.engine import Engine
from pos_prompter.core.money import cents_str, parse_money
from pos_prompter.core.order import OrderLine
from pos_prompter.core.rules import Settings, parse_pack
from pos_prompter.core.session import OrderSession
from pos_prompter.core.till_event import TillEvent

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

CATEGORIES = ["coffee", "bakery", "retail"]
TAGS = ["hot", "vegan", "sweet"]
PRICES = [0, 1, 99, 195, 250, 275, 345, 500, 950, 1200, 2000]
ACTIVE = st.sampled_from([True] * 9 + [False])


def one_in(draw: st.DrawFn, n: int) -> bool:
    """True about once in n draws (st.integers favours its bounds, this does not)."""
    return draw(st.sampled_from(range(n))) == 0


# ---------------------------------------------------------------- strategies


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    """Drinks in size ladders (category coffee, mostly dearer as they grow), and other items."""
    products: list[Product] = []
    for f in range(draw(st.integers(0, 2))):
        ranks = sorted(draw(st.lists(st.integers(1, 9), min_size=2, max_size=4, unique=True)))
        base = draw(st.sampled_from([0, 150, 300, 345]))
        for rank in ranks:
            price = draw(st.sampled_from(PRICES)) if one_in(draw, 4) else base + 40 * rank
            products.append(Product(
                sku=Sku(f"F{f}-{rank}"), name=f"Drink {f} size {rank}", price=price,
                category="coffee", tags=frozenset(draw(st.lists(st.sampled_from(TAGS),
                                                                max_size=2))),
                family=f"fam{f}", size_rank=rank, size_label=f"S{rank}", active=draw(ACTIVE)))
    for i in range(draw(st.integers(3, 7))):
        products.append(Product(
            sku=Sku(f"P{i}"), name=f"Item {i}", price=draw(st.sampled_from(PRICES)),
            category=draw(st.sampled_from(CATEGORIES)),
            tags=frozenset(draw(st.lists(st.sampled_from(TAGS), max_size=2))),
            active=draw(ACTIVE)))
    return Catalog(products)


@st.composite
def rule_dicts(draw: st.DrawFn, rid: str, skus: list[str]) -> dict[str, Any]:
    sku = st.sampled_from(skus)
    items = st.sampled_from([s for s in skus if s.startswith("P")])
    kind = draw(st.sampled_from(["upsell", "cross_sell", "bundle", "threshold"]))
    event = "scan" if kind == "upsell" else draw(st.sampled_from(["scan", "scan", "checkout"]))
    when: dict[str, Any] = {"event": event}
    if event == "scan":
        trigger = draw(st.sampled_from(["category", "category", "sku", "tag", "any"]))
        if trigger == "sku":
            when["scanned"] = {"sku": draw(st.lists(sku, min_size=1, max_size=3))}
        elif trigger == "category":
            when["scanned"] = {"category": [draw(st.sampled_from(CATEGORIES))]}
        elif trigger == "tag":
            when["scanned"] = {"tag": [draw(st.sampled_from(TAGS))]}
    if one_in(draw, 6):
        when["order"] = {draw(st.sampled_from(["has", "lacks"])): [
            draw(st.sampled_from([f"category:{c}" for c in CATEGORIES]
                                 + [f"tag:{t}" for t in TAGS] + [f"sku:{s}" for s in skus]))]}
        if one_in(draw, 2):
            when["order"]["total_min" if one_in(draw, 2) else "total_max"] = cents_str(
                draw(st.sampled_from([300, 800, 1500])))
    if one_in(draw, 8):
        when["time"] = {"hours": draw(st.sampled_from(["06:00-11:00", "22:00-02:00",
                                                       "11:00-23:00"]))}
    if kind == "upsell":
        offer: dict[str, Any] = ({"upgrade_to": draw(sku)} if one_in(draw, 3)
                                 else {"next_size": True})
    elif kind == "cross_sell":
        offer = {"add": draw(st.lists(items if not one_in(draw, 4) else sku,
                                      min_size=1, max_size=3))}
    elif kind == "bundle":
        offer = {"bundle": {"with": draw(st.lists(items, min_size=1, max_size=2, unique=True)),
                            "price": cents_str(draw(st.sampled_from([0, 100, 199, 300, 500])))}}
    else:
        threshold: dict[str, Any] = {
            "order_total": cents_str(draw(st.sampled_from([500, 1000, 1500, 2500]))),
            "reward": draw(items), "reward_price": cents_str(draw(st.sampled_from([0, 1, 300])))}
        if not one_in(draw, 3):
            threshold["within"] = cents_str(draw(st.sampled_from([300, 600, 1000])))
        offer = {"threshold": threshold}
    rule: dict[str, Any] = {
        "id": rid, "kind": kind, "title": rid, "when": when, "offer": offer,
        "say": "{item}: {offer} for {price} (+{delta}) {gap} {saving} {size}",
        "priority": draw(st.integers(0, 3)),
    }
    if one_in(draw, 3):
        rule["max_offer_ratio"] = draw(st.sampled_from([100, 3, 1, 0.5]))
    if one_in(draw, 5):
        rule["holdout"] = draw(st.sampled_from([0.2, 0.5, 0.9]))
    if one_in(draw, 10):
        rule["active"] = False
    return rule


@dataclass
class World:
    engine: Engine
    actions: list[tuple[Any, ...]]
    now: dt.datetime
    order_id: int
    customer: str | None


@st.composite
def worlds(draw: st.DrawFn) -> World:
    catalog = draw(catalogs())
    skus = sorted(p.sku for p in catalog)
    n_rules = draw(st.integers(2, 10))
    rules = [draw(rule_dicts(f"r{i}", skus)) for i in range(n_rules)]
    # Scan what the rules trigger on more often than the rest.
    triggers = [s for r in rules for s in r["when"].get("scanned", {}).get("sku", [])]
    scannable = skus + triggers * 2
    pack = parse_pack({"version": 1, "rules": rules, "settings": {
        "max_prompts_per_order": draw(st.sampled_from([10, 4, 3, 2, 1, 0])),
        "max_offer_ratio": draw(st.sampled_from([100, 100, 2, 1, 0.5]))}})
    engine = Engine(catalog, pack.rules, pack.settings or Settings())
    # Mostly scans, each followed by the clerk's answers to what comes up (an answer with no
    # prompt on screen is part of the test too: it must be an error event).
    actions: list[tuple[Any, ...]] = []
    for _ in range(draw(st.integers(3, 14))):
        name = draw(st.sampled_from(["scan"] * 6 + ["void", "qty", "checkout", "checkout"]))
        if name == "scan":
            actions.append((name, draw(st.sampled_from(scannable)),
                            draw(st.sampled_from([1, 1, 1, 1, 2, 3]))))
            if one_in(draw, 5):  # "two of those": the quantity, with the prompt still up
                actions.append(("qty", draw(st.integers(1, 4))))
        elif name == "void":
            actions.append((name, draw(st.sampled_from(skus))))
        elif name == "qty":
            actions.append((name, draw(st.integers(0, 4))))
        else:
            actions.append((name,))
        actions += [(answer,) for answer in draw(st.lists(
            st.sampled_from(["accept", "accept", "decline"]), max_size=3))]
    if draw(st.booleans()):
        actions.append(("pay",))
    now = draw(st.sampled_from([dt.datetime(2026, 11, 23, 8, 15), dt.datetime(2026, 11, 28, 23, 30),
                                dt.datetime(2026, 12, 1, 1, 30)]))
    return World(engine, actions, now, draw(st.integers(1, 10**6)), None)


# ---------------------------------------------------------------- running and checking


def act(session: OrderSession, action: tuple[Any, ...], now: dt.datetime) -> list[TillEvent]:
    name = action[0]
    if name == "scan":
        product = session.engine.catalog.get(action[1])
        assert product is not None
        return session.scan(product, now, qty=action[2])
    if name in ("accept", "decline", "checkout"):
        return getattr(session, name)(now)
    if name == "void":
        return session.void(action[1])
    if name == "qty":
        return session.set_qty(action[1], now)
    return session.pay()


def run(world: World) -> tuple[OrderSession, list[TillEvent]]:
    session = OrderSession(world.order_id, world.engine, customer=world.customer)
    events: list[TillEvent] = []
    for action in world.actions:
        events += act(session, action, world.now)
    return session, events


def expected_totals(before: list[OrderLine], before_total: int, prompt_delta: int,
                    events: list[TillEvent]) -> list[int]:
    """What each event's total must be, worked out from the order before the call and the
    event's own figures (what it added, removed, re-priced or changed)."""
    lines = {line.no: (line.qty, line.unit_price) for line in before}
    total = before_total
    out = []
    for e in events:
        data = e.data
        if e.event == "line":
            price = parse_money(data["price"])
            lines[data["line"]] = (data.get("qty", 1), price)
            if "rule" not in data:  # an accepted offer's lines are in its delta already
                total += data.get("qty", 1) * price
        elif e.event == "void":
            qty, price = lines.pop(data["line"])
            total -= qty * price
        elif e.event == "qty":
            qty, price = lines[data["line"]]
            total += (data["qty"] - qty) * price
            lines[data["line"]] = (data["qty"], price)
        elif e.event == "price":
            qty, price = lines[data["line"]]
            new = parse_money(data["price"])
            total += qty * (new - price)
            lines[data["line"]] = (qty, new)
        elif e.event == "accepted":
            total += prompt_delta
        out.append(total)
    return out


def check_step(world: World, session: OrderSession, action: tuple[Any, ...],
               events: list[TillEvent], before: list[OrderLine], before_total: int,
               before_prompt_delta: int) -> None:
    engine = world.engine
    cap = engine.settings.max_prompts_per_order
    lines_skus = {line.sku for line in session.lines}

    # The order total is the sum of its lines, and every event carries the total at its point.
    assert session.total == sum(line.qty * line.unit_price for line in session.lines)
    assert [e.total for e in events] == expected_totals(before, before_total,
                                                        before_prompt_delta, events)
    if events:
        assert events[-1].total == session.total
    assert all(e.order == world.order_id for e in events)

    # Never more prompts than the cap; never the same rule twice; held-out rules not shown.
    assert len(session.shown) <= cap
    assert len(set(session.shown)) == len(session.shown)
    assert not set(session.shown) & set(session.held_out)

    prompts = [e for e in events if e.event == "prompt"]
    assert len(prompts) <= 1
    if prompts:
        prompt = session.current
        assert prompt is not None
        assert prompt.rule_id == prompts[0].data["rule"]
        rule = engine.rules[prompt.rule_id]
        assert rule.active
        # Never an offer of something already in the order when it is shown.
        if prompt.kind != "upsell":
            assert not set(prompt.offer_skus) & lines_skus, (prompt, session.lines)
        # Only active products are offered.
        for sku in prompt.offer_skus:
            product = engine.catalog.get(sku)
            assert product is not None
            assert product.active
        # The price guardrail.
        ratio = rule.max_offer_ratio if rule.max_offer_ratio is not None \
            else engine.settings.max_offer_ratio
        if prompt.trigger_line is not None:
            trigger = session.line(prompt.trigger_line)
            assert trigger is not None
            base = trigger.amount
        else:
            base = session.total
        assert prompt.delta <= ratio * base or prompt.delta == 0

    # Armed rewards: on the order exactly while the order without the reward reaches the
    # threshold; a reward item the customer scanned themselves is re-priced, never doubled.
    goods = sum(line.amount for line in session.lines if line.origin != "reward")
    for line in session.lines:
        if line.origin == "reward":
            assert line.rule_id in session.armed
    for rule_id in session.armed:
        rule = engine.rules[rule_id]
        rewards = [ln for ln in session.lines if ln.origin == "reward" and ln.rule_id == rule_id]
        own = None if rewards else next(
            (ln for ln in reversed(session.lines)
             if ln.sku == rule.offer.reward and ln.origin != "reward"), None)
        without_reward = goods - (own.unit_price if own is not None else 0)
        assert len(rewards) == (1 if without_reward >= (rule.offer.order_total or 0) else 0)
        for reward in rewards:
            assert reward.unit_price == rule.offer.reward_price
            assert reward.qty == 1

    # A bundle's lines add up to the bundle price (while all of them are on the order).
    for rule_id, answer in session.answers.items():
        rule = engine.rules[rule_id]
        if answer == "accepted" and rule.kind == "bundle":
            parts = [ln for ln in session.lines if ln.origin == "bundle" and ln.rule_id == rule_id]
            if len(parts) == len(rule.offer.bundle_with):
                assert sum(ln.amount for ln in parts) == rule.offer.bundle_price

    if action[0] == "pay":
        # Every prompt shown ends the order answered: accepted, declined or ignored.
        assert session.current is None
        assert set(session.answers) == set(session.shown)


@FAST
@given(worlds())
def test_every_step_keeps_the_guardrails(world: World) -> None:
    session = OrderSession(world.order_id, world.engine, customer=world.customer)
    all_events: list[TillEvent] = []
    for action in world.actions:
        before = list(session.lines)
        before_total = session.total
        current = session.current
        delta = 0 if current is None or current.kind == "threshold" else current.delta
        if action[0] != "accept":
            delta = 0
        events = act(session, action, world.now)
        check_step(world, session, action, events, before, before_total, delta)
        all_events += events
    shown = [e.data["rule"] for e in all_events  # an updated prompt is the same one
             if e.event == "prompt" and not e.data.get("updated")]
    assert len(shown) <= world.engine.settings.max_prompts_per_order
    assert len(set(shown)) == len(shown)
    held = [e.data["rule"] for e in all_events if e.event == "held_out"]
    assert len(set(held)) == len(held)


def customer_units(lines: list[OrderLine]) -> Counter[str]:
    """Units by SKU of what the customer has on the order: every line but a reward the till
    added (a reward unit taken from the customer's own items stays theirs)."""
    units: Counter[str] = Counter()
    for line in lines:
        if not (line.origin == "reward" and line.replaced_sku is None):
            units[line.sku] += line.qty
    return units


def direct_effect(session: OrderSession, action: tuple[Any, ...]) -> Counter[str]:
    """What an action itself does to the customer's units, worked out before it runs."""
    effect: Counter[str] = Counter()
    name = action[0]
    lines = session.lines
    if name == "scan":
        effect[action[1]] += action[2]
    elif name == "qty":
        target = next((ln for ln in reversed(lines) if ln.origin in ("scan", "upsell")), None)
        if target is not None:
            effect[target.sku] += action[1] - target.qty
    elif name == "void":
        target = next((ln for ln in reversed(lines) if ln.sku == action[1]), None)
        if target is not None:
            effect.subtract(customer_units([target]))
    elif name == "accept" and session.current is not None:
        prompt = session.current
        if prompt.kind == "upsell":
            trigger = session.line(prompt.trigger_line)
            if trigger is not None:
                effect[trigger.sku] -= trigger.qty
                effect[prompt.offer_skus[0]] += trigger.qty
        elif prompt.kind == "cross_sell":
            effect[prompt.offer_skus[0]] += 1
        elif prompt.kind == "bundle":
            for sku in prompt.offer_skus:
                effect[sku] += 1
    return effect


@FAST
@given(worlds())
def test_rewards_never_take_or_give_the_customers_own_items(world: World) -> None:
    """A reward that comes and goes (the total crossing its threshold) never changes how
    many of each item the customer has on the order: only scans, quantities, voids and
    accepted offers do."""
    session = OrderSession(world.order_id, world.engine, customer=world.customer)
    for action in world.actions:
        before = customer_units(session.lines)
        expected = direct_effect(session, action)
        events = act(session, action, world.now)
        if any(e.event == "error" for e in events):
            expected = Counter()
        after = customer_units(session.lines)
        change = Counter(after)
        change.subtract(before)
        moved = {sku: n for sku, n in change.items() if n}
        assert moved == {sku: n for sku, n in expected.items() if n}, (action, session.lines)


@FAST
@given(worlds())
def test_same_input_same_output(world: World) -> None:
    first = [e.to_json() for e in run(world)[1]]
    again = [e.to_json() for e in run(world)[1]]
    assert first == again
    json.dumps(first)


@FAST
@given(worlds(), st.integers(0, 25))
def test_a_restored_session_continues_identically(world: World, split: int) -> None:
    split = min(split, len(world.actions))
    session = OrderSession(world.order_id, world.engine, customer=world.customer)
    for action in world.actions[:split]:
        act(session, action, world.now)
    restored = OrderSession.from_state(json.loads(json.dumps(session.to_state())), world.engine)
    rest_a = [e.to_json() for a in world.actions[split:] for e in act(session, a, world.now)]
    rest_b = [e.to_json() for a in world.actions[split:] for e in act(restored, a, world.now)]
    assert rest_a == rest_b
    assert restored.to_state() == session.to_state()
