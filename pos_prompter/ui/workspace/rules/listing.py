"""The rule list's rows, without Qt: each rule with its results so far, its uplift and what
it names (for the filters), and the loaders that read them from the store.

`load_list` reads rules, results, catalog and settings as one snapshot and builds every
row: plain data, so a worker thread makes it (the rules controller runs it in a `StoreJob`
on a connection of its own) and the UI thread only swaps the rows in. A load takes over
from the last one the catalog and the rows of the rules that did not change, so a publish
of a few rules neither parses 20,000 rules again nor leaves the collector 400,000 new
objects (collecting them would stop the UI thread too).

No SQL here: what is read comes from `store.rule_listing` (rule texts, the catalog's
stamp), `store.sales_log` (results) and `store.reports` (uplifts, through `uplift`).
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass

from pos_prompter.core.bulk import gc_paused
from pos_prompter.core.catalog import Catalog
from pos_prompter.core.money import Cents, format_money
from pos_prompter.core.rules import Rule, Settings, parse_rule
from pos_prompter.i18n import translate
from pos_prompter.store import Store
from pos_prompter.store.rule_listing import catalog_stamp, prepare_uplifts, rule_text, rule_texts
from pos_prompter.store.rule_store import RuleResults
from pos_prompter.store.sales_log import results_since
from pos_prompter.ui.workspace.rules.rule_words import offer_words, trigger_words
from pos_prompter.ui.workspace.rules.uplift import NO_HOLDOUT, UpliftCell, read_uplifts

Money = Callable[[Cents], str]

NO_RESULTS = RuleResults(0, 0, 0, 0, 0, 0)


def rule_skus(rule: Rule) -> list[str]:
    """Every SKU a rule names: what triggers it, what the order must (not) hold, the offer."""
    skus: list[str] = []
    if rule.scanned is not None:
        skus.extend(sorted(rule.scanned.skus))
    if rule.order is not None:
        skus.extend(ref.value for ref in (*rule.order.has, *rule.order.lacks)
                    if ref.kind == "sku")
    skus.extend(rule.offered_skus())
    return list(dict.fromkeys(skus))


def rule_categories(rule: Rule, catalog: Catalog) -> frozenset[str]:
    """The categories a rule is about: those it names, and those of the products it names."""
    found: set[str] = set()
    if rule.scanned is not None:
        found.update(rule.scanned.categories)
    if rule.order is not None:
        found.update(ref.value for ref in (*rule.order.has, *rule.order.lacks)
                     if ref.kind == "category")
    for sku in rule_skus(rule):
        product = catalog.get(sku)
        if product is not None and product.category:
            found.add(product.category)
    return frozenset(found)


def trigger_text(rule: Rule) -> str:
    """What sets a rule off, in a few words for a narrow column: categories by name, tags
    with a '#', SKUs as they are ('coffee, #hot, LATTE-T'), or 'checkout'."""
    if rule.event == "checkout":
        return "checkout"  # the pack's own word for the event: a code
    scanned = rule.scanned
    if scanned is None:
        return translate("rules", "any item")
    parts = [*sorted(scanned.categories), *(f"#{t}" for t in sorted(scanned.tags)),
             *sorted(scanned.skus)]
    return ", ".join(parts) or translate("rules", "any item")


def offer_text(rule: Rule, money: Money = format_money) -> str:
    """What a rule offers, in a few words for a narrow column."""
    o = rule.offer
    if rule.kind == "upsell":
        return (f"\N{RIGHTWARDS ARROW} {o.upgrade_to}" if o.upgrade_to
                else translate("rules", "next size"))
    if rule.kind == "cross_sell":
        return "+ " + translate("rules", " or ").join(o.add)
    if rule.kind == "bundle":
        return translate("rules", "{products} for {price}").format(
            products=" + ".join(o.bundle_with), price=money(o.bundle_price or 0))
    return translate("rules", "{reward} at {price} from {total}").format(
        reward=o.reward, price=money(o.reward_price or 0), total=money(o.order_total or 0))


@dataclass(frozen=True, slots=True)
class RuleRow:
    """One row of the rule list: the rule, its results so far, and what it names (for the
    filters)."""

    rule: Rule
    results: RuleResults
    skus: frozenset[str]
    categories: frozenset[str]
    trigger: str
    offer: str
    uplift: UpliftCell = NO_HOLDOUT
    trigger_names: str = ""
    """What sets it off, by names (core.rule_words); `trigger` is the same in codes."""
    offer_names: str = ""

    @classmethod
    def make(cls, rule: Rule, results: RuleResults | None, catalog: Catalog,
             money: Money = format_money, uplift: UpliftCell = NO_HOLDOUT) -> RuleRow:
        return cls(rule=rule, results=results or NO_RESULTS,
                   skus=frozenset(rule_skus(rule)), categories=rule_categories(rule, catalog),
                   trigger=trigger_text(rule), offer=offer_text(rule, money), uplift=uplift,
                   trigger_names=trigger_words(rule, catalog),
                   offer_names=offer_words(rule, catalog, money))

    def matches_text(self, needle: str) -> bool:
        """`needle` (lower case) in the id, title, say, a SKU or a name the rule names."""
        rule = self.rule
        return (needle in rule.id or needle in rule.title.lower() or needle in rule.say.lower()
                or any(needle in sku.lower() for sku in self.skus)
                or needle in self.trigger_names.lower() or needle in self.offer_names.lower())


@dataclass(frozen=True, slots=True)
class ListData:
    """What the rule list shows, read from one snapshot of the store and built from it:
    plain data without Qt, so a worker thread can make it (`load_list`). Nothing in it
    is changed once made (the next load may share its parts)."""

    rows: list[RuleRow]
    """In rule id order."""
    bodies: dict[str, str]
    """Each rule's stored text, by id: what its row was built from."""
    results: dict[str, RuleResults]
    """Every rule's results (deleted rules' too), up to prompt event `last_event`."""
    last_event: int
    catalog: Catalog
    catalog_stamp: tuple[int, int]
    """`catalog_stamp` when the catalog was read."""
    categories: list[str]
    """For the category filter, sorted: the products' and those the rules name."""
    skus: list[str]
    """Every SKU, sorted, for the product filter's completer."""
    currency: str
    revision: int
    """The store's publish revision the snapshot saw."""
    settings: Settings
    """The store's settings (`currency` is theirs)."""
    rules: list[Rule]
    """Every rule, in id order (those of `rows`): with `catalog` and `settings`, what the
    editor needs of the store (`RuleEditor.set_context`)."""
    uplifts: dict[str, UpliftCell] = dataclasses.field(default_factory=dict)
    """The Uplift cells of the rules that have one (`read_uplifts`)."""


