"""Persistence on SQLite through sqlite-utils: one file per store. Depends on the core."""

from pos_prompter.store.base import ImportSummary, StoreError
from pos_prompter.store.store import Store

__all__ = ["ImportSummary", "Store", "StoreError"]
