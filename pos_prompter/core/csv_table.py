"""Reading the CSV files people import (catalog, past orders): a header of known columns,
then rows, every problem reported as `line N, column C: what is wrong`."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from itertools import repeat

from pos_prompter.core.errors import ValidationError
from pos_prompter.core.excerpt import excerpt
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

MAX_PROBLEMS = 50
"""Problems reported at most (catalog.md: "up to the first 50"); reading stops once this
many are found, and a refused header lists no more than this many either."""

PROGRESS_REPORTS = 100
"""Progress reports while a file is read, about (never more often than PROGRESS_MIN_ROWS)."""

PROGRESS_MIN_ROWS = 1000
"""Rows read between two progress reports, at least."""

Progress = Callable[[int, int], None]
"""Called with (lines read, lines in the file) while a long file is read."""

Rows = Iterator[tuple[int, list[str]]]


def table_rows(text: str, *, columns: Sequence[str], required: Sequence[str], what: str,
               problems: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, cells by column) for each non-blank row of `text`, as
    `table_cells` reads them."""
    header, rows = table_cells(text, columns=columns, required=required, what=what,
                               problems=problems)
    for line, cells in rows:
        yield line, dict(zip(header, cells, strict=True))


def table_cells(text: str, *, columns: Sequence[str], required: Sequence[str], what: str,
                problems: list[str], progress: Progress | None = None
                ) -> tuple[tuple[str, ...], Rows]:
    """The header of `text` (its column names, stripped) and an iterator of
    (line number, stripped cells in header order) for each non-blank row after it.

    The header is checked first, at once: an unknown, missing required or repeated column
    refuses the file (ValidationError, at most MAX_PROBLEMS problems, in time linear in
    the header's width). A row with the wrong number of fields is added to `problems` and
    skipped; a line the csv module cannot read (a cell longer than
    `csv.field_size_limit()`, 131072 characters unless changed) is added to `problems` and
    ends the reading. The caller adds its own problems to the same list; reading stops when
    it holds MAX_PROBLEMS. `progress`, if given, is called about PROGRESS_REPORTS times with
    (lines read, lines in the text), the last time with both equal."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(_first_lines(text))
    try:
        header = tuple(h.strip() for h in next(reader))
    except StopIteration:
        raise ValidationError([at_line(1, QT_TRANSLATE_NOOP(
            "csv", "the file is empty, expected a header row"))],
                              what=what) from None
    except csv.Error as exc:
        raise ValidationError([_csv_problem(reader.line_num or 1, exc)], what=what) from None
    refused = _header_problems(header, columns, required)
    if refused:
        raise ValidationError(refused, what=what)
    total = line_count(text) if progress else 0
    return header, _rows(text, len(header), problems, progress, total)


def _first_lines(text: str) -> Iterator[str]:
    """The lines the csv module reads the header from: the first line alone when it has no
    quote (a quoted cell may go on over lines), else the whole text. `io.StringIO` of a
    text holds 4 bytes a character: 250 MB and 0.2 s for a file of 2 million lines whose
    rows are then read column by column (past_orders), not by this reader."""
    ends = [i for i in (text.find("\n"), text.find("\r")) if i >= 0]
    line = text[:min(ends) + 1] if ends else text
    if '"' in line:
        return io.StringIO(text, newline="")
    return iter([line] if line else [])


def line_count(text: str) -> int:
    """Lines in `text`, as the csv module counts them (\\n, \\r\\n or \\r ends one)."""
    ends = max(text.count("\n"), text.count("\r"))
    return ends + (not text.endswith(("\n", "\r")))


PLAIN_CHUNK_MIN = 16 * 1024
"""Characters of a plain file split at once, at least (about 1/PROGRESS_REPORTS of it)."""

_BLANKS = " \t\x0b\x0c\x1c\x1d\x1e\x1f"
"""The ASCII characters `str.strip` takes off besides line ends."""

Columns = list[list[str]]
"""One list of stripped cells per column of the header, for the rows of a chunk."""


def plain_columns(text: str, width: int, progress: Progress | None = None
                  ) -> Iterator[Columns | None] | None:
    """The rows after the header of a plain file, column by column, a chunk of rows at a
    time: what `table_cells` would yield for them, split by `str.split` (C loops) instead
    of a Python statement per row. Plain: no quote, NUL or lone carriage return anywhere,
    and, checked chunk by chunk, no blank line, every row with the header's number of
    fields, no cell longer than `csv.field_size_limit()`. None when the text is not plain
    from the start; a chunk that is not yields None (the caller then reads the file with
    `table_cells`, which says what is wrong with it, if anything). `progress` is called
    after each chunk the caller took, never with the lines in the file (the caller says
    when it is done)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if '"' in text or "\0" in text:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    total = line_count(text)
    start = text.find("\n") + 1
    if start == 0:
        return iter(())  # a header and nothing else
    end = len(text) - text.endswith("\n")
    return _plain_chunks(text, start, end, width, total, progress)


