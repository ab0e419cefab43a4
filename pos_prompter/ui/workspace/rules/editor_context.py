"""What the rule editor (and a publish) needs of the store: its catalog, settings, rules
and publish revision, read as one snapshot (`read_context`) or handed over from a read on
a worker thread (the rule list's background load)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.rules import Rule, Settings
from pos_prompter.store import Store


class EditorContext(NamedTuple):
    """What the editor needs of the store, as read in one snapshot (`set_context`)."""

    catalog: Catalog
    settings: Settings
    rules: Sequence[Rule]
    revision: int
    """The store's publish revision they were read at."""


def read_context(store: Store, catalog: Catalog | None = None) -> EditorContext:
    """Read the store's settings, rules and publish revision, and its catalog unless
    `catalog` (kept as it is: reading 100,000 products again takes a while), as one
    snapshot: a publish meanwhile is seen whole or not at all."""
    with store.snapshot():
        products = store.catalog.load() if catalog is None else catalog
        settings = store.load_settings()
        rules = store.rules.load()
        revision = store.publish_revision()
    return EditorContext(products, settings, rules, revision)
