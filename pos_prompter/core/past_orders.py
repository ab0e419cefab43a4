"""Past sales from the old till (interfaces.md, `import orders`): a CSV of
`order_id,sku,qty` with optional `price` and `time`, so evidence and reports work from day
one. Parsed all or nothing, with `line N, column C: what is wrong` for every bad row."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from pos_prompter.core.bulk import gc_paused
from pos_prompter.core.catalog import Catalog
from pos_prompter.core.csv_table import MAX_PROBLEMS, Progress, table_cells
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


_UNSEEN = object()
"""A time text not read yet (None is the time of a line that gives none)."""

_Order = list[Any]
"""An order while it is read: [time, line of its first row, [PastLine, ...]]."""


class _Rows:
    """What reading has found so far: the orders of the good rows, and each distinct cell
    that was checked and found good (a file of millions of lines repeats its products,
    quantities, prices and times; an order's lines share one time), so that only a row
    with something new is checked cell by cell (`check`)."""

    def __init__(self, catalog: Catalog, problems: list[str]) -> None:
        self.catalog = catalog
        self.problems = problems
        self.orders: dict[str, _Order] = {}
        self.lines: dict[tuple[str, str, str], PastLine] = {}
        """By (sku, qty, price) cells: the line they make."""
        self.times: dict[str, dt.datetime | None] = {"": None}
        self.prices: dict[str, Cents] = {}

    def check(self, line: int, order_id: str, sku: str, qty_text: str, price_text: str,
              time_text: str) -> None:
        """Every problem of one row, in column order, into `problems`; a good row is
        added to its order."""
        problems = self.problems
        bad = len(problems)
        if not ORDER_ID_RE.match(order_id):
            problems.append(f"line {line}, column order_id: {excerpt(order_id)} is not an "
                            "order id (1-64 letters, digits and . _ : / # -)")
        product = self.catalog.get(sku)
        if product is None:
            problems.append(f"line {line}, column sku: {excerpt(sku)} is not in the catalog")
        qty = 0
        if QTY_RE.fullmatch(qty_text) and 1 <= int(qty_text) <= 9999:
            qty = int(qty_text)
        else:
            problems.append(f"line {line}, column qty: {excerpt(qty_text)} is not a whole "
                            "number from 1 to 9999")
        price: Cents | None = None
        if price_text:
            price = self.prices.get(price_text)
            if price is None:
                try:
                    price = self.prices[price_text] = parse_money(price_text)
                except MoneyError as exc:
                    problems.append(f"line {line}, column price: {exc}")
        when = self.times.get(time_text, _UNSEEN)
        if when is _UNSEEN:
            when = None
            try:
                when = self.times[time_text] = _parse_time(time_text)
            except (ValueError, OverflowError):  # overflow: year 1 moved to local time
                problems.append(f"line {line}, column time: {excerpt(time_text)} is not a "
                                "date and time like 2026-11-22T08:15")
        order = self.orders.get(order_id)
        if order is not None and len(problems) == bad and order[0] != when:
            problems.append(f"line {line}, column time: order {order_id} has another time "
                            f"on line {order[1]}")
        if len(problems) > bad or product is None:
            return
        past_line = self.lines.setdefault((sku, qty_text, price_text), PastLine(
            product.sku, product.name, qty, product.price if price is None else price))
        if order is None:
            self.orders[order_id] = [when, line, [past_line]]
        else:
            order[2].append(past_line)


def parse_orders_csv(text: str, catalog: Catalog, *,
                     progress: Progress | None = None) -> list[PastOrder]:
    """Past orders in file order; lines of one order may be anywhere in the file.
    `progress`, if given, is called with (lines read, lines in the file) as it reads."""
    with gc_paused():  # millions of lines that all live on: nothing for the collector
        return _parse(text, catalog, progress)


def _parse(text: str, catalog: Catalog, progress: Progress | None) -> list[PastOrder]:
    problems: list[str] = []
    header, rows = table_cells(text, columns=COLUMNS, required=REQUIRED,
                               what="past orders", problems=problems, progress=progress)
    pick = _picker(header)
    found = _Rows(catalog, problems)
    orders, lines, times = found.orders, found.lines, found.times
    match = ORDER_ID_RE.match
    # the order of the row before and its time cell: an order's lines usually follow
    # each other and share one time
    last_id: str | None = None
    last_time = ""
    last_lines: list[PastLine] = []
    for line, cells in rows:
        order_id, sku, qty_text, price_text, time_text = pick(cells)
        # the common row: every cell seen before and good
        past_line = lines.get((sku, qty_text, price_text))
        if past_line is not None:
            if order_id == last_id and time_text == last_time:
                last_lines.append(past_line)
                continue
            when = times.get(time_text, _UNSEEN)
            if when is _UNSEEN:  # many orders have a time of their own
                try:
                    when = times[time_text] = _parse_time(time_text)
                except (ValueError, OverflowError):
                    when = _UNSEEN  # check() says what is wrong with it
            if when is not _UNSEEN:
                order = orders.get(order_id)
                if order is None:
                    if match(order_id):
                        last_lines = [past_line]
                        orders[order_id] = [when, line, last_lines]
                        last_id, last_time = order_id, time_text
                        continue
                elif order[0] is when or order[0] == when:
                    last_lines = order[2]
                    last_lines.append(past_line)
                    last_id, last_time = order_id, time_text
                    continue
        found.check(line, order_id, sku, qty_text, price_text, time_text)
    if problems:
        raise ValidationError(problems[:MAX_PROBLEMS], what="past orders")
    return [PastOrder(oid, when, tuple(ls)) for oid, (when, _line, ls) in orders.items()]


def _picker(header: tuple[str, ...]) -> Callable[[list[str]], Sequence[str]]:
    """The cells of a row in COLUMNS order; "" for an optional column the file leaves out."""
    at = [header.index(c) if c in header else len(header) for c in COLUMNS]
    getter = itemgetter(*at)
    if len(header) not in at:
        return getter

    def padded(cells: list[str]) -> Sequence[str]:
        cells.append("")
        return getter(cells)
    return padded
