"""Reading the CSV files people import (catalog, past orders): a header of known columns,
then rows, every problem reported as `line N, column C: what is wrong`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from pos_prompter.core.errors import ValidationError

MAX_PROBLEMS = 50
"""Problems reported at most; reading stops once this many are found."""


def table_rows(text: str, *, columns: Sequence[str], required: Sequence[str], what: str,
               problems: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, cells by column) for each non-blank row of `text`.

    The header is checked first: an unknown, missing required or repeated column refuses
    the file at once (ValidationError). A row with the wrong number of fields is added to
    `problems` and skipped; a line the csv module cannot read (a cell longer than
    `csv.field_size_limit()`, 131072 characters unless changed) is added to `problems` and
    ends the reading. The caller adds its own problems to the same list; reading stops when
    it holds MAX_PROBLEMS."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ValidationError(["line 1: the file is empty, expected a header row"],
                              what=what) from None
    except csv.Error as exc:
        raise ValidationError([_csv_problem(reader.line_num or 1, exc)], what=what) from None
    refused = [f"line 1, column {h!r}: unknown column (known: {', '.join(columns)})"
               for h in header if h not in columns]
    refused += [f"line 1: required column {r!r} is missing" for r in required
                if r not in header]
    refused += [f"line 1, column {h!r}: column appears twice"
                for h in sorted({h for h in header if header.count(h) > 1})]
    if refused:
        raise ValidationError(refused, what=what)
    while len(problems) < MAX_PROBLEMS:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the rest of the file cannot be split into rows safely
            problems.append(_csv_problem(reader.line_num, exc))
            return
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(f"line {reader.line_num}: has {len(row)} fields, the header "
                            f"has {len(header)}")
            continue
        yield reader.line_num, dict(zip(header, (c.strip() for c in row), strict=True))


def _csv_problem(line: int, exc: csv.Error) -> str:
    """`line N: what is wrong` for a line the csv module refused."""
    if "field limit" in str(exc):
        return f"line {line}: a cell is longer than {csv.field_size_limit()} characters"
    return f"line {line}: cannot be read as CSV ({exc})"
