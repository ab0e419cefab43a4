"""Past orders from a plain file (no quotes, each order's lines together: what tills
export) are read column by column (past_orders._parse_plain), not row by row: the same
orders, or, for anything unusual or wrong, None, and then the row-by-row reading, which
says what is wrong. Each file here is also read with its header's first name quoted, which
the csv module reads the same but which is not plain: both readings must agree."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_prompter.core.catalog import Catalog, read_catalog_csv
from pos_prompter.core.csv_table import PLAIN_CHUNK_MIN, line_count
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.past_orders import (
    COLUMNS,
    PastLine,
    PastOrder,
    _parse_plain,
    parse_orders_csv,
)

CAFE = Path(__file__).resolve().parents[2] / "resources" / "demo" / "cafe"
CATALOG = Catalog(read_catalog_csv((CAFE / "catalog.csv").read_text(encoding="utf-8")).products)
SKUS = CATALOG.skus()


def history(orders: int, *, seed: int = 7, header: str = ",".join(COLUMNS)) -> str:
    """`orders` orders of 1-4 lines, a price on some lines, a time on most orders."""
    rng = random.Random(seed)
    names = header.split(",")
    rows = [header]
    for n in range(orders):
        when = "" if n % 9 == 0 else f"2026-11-{1 + n % 28:02}T{7 + n % 12:02}:{n % 60:02}"
        for sku in rng.sample(SKUS, rng.randrange(1, 5)):
            cells = {"order_id": f"O-{n}", "sku": sku, "qty": str(rng.randrange(1, 4)),
                     "price": rng.choice(["", "", "1.80", "3.45", "0.99"]), "time": when}
            rows.append(",".join(cells[c] for c in names))
    return "\n".join(rows) + "\n"


LAST, LAST_TIME = "O-59", "2026-11-04T18:59"
"""The last order of history(60) and its time."""


def not_plain(text: str) -> str:
    """The same file with the header's first name quoted: the csv module reads it the
    same, but it is not plain, so it is read row by row."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    return bom + '"' + text.removeprefix(bom).replace(",", '",', 1)


def plain(text: str) -> list[PastOrder] | None:
    header = tuple(h.strip() for h in text.lstrip("\ufeff").splitlines()[0].split(","))
    return _parse_plain(text, header, CATALOG, None)


def outcome(text: str) -> list[PastOrder] | list[str]:
    try:
        return parse_orders_csv(text, CATALOG)
    except ValidationError as exc:
        return exc.problems


def test_the_plain_reading_gives_the_orders_row_by_row_gives() -> None:
    text = history(300)
    orders = plain(text)
    assert orders is not None
    assert orders == parse_orders_csv(not_plain(text), CATALOG)
    assert len(orders) == 300
    assert orders[1] == PastOrder("O-1", orders[1].time, orders[1].lines)
    assert all(isinstance(line, PastLine) for o in orders for line in o.lines)


@pytest.mark.parametrize("change", [
    pytest.param(lambda t: t.replace("\n", "\r\n"), id="CRLF line ends"),
    pytest.param(lambda t: t.replace(",", " , "), id="blanks around cells"),
    pytest.param(lambda t: t.replace(",", "\t,\xa0"), id="tabs and no-break spaces"),
    pytest.param(lambda t: "\ufeff" + t, id="byte order mark"),
    pytest.param(lambda t: t.rstrip("\n"), id="no line end at the end"),
])
def test_plain_variants_are_read_plain_and_the_same(change) -> None:
    text = change(history(120))
    orders = plain(text)
    assert orders is not None
    assert orders == parse_orders_csv(not_plain(text), CATALOG)


@pytest.mark.parametrize("header", ["time,qty,sku,order_id", "sku,order_id,qty",
                                    "qty,price,order_id,sku"])
def test_columns_in_any_order_and_optional_ones_left_out(header: str) -> None:
    text = history(80, header=header)
    orders = plain(text)
    assert orders is not None
    assert orders == parse_orders_csv(not_plain(text), CATALOG)


def test_times_with_an_offset_are_moved_to_local_time_as_row_by_row() -> None:
    text = re.sub(r"(T[0-9:]+)\n", r"\1+05:30\n", history(40))
    assert "+05:30" in text
    orders = plain(text)
    assert orders is not None
    assert orders == parse_orders_csv(not_plain(text), CATALOG)


def test_an_order_across_chunks_and_progress_that_only_goes_on() -> None:
    text = history(3000)
    assert len(text) > 5 * PLAIN_CHUNK_MIN
    seen: list[tuple[int, int]] = []
    orders = parse_orders_csv(text, CATALOG, progress=lambda d, t: seen.append((d, t)))
    assert orders == parse_orders_csv(not_plain(text), CATALOG)
    total = line_count(text)
    assert len(seen) >= 5
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert seen[-1] == (total, total)
    assert all(d < total for d, _t in seen[:-1])


