"""The store by concern (issue 12): `Store` owns the connection, settings and transactions,
and builds one store per concern over itself; the change stamp a watcher reads; the staff
questions the workspace asks without SQL; and no import cycle between store modules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pos_prompter.store import Store
from pos_prompter.store.auth import StaffStore
from pos_prompter.store.catalog_store import CatalogStore
from pos_prompter.store.rule_store import RuleStore
from pos_prompter.store.sales import SalesLog

PASSWORD = "Zebra-Marmalade-417"


def test_a_store_builds_one_store_per_concern_over_itself(store: Store) -> None:
    assert isinstance(store.rules, RuleStore)
    assert isinstance(store.catalog, CatalogStore)
    assert isinstance(store.sales, SalesLog)
    assert isinstance(store.staff, StaffStore)
    assert store.staff.store is store


def test_the_change_stamp_moves_with_every_commit_and_not_with_a_read(
        store: Store, store_path: Path) -> None:
    first = store.change_stamp()
    assert store.change_stamp() == first, "reading it changes nothing"
    store.staff.clerks()
    assert store.change_stamp() == first, "a read is no commit"
    store.set_settings({"currency": "EUR"})
    own = store.change_stamp()
    assert own != first, "this connection's own commit"
    with Store.open(store_path) as other:
        other.staff.add_without_secret("bea")
    assert store.change_stamp() != own, "another connection's commit"


def test_password_matches_says_whether_a_password_is_one_of_those_given(
        store: Store) -> None:
    store.staff.add_person("ann", "manager", PASSWORD)
    store.staff.add_without_secret("carl")
    assert store.staff.password_matches("ann", ["something-else", PASSWORD])
    assert not store.staff.password_matches("ann", ["something-else"])
    assert not store.staff.password_matches("ann", [])
    assert not store.staff.password_matches("carl", [PASSWORD]), "no password at all"
    assert not store.staff.password_matches("nobody", [PASSWORD])


def test_the_concern_modules_never_import_the_store_module() -> None:
    """store.store builds them: were one of them to import it back, that is a cycle."""
    modules = ["audit", "auth", "base", "catalog_store", "rule_store", "sales"]
    code = ("import sys\n"
            + "".join(f"import pos_prompter.store.{m}\n" for m in modules)
            + "print('pos_prompter.store.store' in sys.modules)")
    # Importing the package imports store.store: load the modules without running it.
    code = ("import sys, types\n"
            "package = types.ModuleType('pos_prompter.store')\n"
            "import pos_prompter\n"
            "package.__path__ = [pos_prompter.__path__[0] + '/store']\n"
            "sys.modules['pos_prompter.store'] = package\n" + code)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
