"""Persistence on SQLite through sqlite-utils: one file per store. Depends on the core."""

from pos_prompter.store.store import ImportSummary, Store, StoreError

__all__ = ["ImportSummary", "Store", "StoreError"]
