"""The register of the store's schema steps (migrations.py), with sqlite-utils' `Migrations`
behind it made only when a step must run (issue 14.2).

A store opened by a till is nearly always current. `up_to_date` says so with one plain
query of sqlite-utils' `_sqlite_migrations` table, so opening a current store needs no
sqlite-utils at all; `apply`, `pending` and `applied` are sqlite-utils' own, on a
`Migrations` built from the steps registered here, in the same order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

MIGRATIONS_TABLE = "_sqlite_migrations"

Step = Callable[["Database"], None]


@dataclass(frozen=True)
class RegisteredStep:
    name: str
    fn: Step
    transactional: bool = True


class SchemaSteps:
    """Registers steps as sqlite-utils' `Migrations` does (`@steps()` on a function, in
    order) and applies them through one; `up_to_date` needs no sqlite-utils."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[RegisteredStep] = []
        self._real: Migrations | None = None

    def __call__(self, *, name: str | None = None,
                 transactional: bool = True) -> Callable[[Step], Step]:
        def register(fn: Step) -> Step:
            step_name = name or fn.__name__
            if any(m.name == step_name for m in self._migrations):
                raise ValueError(f"Migration '{step_name}' is already registered in set "
                                 f"'{self.name}'")
            self._migrations.append(RegisteredStep(step_name, fn, transactional))
            self._real = None
            return fn

        return register

    def names(self) -> list[str]:
        return [m.name for m in self._migrations]

    def migrations(self) -> Migrations:
        """sqlite-utils' Migrations holding every registered step."""
        if self._real is None:
            from sqlite_utils import Migrations

            real = Migrations(self.name)
            for step in self._migrations:
                real(name=step.name, transactional=step.transactional)(step.fn)
            self._real = real
        return self._real

    def up_to_date(self, conn: sqlite3.Connection) -> bool:
        """Whether `apply` would change nothing in the store on `conn`: the migrations
        table is there with sqlite-utils' current layout (primary key `id`) and records
        every step. Reads only."""
        columns = conn.execute(f"PRAGMA table_info({MIGRATIONS_TABLE})").fetchall()
        if [c[1] for c in sorted(columns, key=lambda c: c[5]) if c[5]] != ["id"]:
            return False  # no table, or sqlite-utils' older layout: apply() remakes it
        done = {row[0] for row in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [self.name])}
        return all(m.name in done for m in self._migrations)

    def apply(self, db: Database, *, stop_before: str | Iterable[str] | None = None) -> None:
        self.migrations().apply(db, stop_before=stop_before)

    def pending(self, db: Database) -> list[Any]:
        return list(self.migrations().pending(db))

    def applied(self, db: Database) -> list[Any]:
        return list(self.migrations().applied(db))
