"""One setting read before the store is opened: the command line's language."""

from __future__ import annotations

from pathlib import Path

from pos_prompter.store import Store
from pos_prompter.store.settings_peek import peek_setting


def test_a_set_setting_is_read_and_the_file_is_left_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    with Store.open(db, create=True) as store:
        store.set_settings({"language": "es"})
        assert peek_setting(db, "language") == "es", "read while this process has it open"
        assert peek_setting(db, "currency") is None
    before = db.read_bytes()
    assert peek_setting(db, "language") == "es"
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.db"], "no -wal or -shm left"


def test_no_store_or_not_a_store_is_simply_not_known(tmp_path: Path) -> None:
    assert peek_setting(tmp_path / "none.db", "language") is None
    assert not (tmp_path / "none.db").exists(), "a peek never creates a store"
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    assert peek_setting(junk, "language") is None
    assert peek_setting(tmp_path, "language") is None
