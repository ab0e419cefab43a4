"""Imports from the workspace, on real store files: a preview of what would change before
anything is written, every way a file is refused (nothing applied, the problem located),
lint errors and warnings, the worker thread and its progress bar, exports that import back
byte for byte, and a till on the same store taking the published rules."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QProgressBar, QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import COOKIE, child, scan
from workspace_helpers import MANAGER, close_workspace, list_texts, sign_in, text_of

from pos_prompter.bootstrap import export_text
from pos_prompter.core.catalog import Product, Sku
from pos_prompter.core.rules import pack_to_dict
from pos_prompter.store import Store
from pos_prompter.store.audit import audit_entries
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.import_dialog import CATALOG, ORDERS, RULES, ImportDialog
from pos_prompter.ui.workspace.window import WorkspaceWindow

MakeWorkspace = Callable[..., WorkspaceWindow]
MakeWindow = Callable[..., TillWindow]

NEW_RULE = {
    "id": "croissant-with-cookie", "kind": "cross_sell", "title": "Croissant with a cookie",
    "when": {"scanned": {"sku": ["COOKIE-OAT"]}}, "offer": {"add": ["CROISSANT"]},
    "say": "A butter croissant to go with that?", "priority": 3, "max_offer_ratio": 2,
}
CAFE_COUNT = 6


def store_pack(path: Path) -> dict[str, Any]:
    """The store's rules and settings as pack data."""
    with Store.open(path) as store:
        return pack_to_dict(store.rules.load(), store.load_settings())


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_pack(path: Path, data: dict[str, Any]) -> Path:
    return write(path, yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def open_import(qtbot: QtBot, workspace: WorkspaceWindow, kind: str,
                path: Path) -> ImportDialog:
    """Open the import dialog on `path` and wait until it has read the file."""
    dialog = workspace.open_import(kind, path)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    return dialog


def apply(qtbot: QtBot, dialog: ImportDialog) -> None:
    button = child(dialog, QPushButton, "importApply")
    assert button.isEnabled()
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000):
        button.click()
    qtbot.waitUntil(lambda: not dialog.busy)


def close(qtbot: QtBot, dialog: ImportDialog) -> None:
    with qtbot.waitSignal(dialog.finished):
        child(dialog, QPushButton, "importClose").click()


def rule_ids(path: Path) -> list[str]:
    with Store.open(path) as store:
        return [r.id for r in store.rules.load()]


# ---------------------------------------------------------------------- rule packs


def test_a_pack_is_previewed_then_published_and_a_till_takes_it_on_its_next_scan(
        qtbot: QtBot, make_workspace: MakeWorkspace, make_till_window: MakeWindow,
        cafe_store_path: Path, tmp_path: Path) -> None:
    till = make_till_window(cafe_store_path)
    workspace = make_workspace(cafe_store_path)
    data = store_pack(cafe_store_path)
    rules = [r for r in data["rules"] if r["id"] != "mug-deal"]
    next(r for r in rules if r["id"] == "coffee-pastry")["priority"] = 8
    data["rules"] = [*rules, NEW_RULE]
    pack = write_pack(tmp_path / "pack.yaml", data)
    before = rule_ids(cafe_store_path)

    dialog = open_import(qtbot, workspace, RULES, pack)

    assert list_texts(dialog, "importAdded") == ["croissant-with-cookie"]
    assert list_texts(dialog, "importChanged") == ["coffee-pastry: priority"]
    assert list_texts(dialog, "importRemoved") == ["mug-deal"]
    assert text_of(dialog, "importSummary") == (
        "pack.yaml: rules 1 added, 1 changed, 1 removed, 4 unchanged.")
    assert list_texts(dialog, "importFindings") == []
    assert rule_ids(cafe_store_path) == before  # a preview writes nothing

    with qtbot.waitSignals([dialog.import_finished, till.rules_reloaded], timeout=10_000):
        child(dialog, QPushButton, "importApply").click()

    assert text_of(dialog, "importResult").startswith(
        "Done. rules: 1 added, 1 changed, 1 removed, 4 unchanged.")
    assert child(dialog, QProgressBar, "importProgress").value() == 100
    assert not child(dialog, QPushButton, "importApply").isEnabled()
    assert "croissant-with-cookie" in [row.rule.id for row in workspace.rule_list.model.rows]
    with Store.open(cafe_store_path) as store:
        added = audit_entries(store, entity="rule", entity_id="croissant-with-cookie")
        assert [(e.actor, e.action) for e in added] == [(MANAGER, "add")]
    close(qtbot, dialog)

    scan(qtbot, till, COOKIE)
    assert till.till.prompt is not None
    assert till.till.prompt.rule_id == "croissant-with-cookie"


