"""OrderTableModel: Qt's own model checks, the cells it shows, and the smallest change it
reports to its views when the order changes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pos_prompter.core.money import format_money
from pos_prompter.core.order import OrderLine
from pos_prompter.ui.order_model import (
    AMOUNT,
    DARK_NOTE_COLOR,
    DARK_PROMPT_LINE_BACKGROUND,
    HEADERS,
    ITEM,
    LINE_ROLE,
    NOTE,
    NOTE_COLOR,
    PRICE,
    PROMPT_LINE_BACKGROUND,
    QTY,
    OrderTableModel,
    solid_brush,
)

NAMES = {"LATTE-T": "Latte Tall", "LATTE-G": "Latte Grande"}
TITLES = {"coffee-size-up": "Size up espresso drinks"}

LATTE = OrderLine(no=1, sku="LATTE-G", name="Latte Grande", qty=1, unit_price=485,
                  origin="upsell", rule_id="coffee-size-up", replaced_sku="LATTE-T")
CROISSANT = OrderLine(no=2, sku="CROISSANT", name="Butter Croissant", qty=1, unit_price=200,
                      origin="bundle", rule_id="breakfast-croissant", list_price=325)
COCOA = OrderLine(no=3, sku="COCOA-T", name="Hot Chocolate Tall", qty=2, unit_price=375,
                  declined=("chai-cocoa-size-up",))
MUG = OrderLine(no=4, sku="MUG-TRAVEL", name="Copper Kettle Travel Mug", qty=1,
                unit_price=900, origin="reward", rule_id="mug-deal", list_price=1800)
COOKIE = OrderLine(no=5, sku="COOKIE-OAT", name="Oat Cookie", qty=1, unit_price=225,
                   origin="cross_sell", rule_id="coffee-pastry")


def make_model() -> OrderTableModel:
    return OrderTableModel(format_money, product_name=lambda sku: NAMES.get(sku, sku),
                           rule_title=lambda rule: TITLES.get(rule, rule))


def rows(model: OrderTableModel) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_the_model_passes_qts_model_checks_before_and_after_changes(
        qtmodeltester: ModelTester) -> None:
    model = make_model()
    model.set_lines([LATTE, CROISSANT, COCOA])
    qtmodeltester.check(model)

    # The tester stays attached and checks every change signal; check again after each.
    model.set_lines([LATTE, CROISSANT, COCOA, MUG, COOKIE])   # append
    model.set_lines([LATTE, CROISSANT, COCOA.with_(qty=3), MUG, COOKIE])   # change
    model.set_prompt_line(3)
    model.set_lines([LATTE, COCOA, COOKIE])   # void: reset
    model.set_lines([])
    qtmodeltester.check(model)
    model.set_lines([COOKIE, MUG])
    qtmodeltester.check(model)


def test_cells_show_the_line_with_money_formatted_and_a_note() -> None:
    model = make_model()
    model.set_lines([LATTE, CROISSANT, COCOA, MUG, COOKIE])

    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == list(HEADERS)
    assert rows(model) == [
        ["Latte Grande", "1", "$4.85", "$4.85", "upsized from Latte Tall"],
        ["Butter Croissant", "1", "$2.00", "$2.00", "bundle: list $3.25"],
        ["Hot Chocolate Tall", "2", "$3.75", "$7.50", "declined: chai-cocoa-size-up"],
        ["Copper Kettle Travel Mug", "1", "$9.00", "$9.00", "reward"],
        ["Oat Cookie", "1", "$2.25", "$2.25", "suggested"],
    ]
    assert model.index(0, ITEM).data(LINE_ROLE) == LATTE
    upsized_and_declined = LATTE.with_(declined=("coffee-size-up", "other-rule"))
    assert model.note(upsized_and_declined) == (
        "upsized from Latte Tall; declined: Size up espresso drinks, other-rule")


def test_numbers_are_right_aligned_and_text_left_aligned() -> None:
    model = make_model()
    model.set_lines([LATTE])
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    role = Qt.ItemDataRole.TextAlignmentRole
    for column in (QTY, PRICE, AMOUNT):
        assert model.index(0, column).data(role) == right
    for column in (ITEM, NOTE):
        assert model.index(0, column).data(role) == left


def test_appending_lines_inserts_rows_without_a_reset(qtbot: QtBot) -> None:
    model = make_model()
    model.set_lines([LATTE])

    def appended(parent: QModelIndex, first: int, last: int) -> bool:
        return not parent.isValid() and (first, last) == (1, 2)

    with qtbot.waitSignal(model.rowsInserted, check_params_cb=appended), \
            qtbot.assertNotEmitted(model.modelReset), \
            qtbot.assertNotEmitted(model.dataChanged):
        model.set_lines([LATTE, CROISSANT, COCOA])
    assert model.rowCount() == 3


def test_a_changed_line_is_reported_as_changed_only(qtbot: QtBot) -> None:
    model = make_model()
    model.set_lines([LATTE, CROISSANT, COCOA])

    def second_row(top_left: QModelIndex, bottom_right: QModelIndex, *_roles: object) -> bool:
        return (top_left.row(), bottom_right.row()) == (1, 1) and \
            (top_left.column(), bottom_right.column()) == (0, len(HEADERS) - 1)

    with qtbot.waitSignal(model.dataChanged, check_params_cb=second_row), \
            qtbot.assertNotEmitted(model.modelReset), \
            qtbot.assertNotEmitted(model.rowsInserted):
        model.set_lines([LATTE, CROISSANT.with_(qty=2), COCOA])
    assert model.index(1, AMOUNT).data() == "$4.00"


def test_a_changed_line_plus_a_new_one_is_a_change_and_an_insert(qtbot: QtBot) -> None:
    model = make_model()
    upsell_target = LATTE.with_(sku="LATTE-T", name="Latte Tall", origin="scan",
                                rule_id=None, replaced_sku=None, unit_price=425)
    model.set_lines([upsell_target])

    with qtbot.waitSignals([model.dataChanged, model.rowsInserted], order="strict"), \
            qtbot.assertNotEmitted(model.modelReset):
        model.set_lines([LATTE, CROISSANT])
    assert rows(model)[0][ITEM] == "Latte Grande"


def test_removing_a_line_resets_and_the_same_lines_emit_nothing(qtbot: QtBot) -> None:
    model = make_model()
    model.set_lines([LATTE, CROISSANT, COCOA])

    with qtbot.waitSignal(model.modelReset):
        model.set_lines([LATTE, COCOA])
    assert [r[ITEM] for r in rows(model)] == ["Latte Grande", "Hot Chocolate Tall"]

    with qtbot.assertNotEmitted(model.dataChanged), qtbot.assertNotEmitted(model.modelReset), \
            qtbot.assertNotEmitted(model.rowsInserted):
        model.set_lines([LATTE, COCOA])


def test_the_prompt_line_is_highlighted(qtbot: QtBot) -> None:
    model = make_model()
    model.set_lines([LATTE, CROISSANT])
    background = Qt.ItemDataRole.BackgroundRole
    assert model.index(1, ITEM).data(background) is None

    with qtbot.waitSignal(model.dataChanged):
        model.set_prompt_line(CROISSANT.no)
    assert model.index(1, ITEM).data(background) is not None
    assert model.index(0, ITEM).data(background) is None

    model.set_prompt_line(None)
    assert model.index(1, ITEM).data(background) is None


def test_a_solid_brush_is_the_brush_of_its_colour(qapp: QApplication) -> None:
    """The model's brushes are made without QBrush(color)'s overloads, which make
    QGradient's, QImage's and QPixmap's types at the till's start (issue 14.2)."""
    for color in (NOTE_COLOR, PROMPT_LINE_BACKGROUND, DARK_NOTE_COLOR,
                  DARK_PROMPT_LINE_BACKGROUND, QColor(10, 20, 30, 40)):
        brush = solid_brush(color)
        assert brush == QBrush(color)
        assert brush.style() == Qt.BrushStyle.SolidPattern
        assert brush.color() == color
    assert solid_brush(NOTE_COLOR) != QBrush(PROMPT_LINE_BACKGROUND)
