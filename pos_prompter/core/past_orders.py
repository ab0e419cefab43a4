"""Past sales from the old till (interfaces.md, `import orders`): a CSV of
`order_id,sku,qty` with optional `price` and `time`, so evidence and reports work from day
one. Parsed all or nothing, with `line N, column C: what is wrong` for every bad row."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.csv_table import MAX_PROBLEMS, table_rows
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.excerpt import excerpt
from pos_prompter.core.money import Cents, MoneyError, parse_money

COLUMNS = ("order_id", "sku", "qty", "price", "time")
REQUIRED = ("order_id", "sku", "qty")
ORDER_ID_RE = re.compile(r"\A[A-Za-z0-9._:/#-]{1,64}\Z")
QTY_RE = re.compile(r"[0-9]{1,4}")


@dataclass(frozen=True, slots=True)
class PastLine:
    sku: str
    name: str
    qty: int
    unit_price: Cents


@dataclass(frozen=True, slots=True)
class PastOrder:
    external_id: str
    """The old till's order id."""
    time: dt.datetime | None
    lines: tuple[PastLine, ...]

    @property
    def total(self) -> Cents:
        return sum(line.qty * line.unit_price for line in self.lines)


def _parse_time(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is not None:  # the till keeps local wall-clock time
        value = value.astimezone().replace(tzinfo=None)
    return value


def parse_orders_csv(text: str, catalog: Catalog) -> list[PastOrder]:
    """Past orders in file order; lines of one order may be anywhere in the file."""
    problems: list[str] = []
    lines: dict[str, list[PastLine]] = {}
    times: dict[str, tuple[dt.datetime | None, int]] = {}
    # a file of millions of lines repeats its prices and times (an order's lines share
    # one): each distinct text is parsed once
    prices: dict[str, Cents] = {}
    parsed: dict[str, dt.datetime] = {}
    for line, cells in table_rows(text, columns=COLUMNS, required=REQUIRED,
                                  what="past orders", problems=problems):
        bad = len(problems)
        order_id = cells["order_id"]
        if not ORDER_ID_RE.match(order_id):
            problems.append(f"line {line}, column order_id: {excerpt(order_id)} is not an "
                            "order id (1-64 letters, digits and . _ : / # -)")
        product = catalog.get(cells["sku"])
        if product is None:
            problems.append(f"line {line}, column sku: {excerpt(cells['sku'])} is not in the "
                            "catalog")
        qty = 0
        if QTY_RE.fullmatch(cells["qty"]) and 1 <= int(cells["qty"]) <= 9999:
            qty = int(cells["qty"])
        else:
            problems.append(f"line {line}, column qty: {excerpt(cells['qty'])} is not a whole "
                            "number from 1 to 9999")
        price: Cents | None = None
        cell = cells.get("price")
        if cell:
            price = prices.get(cell)
            if price is None:
                try:
                    price = prices[cell] = parse_money(cell)
                except MoneyError as exc:
                    problems.append(f"line {line}, column price: {exc}")
        when: dt.datetime | None = None
        cell = cells.get("time")
        if cell:
            try:
                when = parsed.get(cell) or parsed.setdefault(cell, _parse_time(cell))
            except (ValueError, OverflowError):  # overflow: year 1 moved to local time
                problems.append(f"line {line}, column time: {excerpt(cells['time'])} is not a "
                                "date and time like 2026-11-22T08:15")
        if order_id in times and len(problems) == bad and times[order_id][0] != when:
            problems.append(f"line {line}, column time: order {order_id} has another time "
                            f"on line {times[order_id][1]}")
        if len(problems) > bad or product is None:
            continue
        times.setdefault(order_id, (when, line))
        lines.setdefault(order_id, []).append(PastLine(
            product.sku, product.name, qty, product.price if price is None else price))
    if problems:
        raise ValidationError(problems[:MAX_PROBLEMS], what="past orders")
    return [PastOrder(oid, times[oid][0], tuple(ls)) for oid, ls in lines.items()]
