"""The type-ahead pickers over a chain-sized catalog (100,000 generated products): what they
find, in which order, capped; the match model through Qt's model tester; and the picker
widgets driven by typing, as a manager (or a scanner) does. Speed is measured in
bench/bench_picker.py, not asserted here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pos_prompter.core.catalog import Catalog, Product, Sku, gtin_check_digit
from pos_prompter.ui.workspace.product_picker import (
    LIMIT,
    CatalogChoices,
    Choice,
    ChoiceIndex,
    MatchModel,
    PickerField,
    ValueListEdit,
)

N = 100_000
COLOURS = ("red", "green", "blue", "black", "white")


def barcode(i: int) -> str:
    body = f"29{i:010d}"
    return body + str(gtin_check_digit(body))


def product(i: int) -> Product:
    """P00000..P99999; every 1,000th is a "Golden Kettle"; 200 categories, 5 colour tags;
    every 7th product of category c199 is not for sale."""
    name = f"Golden Kettle {i}" if i % 1000 == 0 else f"Item {i} {COLOURS[i % 5]}"
    category = f"c{i % 200:03d}"
    return Product(sku=Sku(f"P{i:05d}"), name=name, price=100 + i % 900,
                   barcodes=(barcode(i),), category=category, tags=frozenset({COLOURS[i % 5]}),
                   active=not (category == "c199" and i % 7 == 0))


@pytest.fixture(scope="module")
def big_catalog() -> Catalog:
    return Catalog(product(i) for i in range(N))


@pytest.fixture(scope="module")
def choices(big_catalog: Catalog) -> CatalogChoices:
    return CatalogChoices(big_catalog)


def values(found: list[Choice]) -> list[str]:
    return [c.value for c in found]


# ---------------------------------------------------------------- the index


def test_a_sku_prefix_finds_those_skus_first_in_order(choices: CatalogChoices) -> None:
    found = choices.search("sku", "p0123")
    assert values(found) == [f"P0123{d}" for d in range(10)]
    assert found[0].label.startswith("P01230 \N{EM DASH} Item 1230 red")


def test_the_exact_sku_comes_first(choices: CatalogChoices) -> None:
    assert values(choices.search("sku", "P42424"))[0] == "P42424"
    assert values(choices.search("sku", "p42424")) == ["P42424"]


def test_words_match_anywhere_in_any_order_and_are_capped(choices: CatalogChoices) -> None:
    found = choices.search("sku", "kettle golden")
    assert len(found) == LIMIT
    assert all("Golden Kettle" in c.label for c in found)
    assert values(found) == sorted(values(found)), "in SKU order"
    every = choices.search("sku", "kettle golden", limit=1000)
    assert len(every) == N // 1000
    assert len(choices.search("sku", "item")) == LIMIT
    assert values(choices.search("sku", "item 77777 red")) == []  # 77777 is blue
    assert values(choices.search("sku", "blue 77777 item")) == ["P77777"]


def test_nothing_found_is_an_empty_list(choices: CatalogChoices) -> None:
    assert choices.search("sku", "no such thing") == []
    assert choices.search("sku", "x" * 200) == []


def test_an_empty_query_lists_the_first_ones(choices: CatalogChoices) -> None:
    assert values(choices.search("sku", "  ")) == [f"P{i:05d}" for i in range(LIMIT)]


def test_a_line_break_never_joins_two_entries() -> None:
    index = ChoiceIndex([("A-1", "ab"), ("B-1", "cd")])
    assert index.search("b c") == []
    assert values(index.search("ab")) == ["A-1"]
    assert values(index.search("cd")) == ["B-1"]


def test_categories_and_tags_with_how_many_products_they_have(
        choices: CatalogChoices) -> None:
    categories = choices.search("category", "c01")
    assert values(categories) == ["c010", "c011", "c012", "c013", "c014", "c015", "c016",
                                  "c017", "c018", "c019"]
    assert categories[0].label == "c010 (500 products)"
    assert len(choices.search("category", "")) == LIMIT
    assert choices.search("category", "c199")[0].label == "c199 (428 products)"
    assert values(choices.search("tag", "re")) == ["red", "green"]


def test_references_search_every_kind_or_the_one_named(choices: CatalogChoices) -> None:
    assert values(choices.search("ref", "red"))[:3] == ["tag:red", "sku:P00005",
                                                        "sku:P00010"]
    assert values(choices.search("ref", "category:c19")) == [f"category:c19{d}"
                                                             for d in range(10)]
    assert values(choices.search("ref", "sku:p0000"))[:3] == ["sku:P00000", "sku:P00001",
                                                             "sku:P00002"]
    assert len(choices.search("ref", "e")) == LIMIT


def test_typed_text_resolves_barcodes_and_spelling(choices: CatalogChoices) -> None:
    assert choices.resolve("sku", barcode(31415)) == "P31415"
    assert choices.resolve("sku", "  p31415 ") == "P31415"
    assert choices.resolve("sku", "NOT-IN-CATALOG") == "NOT-IN-CATALOG"
    assert choices.resolve("category", "C042") == "c042"
    assert choices.resolve("ref", "p00007") == "sku:P00007"
    assert choices.resolve("ref", "blue") == "tag:blue"
    assert choices.resolve("ref", "tag:BLUE") == "tag:blue"
    assert choices.resolve("ref", "whatever") == "whatever"


def test_inactive_products_are_marked(choices: CatalogChoices) -> None:
    assert choices.describe("sku", "P00399").endswith("not for sale")
    assert not choices.describe("sku", "P00199").endswith("not for sale")
    assert choices.describe("sku", "NOPE") == "NOPE is not in the catalog"
    assert choices.describe("ref", "category:c003") == "c003 (500 products)"


def test_customer_types_are_their_own_list(big_catalog: Catalog) -> None:
    own = CatalogChoices(big_catalog)
    own.set_customer_types(["staff", "member", "member"])
    assert values(own.search("customer", "")) == ["member", "staff"]
    assert values(own.search("customer", "st")) == ["staff"]


def test_reset_swaps_the_catalog_under_the_pickers() -> None:
    own = CatalogChoices(Catalog([product(1)]))
    source = own.source("sku")
    assert values(source.search("p")) == ["P00001"]
    own.reset(Catalog([product(2), product(3)]))
    assert values(source.search("p")) == ["P00002", "P00003"]


# ---------------------------------------------------------------- Qt


def test_the_match_model_passes_qts_model_tester(qtmodeltester: ModelTester,
                                                  choices: CatalogChoices) -> None:
    model = MatchModel()
    model.set_matches(choices.search("sku", "kettle"))
    qtmodeltester.check(model, force_py=False)
    assert model.rowCount() == LIMIT
    first = model.index(0, 0)
    assert first.data(Qt.ItemDataRole.DisplayRole).startswith("P00000 \N{EM DASH} Golden")
    assert first.data(Qt.ItemDataRole.EditRole) == "P00000"
    model.set_matches([])
    qtmodeltester.check(model, force_py=False)
    assert model.rowCount() == 0


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[QWidget]:
    """A shown window to type into (the completer's list pops up under the field)."""
    widget = QWidget()
    QVBoxLayout(widget)
    qtbot.addWidget(widget)
    yield widget
    widget.close()


def show(qtbot: QtBot, host: QWidget, field: QWidget) -> None:
    host.layout().addWidget(field)
    with qtbot.waitExposed(host):
        host.show()
    host.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)


