"""One store setting read before anything else opens the store: the command line learns
the store's `language` this way before it builds its help texts. Read-only, never creates
the file, and any problem (no such file, not a store, locked) is simply "not known": the
command that follows opens the store properly and says what is wrong with it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from urllib.parse import quote


def peek_setting(path: Path, key: str) -> object:
    """The value of setting `key` in the store at `path`, or None when it is not set or the
    store cannot be read. SQLite's own file handling is used (not a plain open of the file),
    so a store this process already has open keeps its locks; nothing is written beside it."""
    if not path.is_file():
        return None
    # A store nobody has open (no -wal beside it) is read as immutable: a read-only
    # connection could not remove the -wal and -shm it would make, so none are made. One
    # that is open (a till, this process) is read through its -wal, as its owner wrote it.
    live = path.with_name(path.name + "-wal").exists()
    uri = f"file:{quote(str(path.resolve()))}?mode=ro{'' if live else '&immutable=1'}"
    try:
        db = sqlite3.connect(uri, uri=True, timeout=0.2)
        try:
            row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        finally:
            db.close()
        return json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError, TypeError):
        return None
