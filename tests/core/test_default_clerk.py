"""Who is at the till when nobody says: the store's first clerk (scan-script.md: `clerk alice
# who is at the till (default: the first clerk)`). "First" is `Store.staff.clerks()[0]`: the active
staff member with the clerk role that was added first (lowest staff id), not a manager or a
trainer, not the first name in alphabetical order, not a disabled clerk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_prompter.bootstrap import init_store
from pos_prompter.cli import main
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.store.auth import set_active
from pos_prompter.till import Till

CROISSANT = "2100000000197"  # the cafe demo's Butter Croissant
MONDAY_0815 = dt.datetime(2026, 11, 23, 8, 15)


@pytest.fixture
def cafe(tmp_path: Path) -> Path:
    """The cafe demo (manager, trainer, then `clerk`), then clerks zoe and bob, in that order."""
    path = tmp_path / "cafe.db"
    with init_store(path, "cafe") as store:
        store.staff.add_without_secret("zoe")
        store.staff.add_without_secret("bob")
    return path


@pytest.fixture
def store(cafe: Path) -> Iterator[Store]:
    with Store.open(cafe) as s:
        yield s


def clerks_on_orders(store: Store) -> list[str | None]:
    return [r[0] for r in store.db.execute("SELECT clerk FROM orders ORDER BY id")]


def sell_one(till: Till) -> None:
    till.scan(CROISSANT)
    till.pay()


def test_the_set_up_has_managers_first_and_clerks_out_of_alphabetical_order(
        store: Store) -> None:
    assert [r[0] for r in store.db.execute("SELECT name FROM staff ORDER BY id")] == [
        "manager", "trainer", "clerk", "zoe", "bob"]
    assert store.staff.clerks() == ["clerk", "zoe", "bob"]


def test_a_till_with_no_clerk_records_the_stores_first_clerk(store: Store) -> None:
    till = Till(store, FixedClock(MONDAY_0815))
    assert till.clerk == "clerk"
    sell_one(till)
    assert clerks_on_orders(store) == ["clerk"]


def test_a_disabled_clerk_is_not_the_default(store: Store) -> None:
    set_active(store, "clerk", False)
    sell_one(Till(store, FixedClock(MONDAY_0815)))
    assert clerks_on_orders(store) == ["zoe"]  # the next clerk by id, not "bob"


def test_a_named_clerk_overrides_the_default(store: Store) -> None:
    till = Till(store, FixedClock(MONDAY_0815), clerk="bob")
    sell_one(till)
    till.set_clerk("zoe")
    sell_one(till)
    assert clerks_on_orders(store) == ["bob", "zoe"]


def test_a_store_without_clerks_records_no_clerk(tmp_path: Path) -> None:
    with init_store(tmp_path / "cafe.db", "cafe") as store:
        set_active(store, "clerk", False)
        sell_one(Till(store, FixedClock(MONDAY_0815)))
        assert clerks_on_orders(store) == [None]


@pytest.mark.parametrize(("script", "clerks"), [
    ("scan CROISSANT\npay\n", ["clerk"]),
    ("clerk zoe\nscan CROISSANT\npay\n", ["zoe"]),
    ("clerk alice\nscan CROISSANT\npay\n", []),  # not on the staff list: nothing sold
    ("scan CROISSANT\npay\nclerk bob\nscan CROISSANT\npay\n", ["clerk", "bob"]),
])
def test_simulate_records_the_first_clerk_unless_the_script_names_one(
        cafe: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        script: str, clerks: list[str]) -> None:
    path = tmp_path / "script.txt"
    path.write_text(script, encoding="utf-8")
    assert main(["simulate", "--db", str(cafe), str(path)]) == 0, capsys.readouterr().err
    with Store.open(cafe) as store:
        assert clerks_on_orders(store) == clerks