def test_typing_offers_matches_and_choosing_one_picks_its_sku(
        qtbot: QtBot, host: QWidget, choices: CatalogChoices) -> None:
    field = PickerField(choices.source("sku"), "picker", host,
                        resolve=lambda t: choices.resolve("sku", t))
    show(qtbot, host, field)

    qtbot.keyClicks(field, "golden 5")
    shown = [field.matches.choice(r).value for r in range(field.matches.rowCount())]
    assert shown == ["P05000", "P15000", "P25000", "P35000", "P45000",
                     *(f"P5{d}000" for d in range(10)), "P65000", "P75000", "P85000",
                     "P95000"]
    popup = field.completer().popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(field.picked) as picked:
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picked.args == ["P15000"]
    assert field.text() == "", "cleared for the next one"
    assert not popup.isVisible()


def test_enter_on_a_scanned_barcode_picks_its_sku(
        qtbot: QtBot, host: QWidget, choices: CatalogChoices) -> None:
    field = PickerField(choices.source("sku"), "picker", host,
                        resolve=lambda t: choices.resolve("sku", t))
    show(qtbot, host, field)
    with qtbot.waitSignal(field.picked) as picked:
        qtbot.keyClicks(field, barcode(271))
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert picked.args == ["P00271"]
    field.hide_popup()


def test_a_single_value_field_keeps_what_was_picked(
        qtbot: QtBot, host: QWidget, choices: CatalogChoices) -> None:
    field = PickerField(choices.source("sku"), "picker", host,
                        resolve=lambda t: choices.resolve("sku", t), clear_on_pick=False)
    show(qtbot, host, field)
    qtbot.keyClicks(field, "p0999")
    popup = field.completer().popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(field.picked):
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.text() == "P09990"


def test_a_value_list_adds_chips_and_a_chip_click_removes_it(
        qtbot: QtBot, host: QWidget, choices: CatalogChoices) -> None:
    edit = ValueListEdit(choices, "sku", "skus", host)
    show(qtbot, host, edit.picker)
    with qtbot.waitSignal(edit.values_changed):
        qtbot.keyClicks(edit.picker, barcode(5))
        qtbot.keyClick(edit.picker, Qt.Key.Key_Return)
    with qtbot.waitSignal(edit.values_changed):
        edit.add_value("P00007")
    with qtbot.assertNotEmitted(edit.values_changed):
        edit.add_value("P00005")  # already there
    assert edit.values() == ["P00005", "P00007"]
    chips = edit.chips()
    assert [c.property("value") for c in chips] == ["P00005", "P00007"]
    assert "Item 5 red" in chips[0].toolTip()
    with qtbot.waitSignal(edit.values_changed):
        chips[0].click()
    assert edit.values() == ["P00007"]
    with qtbot.assertNotEmitted(edit.values_changed):
        edit.set_values(["P00001", "P00002", "P00001"])
    assert edit.values() == ["P00001", "P00002"]
    edit.picker.hide_popup()


def test_chips_say_names_and_keep_the_codes_in_their_tooltips(
        qtbot: QtBot, host: QWidget, choices: CatalogChoices) -> None:
    """Issue 13, point 11: a manager reads "Item 5 red", not "P00005"."""
    products = ValueListEdit(choices, "sku", "skus", host)
    products.set_values(["P00005", "NOT-SOLD-HERE"])
    first, unknown = products.chips()
    assert first.text().startswith("Item 5 red")
    assert "P00005" not in first.text()
    assert first.toolTip().startswith("P00005")  # the code, on demand
    assert first.accessibleName() == "Remove Item 5 red"
    assert unknown.text().startswith("NOT-SOLD-HERE")  # no name to give: its code
    refs = ValueListEdit(choices, "ref", "refs", host)
    refs.set_values(["category:c001", "tag:red", "sku:P00007"])
    assert [c.text().split("  ")[0] for c in refs.chips()] == ["C001", "any red",
                                                             "Item 7 blue"]
