"""Creating, seeding and finding stores; reading pack and catalog files, writing packs.

What the till needs to start (the store's path, opening it) imports nothing more; creating
a store (the demos' catalog, rules, staff and history) imports what it needs when it runs,
and the pack readers live in pos_prompter.pack_files (PyYAML), re-exported here on first
use, so `from pos_prompter.bootstrap import load_pack_file` works as before."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos_prompter.core.errors import InputError
from pos_prompter.core.said import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from pos_prompter.core.roles import Role
    from pos_prompter.pack_files import (
        DuplicateKeyError,
        SafeLoader,
        _load_plain_yaml,  # noqa: F401  (tests reach them here)
        _Unusual,  # noqa: F401
        export_text,
        load_pack_file,
        load_yaml,
        parse_pack_text,
        read_text,
    )
    from pos_prompter.store import ImportSummary, Store

PACK_NAMES = frozenset({"DuplicateKeyError", "SafeLoader", "_load_plain_yaml", "_Unusual",
                        "export_text", "load_pack_file", "load_yaml", "parse_pack_text",
                        "read_text"})
"""Names that live in pos_prompter.pack_files, given from here for the callers of old."""

__all__ = ["APP_NAME", "DEFAULT_CLERK", "DEMO_STAFF", "DuplicateKeyError", "SafeLoader",
           "add_demo_staff", "default_store_path", "export_text", "init_store",
           "load_pack_file", "load_yaml", "open_or_create", "parse_pack_text", "read_text",
           "seed_demo", "training_store_path"]


def __getattr__(name: str) -> Any:
    """The pack readers and writers, imported (with PyYAML) the first time one is asked."""
    if name in PACK_NAMES:
        from pos_prompter import pack_files

        return getattr(pack_files, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

APP_NAME = "pos-prompter"
_NO_DEMO = QT_TRANSLATE_NOOP("store", "there is no demo called {name!r} (choose {demos})")
DEFAULT_CLERK = "clerk"

DEMO_STAFF: tuple[tuple[str, Role, str], ...] = (
    ("manager", "manager", "demo-manager-pass"),
    ("trainer", "trainer", "demo-trainer-pass"),
    (DEFAULT_CLERK, "clerk", "1234"),
)
"""Who signs in to a demo store, with what (name, role, password or PIN). Published in
resources/demo/README.md: a demo store is for trying things out, and a shop that keeps one
must change these (pos-prompter staff passwd NAME). A store made without a demo has the
clerk without a PIN and no manager: its first run asks for the first manager password."""


def default_store_path() -> Path:
    """The default store in the platform's user data folder."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "store.db"


def training_store_path(real: Path) -> Path:
    """Practice mode's own store, beside the real one: never the real sales."""
    return real.with_name(real.stem + ".training" + real.suffix)

def seed_demo(store: Store, name: str, *,
              actor: str | None = None) -> tuple[ImportSummary, ImportSummary]:
    """Load a demo store's catalog and rules into `store` (audited as by `actor`)."""
    from pos_prompter.resources import DEMOS, demo_dir

    if name not in DEMOS:
        raise InputError(_NO_DEMO.format(name=name, demos=", ".join(DEMOS)))
    from pos_prompter.core.catalog import parse_catalog_csv
    from pos_prompter.pack_files import parse_pack_text

    folder = demo_dir(name)
    products = parse_catalog_csv((folder / "catalog.csv").read_text(encoding="utf-8"))
    pack = parse_pack_text((folder / "rules.yaml").read_text(encoding="utf-8"), "rules.yaml")
    cat_summary = store.catalog.import_products(products, actor=actor)
    rule_summary = store.rules.replace(pack, actor=actor)
    store.set_settings({"store_name": name, "demo": name}, actor=actor)
    return cat_summary, rule_summary


def add_demo_staff(store: Store, *, actor: str | None = None) -> None:
    """The demo's manager, trainer and clerk with their published secrets (DEMO_STAFF).
    Hashing takes ~0.4 s a secret at production cost."""
    from pos_prompter.store.auth import StaffStore

    staff = StaffStore(store)
    for name, role, secret in DEMO_STAFF:
        staff.add_person(name, role, secret, actor=actor)


def init_store(path: Path, demo: str | None = None, *, actor: str | None = None,
               history: bool = False) -> Store:
    """Create a new store (refusing to touch an existing file), optionally seeded.

    A demo store gets DEMO_STAFF; any other store only the clerk, with no PIN and no
    manager, so `StaffStore(store).needs_first_manager()` is True until the first run
    (or `pos-prompter staff add NAME --role manager`) makes one. `history=True` also gives
    a demo store its generated past sales (pos_prompter.core.demo_history: about 90 days,
    the same on any day); without it the store has no orders (tests count on order 1)."""
    from pos_prompter.resources import DEMOS
    from pos_prompter.store import Store

    if path.exists():
        raise InputError(QT_TRANSLATE_NOOP("store", "{path} already exists; choose another path "
                                                    "or remove it first").format(path=path))
    wal = _beside(path, "-wal")
    if wal.exists():  # SQLite would take its pages into the new store
        raise InputError(QT_TRANSLATE_NOOP("store", "{path} does not exist, but {wal} beside it "
                                                    "does (the rest of a store): restore that "
                                                    "store, or move the file away first").format(
            path=path, wal=wal.name))
    if demo is not None and demo not in DEMOS:
        raise InputError(_NO_DEMO.format(name=demo, demos=", ".join(DEMOS)))
    try:
        store = Store.open(path, create=True)
    except BaseException:
        _remove_new_store(path)
        raise
    try:
        if demo:
            add_demo_staff(store, actor=actor)
            seed_demo(store, demo, actor=actor)
            if history:
                from pos_prompter.store.demo_history import add_demo_history

                add_demo_history(store, demo, [name for name, _r, _s in DEMO_STAFF])
        else:
            store.staff.add_without_secret(DEFAULT_CLERK, "clerk", actor=actor)
    except BaseException:  # a full disk, Ctrl+C...: no half-made store is left
        store.close()
        _remove_new_store(path)
        raise
    return store


def _beside(path: Path, end: str) -> Path:
    return path.with_name(path.name + end)


def _remove_new_store(path: Path) -> None:
    """Remove a store that init_store began and could not finish, with its -wal and -shm
    files: left behind, an empty file would be refused as no store at the next start, and
    a -wal would be taken into the next store made there."""
    for leftover in (path, _beside(path, "-wal"), _beside(path, "-shm")):
        leftover.unlink(missing_ok=True)


def open_or_create(path: Path, demo: str = "cafe") -> Store:
    """What `pos-prompter` does on start: open the store, or create it from a demo so the
    first run is ready to scan, with the demo's past sales so the manager's reports show
    something."""
    if path.exists():
        from pos_prompter.store import Store

        return Store.open(path)
    return init_store(path, demo, history=True)

