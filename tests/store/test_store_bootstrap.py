"""Finding and creating stores: the default path, first run, and `init`."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from pos_prompter.bootstrap import default_store_path, init_store, open_or_create
from pos_prompter.core.errors import InputError
from pos_prompter.store import Store


def counts(store: Store) -> tuple[int, int, int]:
    return (len(store.catalog.load()), len(store.rules.load()), len(store.staff.clerks()))


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME is the Linux convention")
def test_default_store_is_in_the_user_data_dir(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    path = default_store_path()
    assert path.parent == Path(platformdirs.user_data_dir("pos-prompter"))
    assert path.parent == tmp_path / "xdg" / "pos-prompter"


def test_first_run_creates_the_cafe_demo_store(tmp_path: Path) -> None:
    path = tmp_path / "data" / "pos-prompter" / "store.db"
    with open_or_create(path) as store:
        products, rules, clerks = counts(store)
        assert products > 0
        assert rules > 0
        assert clerks > 0
        assert store.get_setting("demo") == "cafe"
    assert path.is_file()


def test_existing_store_is_opened_untouched(store_path: Path) -> None:
    with init_store(store_path) as store:
        store.set_settings({"store_name": "Corner Shop"})
        before = counts(store)
    with open_or_create(store_path) as store:
        assert counts(store) == before == (0, 0, 1)
        assert store.get_setting("store_name") == "Corner Shop"
        assert store.get_setting("demo") is None


def test_init_refuses_an_existing_file(cafe_path: Path) -> None:
    content = cafe_path.read_bytes()
    with pytest.raises(InputError, match="already exists"):
        init_store(cafe_path, "cafe")
    assert cafe_path.read_bytes() == content


def test_init_with_a_bad_demo_name_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with pytest.raises(InputError, match="no demo called 'bakery'") as err:
        init_store(path, "bakery")
    assert "cafe" in str(err.value)
    assert list(tmp_path.iterdir()) == []