@pytest.mark.parametrize("change", [
    pytest.param(lambda t: t + "O-1,COOKIE-OAT,1,,2026-11-02T08:01\n", id="an order's lines apart"),
    pytest.param(lambda t: t + f"{LAST},COOKIE-OAT,1,,{LAST_TIME}:00\n",
                 id="two texts of one time"),
    pytest.param(lambda t: t.replace("\n", "\n\n", 3), id="blank lines"),
    pytest.param(lambda t: t + "\n\n", id="blank lines at the end"),
    pytest.param(lambda t: t.replace("\n", "\r"), id="CR line ends"),
    pytest.param(lambda t: t.replace("\n", "\n,,,,\n", 1), id="a row of empty cells"),
])
def test_unusual_files_are_read_row_by_row_to_the_same_orders(change) -> None:
    text = change(history(60))
    assert plain(text) is None
    assert outcome(text) == outcome(not_plain(text))
    assert isinstance(outcome(text)[0], PastOrder)


@pytest.mark.parametrize("change", [
    pytest.param(lambda t: t.replace("LATTE-T", "NOPE"), id="unknown sku"),
    pytest.param(lambda t: t.replace(",2,", ",0,"), id="qty 0"),
    pytest.param(lambda t: t.replace("3.45", "3.456"), id="bad price"),
    pytest.param(lambda t: t.replace("2026-11-05", "2026-13-05"), id="bad time"),
    pytest.param(lambda t: t.replace("O-7,", "O 7,"), id="bad order id"),
    pytest.param(lambda t: t.replace("O-7,", "O-" + "7" * 70 + ","), id="long order id"),
    pytest.param(lambda t: t.replace("O-5,", ",", 1), id="no order id"),
    pytest.param(lambda t: "order_id,sku,qty\n,LATTE-T,1\n", id="one order, no id"),
    pytest.param(lambda t: t + f"{LAST},COOKIE-OAT,1,,2026-11-04T19:59\n",
                 id="an order's two times"),
    pytest.param(lambda t: t.replace("\n", ",x\n", 2), id="too many fields"),
    pytest.param(lambda t: t.replace("\nO-3,", "\nO-3\0,", 1), id="NUL"),
    pytest.param(lambda t: t.replace("O-4,", "O-4" + " " * 140_000 + ",", 1),
                 id="a cell past the csv limit"),
])
def test_a_wrong_file_is_refused_as_row_by_row_refuses_it(change) -> None:
    text = change(history(60))
    assert plain(text) is None
    problems = outcome(text)
    assert problems
    assert isinstance(problems[0], str)
    assert problems == outcome(not_plain(text))


def test_a_header_and_nothing_else() -> None:
    assert parse_orders_csv("order_id,sku,qty\n", CATALOG) == []
    assert parse_orders_csv("order_id,sku,qty", CATALOG) == []


CELLS = {
    "order_id": ["O-1", "O-2", "O-3", "", "O 4", " O-1"],
    "sku": ["LATTE-T", "COOKIE-OAT", "MUFFIN-BB", "NOPE", " LATTE-T\t", "latte-t"],
    "qty": ["1", "2", "0", "10000", "x", " 3"],
    "price": ["", "1.80", "3.456", "-1", "0.99 ", "\xa02.00"],
    "time": ["", "2026-11-20T09:00", "2026-11-20T09:00:00", "2026-11-20T10:00",
             "2026-11-20T09:00+01:00", "yesterday"],
}


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(rows=st.lists(st.tuples(*[st.integers(0, 8)] * 5), max_size=12),
       end=st.sampled_from(["\n", "\r\n", ""]),
       header=st.permutations(list(COLUMNS)).map(lambda cs: cs[:3 + len(cs[0]) % 3]))
def test_any_small_file_reads_as_row_by_row_reads_it(rows, end, header) -> None:
    """Cells mostly good, some wrong or padded, in any column order: the plain reading
    (or its giving up) and the row-by-row reading end the same, orders or problems."""
    if not {"order_id", "sku", "qty"} <= set(header):
        header = list(COLUMNS)
    lines = [",".join(header)]
    for picks in rows:
        cells = [CELLS[c][p if p < 6 else 1]
                 for c, p in zip(header, picks[:len(header)], strict=True)]
        lines.append(",".join(cells))
    text = end.join(lines) + end
    assert outcome(text) == outcome(not_plain(text))
