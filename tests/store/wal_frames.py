"""The commits in a store's -wal file, read from its bytes (tests of how many pages a scan,
an answer or a payment writes)."""

from __future__ import annotations

import struct
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
