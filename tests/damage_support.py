"""A store damaged for real: garbage written over one b-tree page of a table, at the offset
its page number and the file's page size give (no mocks: SQLite reads that page and finds
it malformed)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

GARBAGE = b"\xde\xad\xbe\xef"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_page(path: Path, table: str, nth: int = 0) -> int:
    """Overwrite the `nth` leaf page of `table` (its root page when it has one page) of
    the store file `path`, every committed change first checkpointed into the file; the
    page number."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [row[0] for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            [table])]
    finally:
        conn.close()
    assert pages, f"{table} has no leaf page"
    page = pages[min(nth, len(pages) - 1)]
    with path.open("r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(GARBAGE * (page_size // len(GARBAGE)))
    return page
