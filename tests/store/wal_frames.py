"""The commits in a store's -wal file, read from its bytes (tests of how many pages a scan,
an answer or a payment writes)."""

from __future__ import annotations

import sqlite3
import struct
from collections import Counter
from pathlib import Path


def wal_commits(wal: Path, page_size: int, start: int) -> tuple[list[list[int]], int]:
    """The commits in the -wal file from byte `start` on, each as the page numbers of its
    frames (a frame's header: page number, then the file's size in pages on a commit's
    last frame, 0 on the others), and the byte after the last commit."""
    data = wal.read_bytes()
    frame = 24 + page_size
    commits: list[list[int]] = []
    pages: list[int] = []
    pos = end = max(start, 32)
    while pos + frame <= len(data):
        page_no, commit_size = struct.unpack(">II", data[pos:pos + 8])
        pages.append(page_no)
        pos += frame
        if commit_size:
            commits.append(pages)
            pages, end = [], pos
    return commits, end


def commit_trees(path: Path, statements: list[tuple[str, list[object]]]) -> Counter[str]:
    """The b-trees of the pages one transaction of `statements` wrote to the WAL."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("BEGIN")
        for sql, params in statements:
            conn.execute(sql, params)
        conn.execute("COMMIT")
        data = Path(f"{path}-wal").read_bytes()
        frame = 24 + conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [struct.unpack(">I", data[pos:pos + 4])[0]
                 for pos in range(32, len(data) - frame + 1, frame)]
        owner = dict(conn.execute("SELECT pageno, name FROM dbstat"))
        return Counter(owner.get(page, "other") for page in pages)
    finally:
        conn.close()
