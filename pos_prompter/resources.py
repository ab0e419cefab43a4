"""Runtime assets shipped inside the package, reached only through importlib.resources,
so an editable install, a wheel and a frozen build all find them."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

DEMOS = ("cafe", "shoes", "electronics")


def demo_dir(name: str) -> Traversable:
    """The folder of a demo store (catalog.csv, rules.yaml, demo scripts)."""
    if name not in DEMOS:
        raise KeyError(name)
    return files("pos_prompter.demo") / name