def _plain_chunks(text: str, start: int, end: int, width: int, total: int,
                  progress: Progress | None) -> Iterator[Columns | None]:
    step = max(PLAIN_CHUNK_MIN, len(text) // PROGRESS_REPORTS)
    limit = csv.field_size_limit()
    done = 1
    while start < end:
        stop = text.find("\n", min(start + step, end))
        stop = end if stop < 0 or stop > end else stop
        chunk = text[start:stop]
        start = stop + 1
        rows = chunk.split("\n")
        if (set(map(str.count, rows, repeat(","))) != {width - 1} or "" in rows
                or max(map(len, rows)) > limit):
            yield None
            return
        cells = chunk.replace("\n", ",").split(",")
        columns = [cells[i::width] for i in range(width)]
        if not chunk.isascii() or any(c in chunk for c in _BLANKS):
            columns = [list(map(str.strip, column)) for column in columns]
        yield columns
        done += len(rows)
        if progress is not None:
            progress(min(done, total - 1), total)


def _header_problems(header: Sequence[str], columns: Sequence[str],
                     required: Sequence[str]) -> list[str]:
    """Unknown, missing and repeated columns, in that order, MAX_PROBLEMS at most: a
    header of 200,000 empty cells costs one pass, not one per cell."""
    known = set(columns)
    refused: list[str] = []
    for h in header:
        if len(refused) >= MAX_PROBLEMS:
            return refused
        if h not in known:
            refused.append(at_cell(1, excerpt(h), QT_TRANSLATE_NOOP(
                "csv", "unknown column (known: {known})").format(known=", ".join(columns))))
    present = set(header)
    refused += [at_line(1, QT_TRANSLATE_NOOP("csv", "required column {column} is missing")
                        .format(column=repr(r))) for r in required if r not in present]
    if len(present) < len(header):
        refused += [at_cell(1, excerpt(h), QT_TRANSLATE_NOOP("csv", "column appears twice"))
                    for h in sorted(h for h, n in Counter(header).items() if n > 1)]
    return refused[:MAX_PROBLEMS]


def _rows(text: str, width: int, problems: list[str],
          progress: Progress | None, total: int) -> Rows:
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)  # the header, read by table_cells
    strip = str.strip
    step = max(PROGRESS_MIN_ROWS, total // PROGRESS_REPORTS)
    report_at = step
    count = 0
    if len(problems) >= MAX_PROBLEMS:
        return
    try:
        for row in reader:
            cells = list(map(strip, row))
            if progress is not None:
                count += 1
                if count >= report_at:
                    report_at += step
                    progress(min(reader.line_num, total), total)
            if not any(cells):
                continue
            line_num: int = reader.line_num
            if len(cells) != width:
                problems.append(at_line(line_num, QT_TRANSLATE_NOOP(
                    "csv", "has {count} fields, the header has {width}").format(
                    count=len(cells), width=width)))
            else:
                yield line_num, cells
            if len(problems) >= MAX_PROBLEMS:
                return
    except csv.Error as exc:  # the rest of the file cannot be split into rows safely
        problems.append(_csv_problem(reader.line_num, exc))
        return
    if progress is not None:
        progress(total, total)


def _csv_problem(line: int, exc: csv.Error) -> Said:
    """`line N: what is wrong` for a line the csv module refused (its reason in the csv
    module's own English words)."""
    if "field limit" in str(exc):
        return at_line(line, QT_TRANSLATE_NOOP("csv", "a cell is longer than {most} "
                                                      "characters").format(
            most=csv.field_size_limit()))
    return at_line(line, QT_TRANSLATE_NOOP("csv", "cannot be read as CSV ({reason})").format(
        reason=exc))


def at_line(line: int, message: str) -> Said:
    """`line N: message`, said in the reader's language."""
    return QT_TRANSLATE_NOOP("csv", "line {line}: {message}").format(line=line,
                                                                     message=message)


def at_cell(line: int, column: str, message: str) -> Said:
    """`line N, column C: message`, said in the reader's language."""
    return QT_TRANSLATE_NOOP("csv", "line {line}, column {column}: {message}").format(
        line=line, column=column, message=message)
