"""The Till service over a real store file: every action committed, nothing half-applied."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_prompter.bootstrap import init_store, load_pack_file
from pos_prompter.core.catalog import parse_catalog_csv
from pos_prompter.core.order import FixedClock
from pos_prompter.core.rules import parse_pack
from pos_prompter.store import Store, StoreError
from pos_prompter.till import Published, Till, load_published

SPEC_DIR = Path(__file__).parent / "store" / "spec_examples"
LATTE_T, COOKIE = "2100000000012", "2100000000050"
FAIL_LINES = ("CREATE TRIGGER fail_lines BEFORE INSERT ON order_lines "
              "BEGIN SELECT RAISE(ABORT, 'disk full'); END")
FAIL_EVENTS = ("CREATE TRIGGER fail_events BEFORE INSERT ON prompt_events "
               "BEGIN SELECT RAISE(ABORT, 'disk full'); END")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with Store.open(path, create=True) as store:
        store.catalog.import_products(parse_catalog_csv(
            (SPEC_DIR / "catalog.csv").read_text(encoding="utf-8")))
        store.rules.replace(load_pack_file(SPEC_DIR / "rules.yaml"))
        store.staff.add_without_secret("alice")
    return path


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    with Store.open(store_path) as s:
        yield s


@pytest.fixture
def till(store: Store) -> Till:
    return Till(store, FixedClock(dt.datetime(2026, 11, 23, 8, 15)))


def on_file(path: Path, sql: str) -> None:
    """Change the store file through another connection, as another program would."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def snapshot(till: Till) -> tuple:
    return (till.order_id, till.lines, till.total, till.prompt,
            till.session.to_state() if till.session else None)


def saved(store: Store) -> tuple:
    return (store.sales.orders(), list(store.db.query("SELECT * FROM order_lines")),
            store.sales.prompt_events())


def test_a_scan_that_cannot_be_saved_changes_nothing(till: Till, store: Store,
                                                     store_path: Path) -> None:
    till.scan(LATTE_T)  # the size-up prompt is up
    screen, disk = snapshot(till), saved(store)
    on_file(store_path, FAIL_LINES)
    with pytest.raises((StoreError, sqlite3.DatabaseError), match="disk full"):
        till.scan(COOKIE)
    assert snapshot(till) == screen
    assert till.prompt is not None
    assert till.prompt.rule_id == "latte-size-up"
    assert saved(store) == disk


def test_after_a_failed_scan_the_next_one_works_once(till: Till, store: Store,
                                                     store_path: Path) -> None:
    till.scan(LATTE_T)
    on_file(store_path, FAIL_LINES)
    with pytest.raises((StoreError, sqlite3.DatabaseError)):
        till.scan(COOKIE)
    on_file(store_path, "DROP TRIGGER fail_lines")
    till.scan(COOKIE)
    assert [(ln.no, ln.sku) for ln in till.lines] == [(1, "LATTE-T"), (2, "COOKIE")]
    assert till.total == 345 + 195
    assert [(r["line_no"], r["sku"]) for r in store.sales.order_lines(till.order_id)] == [
        (1, "LATTE-T"), (2, "COOKIE")]
    assert [(e["rule_id"], e["status"]) for e in store.sales.prompt_events()] == [
        ("latte-size-up", "shown"), ("latte-size-up", "ignored")]


def test_a_first_scan_that_cannot_be_saved_opens_no_order(till: Till, store: Store,
                                                          store_path: Path) -> None:
    on_file(store_path, FAIL_LINES)
    with pytest.raises((StoreError, sqlite3.DatabaseError)):
        till.scan(LATTE_T)
    assert till.order_id is None
    assert store.sales.orders() == []


def test_an_answer_that_cannot_be_saved_keeps_the_prompt_up(till: Till, store: Store,
                                                            store_path: Path) -> None:
    till.scan(LATTE_T)
    screen, disk = snapshot(till), saved(store)
    on_file(store_path, FAIL_EVENTS)
    with pytest.raises((StoreError, sqlite3.DatabaseError)):
        till.accept()
    assert snapshot(till) == screen
    assert saved(store) == disk
    on_file(store_path, "DROP TRIGGER fail_events")
    till.accept()
    assert [ln.sku for ln in till.lines] == ["LATTE-G"]


def test_a_failed_write_is_reported_as_a_store_error(till: Till, store_path: Path) -> None:
    """StoreError (a UserError) is what the window's status line and the CLI show as one
    sentence; a raw sqlite3 error would be a crash or a traceback."""
    till.scan(LATTE_T)
    on_file(store_path, FAIL_LINES)
    with pytest.raises(StoreError, match="disk full"):
        till.scan(COOKIE)


def test_unknown_barcode_is_an_error_and_writes_nothing(till: Till, store: Store) -> None:
    events = till.scan("0000000000000")
    assert [(e.event, e.data["message"]) for e in events] == [
        ("error", "unknown barcode 0000000000000")]
    assert store.sales.orders() == []
    assert till.order_id is None


def test_unknown_barcode_in_an_open_order_leaves_it_as_it_was(till: Till,
                                                              store: Store) -> None:
    till.scan(LATTE_T)
    screen, disk = snapshot(till), saved(store)
    [event] = till.scan("9999999999994")
    assert event.event == "error"
    assert event.order == till.order_id
    assert snapshot(till) == screen
    assert saved(store) == disk


