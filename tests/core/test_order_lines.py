"""OrderLines: an order's lines with their total, lines by number and SKUs kept as they
change, and the changes since the last save (what the store writes, what a failed save
undoes)."""

from __future__ import annotations

import pytest

from pos_prompter.core.order import OrderLine, OrderLines


def line(no: int, sku: str = "A", qty: int = 1, price: int = 100,
         origin: str = "scan") -> OrderLine:
    return OrderLine(no=no, sku=sku, name=sku, qty=qty, unit_price=price,
                     origin=origin)  # type: ignore[arg-type]


def test_totals_and_skus_follow_every_change() -> None:
    lines = OrderLines([line(1, "A"), line(2, "B", qty=2), line(3, "R", origin="reward")])
    assert (lines.total, lines.goods_total) == (400, 300)
    lines.replace(lines[1], line(2, "B", qty=5))
    lines.remove(lines.get(1))  # type: ignore[arg-type]
    lines.append(line(4, "B", price=50))
    assert (lines.total, lines.goods_total) == (650, 550)
    assert sorted(lines.skus()) == ["B", "R"]
    assert [ln.no for ln in lines.of_sku("B")] == [2, 4]
    assert [ln.no for ln in lines] == [2, 3, 4]
    assert lines[-1].no == 4
    assert lines == list(lines)
    with pytest.raises(ValueError, match="not after"):
        lines.append(line(3))


def test_changes_since_the_save_are_known_and_undone_in_place() -> None:
    lines = OrderLines([line(1, "A"), line(2, "B"), line(3, "C")])
    lines.saved()
    first, second = lines[0], lines[1]
    lines.remove(second)
    lines.replace(first, line(1, "A", qty=3))
    lines.append(line(4, "D"))
    assert lines.changed == {2: second, 1: first, 4: None}
    lines.undo()
    assert [(ln.no, ln.qty) for ln in lines] == [(1, 1), (2, 1), (3, 1)]
    assert lines.total == 300
    assert sorted(lines.skus()) == ["A", "B", "C"]
    assert lines.changed == {}


def test_walks_over_the_lines_are_counted() -> None:
    lines = OrderLines([line(n) for n in range(1, 101)])
    lines.reads = 0
    assert lines.get(50) is not None
    assert lines.total == 10_000
    assert "A" in lines.skus()
    assert lines.reads == 0
    assert len(list(lines)) == 100
    assert lines.reads == 100
