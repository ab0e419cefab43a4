"""Lint checks between active rules: upsell loops and rules that always fire together.

Codes: upsell-loop, fire-together (see core.lint); same-offer is core.lint_overlap.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from pos_prompter.core.catalog import Product
from pos_prompter.core.lint_finding import Finding
from pos_prompter.core.lint_lookup import Lookups
from pos_prompter.core.rules import Rule
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said, joined


def loops(lk: Lookups, rules: Sequence[Rule]) -> list[Finding]:
    """Active upsells that lead from a product back to itself.

    An upgrade from A to B is in a loop when B leads back to A, that is when A and B are
    in the same group of products that all lead to each other (a strongly connected
    component). The groups are found once for the whole graph; the shortest way back
    is then searched only for upgrades inside a group, and only inside that group, so a
    long chain of upgrades that never comes back costs no search at all."""
    edges: dict[str, list[tuple[str, str]]] = {}
    """sku -> [(target sku, rule id)], sorted"""
    for rule in rules:
        if rule.kind != "upsell" or rule.event != "scan":
            continue
        sources: dict[str, Product | None] = {p.sku: p for p in lk.triggers(rule)}
        if rule.scanned is not None:
            for sku in rule.scanned.skus:  # named SKUs count even before they are imported
                sources.setdefault(sku, lk.catalog.get(sku))
        for sku, product in sources.items():
            if rule.offer.upgrade_to:
                target: str | None = rule.offer.upgrade_to
            else:
                nxt = lk.next_size(product) if product is not None else None
                target = nxt.sku if nxt is not None else None
            if target is not None and target != sku:
                edges.setdefault(sku, []).append((target, rule.id))
    for targets in edges.values():
        targets.sort()
    group = _strongly_connected(edges)
    findings: dict[str, Finding] = {}
    for source in sorted(edges):
        for target, rid in edges[source]:
            if rid in findings or group[target] != group[source]:
                continue
            path = _path(edges, group, target, source)
            assert path is not None  # the same group: the target leads back
            steps: list[Said | str] = [QT_TRANSLATE_NOOP(
                "lint", "{source} → {target} (this rule)").format(source=source, target=target)]
            steps += [f"→ {nxt} ({other})" for nxt, other in path]  # SKUs and rule ids
            others = sorted({other for _n, other in path} - {rid})
            fix = (QT_TRANSLATE_NOOP("lint", "decide which way the customer should go and "
                                     "remove the upgrade the other way, in this rule or in "
                                     "{rules}").format(rules=", ".join(others)) if others else
                   QT_TRANSLATE_NOOP("lint", "decide which way the customer should go and "
                                     "remove the upgrade the other way, in this rule"))
            findings[rid] = Finding(
                rid, "error", "upsell-loop",
                QT_TRANSLATE_NOOP("lint", "upsell loop: {steps}: accepting one upgrade offers "
                                  "the way back").format(steps=joined(steps, " ")),
                fix)
    return list(findings.values())


def _path(edges: dict[str, list[tuple[str, str]]], group: dict[str, int], start: str,
          goal: str) -> list[tuple[str, str]] | None:
    """The shortest chain of (sku, rule) steps from `start` to `goal`, if any: the first
    one breadth-first over the sorted edges. Only products in the goal's group can be on
    the way (any other product cannot reach the goal), so the search stays inside it."""
    home = group[goal]
    came_from: dict[str, tuple[str, str] | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt, rid in edges.get(node, ()):
            if nxt == goal:
                steps = [(nxt, rid)]
                back = came_from[node]
                while back is not None:
                    steps.append((node, back[1]))
                    node = back[0]
                    back = came_from[node]
                steps.reverse()
                return steps
            if nxt not in came_from and group[nxt] == home:
                came_from[nxt] = (node, rid)
                queue.append(nxt)
    return None


def ties(rules: Sequence[Rule]) -> list[Finding]:
    """Active rules that fire on the same scans under the same conditions, at the same
    priority: nothing but kind and rule id decides which the clerk sees first."""
    groups: dict[tuple[object, ...], list[Rule]] = {}
    for rule in rules:
        oc = rule.order
        order_key = None if oc is None else (oc.total_min, oc.total_max,
                                             frozenset(oc.has), frozenset(oc.lacks))
        key = (rule.event, rule.scanned, order_key, rule.time, rule.customer,
               rule.priority, rule.kind == "upsell")
        groups.setdefault(key, []).append(rule)
    findings = []
    for group in groups.values():
        if len(group) < 2:
            continue
        ids = sorted(r.id for r in group)
        for rule in group:
            others = [rid for rid in ids if rid != rule.id]
            message = (QT_TRANSLATE_NOOP("lint", "always fires together with rules {rules}: "
                                         "same event, triggers and conditions, same priority "
                                         "{priority}; the order between them is decided by "
                                         "kind and id only") if len(others) > 1 else
                       QT_TRANSLATE_NOOP("lint", "always fires together with rule {rules}: "
                                         "same event, triggers and conditions, same priority "
                                         "{priority}; the order between them is decided by "
                                         "kind and id only"))
            findings.append(Finding(
                rule.id, "warning", "fire-together",
                message.format(rules=", ".join(others), priority=rule.priority),
                QT_TRANSLATE_NOOP("lint", "give the rule that should come first a higher "
                                  "priority, or merge them into one rule")))
    return findings


def _strongly_connected(edges: dict[str, list[tuple[str, str]]]) -> dict[str, int]:
    """A group number for every product in `edges` (as a source or a target): two products
    have the same number when each leads to the other (Tarjan's strongly connected
    components, without recursion, in time linear in the edges)."""
    group: dict[str, int] = {}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    nodes = dict.fromkeys(edges)
    for targets in edges.values():
        nodes.update(dict.fromkeys(t for t, _rid in targets))
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, todo = work[-1]
            for nxt, _rid in todo:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(edges.get(nxt, ()))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    number = len(group)
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group[member] = number
                        if member == node:
                            break
    return group