@pytest.mark.parametrize("answer", ["accept", "decline"])
def test_answering_with_no_prompt_is_an_error(till: Till, store: Store, answer: str) -> None:
    till.scan(COOKIE)  # a bakery item fires nothing
    assert till.prompt is None
    disk = saved(store)
    [event] = getattr(till, answer)()
    assert event.event == "error"
    assert "no prompt" in event.data["message"]
    assert saved(store) == disk


def test_paying_an_empty_order_is_an_error(till: Till, store: Store) -> None:
    [event] = till.pay()
    assert event.event == "error"
    assert "empty" in event.data["message"]
    assert store.sales.orders() == []


def test_reload_keeps_the_open_orders_lines_and_answers(till: Till, store: Store) -> None:
    till.scan(LATTE_T)
    till.decline()  # size-up
    till.decline()  # latte-muffin
    lines = till.lines
    store.catalog.import_products([dataclasses.replace(store.catalog.load().get("LATTE-T"),
                                               price=360)])
    store.set_settings({"max_prompts_per_order": 5})
    till.reload()
    assert till.lines == lines
    assert till.session.answers == {"latte-size-up": "declined", "latte-muffin": "declined"}
    till.scan(LATTE_T)  # the cap is 5 now: only the kept answers hold both rules back
    assert till.prompt is None
    assert [ln.unit_price for ln in till.lines] == [345, 360]


def test_published_changes_read_in_another_thread_take_over_between_actions(
        till: Till, store: Store, store_path: Path) -> None:
    """The till window's split: read on a connection of its own in a worker thread, then
    put in force on the till's thread. The open order keeps its lines and answers."""
    till.scan(LATTE_T)
    till.decline()  # size-up
    lines, answers = till.lines, dict(till.session.answers)
    store.set_settings({"max_prompts_per_order": 5})
    read: list[Published] = []

    def worker() -> None:
        with Store.open(store_path) as own:
            read.append(load_published(own))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    [published] = read
    assert published.revision == store.publish_revision() > till.revision
    assert till.settings.max_prompts_per_order == 2, "nothing changes until applied"

    assert till.apply(published)
    assert till.revision == published.revision
    assert till.settings.max_prompts_per_order == 5
    assert till.engine.catalog is published.catalog
    assert till.session.engine is till.engine
    assert till.lines == lines
    assert till.session.answers == answers
    till.scan(COOKIE)
    assert [ln.sku for ln in till.lines] == ["LATTE-T", "COOKIE"]


def test_an_older_published_state_is_never_put_over_a_newer(till: Till,
                                                            store: Store) -> None:
    older = load_published(store)
    store.set_settings({"max_prompts_per_order": 5})
    till.reload()
    engine = till.engine
    assert not till.apply(older)
    assert till.revision == store.publish_revision() > older.revision
    assert till.settings.max_prompts_per_order == 5
    assert till.engine is engine


def test_customer_is_saved_on_the_order_and_used_by_rules(till: Till, store: Store,
                                                          store_path: Path) -> None:
    store.rules.replace(parse_pack({"version": 1, "rules": [{
        "id": "member-cookie", "kind": "cross_sell", "title": "Members' cookie",
        "when": {"scanned": {"sku": ["LATTE-T"]}, "customer": ["member"]},
        "offer": {"add": ["COOKIE"]}, "say": "A cookie for {price}, as a member?"}]}))
    till.reload()
    till.scan(LATTE_T)
    assert till.prompt is None
    till.set_customer("member")
    assert store.sales.orders()[0]["customer"] == "member"
    with Store.open(store_path) as other:
        assert Till(other).session.customer == "member"
    till.scan(LATTE_T)
    assert till.prompt is not None
    assert till.prompt.rule_id == "member-cookie"


def test_customer_set_before_the_first_scan_goes_on_the_new_order(till: Till,
                                                                  store: Store) -> None:
    till.set_customer("staff")
    till.scan(COOKIE)
    assert store.sales.orders()[0]["customer"] == "staff"


def test_a_customer_change_that_cannot_be_saved_changes_nothing(till: Till, store: Store,
                                                                store_path: Path) -> None:
    till.scan(COOKIE)
    disk = saved(store)
    on_file(store_path, "CREATE TRIGGER fail_orders BEFORE UPDATE ON orders "
                        "BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    with pytest.raises((StoreError, sqlite3.DatabaseError)):
        till.set_customer("member")
    assert saved(store) == disk
    assert till.session.customer is None
    assert till.customer is None


def test_a_till_whose_catalog_is_not_read_refuses_a_scan_saying_why(tmp_path: Path) -> None:
    """`settings_only` (the window reads catalog and rules after its first paint, and
    queues scans meanwhile): a scan that still reaches the till, because the read failed,
    is refused as such, writing nothing, never taken for an unknown barcode."""
    from pos_prompter.till import NOT_READ_TEXT, settings_only

    path = tmp_path / "store.db"
    init_store(path, demo="cafe").close()
    with Store.open(path) as store:
        till = Till(store, published=settings_only(store))
        orders_before = len(store.sales.orders())

        events = till.scan("2100000000203")

        assert [ev.event for ev in events] == ["error"]
        assert events[0].data["message"] == NOT_READ_TEXT
        assert till.lines == []
        assert len(store.sales.orders()) == orders_before
        till.reload()
        assert "error" not in [ev.event for ev in till.scan("2100000000203")]
        assert len(till.lines) == 1
