"""Who sells at the till: a clerk signs in (checked against the staff list) and out. While
nobody is signed in, nothing is sold and nothing is written; an open order waits for the
next clerk and is from then on recorded under them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pos_prompter.bootstrap import load_pack_file
from pos_prompter.core.catalog import parse_catalog_csv
from pos_prompter.core.order import FixedClock
from pos_prompter.core.till_event import TillEvent
from pos_prompter.store import Store
from pos_prompter.store.auth import set_active
from pos_prompter.till import NOBODY_TEXT, Till

SPEC_DIR = Path(__file__).parent / "store" / "spec_examples"
LATTE_T, COOKIE = "2100000000012", "2100000000050"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """The spec's catalog and rules; clerks alice and bob, and a manager."""
    with Store.open(tmp_path / "store.db", create=True) as store:
        store.catalog.import_products(parse_catalog_csv(
            (SPEC_DIR / "catalog.csv").read_text(encoding="utf-8")))
        store.rules.replace(load_pack_file(SPEC_DIR / "rules.yaml"))
        store.staff.add_without_secret("alice")
        store.staff.add_without_secret("bob")
        store.staff.add_without_secret("maria", "manager")
        yield store


@pytest.fixture
def till(store: Store) -> Till:
    return Till(store, FixedClock(dt.datetime(2026, 11, 23, 8, 15)))


def written(store: Store) -> tuple[object, ...]:
    return (store.sales.orders(), list(store.db.query("SELECT * FROM order_lines")),
            store.sales.prompt_events())


def order_clerks(store: Store) -> list[str | None]:
    return [row["clerk"] for row in store.sales.orders()]


def outcome_clerks(store: Store) -> list[tuple[str, str | None]]:
    return [(row["status"], row["clerk"]) for row in store.sales.prompt_events()]


def messages(events: list[TillEvent]) -> list[str]:
    return [str(ev.data.get("message")) for ev in events if ev.event == "error"]


def test_a_till_starts_with_the_first_clerk_signed_in(till: Till) -> None:
    assert till.clerk == "alice"
    assert not till.needs_sign_in


def test_a_name_not_on_the_staff_list_signs_nobody_in_and_nothing_is_recorded(
        store: Store, till: Till) -> None:
    events = till.sign_in("zed")

    assert [ev.event for ev in events] == ["error"]
    assert messages(events) == ["nobody called zed is on the staff list"]
    assert till.clerk is None
    assert till.needs_sign_in
    assert messages(till.scan(LATTE_T)) == [NOBODY_TEXT]
    assert written(store) == ([], [], [])
    assert till.session is None


def test_a_disabled_clerk_cannot_sign_in(store: Store, till: Till) -> None:
    set_active(store, "bob", False)
    assert messages(till.sign_in("bob")) == ["bob is disabled"]
    assert till.clerk is None
    assert messages(till.scan(COOKIE)) == [NOBODY_TEXT]
    assert written(store) == ([], [], [])


def test_a_clerk_who_signs_in_is_recorded_on_the_order_and_its_prompts(
        store: Store, till: Till) -> None:
    events = till.sign_in("bob")
    assert [(ev.event, ev.data) for ev in events] == [("clerk", {"clerk": "bob"})]
    till.scan(LATTE_T)
    till.accept()
    till.pay()
    assert order_clerks(store) == ["bob"]
    assert outcome_clerks(store)[:2] == [("shown", "bob"), ("accepted", "bob")]
    assert {clerk for _status, clerk in outcome_clerks(store)} == {"bob"}


def test_a_name_is_found_whatever_its_case_and_recorded_as_on_the_staff_list(
        store: Store, till: Till) -> None:
    till.sign_in("  BOB ")
    assert till.clerk == "bob"


def test_anyone_active_on_the_staff_list_may_sell_in_a_script(store: Store, till: Till) -> None:
    till.sign_in("maria")  # a manager: the window asks clerks for a PIN; a script any role
    till.scan(COOKIE)
    till.pay()
    assert order_clerks(store) == ["maria"]


def test_while_signed_out_every_action_is_refused_and_nothing_is_written(
        store: Store, till: Till) -> None:
    till.scan(LATTE_T)  # an open order, with the size-up on screen
    before, state = written(store), till.session.to_state() if till.session else None
    till.sign_out()
    assert till.clerk is None

    actions: list[Callable[[], list[TillEvent]]] = [
        lambda: till.scan(COOKIE), till.accept, till.decline, lambda: till.reopen(1),
        lambda: till.set_qty(2), lambda: till.void("LATTE-T"), till.checkout, till.pay,
        lambda: till.set_customer("member")]
    for action in actions:
        events = action()
        assert [(ev.event, ev.order) for ev in events] == [("error", till.order_id)]
        assert messages(events) == [NOBODY_TEXT]

    assert written(store) == before
    assert till.session is not None
    assert till.session.to_state() == state
    assert till.prompt is not None, "the open order waits, prompt and all"


def test_a_refused_sign_in_signs_the_clerk_before_out(store: Store, till: Till) -> None:
    till.scan(COOKIE)
    assert messages(till.sign_in("nobody-here")) == [
        "nobody called nobody-here is on the staff list"]
    assert messages(till.pay()) == [NOBODY_TEXT]
    assert [row["status"] for row in store.sales.orders()] == ["open"]


def test_an_order_handed_over_mid_way_is_recorded_under_the_next_clerk(
        store: Store, till: Till) -> None:
    till.scan(LATTE_T)  # alice rings the latte; the size-up is shown under her
    order = till.order_id
    till.sign_out()
    till.sign_in("bob")  # bob takes over the open order

    assert till.order_id == order
    till.accept()
    till.pay()
    assert order_clerks(store) == ["bob"]
    outcomes = outcome_clerks(store)
    assert outcomes[:2] == [("shown", "alice"), ("accepted", "bob")]
    assert all(clerk == "bob" for _status, clerk in outcomes[1:])


def test_a_store_with_no_clerks_sells_unsigned(store: Store) -> None:
    set_active(store, "alice", False)
    set_active(store, "bob", False)
    till = Till(store, FixedClock(dt.datetime(2026, 11, 23, 8, 15)))
    assert till.clerk is None
    assert not till.needs_sign_in
    assert [ev.event for ev in till.scan(COOKIE)] == ["line"]
    till.pay()
    assert order_clerks(store) == [None]


def test_once_signed_out_a_store_with_only_a_manager_waits_for_a_sign_in(
        store: Store) -> None:
    set_active(store, "alice", False)
    set_active(store, "bob", False)
    till = Till(store, FixedClock(dt.datetime(2026, 11, 23, 8, 15)))
    assert messages(till.sign_in("alice")) == ["alice is disabled"]
    assert messages(till.scan(COOKIE)) == [NOBODY_TEXT]
    till.sign_in("maria")
    till.scan(COOKIE)
    till.pay()
    assert order_clerks(store) == ["maria"]


def test_a_store_with_nobody_on_its_staff_list_sells_unsigned_even_after_a_sign_out(
        tmp_path: Path) -> None:
    with Store.open(tmp_path / "bare.db", create=True) as store:
        store.catalog.import_products(parse_catalog_csv(
            (SPEC_DIR / "catalog.csv").read_text(encoding="utf-8")))
        till = Till(store, FixedClock(dt.datetime(2026, 11, 23, 8, 15)))
        till.sign_out()
        assert [ev.event for ev in till.scan(COOKIE)] == ["line"]
        till.pay()
        assert order_clerks(store) == [None]
