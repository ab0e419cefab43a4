"""The core is Qt-free and SQLite-free: the store and the UI depend on it, never the reverse."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "pos_prompter" / "core"
FORBIDDEN_TOP = frozenset({"PySide6", "shiboken6", "sqlite3", "sqlite_utils"})


def resolve(module: str | None, level: int, file: Path) -> str:
    """The absolute module name of an import written in `file` under pos_prompter/core."""
    if level == 0:
        return module or ""
    package = ["pos_prompter", *file.relative_to(CORE.parent).with_suffix("").parts[:-1]]
    if file.name == "__init__.py":
        package = ["pos_prompter", *file.relative_to(CORE.parent).parts[:-1]]
    base = package[: len(package) - (level - 1)] if level > 1 else package
    return ".".join([*base, module] if module else base)


def forbidden(name: str) -> bool:
    top = name.split(".")[0]
    if top in FORBIDDEN_TOP:
        return True
    # The bare parent package is imported anyway on the way to pos_prompter.core; what is
    # taken from it (`from pos_prompter import till`) is checked by its own name.
    return top == "pos_prompter" and name not in ("pos_prompter", "pos_prompter.core") and \
        not name.startswith("pos_prompter.core.")


def violations(source: str, file: Path) -> list[str]:
    """Every import of Qt, SQLite or the rest of pos_prompter in `source`, as file:line."""
    where = file.relative_to(CORE.parents[1]) if file.is_relative_to(CORE.parents[1]) else file
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename=str(file))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = resolve(node.module, node.level, file)
            names = [base] + [f"{base}.{alias.name}" for alias in node.names
                              if base == "pos_prompter"]
        elif (isinstance(node, ast.Call) and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and ((isinstance(node.func, ast.Name) and node.func.id == "__import__")
                   or (isinstance(node.func, ast.Attribute)
                       and node.func.attr == "import_module"))):
            names = [node.args[0].value]
        for name in names:
            if forbidden(name):
                found.append(f"{where}:{node.lineno}: imports {name}")
    return found


CORE_FILES = sorted(CORE.rglob("*.py"))


def test_the_core_has_its_modules() -> None:
    names = {p.name for p in CORE_FILES}
    assert {"money.py", "catalog.py", "rules.py", "order.py", "engine.py", "session.py",
            "errors.py"} <= names


@pytest.mark.parametrize("path", CORE_FILES, ids=[p.name for p in CORE_FILES])
def test_core_module_imports_no_qt_no_sqlite_no_outer_layer(path: Path) -> None:
    assert violations(path.read_text(encoding="utf-8"), path) == []


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("import PySide6.QtCore\n", "PySide6.QtCore"),
        ("from PySide6 import QtWidgets\n", "PySide6"),
        ("import shiboken6\n", "shiboken6"),
        ("import sqlite3 as db\n", "sqlite3"),
        ("def f():\n    import sqlite_utils\n", "sqlite_utils"),
        ("from pos_prompter.store import Store\n", "pos_prompter.store"),
        ("from pos_prompter import till\n", "pos_prompter.till"),
        ("from .. import till\n", "pos_prompter.till"),
        ("from ..store.store import Store\n", "pos_prompter.store.store"),
        ("import importlib\nimportlib.import_module('sqlite3')\n", "sqlite3"),
        ("__import__('PySide6')\n", "PySide6"),
    ],
)
def test_the_checker_catches_each_kind_of_import(source: str, name: str) -> None:
    found = violations(source, CORE / "engine.py")
    assert len(found) == 1
    assert found[0].startswith("pos_prompter/core/engine.py:")
    assert found[0].endswith(f"imports {name}")


@pytest.mark.parametrize(
    "source",
    [
        "from pos_prompter.core.money import Cents\n",
        "from . import money\n",
        "from .catalog import Catalog\n",
        "import pos_prompter.core.rules\n",
        "import decimal, hashlib, yaml_free_module\n",
    ],
)
def test_the_checker_allows_the_core_and_the_standard_library(source: str) -> None:
    assert violations(source, CORE / "engine.py") == []
