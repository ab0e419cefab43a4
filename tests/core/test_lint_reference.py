"""Lint's checks between rules (`fire-together`, `upsell-loop`, `same-offer`) against a slow
reference.

lint finds rules that fire together through an index (rules grouped by event, triggers,
conditions and priority) and upsell loops only inside the groups of products that can lead
back to each other, so the work grows with the pairs that match, not with rules². The
reference here is the plain version: every pair of rules compared, and a breadth-first
search back from every upgrade. The findings must be the same, byte for byte, in the same
order, on a generated pack with known ties and loops and on random small packs."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import deque
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_prompter.core.catalog import Catalog, Product, Sku
from pos_prompter.core.engine import Engine
from pos_prompter.core.lint import Finding, _Linter, lint
from pos_prompter.core.lint_overlap import _finding
from pos_prompter.core.rules import (
    Offer,
    OrderCondition,
    Ref,
    Rule,
    RuleId,
    Scanned,
    Settings,
    TimeCondition,
)

TODAY = dt.date(2026, 11, 23)
SETTINGS = Settings(max_offer_ratio=Decimal("1.5"))

# ---------------------------------------------------------------- the slow reference


def _fire_together(a: Rule, b: Rule) -> bool:
    """Same event, triggers, conditions and priority, both upsells or neither."""
    def order(r: Rule) -> object:
        oc = r.order
        return None if oc is None else (oc.total_min, oc.total_max, frozenset(oc.has),
                                         frozenset(oc.lacks))
    return (a.event == b.event and a.scanned == b.scanned and order(a) == order(b)
            and a.time == b.time and a.customer == b.customer and a.priority == b.priority
            and (a.kind == "upsell") == (b.kind == "upsell"))


def reference_ties(rules: Sequence[Rule]) -> list[Finding]:
    """Every pair of active rules compared (rules², on purpose)."""
    findings = []
    for rule in rules:
        partners = [r for r in rules if r is not rule and _fire_together(rule, r)]
        if not partners:
            continue
        others = sorted(r.id for r in partners if r.id != rule.id)
        add_s = "s" if len(others) > 1 else ""
        findings.append(Finding(
            rule.id, "warning", "fire-together",
            f"always fires together with rule{add_s} {', '.join(others)}: same event, "
            f"triggers and conditions, same priority {rule.priority}; the order between "
            f"them is decided by kind and id only",
            "give the rule that should come first a higher priority, or merge them into one "
            "rule"))
    return findings


def reference_loops(linter: _Linter, rules: Sequence[Rule]) -> list[Finding]:
    """A breadth-first search back to its source from every upgrade of every active upsell."""
    catalog = linter.catalog
    edges: dict[str, list[tuple[str, str]]] = {}
    for rule in rules:
        if rule.kind != "upsell" or rule.event != "scan":
            continue
        sources: dict[str, Product | None] = {p.sku: p for p in linter.triggers(rule)}
        if rule.scanned is not None:
            for sku in rule.scanned.skus:
                sources.setdefault(sku, catalog.get(sku))
        for sku, product in sources.items():
            if rule.offer.upgrade_to:
                target: str | None = rule.offer.upgrade_to
            else:
                nxt = catalog.next_size(product) if product is not None else None
                target = nxt.sku if nxt is not None else None
            if target is not None and target != sku:
                edges.setdefault(sku, []).append((target, rule.id))
    for targets in edges.values():
        targets.sort()

    def path_back(start: str, goal: str) -> list[tuple[str, str]] | None:
        seen = {start}
        queue: deque[tuple[str, list[tuple[str, str]]]] = deque([(start, [])])
        while queue:
            node, path = queue.popleft()
            for nxt, rid in edges.get(node, ()):
                step = [*path, (nxt, rid)]
                if nxt == goal:
                    return step
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append((nxt, step))
        return None

    findings: dict[str, Finding] = {}
    for source in sorted(edges):
        for target, rid in edges[source]:
            if rid in findings:
                continue
            path = path_back(target, source)
            if path is None:
                continue
            steps = [f"{source} → {target} (this rule)"]
            steps += [f"→ {nxt} ({other})" for nxt, other in path]
            others = sorted({other for _n, other in path} - {rid})
            fix_others = f" or in {', '.join(others)}" if others else ""
            findings[rid] = Finding(
                rid, "error", "upsell-loop",
                f"upsell loop: {' '.join(steps)}: accepting one upgrade offers the way back",
                f"decide which way the customer should go and remove the upgrade the other "
                f"way, in this rule{fix_others}")
    return list(findings.values())


def _offered_on(linter: _Linter, rule: Rule, product: Product) -> set[str]:
    """What `rule` can offer when `product` is scanned (active items, never the product)."""
    o = rule.offer
    if rule.kind == "upsell" and not o.upgrade_to:
        target = linter.next_size(product)
        skus = [target.sku] if target is not None and target.active else []
    elif rule.kind == "cross_sell":  # its first candidate not on the line already
        skus = [s for s in o.add if s != product.sku and linter.usable(s) is not None][:1]
    else:
        skus = list((o.upgrade_to,) if rule.kind == "upsell" else o.add
                    if rule.kind == "cross_sell" else o.bundle_with
                    if rule.kind == "bundle" else (o.reward,))
    return {s for s in skus if s and s != product.sku and linter.usable(s) is not None}


def reference_same_offers(linter: _Linter, rules: Sequence[Rule]) -> list[Finding]:
    """Every pair of active scan rules, every product both can fire on (rules², on
    purpose): the items both offer there, unless the rule asked first is a set."""
    met: dict[tuple[str, str], tuple[Rule, Rule, set[str], Product]] = {}
    scan = [r for r in rules if r.event == "scan"]
    for a, b in itertools.combinations(scan, 2):
        if a.id == b.id or (a.customer and b.customer and a.customer.isdisjoint(b.customer)):
            continue
        first, second = sorted((a, b), key=Engine.queue_key)
        if first.kind == "bundle":
            continue
        on_b = {p.sku for p in linter.triggers(b)}
        for product in linter.triggers(a):
            if product.sku not in on_b:
                continue
            both = _offered_on(linter, a, product) & _offered_on(linter, b, product)
            if not both:
                continue
            key = (first.id, second.id)
            _f, _s, items, where = met.setdefault(key, (first, second, set(), product))
            items |= both
            if product.sku < where.sku:
                met[key] = (first, second, items, product)
    return [_finding(f, s, sorted(items), where, linter)
            for f, s, items, where in met.values()]


def reference_lint(rules: Sequence[Rule], catalog: Catalog, settings: Settings,
                   today: dt.date = TODAY) -> list[Finding]:
    linter = _Linter(catalog, settings)
    findings = [f for rule in rules for f in linter.rule(rule, today)]
    active = [r for r in rules if r.active]
    findings += reference_loops(linter, active)
    findings += reference_ties(active)
    findings += reference_same_offers(linter, active)
    return sorted(set(findings), key=Finding.sort_key)


def same_findings(fast: list[Finding], slow: list[Finding]) -> None:
    assert [str(f) for f in fast] == [str(f) for f in slow]
    assert fast == slow


# ---------------------------------------------------------------- a pack with known problems


def ladder_catalog(families: int = 40, singles: int = 400) -> Catalog:
    """`families` size ladders F{k}-1..3 (category coffee) and `singles` products P{i}."""
    products = []
    for k in range(families):
        for rank in (1, 2, 3):
            products.append(Product(
                sku=Sku(f"F{k}-{rank}"), name=f"Drink {k} size {rank}", price=250 + 50 * rank,
                category="coffee", tags=frozenset({"hot"}), family=f"fam{k}",
                size_rank=rank, size_label=f"S{rank}"))
    for i in range(singles):
        products.append(Product(
            sku=Sku(f"P{i}"), name=f"Item {i}", price=300 + i % 7 * 25,
            category=f"cat{i % 5}", tags=frozenset({f"tag{i % 3}"}), active=i % 50 != 49))
    return Catalog(products)


def cross_sell(rid: str, sku: str, priority: int, **fields: Any) -> Rule:
    return Rule(id=RuleId(rid), kind="cross_sell", title=rid, say="A {offer}?",
                scanned=Scanned(skus=frozenset({sku})), offer=Offer(add=("P399",)),
                priority=priority, **fields)


def upgrade(rid: str, trigger: str, target: str | None, *, active: bool = True,
            priority: int = 0) -> Rule:
    """An upsell from `trigger` to `target` (None: to the next size)."""
    offer = Offer(upgrade_to=target) if target else Offer(next_size=True)
    return Rule(id=RuleId(rid), kind="upsell", title=rid, say="A {size}?",
                scanned=Scanned(skus=frozenset({trigger})), offer=offer, active=active,
                priority=priority)


def known_pack() -> tuple[list[Rule], dict[str, int]]:
    """Rules with known ties and loops, and how many findings of each code they make."""
    rules: list[Rule] = []
    for g in range(50):  # 50 groups of three that tie, and a fourth one priority higher
        rules += [cross_sell(f"tie-{g}-{n}", f"P{g}", 7) for n in range(3)]
        rules.append(cross_sell(f"tie-{g}-apart", f"P{g}", 8))
    for g in range(10):  # the same triggers, but one has an order condition or time window
        rules.append(cross_sell(f"cond-{g}-a", f"P{50 + g}", 3))
        rules.append(cross_sell(f"cond-{g}-b", f"P{50 + g}", 3,
                                order=OrderCondition(total_min=500)))
        rules.append(cross_sell(f"cond-{g}-c", f"P{50 + g}", 3,
                                time=TimeCondition(hours=(6 * 60, 11 * 60))))
    for g in range(5):  # checkout rules with the same order condition tie too
        for n in range(2):
            rules.append(Rule(id=RuleId(f"checkout-{g}-{n}"), kind="cross_sell",
                              title="c", say="A {offer}?", event="checkout",
                              order=OrderCondition(has=(Ref("category", f"cat{g}"),)),
                              offer=Offer(add=("P398",)), priority=2))
    for k in range(20):  # A -> B -> A
        a, b = f"P{100 + 2 * k}", f"P{101 + 2 * k}"
        rules += [upgrade(f"two-{k}-up", a, b), upgrade(f"two-{k}-down", b, a)]
    for k in range(10):  # A -> B -> C -> A
        a, b, c = (f"P{200 + 3 * k + n}" for n in range(3))
        rules += [upgrade(f"three-{k}-ab", a, b), upgrade(f"three-{k}-bc", b, c),
                  upgrade(f"three-{k}-ca", c, a)]
    for k in range(10):  # small -> medium by next_size, medium -> small back
        rules += [upgrade(f"size-{k}-up", f"F{k}-1", None),
                  upgrade(f"size-{k}-back", f"F{k}-2", f"F{k}-1")]
    for k in range(10, 20):  # the way back is switched off: no loop
        rules += [upgrade(f"off-{k}-up", f"F{k}-1", None),
                  upgrade(f"off-{k}-back", f"F{k}-2", f"F{k}-1", active=False)]
    chain = [f"P{300 + i}" for i in range(60)]  # a long chain that never comes back
    rules += [upgrade(f"chain-{i:02d}", a, b)
              for i, (a, b) in enumerate(itertools.pairwise(chain))]
    rules += [upgrade("into-loop", "P359", "P100")]  # leads into a loop, is not part of it
    expected = {"fire-together": 50 * 3 + 5 * 2, "upsell-loop": 20 * 2 + 10 * 3 + 10 * 2}
    return rules, expected


def test_lint_matches_the_reference_on_a_pack_with_known_ties_and_loops() -> None:
    rules, expected = known_pack()
    cat = ladder_catalog()
    fast = lint(rules, cat, SETTINGS, today=TODAY)
    same_findings(fast, reference_lint(rules, cat, SETTINGS))
    for code, count in expected.items():
        assert sum(f.code == code for f in fast) == count, code
    tie = next(f for f in fast if f.rule_id == "tie-3-1" and f.code == "fire-together")
    assert "rules tie-3-0, tie-3-2:" in tie.message
    loop = next(f for f in fast if f.rule_id == "three-2-bc" and f.code == "upsell-loop")
    assert "P207 → P208 (this rule) → P206 (three-2-ca) → P207 (three-2-ab)" in loop.message


def test_lint_matches_the_reference_with_rules_in_any_order() -> None:
    rules, _expected = known_pack()
    cat = ladder_catalog()
    shuffled = rules[::-1][::2] + rules[::-1][1::2]
    same_findings(lint(shuffled, cat, SETTINGS, today=TODAY),
                  reference_lint(shuffled, cat, SETTINGS))
    assert lint(shuffled, cat, SETTINGS, today=TODAY) == lint(rules, cat, SETTINGS, today=TODAY)


def chain(n: int) -> tuple[Catalog, list[Rule]]:
    """Products C0..C{n-1} and upsells C0 -> C1 -> ... -> C{n-1}."""
    cat = Catalog([Product(sku=Sku(f"C{i}"), name=f"C{i}", price=100 + i) for i in range(n)])
    return cat, [upgrade(f"c{i:04d}", f"C{i}", f"C{i + 1}") for i in range(n - 1)]


def test_a_long_upsell_chain_is_linted_without_a_search_per_step() -> None:
    """5,000 upgrades in a row: searching the way back from each one is 5,000² steps (and
    copying the path at each step made it 5,000³); lint only searches where a loop can be."""
    cat, rules = chain(5000)
    rules.append(upgrade("x-back", "C11", "C10"))  # one short loop at the side
    loops = [f for f in lint(rules, cat, SETTINGS, today=TODAY) if f.code == "upsell-loop"]
    assert [f.rule_id for f in loops] == ["c0010", "x-back"]
    assert loops[0].message.startswith("upsell loop: C10 → C11 (this rule) → C10 (x-back): ")


def test_a_long_loop_names_every_step() -> None:
    cat, rules = chain(300)
    rules.append(upgrade("back", "C299", "C0"))
    fast = lint(rules, cat, SETTINGS, today=TODAY)
    same_findings(fast, reference_lint(rules, cat, SETTINGS))
    loops = [f for f in fast if f.code == "upsell-loop"]
    assert len(loops) == 300
    assert loops[0].message.startswith("upsell loop: C299 → C0 (this rule) → C1 (c0000) → ")
    assert loops[0].message.count(" → ") == 300


def test_a_big_tie_group_lists_every_other_rule() -> None:
    cat = ladder_catalog()
    rules = [cross_sell(f"same-{i:03d}", "P1", 4) for i in range(300)]
    findings = lint(rules, cat, SETTINGS, today=TODAY)
    ties = [f for f in findings if f.code == "fire-together"]
    assert len(ties) == 300
    assert ties[0].message.startswith("always fires together with rules same-001, same-002, ")
    assert ties[0].message.count("same-") == 299


# ---------------------------------------------------------------- random small packs


SKUS = ["F0-1", "F0-2", "F0-3", "F1-1", "F1-2", "F1-3", "P0", "P1", "P2", "P49", "NOPE"]
CATEGORIES = ["coffee", "cat0", "cat1", "gone"]
TAGS = ["hot", "tag0", "tag1"]


@st.composite
def rules(draw: st.DrawFn, rid: str) -> Rule:
    kind = draw(st.sampled_from(["upsell", "upsell", "cross_sell", "bundle", "threshold"]))
    event = draw(st.sampled_from(["scan"] * 5 + ["checkout"]))
    scanned = None
    if event == "scan" and draw(st.integers(0, 9)):
        scanned = Scanned(
            skus=frozenset(draw(st.lists(st.sampled_from(SKUS), max_size=2))),
            categories=frozenset(draw(st.lists(st.sampled_from(CATEGORIES), max_size=1))),
            tags=frozenset(draw(st.lists(st.sampled_from(TAGS), max_size=1))))
    order = draw(st.sampled_from([
        None, None, None, OrderCondition(total_min=500), OrderCondition(total_max=900),
        OrderCondition(has=(Ref("sku", "P1"),)),
        OrderCondition(has=(Ref("sku", "P1"), Ref("tag", "hot"))),
        OrderCondition(has=(Ref("tag", "hot"), Ref("sku", "P1"))),
        OrderCondition(lacks=(Ref("category", "cat0"),))]))
    time = draw(st.sampled_from([None, None, TimeCondition(hours=(360, 660)),
                                 TimeCondition(days=frozenset({5, 6}))]))
    if kind == "upsell":
        target = draw(st.sampled_from([None, *SKUS]))
        offer = Offer(upgrade_to=target) if target else Offer(next_size=True)
    elif kind == "cross_sell":
        offer = Offer(add=tuple(draw(st.lists(st.sampled_from(SKUS), min_size=1,
                                              max_size=2))))
    elif kind == "bundle":
        offer = Offer(bundle_with=(draw(st.sampled_from(SKUS)),),
                      bundle_price=draw(st.sampled_from([0, 200, 400])))
    else:
        offer = Offer(order_total=1500, within=500, reward=draw(st.sampled_from(SKUS)),
                      reward_price=0)
    return Rule(id=RuleId(rid), kind=kind, title=rid, say="A {offer} with {item}?",
                event=event, scanned=scanned, order=order, time=time,
                customer=draw(st.sampled_from([frozenset(), frozenset({"staff"}),
                                                frozenset({"member"})])),
                offer=offer, priority=draw(st.integers(0, 2)),
                active=draw(st.sampled_from([True] * 5 + [False])))


@st.composite
def packs(draw: st.DrawFn) -> list[Rule]:
    n = draw(st.integers(0, 14))
    # Ids mostly unique; now and then two rules share one (lint does not refuse that).
    ids = [f"r{draw(st.integers(0, n + 2)) if draw(st.integers(0, 7)) == 0 else i}"
           for i in range(n)]
    return [draw(rules(rid)) for rid in ids]


SMALL_CATALOG = ladder_catalog(families=2, singles=50)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_lint_equals_the_reference_on_random_small_packs(pack: list[Rule]) -> None:
    same_findings(lint(pack, SMALL_CATALOG, SETTINGS, today=TODAY),
                  reference_lint(pack, SMALL_CATALOG, SETTINGS))