def load_list(store: Store, previous: ListData | None = None) -> ListData:
    """Read rules, results, catalog and settings as one snapshot and build the rows: the
    whole of a reload but for showing it.

    Given the `previous` load, what did not change is taken over from it rather than
    built again: the catalog while `catalog_stamp` stays, and (with that catalog and the
    same currency) the row of every rule whose stored text is the same. A publish of a
    few rules so reads 20,000 rule texts but parses only those, and leaves the collector
    almost nothing new to scan (at chain size a full load makes some 400,000 objects, and
    collecting them stops every thread for 0.1-0.8 s).

    It also reads every rule's true uplift, the report's own (store.reports.current_uplifts),
    into the Uplift cells; a first load makes sure the report tables add up first (on a
    store upgraded with history, they are built then)."""
    conn = store.db.conn
    if previous is None:
        prepare_uplifts(conn)
    with store.snapshot():
        stored = rule_texts(conn)
        cells = read_uplifts(store, previous.uplifts if previous is not None else None)
        results, last_event = results_since(conn, 0)
        stamp = catalog_stamp(conn)
        same_catalog = previous is not None and previous.catalog_stamp == stamp
        catalog = previous.catalog if previous is not None and same_catalog \
            else store.catalog.load()
        categories = store.catalog.categories()
        settings = store.load_settings()
        currency = settings.currency
        revision = store.publish_revision()
    kept: dict[str, RuleRow] = {}
    if previous is not None and same_catalog and previous.currency == currency:
        kept = {row.rule.id: row for row in previous.rows}
    old_bodies = previous.bodies if kept and previous is not None else {}
    money = functools.partial(format_money, currency=currency)
    rows: list[RuleRow] = []
    bodies: dict[str, str] = {}
    with gc_paused():  # as RuleStore.load: 20,000 rules that all live on
        for position, (rule_id, body) in enumerate(stored, start=1):
            row = kept.get(rule_id)
            done = results.get(rule_id, NO_RESULTS)
            cell = cells.get(rule_id, NO_HOLDOUT)
            if row is None or old_bodies.get(rule_id) != body:
                rule = parse_rule(json.loads(body), position, trusted=True)
                if rule is None:
                    continue
                row = RuleRow.make(rule, done, catalog, money, cell)
            elif row.results != done or row.uplift != cell:
                row = dataclasses.replace(row, results=done, uplift=cell)
            rows.append(row)
            bodies[rule_id] = body
    # From the store, not the catalog: iterating a loaded catalog would build every one of
    # a chain's 100,000 products (seconds) for their category alone.
    names = sorted({*categories, *(c for row in rows for c in row.categories)})
    skus = previous.skus if previous is not None and same_catalog else sorted(catalog.skus())
    return ListData(rows, bodies, results, last_event, catalog, stamp, names, skus,
                    currency, revision, settings, [row.rule for row in rows], cells)


def load_rule(store: Store, rule_id: str) -> Rule | None:
    """One rule as the store has it now (None: there is none by that id)."""
    body = rule_text(store.db.conn, rule_id)
    return parse_rule(json.loads(body), 1, trusted=True) if body is not None else None
