"""Past sales from the old till (interfaces.md, `import orders`): a CSV of
`order_id,sku,qty` with optional `price` and `time`, so evidence and reports work from day
one. Parsed all or nothing, with `line N, column C: what is wrong` for every bad row."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from itertools import compress, islice, repeat
from operator import attrgetter, gt, is_, itemgetter, ne
from typing import Any, NamedTuple

from pos_prompter.core.bulk import gc_paused
from pos_prompter.core.catalog import Catalog
from pos_prompter.core.csv_table import (
    MAX_PROBLEMS,
    Progress,
    at_cell,
    line_count,
    plain_columns,
    table_cells,
)
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.excerpt import excerpt
from pos_prompter.core.money import Cents, MoneyError, parse_money
from pos_prompter.core.said import QT_TRANSLATE_NOOP

ORDERS_WHAT = QT_TRANSLATE_NOOP("problems", "past orders")
"""What a refused file of past orders names (ValidationError's `what`)."""

COLUMNS = ("order_id", "sku", "qty", "price", "time")
REQUIRED = ("order_id", "sku", "qty")
ORDER_ID_RE = re.compile(r"\A[A-Za-z0-9._:/#-]{1,64}\Z")
QTY_RE = re.compile(r"[0-9]{1,4}")


class PastLine(NamedTuple):
    """A line of a past order. Named tuples, not dataclasses: a file of 2 million lines
    makes half a million orders, and a tuple is made (`tuple.__new__` in a C loop) and
    read (its fields by index) without a Python call each."""

    sku: str
    name: str
    qty: int
    unit_price: Cents


class PastOrder(NamedTuple):
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
            problems.append(at_cell(line, "order_id", QT_TRANSLATE_NOOP(
                "csv", "{value} is not an order id (1-64 letters, digits and . _ : / # -)")
                .format(value=excerpt(order_id))))
        product = self.catalog.get(sku)
        if product is None:
            problems.append(at_cell(line, "sku", QT_TRANSLATE_NOOP(
                "csv", "{value} is not in the catalog").format(value=excerpt(sku))))
        qty = 0
        if QTY_RE.fullmatch(qty_text) and 1 <= int(qty_text) <= 9999:
            qty = int(qty_text)
        else:
            problems.append(at_cell(line, "qty", QT_TRANSLATE_NOOP(
                "csv", "{value} is not a whole number from 1 to 9999").format(
                value=excerpt(qty_text))))
        price: Cents | None = None
        if price_text:
            price = self.prices.get(price_text)
            if price is None:
                try:
                    price = self.prices[price_text] = parse_money(price_text)
                except MoneyError as exc:
                    problems.append(at_cell(line, "price", exc.args[0]))
        when = self.times.get(time_text, _UNSEEN)
        if when is _UNSEEN:
            when = None
            try:
                when = self.times[time_text] = _parse_time(time_text)
            except (ValueError, OverflowError):  # overflow: year 1 moved to local time
                problems.append(at_cell(line, "time", QT_TRANSLATE_NOOP(
                    "csv", "{value} is not a date and time like {example}").format(
                    value=excerpt(time_text), example="2026-11-22T08:15")))
        order = self.orders.get(order_id)
        if order is not None and len(problems) == bad and order[0] != when:
            problems.append(at_cell(line, "time", QT_TRANSLATE_NOOP(
                "csv", "order {order} has another time on line {line}").format(
                order=order_id, line=order[1])))
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
    header, _rows = table_cells(text, columns=COLUMNS, required=REQUIRED,
                                what=ORDERS_WHAT, problems=problems)
    onward = None if progress is None else _Onward(progress)
    plain = _parse_plain(text, header, catalog, onward)
    if plain is not None:
        return plain
    # not plain, or something in it is wrong: read row by row, which says what
    header, rows = table_cells(text, columns=COLUMNS, required=REQUIRED,
                               what=ORDERS_WHAT, problems=problems, progress=onward)
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
        raise ValidationError(problems[:MAX_PROBLEMS], what=ORDERS_WHAT)
    return [PastOrder(oid, when, tuple(ls)) for oid, (when, _line, ls) in orders.items()]


def _picker(header: tuple[str, ...]) -> Callable[[list[str]], Sequence[str]]:
    """The cells of a row in COLUMNS order; "" for an optional column the file leaves out."""
    at = [header.index(c) if c in header else len(header) for c in COLUMNS]
    getter: Callable[[list[str]], Sequence[str]] = itemgetter(*at)
    if len(header) not in at:
        return getter

    def padded(cells: list[str]) -> Sequence[str]:
        cells.append("")
        return getter(cells)
    return padded


class _Onward:
    """Progress that never goes back: reading row by row after the plain reading gave up
    part way reports nothing until it passes where that one got to."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.at = -1

    def __call__(self, done: int, total: int) -> None:
        if done > self.at or done >= total:
            self.at = done
            self.progress(done, total)


def _parse_plain(text: str, header: tuple[str, ...], catalog: Catalog,
                 progress: Progress | None) -> list[PastOrder] | None:
    """The orders of a plain file (csv_table.plain_columns) whose every row is good and
    whose orders' lines follow each other, as `_parse` reads them, checked column by
    column: each distinct (sku, qty, price), order id and time once, orders found where
    the order id changes, all in C loops (set, map, zip, slices). None when the file is
    not plain, or anything in it is wrong or unusual (a problem, an order's lines apart or
    with two time texts): `_parse` then reads it row by row, and says what is wrong."""
    chunks = plain_columns(text, len(header), progress)
    if chunks is None:
        return None
    at = [header.index(c) if c in header else None for c in COLUMNS]
    lines = _PlainLines(catalog)
    ids: list[str] = []
    time_texts: list[str] = []
    parts: list[tuple[PastLine, ...]] = []
    for columns in chunks:
        if columns is None:
            return None
        rows = len(columns[0])
        order_id, sku, qty, price, time_cells = (
            [""] * rows if i is None else columns[i] for i in at)
        found = lines.find(sku, qty, price)
        if found is None:
            return None
        changes = list(map(ne, islice(order_id, 1, None), order_id))
        if any(map(gt, map(ne, islice(time_cells, 1, None), time_cells), changes)):
            return None  # an order's lines with two time texts
        starts = [0, *compress(range(1, rows), changes)]
        chunk_ids = list(map(order_id.__getitem__, starts))
        chunk_times = list(map(time_cells.__getitem__, starts))
        chunk_parts = list(map(found.__getitem__, map(slice, starts, [*starts[1:], rows])))
        if ids and chunk_ids[0] == ids[-1]:  # an order across two chunks
            if chunk_times[0] != time_texts[-1]:
                return None
            parts[-1] += chunk_parts[0]
            del chunk_ids[0], chunk_times[0], chunk_parts[0]
        ids += chunk_ids
        time_texts += chunk_times
        parts += chunk_parts
    if not ids:
        return None  # no rows: as row by row (which also says nothing is wrong)
    joined = "\n".join(ids)
    if (not _ORDER_IDS_RE.fullmatch(joined) or _LONG_ID_RE.search(joined) or "" in ids
            or len(set(ids)) < len(ids)):
        return None  # a bad order id, or an order's lines apart
    when: list[dt.datetime | None]  # each order's time
    try:
        if "" in time_texts:  # orders without a time
            when = [None if t == "" else _parse_time(t) for t in time_texts]
        else:
            when = list(map(dt.datetime.fromisoformat, time_texts))
            if any(map(_TZINFO, when)):  # to local time, as _parse_time does
                when = list(map(_parse_time, time_texts))
    except (ValueError, OverflowError):
        return None
    orders = list(map(tuple.__new__, repeat(PastOrder), zip(ids, when, parts, strict=True)))
    if progress is not None:
        total = line_count(text)
        progress(total, total)
    return orders


_TZINFO = attrgetter("tzinfo")

_ORDER_IDS_RE = re.compile(r"[A-Za-z0-9._:/#\n-]*")
"""Order ids, one a line, of the characters ORDER_ID_RE allows."""

_LONG_ID_RE = re.compile(r"[^\n]{65}")
"""An order id longer than ORDER_ID_RE allows, among ids one a line."""


class _PlainLines:
    """The line each row's (sku, qty, price) cells make, as `_Rows.check` makes it, found
    by three dict lookups a row in C loops (map): a dict per SKU of dicts per qty of the
    line by price. A row with new cells costs a few more passes, its new cells checked
    once each."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.by_sku: dict[str, dict[str, dict[str, PastLine]]] = {}
        self.prices: dict[str, Cents] = {}

    def find(self, sku: list[str], qty: list[str],
             price: list[str]) -> tuple[PastLine, ...] | None:
        """The rows' lines; None if a cell of any is wrong."""
        # Lists of levels, None where a cell is new until it is filled in: typed Any, since
        # mypy cannot follow None in a list being ruled out by `None in` (the C-loop path).
        by_qty: list[Any] = list(map(self.by_sku.get, sku))
        if None in by_qty:
            for new in set(sku).difference(self.by_sku):
                if self.catalog.get(new) is None:
                    return None
                self.by_sku[new] = {}
            by_qty = list(map(self.by_sku.__getitem__, sku))
        by_price: list[Any] = list(map(dict.get, by_qty, qty))
        if None in by_price:  # rows with a new qty for their SKU: those rows only
            for i in list(compress(range(len(qty)), map(is_, by_price, repeat(None)))):
                level = by_qty[i].get(qty[i])
                if level is None:
                    if not (QTY_RE.fullmatch(qty[i]) and 1 <= int(qty[i]) <= 9999):
                        return None
                    level = by_qty[i][qty[i]] = {}
                by_price[i] = level
        found: list[Any] = list(map(dict.get, by_price, price))
        if None in found:  # rows with new cells: those rows only
            for i in list(compress(range(len(price)), map(is_, found, repeat(None)))):
                past_line = by_price[i].get(price[i])
                if past_line is None:
                    past_line = self._line(sku[i], qty[i], price[i])
                    if past_line is None:
                        return None
                    by_price[i][price[i]] = past_line
                found[i] = past_line
        return tuple(found)

    def _line(self, sku: str, qty_text: str, price_text: str) -> PastLine | None:
        product = self.catalog.get(sku)
        assert product is not None
        price = product.price
        if price_text:
            if price_text not in self.prices:
                try:
                    self.prices[price_text] = parse_money(price_text)
                except MoneyError:
                    return None
            price = self.prices[price_text]
        return PastLine(product.sku, product.name, int(qty_text), price)
