"""What the stores by concern share: the error every store raises, an import's summary, a
rule's results (RuleStore.results, sales_log.results_since), and
`StoreCore`, the part of `Store` they read and write through (its connection, one
all-or-nothing write, the publish revision and the settings).

`Store` (store.store) builds one of each concern store over itself: `store.rules`
(rule_store), `store.catalog` (catalog_store), `store.sales` (sales) and `store.staff`
(auth). They know `Store` only as a `StoreCore`, so none of them imports store.store.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from pos_prompter.core.errors import UserError
from pos_prompter.core.said import QT_TRANSLATE_NOOP, joined

if TYPE_CHECKING:
    from sqlite_utils import Database

    from pos_prompter.core.guardrails import Settings

Progress = Callable[[int, int], None]
"""Called with (done, total) during long imports."""


class StoreError(UserError):
    """The store file cannot be used (missing, locked, not a store, disk full...)."""


@dataclass(frozen=True, slots=True)
class ImportSummary:
    added: list[str]
    changed: list[str]
    removed: list[str]
    unchanged: int

    def describe(self, what: str) -> str:
        """'products: 3 added, 1 changed, 21 unchanged', said in the reader's language (the
        import's catalog texts: imports.summary_words says the same)."""
        parts: list[str] = [QT_TRANSLATE_NOOP("import", "{n} added").format(n=len(self.added)),
                            QT_TRANSLATE_NOOP("import", "{n} changed").format(
                                n=len(self.changed))]
        if self.removed:
            parts.append(QT_TRANSLATE_NOOP("import", "{n} removed").format(n=len(self.removed)))
        parts.append(QT_TRANSLATE_NOOP("import", "{n} unchanged").format(n=self.unchanged))
        return QT_TRANSLATE_NOOP("import", "{items}: {counts}").format(
            items=what, counts=joined(list(parts), ", "))


@dataclass(frozen=True, slots=True)
class RuleResults:
    """A rule's outcomes so far (revenue in cents: what accepted prompts added)."""

    shown: int
    accepted: int
    declined: int
    ignored: int
    held_out: int
    revenue: int

    @property
    def acceptance_rate(self) -> float | None:
        """Accepted of shown, as a fraction for display (None before it was ever shown)."""
        return self.accepted / self.shown if self.shown else None


def now_text(now: dt.datetime | None = None) -> str:
    """A time as the store keeps it (ISO text to the second; now when None)."""
    return (now or dt.datetime.now()).isoformat(timespec="seconds")


class StoreCore(Protocol):
    """What a concern store needs of the `Store` it belongs to."""

    @property
    def db(self) -> Database:
        """The store's one connection."""
        ...

    def write(self) -> AbstractContextManager[Database]:
        """One all-or-nothing write (a write inside another joins it)."""
        ...

    def bump_revision(self) -> None:
        """Move the publish revision on, inside the current write (tills reload)."""
        ...

    def save_failed(self, exc: sqlite3.DatabaseError) -> StoreError:
        """A failed write in one sentence."""
        ...

    def load_settings(self) -> Settings:
        ...

    def save_settings(self, settings: Settings, *, actor: str | None = None) -> None:
        """Write `settings`' values, audited (joins the current write)."""
        ...


__all__ = ["ImportSummary", "Progress", "RuleResults", "StoreCore", "StoreError", "now_text"]
