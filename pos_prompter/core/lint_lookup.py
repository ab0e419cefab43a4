"""What lint looks up in the catalog, once per lint run: triggers, sizes, placeholders.

Active products by SKU, category and tag are built once and only when a rule needs them:
a rule's triggers are then a few lookups, not a walk over a chain's 100,000 products for
each of its rules; and rules that name SKUs only never build all the products.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property

from pos_prompter.core.catalog import Catalog, Product
from pos_prompter.core.money import Cents, format_money
from pos_prompter.core.rules import Rule, Settings, placeholders_used


class Lookups:
    """The catalog and settings lint reads, with the look-ups its checks share, cached."""

    def __init__(self, catalog: Catalog, settings: Settings) -> None:
        self.catalog = catalog
        self.settings = settings
        self._triggers: dict[str, list[Product]] = {}
        self._next_sizes: dict[str, Product | None] = {}
        self._placeholders: dict[str, set[str]] = {}


    @cached_property
    def _active(self) -> list[Product]:
        return sorted((p for p in self.catalog if p.active), key=lambda p: p.sku)

    @cached_property
    def _by_category(self) -> dict[str, list[Product]]:
        by_category: dict[str, list[Product]] = {}
        for p in self._active:
            if p.category:
                by_category.setdefault(p.category, []).append(p)
        return by_category

    @cached_property
    def _by_tag(self) -> dict[str, list[Product]]:
        by_tag: dict[str, list[Product]] = {}
        for p in self._active:
            for tag in p.tags:
                by_tag.setdefault(tag, []).append(p)
        return by_tag

    @cached_property
    def active_categories(self) -> set[str]:
        return set(self._by_category)

    @cached_property
    def active_tags(self) -> set[str]:
        return set(self._by_tag)

    def money(self, cents: Cents) -> str:
        return format_money(cents, self.settings.currency)

    def usable(self, sku: str) -> Product | None:
        product = self.catalog.get(sku)
        return product if product is not None and product.active else None

    def next_size(self, product: Product) -> Product | None:
        """catalog.next_size, once per product (a ladder is walked for every rule and loop
        that starts on it)."""
        sku = product.sku
        if sku not in self._next_sizes:
            self._next_sizes[sku] = self.catalog.next_size(product)
        return self._next_sizes[sku]

    def placeholders(self, text: str) -> set[str]:
        """placeholders_used, once per text (packs repeat the same `say` on many rules)."""
        used = self._placeholders.get(text)
        if used is None:
            used = self._placeholders[text] = placeholders_used(text)
        return used

    def ratio(self, rule: Rule) -> Decimal:
        return rule.max_offer_ratio if rule.max_offer_ratio is not None \
            else self.settings.max_offer_ratio

    def triggers(self, rule: Rule) -> list[Product]:
        """The active products whose scan can fire this rule (none for checkout rules)."""
        if rule.id not in self._triggers:
            self._triggers[rule.id] = self._find_triggers(rule)
        return self._triggers[rule.id]

    def _find_triggers(self, rule: Rule) -> list[Product]:
        if rule.event != "scan":
            return []
        sc = rule.scanned
        if sc is None:
            return list(self._active)
        found: dict[str, Product] = {}
        for sku in sc.skus:
            product = self.usable(sku)
            if product is not None:
                found[product.sku] = product
        for key in sc.categories:
            found.update((p.sku, p) for p in self._by_category.get(key, ()))
        for key in sc.tags:
            found.update((p.sku, p) for p in self._by_tag.get(key, ()))
        return sorted(found.values(), key=lambda p: p.sku)