def test_an_open_till_reloads_at_once_when_its_own_workspace_publishes(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        tmp_path: Path) -> None:
    till = make_till_window(cafe_store_path)
    workspace = sign_in(qtbot, till)
    data = store_pack(cafe_store_path)
    data["rules"] = [*data["rules"], NEW_RULE]
    dialog = open_import(qtbot, workspace, RULES, write_pack(tmp_path / "p.yaml", data))

    with qtbot.waitSignals([workspace.published, till.rules_reloaded]):
        child(dialog, QPushButton, "importApply").click()

    assert "croissant-with-cookie" in till.till.engine.rules
    close(qtbot, dialog)
    close_workspace(qtbot, till)


def test_merge_keeps_the_rules_that_are_not_in_the_pack(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    pack = write_pack(tmp_path / "one.yaml", {"version": 1, "rules": [NEW_RULE]})
    dialog = open_import(qtbot, workspace, RULES, pack)
    assert len(list_texts(dialog, "importRemoved")) == CAFE_COUNT

    child(dialog, QCheckBox, "importMerge").setChecked(True)  # reads the pack again
    qtbot.waitUntil(lambda: not dialog.busy and dialog.preview is not None)

    assert list_texts(dialog, "importRemoved") == []
    assert "Merge: rules not in the pack stay as they are." in text_of(dialog, "importNotes")
    apply(qtbot, dialog)
    assert len(rule_ids(cafe_store_path)) == CAFE_COUNT + 1
    close(qtbot, dialog)


def test_export_then_import_gives_the_same_rules_byte_for_byte(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    for name in ("rules.yaml", "rules.json"):
        first, second = tmp_path / f"first-{name}", tmp_path / f"second-{name}"
        with qtbot.waitSignal(workspace.rules_exported):
            workspace.export_rules(first)
        with Store.open(cafe_store_path) as store:  # the rules drift away meanwhile
            store.rules.delete("mug-deal")
            with store.snapshot():
                assert export_text(store.rules.load(), store.load_settings(),
                                   as_json=name.endswith(".json")) != first.read_text("utf-8")

        dialog = open_import(qtbot, workspace, RULES, first)
        assert list_texts(dialog, "importAdded") == ["mug-deal"]
        apply(qtbot, dialog)
        close(qtbot, dialog)
        with qtbot.waitSignal(workspace.rules_exported):
            workspace.export_rules(second)

        assert second.read_bytes() == first.read_bytes()
    assert f"Exported {CAFE_COUNT} rules" in workspace.message.text()


def test_an_export_that_cannot_be_written_says_so(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)

    with qtbot.assertNotEmitted(workspace.rules_exported):
        workspace.export_rules(tmp_path)  # a folder
        qtbot.waitUntil(lambda: workspace.export_job is None)

    assert workspace.message.text().startswith(
        f"The rules were not exported: could not write {tmp_path}")
    assert workspace.export_rules_action.isEnabled()


def test_invalid_yaml_is_refused_with_its_line_and_column(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    pack = write(tmp_path / "broken.yaml",
                 "version: 1\nrules:\n  - id: latte\n    kind: [upsell\n    title: x\n")

    dialog = workspace.open_import(RULES, pack)
    with qtbot.waitSignal(dialog.preview_failed) as failed:
        pass

    assert "at line 5, column" in failed.args[0]
    [problem] = list_texts(dialog, "importErrors")
    assert "broken.yaml is not valid YAML/JSON at line 5, column" in problem
    assert not child(dialog, QPushButton, "importApply").isEnabled()
    assert rule_ids(cafe_store_path) != []
    qtbot.waitUntil(lambda: not dialog.busy)
    close(qtbot, dialog)


def test_an_invalid_rule_is_refused_naming_the_rule_and_the_field(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    bad = {**NEW_RULE, "kind": "upsel"}
    money = {**NEW_RULE, "id": "float-price", "kind": "bundle",
             "offer": {"bundle": {"with": ["CROISSANT"], "price": 2.5}}}
    pack = write_pack(tmp_path / "bad.yaml", {"version": 1, "rules": [bad, money]})

    dialog = open_import(qtbot, workspace, RULES, pack)

    problems = list_texts(dialog, "importErrors")
    assert any(p.startswith("rule croissant-with-cookie, field kind:") for p in problems)
    assert any(p.startswith("rule float-price, field offer.bundle.price:") for p in problems)
    assert text_of(dialog, "importSummary").startswith(
        "The rule pack is refused and nothing was changed:")
    assert not child(dialog, QPushButton, "importApply").isEnabled()
    assert not list_texts(dialog, "importAdded")
    assert len(rule_ids(cafe_store_path)) == CAFE_COUNT
    close(qtbot, dialog)


def test_a_lint_error_blocks_publishing(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    typo = {**NEW_RULE, "offer": {"add": ["CROISANT"]}}
    pack = write_pack(tmp_path / "typo.yaml", {"version": 1, "rules": [typo]})

    dialog = open_import(qtbot, workspace, RULES, pack)

    [finding] = list_texts(dialog, "importFindings")
    assert finding.startswith("error: rule croissant-with-cookie:")
    assert "CROISANT" in finding
    assert "1 lint error blocks publishing" in text_of(dialog, "importSummary")
    assert not child(dialog, QPushButton, "importApply").isEnabled()
    assert not child(dialog, QCheckBox, "importConfirmWarnings").isVisible()
    dialog.apply()  # even asked directly: nothing happens
    assert not dialog.busy
    assert len(rule_ids(cafe_store_path)) == CAFE_COUNT
    close(qtbot, dialog)


def test_warnings_need_the_tick_before_publishing(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    odd = {**NEW_RULE, "say": "A croissant, {size}?"}  # {size} has no value in a cross-sell
    pack = write_pack(tmp_path / "odd.yaml", {"version": 1, "rules": [odd]})

    dialog = open_import(qtbot, workspace, RULES, pack)

    findings = list_texts(dialog, "importFindings")
    assert findings
    assert all(f.startswith("warning:") for f in findings)
    assert any("{size}" in f for f in findings)
    apply_button = child(dialog, QPushButton, "importApply")
    tick = child(dialog, QCheckBox, "importConfirmWarnings")
    assert tick.isVisible()
    assert not apply_button.isEnabled()
    tick.setChecked(True)
    assert apply_button.isEnabled()
    apply(qtbot, dialog)
    assert rule_ids(cafe_store_path) == ["croissant-with-cookie"]
    close(qtbot, dialog)


@pytest.mark.parametrize(("name", "content", "why"), [
    ("missing.yaml", None, "does not exist"),
    ("latin1.yaml", b"version: 1\nrules: []\n# caf\xe9\n", "is not UTF-8 text"),
    ("list.yaml", b"- just\n- a list\n", "the pack must be a mapping with version and rules"),
    ("v2.yaml", b"version: 2\nrules: []\n", "field version: 2 is not a supported format"),
])
def test_unreadable_packs_are_refused(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path, name: str, content: bytes | None, why: str) -> None:
    workspace = make_workspace(cafe_store_path)
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)

    dialog = open_import(qtbot, workspace, RULES, path)

    assert any(why in p for p in list_texts(dialog, "importErrors"))
    assert not child(dialog, QPushButton, "importApply").isEnabled()
    close(qtbot, dialog)


# ---------------------------------------------------------------------- catalogs

CATALOG_HEADER = "sku,name,price,category\n"


@pytest.mark.parametrize(("rows", "problem"), [
    ("sku,name,price,colour\nTEA-G,Green tea,2.50,red\n",
     "line 1, column 'colour': unknown column"),
    (CATALOG_HEADER + "TEA-G,Green tea,2.50,tea\nTEA-B,Black tea,2.5O,tea\n",
     "line 3, column price:"),
    (CATALOG_HEADER + "TEA-G,Green tea,2.50,tea\nTEA-G,Green tea again,2.60,tea\n",
     "line 3, column sku: 'TEA-G' already used on line 2"),
    ("sku,name,price,barcodes\nTEA-G,Green tea,2.50,2100000000012\n",
     "barcode 2100000000012 of TEA-G already belongs to LATTE-T"),
    ("", "line 1: the file is empty"),
])
def test_a_bad_catalog_is_refused_with_line_and_column(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path, rows: str, problem: str) -> None:
    workspace = make_workspace(cafe_store_path)
    with Store.open(cafe_store_path) as store:
        products_before = len(store.catalog.load())

    dialog = open_import(qtbot, workspace, CATALOG, write(tmp_path / "cat.csv", rows))

    assert any(problem in p for p in list_texts(dialog, "importErrors")), \
        list_texts(dialog, "importErrors")
    assert "nothing was changed" in text_of(dialog, "importSummary")
    assert not child(dialog, QPushButton, "importApply").isEnabled()
    with Store.open(cafe_store_path) as store:
        assert len(store.catalog.load()) == products_before
    close(qtbot, dialog)


def test_a_catalog_preview_lists_new_and_changed_products(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    rows = (CATALOG_HEADER + "TEA-G,Green tea,2.50,other-drinks\n"
            "CROISSANT,Butter Croissant,3.45,bakery\n")

    dialog = open_import(qtbot, workspace, CATALOG, write(tmp_path / "cat.csv", rows))

    assert list_texts(dialog, "importAdded") == ["TEA-G"]
    arrow = "\N{RIGHTWARDS ARROW}"  # the file has no barcodes or cost: the store's stay
    assert list_texts(dialog, "importChanged") == [f"CROISSANT: price 3.25 {arrow} 3.45"]
    assert "stay as they are" in text_of(dialog, "importNotes")
    assert not dialog.groups["Removed"].isVisible()  # an import never removes products
    apply(qtbot, dialog)
    assert text_of(dialog, "importResult").startswith(
        "Done. products: 1 added, 1 changed, 0 unchanged.")
    with Store.open(cafe_store_path) as store:
        product = store.catalog.load().get("CROISSANT")
        assert product is not None
        assert product.price == 345
        change = audit_entries(store, entity="product", entity_id="CROISSANT")[-1]
        assert (change.actor, change.action) == (MANAGER, "change")
    close(qtbot, dialog)


def test_the_store_refusing_at_apply_changes_nothing_and_says_why(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    rows = "sku,name,price,barcodes\nTEA-G,Green tea,2.50,4006381333931\n"
    dialog = open_import(qtbot, workspace, CATALOG, write(tmp_path / "cat.csv", rows))
    assert list_texts(dialog, "importAdded") == ["TEA-G"]
    with Store.open(cafe_store_path) as store:  # meanwhile, at another till...
        store.catalog.import_products([Product(Sku("PEN"), "Pen", 150, ("4006381333931",))])

    with qtbot.waitSignal(dialog.import_failed) as failed:
        child(dialog, QPushButton, "importApply").click()

    assert "nothing was changed" in failed.args[0]
    assert any("already belongs to PEN" in p for p in list_texts(dialog, "importErrors"))
    with Store.open(cafe_store_path) as store:
        assert store.catalog.load().get("TEA-G") is None
    qtbot.waitUntil(lambda: not dialog.busy)
    close(qtbot, dialog)


def test_twenty_thousand_products_import_in_a_worker_with_a_progress_bar(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    lines = [f"GEN-{i:05d},Generated product {i},{1 + i % 40}.{i % 100:02d},generated\n"
             for i in range(20_000)]
    dialog = open_import(qtbot, workspace, CATALOG,
                         write(tmp_path / "big.csv", CATALOG_HEADER + "".join(lines)))
    assert "products 20000 added, 0 changed, 0 unchanged" in text_of(dialog, "importSummary")
    assert len(list_texts(dialog, "importAdded")) == 501  # 500 and "... and 19500 more"
    bar = child(dialog, QProgressBar, "importProgress")
    seen: list[int] = []
    bar.valueChanged.connect(seen.append)
    ticks: list[int] = []
    heartbeat = QTimer(workspace)  # runs only while the UI thread is free
    heartbeat.setInterval(0)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    main = threading.get_ident()
    workers: set[int] = set()

    heartbeat.start()
    child(dialog, QPushButton, "importApply").click()
    assert dialog.job is not None
    dialog.job.progressed.connect(lambda *_: workers.add(threading.get_ident()),
                                  Qt.ConnectionType.DirectConnection)
    qtbot.waitUntil(lambda: bar.value() == 100, timeout=60_000)
    qtbot.waitUntil(lambda: dialog.summary is not None and not dialog.busy, timeout=60_000)
    heartbeat.stop()

    assert seen[-1] == 100
    assert seen == sorted(seen)
    assert len(ticks) > 0  # the event loop ran while the products were written
    assert workers
    assert main not in workers
    assert text_of(dialog, "importResult").startswith("Done. products: 20000 added")
    with Store.open(cafe_store_path) as store:
        assert store.catalog.load().get("GEN-19999") is not None
    close(qtbot, dialog)


# ---------------------------------------------------------------------- past orders


def test_past_orders_are_imported_once(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    orders = write(tmp_path / "orders.csv",
                   "order_id,sku,qty,time\nA1,LATTE-T,1,2026-11-01T08:00\n"
                   "A1,MUFFIN-BB,2,2026-11-01T08:00\nA2,LATTE-G,1,2026-11-02T09:30\n")

    dialog = open_import(qtbot, workspace, ORDERS, orders)
    assert list_texts(dialog, "importAdded") == ["A1", "A2"]
    assert text_of(dialog, "importSummary") == (
        "orders.csv: past orders 2 in the file (3 lines).")
    assert "2026-11-01 to 2026-11-02" in text_of(dialog, "importNotes")
    apply(qtbot, dialog)
    assert text_of(dialog, "importResult").startswith("Done. past orders: 2 added")
    close(qtbot, dialog)

    again = open_import(qtbot, workspace, ORDERS, orders)
    apply(qtbot, again)
    assert "0 added, 0 changed, 2 already imported" in text_of(again, "importResult")
    close(qtbot, again)
    with Store.open(cafe_store_path) as store:
        assert len([o for o in store.sales.orders() if o["status"] == "paid"]) == 2


def test_past_orders_naming_unknown_products_are_refused(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    orders = write(tmp_path / "orders.csv", "order_id,sku,qty\nA1,NOPE,1\nA1,LATTE-T,x\n")

    dialog = open_import(qtbot, workspace, ORDERS, orders)

    assert list_texts(dialog, "importErrors") == [
        "line 2, column sku: 'NOPE' is not in the catalog",
        "line 3, column qty: 'x' is not a whole number from 1 to 9999"]
    assert not child(dialog, QPushButton, "importApply").isEnabled()
    close(qtbot, dialog)


# ---------------------------------------------------------------------- the window's seams


def test_the_menu_actions_ask_for_a_file_without_blocking(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)

    workspace.import_rules_action.trigger()

    [dialog] = workspace.import_dialogs
    chooser = dialog.file_dialog
    assert chooser is not None
    qtbot.waitUntil(chooser.isVisible)
    with qtbot.waitSignal(chooser.finished):
        chooser.reject()
    assert dialog.preview is None
    assert not child(dialog, QPushButton, "importApply").isEnabled()
    close(qtbot, dialog)
    assert workspace.import_dialogs == []

    workspace.export_rules_action.trigger()
    saver = workspace.file_dialog
    assert saver is not None
    qtbot.waitUntil(saver.isVisible)
    with qtbot.waitSignal(saver.finished), qtbot.assertNotEmitted(workspace.rules_exported):
        saver.reject()
