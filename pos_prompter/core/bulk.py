"""Helpers for work on chain-sized data (100,000 products, 20,000 rules)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while bulk data is built.

    Loading a catalog, a rule pack or linting it makes hundreds of thousands of objects
    that all live on: the collector would scan them again and again for nothing (a
    quarter to two thirds of the time). Collection is switched back on afterwards if it
    was on before (two overlapping pauses, in two threads, still end with it on)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
