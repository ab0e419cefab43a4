"""The practice store beside the real one (`NAME.training.db` next to `NAME.db`):
made on first use and refreshed when a trainer asks, from the real store's catalog
(products, barcodes), rules, settings and staff, never its orders, prompt events or audit
log. The real store is only ever read, attached read-only the way `read_store` reads it
(no migration, no WAL switch, no checkpoint, no -wal or -shm file left beside it):
practice never writes it.

A refresh replaces those tables in place, in one transaction, and keeps what belongs to
practice: scenarios, practice runs, practice orders, and the setting `training`. Its
publish revision moves past both its own and the real store's, so a practice till that is
open reloads (as after any publish). The copy itself is SQL, in
pos_prompter.store.practice.copy_shared: products, barcodes and rules are copied again
only when the real store may have changed them since the last copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pos_prompter.bootstrap import init_store, training_store_path
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said, joined
from pos_prompter.store import Store, StoreError
from pos_prompter.store.practice import SharedCopy, copy_shared
from pos_prompter.store.store_file import file_problem

PRACTICE_MARK = ".training"


def _plural(count: int, one: Said, other: Said) -> Said:
    return (one if count == 1 else other).format(n=count)


@dataclass(frozen=True, slots=True)
class RefreshSummary:
    """What a refresh (or the first copy) put in the practice store, and what it kept."""

    path: Path
    created: bool
    products: int
    rules: int
    staff: int
    runs_kept: int
    scenarios_kept: int
    catalog_copied: bool = True
    """False: the real store had changed neither catalog nor rules since the last refresh,
    so they (already in the practice store) were not copied again; staff and settings were."""

    def describe(self) -> Said:
        kept: list[Said | str] = [_plural(
            self.runs_kept, QT_TRANSLATE_NOOP("practice_store", "{n} practice run kept"),
            QT_TRANSLATE_NOOP("practice_store", "{n} practice runs kept"))]
        if self.scenarios_kept:
            kept.append(_plural(
                self.scenarios_kept,
                QT_TRANSLATE_NOOP("practice_store", "{n} imported scenario kept"),
                QT_TRANSLATE_NOOP("practice_store", "{n} imported scenarios kept")))
        same = "" if self.catalog_copied else QT_TRANSLATE_NOOP(
            "practice_store", " (catalog and rules unchanged since the last refresh)")
        return (QT_TRANSLATE_NOOP("practice_store", "practice store created: {products}, "
                                                    "{rules}, {staff} staff{same}; {kept}")
                if self.created else
                QT_TRANSLATE_NOOP("practice_store", "practice store refreshed: {products}, "
                                                    "{rules}, {staff} staff{same}; {kept}")
                ).format(
            products=_plural(self.products, QT_TRANSLATE_NOOP("practice_store", "{n} product"),
                             QT_TRANSLATE_NOOP("practice_store", "{n} products")),
            rules=_plural(self.rules, QT_TRANSLATE_NOOP("practice_store", "{n} rule"),
                          QT_TRANSLATE_NOOP("practice_store", "{n} rules")),
            staff=self.staff, same=same, kept=joined(kept, ", "))


def practice_store_path(real: Path) -> Path:
    """The practice store of the real store `real`. Refuses a practice store given as the
    real one (its practice store would be a copy of a copy)."""
    if real.stem.endswith(PRACTICE_MARK):
        raise StoreError(QT_TRANSLATE_NOOP(
            "practice_store", "{path} is a practice store; give the real store ({real}) with "
            "--db").format(path=real, real=real_store_path(real)))
    return training_store_path(real)


def real_store_path(practice: Path) -> Path:
    """The real store beside the practice store `practice` (practice_store_path's inverse)."""
    stem = practice.stem.removesuffix(PRACTICE_MARK)
    return practice.with_name(stem + practice.suffix)


def _require(real: Path) -> None:
    if not real.exists():
        raise StoreError(QT_TRANSLATE_NOOP(
            "practice_store", "there is no store at {path} to practise on (create one with "
            "'pos-prompter init --db {path}')").format(path=real))
    problem = file_problem(real)  # an empty file, or no SQLite database at all
    if problem is not None:
        raise StoreError(problem)


def _copy(practice: Path, real: Path, *, created: bool) -> RefreshSummary:
    """`copy_shared` into the migrated store file `practice`, summed up."""
    _require(real)
    copied: SharedCopy = copy_shared(practice, real)
    return RefreshSummary(path=practice, created=created, products=copied.products,
                          rules=copied.rules, staff=copied.staff, runs_kept=copied.runs_kept,
                          scenarios_kept=copied.scenarios_kept,
                          catalog_copied=copied.catalog_copied)


def refresh_practice(store: Store, real: Path) -> RefreshSummary:
    """Copy the real store's catalog, rules, settings and staff into the open practice
    store `store` again (what the trainer view's button does). The copy goes through a
    connection of its own; `store` sees it once it is committed."""
    if store.path is None:
        raise StoreError(QT_TRANSLATE_NOOP(
            "practice_store", "an in-memory store has no real store to be refreshed from"))
    return _copy(store.path, real, created=False)


def _create(real: Path, practice: Path) -> RefreshSummary:
    """A new practice store from the real one, built under a temporary name and renamed
    at the end, so a failure leaves no half-made practice store."""
    _require(real)
    partial = practice.with_name(practice.name + ".partial")
    leftovers = [partial, *(partial.with_name(partial.name + end) for end in ("-wal", "-shm"))]
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    try:
        Store.open(partial, create=True).close()  # the schema, migrated
        summary = _copy(partial, real, created=True)
        partial.replace(practice)
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    return RefreshSummary(practice, True, summary.products, summary.rules, summary.staff,
                          summary.runs_kept, summary.scenarios_kept)


def ensure_practice_store(real: Path, *, demo_if_missing: str | None = None) -> Path:
    """The practice store beside `real`, made on first use from the real store (or from a
    demo when there is no real store yet and `demo_if_missing` names one, leaving the real
    path alone)."""
    practice = practice_store_path(real)
    if practice.exists():
        return practice
    if not real.exists() and demo_if_missing is not None:
        with init_store(practice, demo_if_missing) as store:
            store.set_settings({"training": True})
        return practice
    _create(real, practice)
    return practice


def refresh_practice_store(real: Path) -> RefreshSummary:
    """`practice refresh --db REAL`: the practice store copied again from `real` (made
    if it does not exist yet)."""
    practice = practice_store_path(real)
    if not practice.exists():
        return _create(real, practice)
    with Store.open(practice) as store:  # migrated before the copy
        return refresh_practice(store, real)


def open_practice_store(real: Path) -> Store:
    """The practice store of `real`, open (made on first use)."""
    return Store.open(ensure_practice_store(real))
