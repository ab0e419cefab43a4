"""The audit log: every change the Store makes to rules, settings, catalog and staff is
logged in the same transaction, with who, when, before and after; read back filtered, or as
CSV."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pos_prompter.cli import main
from pos_prompter.core.catalog import Product, Sku
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.order import FixedClock
from pos_prompter.core.rules import RulePack, Settings
from pos_prompter.store import Store, StoreError
from pos_prompter.store.audit import (
    Change,
    audit_actors,
    audit_csv,
    audit_entries,
    record,
)
from pos_prompter.store.auth import StaffStore

T0 = dt.datetime(2026, 11, 23, 14, 30)




def entries(store: Store, **filters: Any) -> list[tuple[str, str, str, str]]:
    return [(e.actor, e.entity, e.entity_id, e.action)
            for e in audit_entries(store, **filters)]


def product(sku: str, price: int = 100, *codes: str) -> Product:
    return Product(sku=Sku(sku), name=f"Thing {sku}", price=price, barcodes=codes)


# ---------------------------------------------------------------------- catalog


def test_imported_products_are_logged_as_added_with_their_row(
        store: Store, spec_products: list[Product]) -> None:
    store.catalog.import_products(spec_products, actor="ann")
    log = audit_entries(store, entity="product")
    assert len(log) == len(spec_products)
    first = log[0]
    assert (first.actor, first.action, first.before) == ("ann", "add", None)
    p = min(spec_products, key=lambda q: q.sku)  # an import logs its products by SKU
    assert first.entity_id == p.sku
    assert first.after["name"] == p.name
    assert first.after["price_cents"] == p.price
    assert isinstance(first.after["tags"], list)
    assert len(first.after["barcodes"]) == len(p.barcodes)


def test_only_products_that_changed_are_logged(store: Store,
                                               spec_products: list[Product]) -> None:
    store.catalog.import_products(spec_products)
    before = len(audit_entries(store))
    assert store.catalog.import_products(spec_products).unchanged == len(spec_products)
    assert len(audit_entries(store)) == before  # the same file again: nothing
    edited = [dataclasses.replace(spec_products[0], price=spec_products[0].price + 25),
              *spec_products[1:]]
    store.catalog.import_products(edited, actor="ann")
    [change] = audit_entries(store, actor="ann")
    assert (change.entity, change.entity_id, change.action) == ("product",
                                                                spec_products[0].sku,
                                                                "change")
    assert change.after["price_cents"] - change.before["price_cents"] == 25
    assert change.changed_fields() == ["price_cents"]
    assert "price_cents" in change.summary()


def test_a_moved_barcode_is_a_change_of_both_products(store: Store) -> None:
    store.catalog.import_products([product("A", 100, "2100000000012"), product("B", 200)])
    store.catalog.import_products([product("A", 100), product("B", 200, "2100000000012")],
                          actor="ann")
    changes = {e.entity_id: e for e in audit_entries(store, actor="ann")}
    assert set(changes) == {"A", "B"}
    assert changes["A"].changed_fields() == ["barcodes"]
    assert changes["B"].after["barcodes"] == ["2100000000012"]


def test_a_refused_import_leaves_no_audit_rows(store: Store) -> None:
    store.catalog.import_products([product("A", 100, "2100000000012")])
    logged = len(audit_entries(store))
    with pytest.raises(ValidationError, match="already belongs to A"):
        store.catalog.import_products([product("B", 100, "2100000000012")])
    assert len(audit_entries(store)) == logged


def test_an_import_that_fails_halfway_leaves_no_audit_rows(store: Store) -> None:
    products = [product(f"P{i:05d}", 100 + i) for i in range(2500)]

    def progress(done: int, total: int) -> None:
        if done >= 2000:
            raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises(StoreError, match="could not save"):
        store.catalog.import_products(products, progress)
    assert audit_entries(store) == []
    assert len(store.catalog.load()) == 0


def test_a_large_import_logs_only_what_changed(store: Store) -> None:
    products = [product(f"P{i:05d}", 100 + i, f"{i:012d}") for i in range(5000)]
    store.catalog.import_products(products)
    assert len(audit_entries(store, entity="product")) == 5000
    edited = [dataclasses.replace(p, price=p.price + 1) if i % 500 == 0 else p
              for i, p in enumerate(products)]
    summary = store.catalog.import_products(edited, actor="ann")
    assert len(summary.changed) == 10
    assert len(audit_entries(store, actor="ann")) == 10


# ---------------------------------------------------------------------- rules and settings


def test_rule_changes_are_logged_with_their_bodies(store: Store, spec_pack: RulePack) -> None:
    store.rules.replace(spec_pack, actor="ann")
    added = audit_entries(store, entity="rule")
    assert {e.entity_id for e in added} == {r.id for r in spec_pack.rules}
    assert all(e.action == "add" and e.before is None for e in added)
    assert added[0].after["id"] == added[0].entity_id
    first, *rest = spec_pack.rules
    edited = RulePack((dataclasses.replace(first, priority=first.priority + 7), *rest[1:]),
                      spec_pack.settings)
    store.rules.replace(edited, actor="bea")
    log = {(e.entity_id, e.action): e for e in audit_entries(store, actor="bea")}
    assert set(log) == {(first.id, "change"), (rest[0].id, "remove")}
    change = log[(first.id, "change")]
    assert change.after["priority"] - change.before.get("priority", 0) == 7
    removed = log[(rest[0].id, "remove")]
    assert (removed.before["id"], removed.after) == (rest[0].id, None)


def test_a_merge_logs_no_removals(store: Store, spec_pack: RulePack) -> None:
    store.rules.replace(spec_pack)
    store.rules.replace(RulePack(spec_pack.rules[:1], None), merge=True, actor="ann")
    assert entries(store, actor="ann") == []


def test_a_packs_settings_are_logged_with_its_rules(store: Store, spec_pack: RulePack) -> None:
    store.rules.replace(spec_pack)
    store.rules.replace(RulePack(spec_pack.rules, Settings(max_prompts_per_order=9)),
                        actor="ann")
    log = audit_entries(store, actor="ann")
    assert [(e.entity, e.entity_id, e.before, e.after) for e in log if e.entity == "setting"
            ] == [("setting", "max_prompts_per_order",
                   spec_pack.settings.max_prompts_per_order if spec_pack.settings else 2, 9)]


def test_settings_changes_are_logged_with_before_and_after(store: Store) -> None:
    store.set_settings({"rush_scans_per_minute": 20, "store_name": "Corner"})
    store.set_settings({"rush_scans_per_minute": 25, "store_name": "Corner"}, actor="ann")
    store.set_settings({"rush_scans_per_minute": 25})  # no change, no row
    log = audit_entries(store, entity="setting")
    assert [(e.actor, e.entity_id, e.action, e.before, e.after) for e in log] == [
        ("system", "rush_scans_per_minute", "add", None, 20),
        ("system", "store_name", "add", None, "Corner"),
        ("ann", "rush_scans_per_minute", "change", 20, 25),
    ]
    assert log[-1].summary() == "20 -> 25"


# ---------------------------------------------------------------------- staff


def test_staff_changes_are_logged_without_secrets(store: Store) -> None:
    staff = StaffStore(store, FixedClock(T0))
    staff.add_person("ann", "manager", "Zebra-Marmalade-417", actor="system")
    staff.add_person("carl", "clerk", "8642", actor="ann")
    staff.change_secret("carl", "9753", actor="ann", now=T0 + dt.timedelta(minutes=1))
    staff.set_active("carl", False, actor="ann")
    store.staff.add_without_secret("dora", actor="ann")
    log = audit_entries(store, entity="staff", actor="ann")
    assert [(e.entity_id, e.action) for e in log] == [
        ("carl", "add"), ("carl", "change"), ("carl", "change"), ("dora", "add")]
    assert log[0].after == {"name": "carl", "role": "clerk", "active": True,
                            "secret_set": True, "secret_changed_at": "2026-11-23T14:30:00"}
    assert log[1].changed_fields() == ["secret_changed_at"]
    assert log[2].changed_fields() == ["active"]
    assert log[3].after["secret_set"] is False
    text = json.dumps([[e.before, e.after] for e in audit_entries(store)])
    for secret in ("Zebra-Marmalade-417", "8642", "9753", "scrypt"):
        assert secret not in text


def test_adding_a_name_that_exists_logs_nothing(store: Store) -> None:
    store.staff.add_without_secret("dora")
    store.staff.add_without_secret("dora")
    assert entries(store) == [("system", "staff", "dora", "add")]


# ---------------------------------------------------------------------- reading


@pytest.fixture
def logged(store: Store) -> Store:
    """Five entries over three days, by three actors."""
    rows = [
        (dt.datetime(2026, 11, 21, 9, 0), "ann", Change("rule", "latte-muffin", "add", None,
                                                        {"id": "latte-muffin"})),
        (dt.datetime(2026, 11, 22, 9, 0), "bea", Change("setting", "currency", "change",
                                                        "USD", "EUR")),
        (dt.datetime(2026, 11, 22, 18, 0), "ann", Change("product", "LAT-T", "change",
                                                         {"price_cents": 450},
                                                         {"price_cents": 475})),
        (dt.datetime(2026, 11, 23, 8, 0), "cli:root", Change("staff", "carl", "add", None,
                                                             {"name": "carl"})),
        (dt.datetime(2026, 11, 23, 9, 0), "ann", Change("rule", "100%_off", "remove",
                                                        {"id": "100%_off"}, None)),
    ]
    with store.write() as db:
        for at, actor, change in rows:
            record(db, [change], actor=actor, at=at)
    return store


def test_entries_are_oldest_first_or_newest_first(logged: Store) -> None:
    ids = [e.id for e in audit_entries(logged)]
    assert ids == sorted(ids)
    assert [e.id for e in audit_entries(logged, newest_first=True, limit=2)] == ids[::-1][:2]


def test_filter_by_entity_and_actor(logged: Store) -> None:
    assert [e[2] for e in entries(logged, entity="rule")] == ["latte-muffin", "100%_off"]
    assert [e[2] for e in entries(logged, actor="ann")] == ["latte-muffin", "LAT-T",
                                                            "100%_off"]
    assert entries(logged, entity="rule", actor="bea") == []
    assert [e[2] for e in entries(logged, entity_id="carl")] == ["carl"]
    assert audit_actors(logged) == ["ann", "bea", "cli:root"]


def test_filter_by_dates_takes_whole_days(logged: Store) -> None:
    day = dt.date(2026, 11, 22)
    assert [e[2] for e in entries(logged, since=day, until=day)] == ["currency", "LAT-T"]
    assert [e[2] for e in entries(logged, since=dt.date(2026, 11, 23))] == ["carl",
                                                                             "100%_off"]
    assert [e[2] for e in entries(logged, until=dt.date(2026, 11, 21))] == ["latte-muffin"]


def test_filter_by_times_is_inclusive(logged: Store) -> None:
    found = entries(logged, since=dt.datetime(2026, 11, 22, 9, 0),
                    until=dt.datetime(2026, 11, 23, 8, 0))
    assert [e[2] for e in found] == ["currency", "LAT-T", "carl"]


def test_filter_by_text_anywhere_ignoring_case(logged: Store) -> None:
    assert [e[2] for e in entries(logged, text="eur")] == ["currency"]
    assert [e[2] for e in entries(logged, text="475")] == ["LAT-T"]
    assert [e[2] for e in entries(logged, text="CLI:")] == ["carl"]
    # % and _ are plain characters, not wildcards
    assert [e[2] for e in entries(logged, text="100%_")] == ["100%_off"]
    assert entries(logged, text="_x") == []


def test_csv_export(logged: Store) -> None:
    text = audit_csv(audit_entries(logged))
    assert text.startswith("id,at,actor,entity,entity_id,action,before,after\r\n")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 5
    price = rows[2]
    assert (price["at"], price["actor"], price["entity"], price["entity_id"],
            price["action"]) == ("2026-11-22T18:00:00", "ann", "product", "LAT-T", "change")
    assert json.loads(price["before"]) == {"price_cents": 450}
    assert json.loads(price["after"]) == {"price_cents": 475}
    assert rows[0]["before"] == ""
    assert rows[4]["after"] == ""


def test_csv_export_defuses_spreadsheet_formulas(store: Store) -> None:
    with store.write() as db:
        record(db, [Change("product", "=HYPERLINK(\"x\")", "add", None, {"a": 1})],
               actor="@evil", at=T0)
    [row] = list(csv.DictReader(io.StringIO(audit_csv(audit_entries(store)))))
    assert row["entity_id"] == "'=HYPERLINK(\"x\")"
    assert row["actor"] == "'@evil"


def test_the_log_is_append_only(logged: Store) -> None:
    with pytest.raises(StoreError, match="append-only"), logged.write() as db:
        db.execute("UPDATE audit_log SET actor = 'nobody'")
    with pytest.raises(StoreError, match="append-only"), logged.write() as db:
        db.execute("DELETE FROM audit_log")
    assert len(audit_entries(logged)) == 5


# ---------------------------------------------------------------------- catalog imports in SQL


def product_snapshot(p: Product, codes: list[str]) -> dict[str, Any]:
    """A product as the log shows it."""
    return {"sku": p.sku, "name": p.name, "price_cents": p.price, "category": p.category,
            "tags": sorted(p.tags), "family": p.family, "size_rank": p.size_rank,
            "size_label": p.size_label,
            "unit_qty": None if p.unit_qty is None else str(p.unit_qty), "unit": p.unit,
            "cost_cents": p.cost, "active": int(p.active), "barcodes": codes}


def test_import_rows_made_in_sql_are_the_text_record_writes(store: Store) -> None:
    """An import writes its log rows with INSERT ... SELECT: their JSON is the very text
    `record` writes for the same product (keys sorted, compact, non-ASCII as it is), so
    search and export treat all rows alike."""
    odd = Product(sku=Sku("ODD-1"), name='Café "Grand" \\ 12\u2009oz\t\u2028', price=450,
                  barcodes=("012345678905", "2100000000012"), category="coffee",
                  tags=frozenset({"vegan", "hot-drink"}), family="latte", size_rank=2,
                  size_label="Grande", unit_qty=Decimal("12.5"), unit="oz", active=False)
    store.catalog.import_products([odd], actor="ann")
    changed = dataclasses.replace(odd, price=475, barcodes=("2100000000012",))
    store.catalog.import_products([changed], actor="bea")
    before = product_snapshot(odd, ["0012345678905", "2100000000012"])
    after = product_snapshot(changed, ["2100000000012"])
    with store.write() as db:
        record(db, [Change("product", "ODD-1", "add", None, before),
                    Change("product", "ODD-1", "change", before, after)], actor="record")
    rows = store.db.execute("SELECT actor, before, after FROM audit_log ORDER BY id").fetchall()
    assert [r[0] for r in rows] == ["ann", "bea", "record", "record"]
    assert rows[0][1:] == rows[2][1:]
    assert rows[1][1:] == rows[3][1:]
    [change] = audit_entries(store, actor="bea")
    assert change.changed_fields() == ["barcodes", "price_cents"]


def test_an_import_logs_one_row_per_product_by_sku(store: Store) -> None:
    """Whatever the order of the file (the import writes in SKU order, so a shuffled file
    is as quick to apply as a sorted one)."""
    store.catalog.import_products(
        [product("Z3"), product("Z1", 100, "2100000000012"), product("Z2")], actor="ann")
    assert [(e.entity_id, e.action) for e in audit_entries(store)] == [
        ("Z1", "add"), ("Z2", "add"), ("Z3", "add")]
    summary = store.catalog.import_products([product("Z2", 200), product("Z3"), product("Z1", 150)],
                                    actor="bea")
    assert summary.changed == ["Z2", "Z1"]  # the summary keeps the file's order
    assert [(e.entity_id, e.action, e.changed_fields()) for e in
            audit_entries(store, actor="bea")] == [
        ("Z1", "change", ["barcodes", "price_cents"]), ("Z2", "change", ["price_cents"])]


def test_an_imports_rows_export_search_and_print(store: Store, store_path: Path,
                                                 spec_products: list[Product],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    store.catalog.import_products(spec_products, actor="ann")
    mug = next(p for p in spec_products if p.sku == "MUG")
    store.catalog.import_products([dataclasses.replace(mug, price=mug.price + 5)], actor="bea")
    rows = list(csv.DictReader(io.StringIO(audit_csv(audit_entries(store,
                                                                   entity="product")))))
    assert len(rows) == len(spec_products) + 1
    last = rows[-1]
    assert (last["actor"], last["entity_id"], last["action"]) == ("bea", "MUG", "change")
    assert json.loads(last["after"])["price_cents"] == mug.price + 5
    added = next(r for r in rows if r["entity_id"] == "MUG")
    assert json.loads(last["before"]) == json.loads(added["after"])
    assert [e.entity_id for e in audit_entries(store, text=f'"price_cents":{mug.price + 5}')
            ] == ["MUG"]
    assert main(["audit", "--db", str(store_path), "--actor", "bea"]) == 0
    out = capsys.readouterr().out
    assert "MUG" in out
    assert f"price_cents {mug.price} -> {mug.price + 5}" in out
