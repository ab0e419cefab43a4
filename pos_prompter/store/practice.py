"""Practice mode's own tables in the practice store: the scenarios a trainer imported and
every practice run with its score (shared/spec/practice.md). They survive a refresh of the
catalog, rules, settings and staff (pos_prompter.practice.practice_store).

Times are the wall clock (when the trainee practised), not the scenario's till clock.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pos_prompter.core.scenario import Scenario
from pos_prompter.store.store import Store


def _text(when: dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class StoredScenario:
    """A scenario a trainer imported, as the practice store keeps it."""

    id: str
    title: str
    level: int
    pass_score: int
    imported_at: dt.datetime
    imported_by: str | None


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One finished practice run, as the practice service hands it over to be saved."""

    trainee: str
    scenario_id: str
    scenario_title: str
    started_at: dt.datetime
    """Wall clock: when the trainee started (not the scenario's till clock)."""
    seconds: int
    """Time taken, wall clock."""
    points: int
    possible: int
    score: int
    pass_score: int
    passed: bool
    details: Sequence[Mapping[str, Any]] = field(default_factory=tuple)
    """The per-customer scorecards (JSON-able mappings, one per customer)."""
    ended_at: dt.datetime | None = None
    """None: started_at + seconds."""

    def end(self) -> dt.datetime:
        if self.ended_at is not None:
            return self.ended_at
        return self.started_at + dt.timedelta(seconds=self.seconds)


@dataclass(frozen=True, slots=True)
class PracticeRun:
    """A practice run as saved (runs(): newest last)."""

    id: int
    trainee: str
    scenario_id: str
    scenario_title: str
    started_at: dt.datetime
    ended_at: dt.datetime
    points: int
    possible: int
    score: int
    pass_score: int
    passed: bool
    seconds: int
    details: tuple[dict[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The run as `practice results --format json` prints it."""
        return {"id": self.id, "trainee": self.trainee, "scenario": self.scenario_id,
                "title": self.scenario_title, "started_at": _text(self.started_at),
                "ended_at": _text(self.ended_at), "points": self.points,
                "possible": self.possible, "score": self.score,
                "pass_score": self.pass_score, "passed": self.passed,
                "seconds": self.seconds, "details": list(self.details)}


_RUN_COLUMNS = ("id", "trainee", "scenario_id", "scenario_title", "started_at", "ended_at",
                "points", "possible", "score", "pass_score", "passed", "seconds", "details")


def _run(row: Sequence[Any]) -> PracticeRun:
    (rid, trainee, scenario_id, title, started, ended, points, possible, score, pass_score,
     passed, seconds, details) = row
    return PracticeRun(rid, trainee, scenario_id, title, dt.datetime.fromisoformat(started),
                       dt.datetime.fromisoformat(ended), points, possible, score, pass_score,
                       bool(passed), seconds, tuple(json.loads(details)))


class PracticeStore:
    """The practice tables of `store` (the practice store; the caller opens and closes it)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------------ scenarios

    def save_scenario(self, scenario: Scenario, body: str, *, actor: str | None = None,
                      now: dt.datetime | None = None) -> bool:
        """Keep an imported scenario (`body`: its YAML text as given), replacing one of the
        same id. Returns whether one was replaced."""
        with self.store.write() as db:
            replaced = db.execute("SELECT 1 FROM scenarios WHERE id = ?",
                                  [scenario.id]).fetchone() is not None
            db.execute(
                "INSERT INTO scenarios(id, title, level, pass_score, body, imported_at, "
                "imported_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "title = excluded.title, level = excluded.level, "
                "pass_score = excluded.pass_score, body = excluded.body, "
                "imported_at = excluded.imported_at, imported_by = excluded.imported_by",
                [scenario.id, scenario.title, scenario.level, scenario.pass_score, body,
                 _text(now or dt.datetime.now()), actor])
        return replaced

    def scenarios(self) -> list[StoredScenario]:
        """The imported scenarios, by id."""
        return [StoredScenario(r[0], r[1], r[2], r[3], dt.datetime.fromisoformat(r[4]), r[5])
                for r in self.store.db.execute(
                    "SELECT id, title, level, pass_score, imported_at, imported_by "
                    "FROM scenarios ORDER BY id")]

    def scenario_text(self, scenario_id: str) -> str | None:
        """The YAML text of an imported scenario, as it was imported (None: not imported)."""
        row = self.store.db.execute("SELECT body FROM scenarios WHERE id = ?",
                                    [scenario_id]).fetchone()
        return None if row is None else str(row[0])

    def scenario_count(self) -> int:
        return int(self.store.db.execute("SELECT count(*) FROM scenarios").fetchone()[0])

    # ------------------------------------------------------------------ runs

    def record_run(self, run: RunRecord) -> int:
        """Save a finished run in one transaction; returns its id."""
        details = json.dumps([dict(card) for card in run.details], ensure_ascii=False,
                             separators=(",", ":"))
        with self.store.write() as db:
            cur = db.execute(
                f"INSERT INTO practice_runs({', '.join(_RUN_COLUMNS[1:])}) "
                f"VALUES ({', '.join('?' * (len(_RUN_COLUMNS) - 1))})",
                [run.trainee, run.scenario_id, run.scenario_title, _text(run.started_at),
                 _text(run.end()), run.points, run.possible, run.score, run.pass_score,
                 int(run.passed), run.seconds, details])
            run_id = cur.lastrowid
        assert run_id is not None
        return run_id

    def runs(self, trainee: str | None = None) -> list[PracticeRun]:
        """Every run (or one trainee's), newest last."""
        sql = f"SELECT {', '.join(_RUN_COLUMNS)} FROM practice_runs"
        params: list[Any] = []
        if trainee is not None:
            sql += " WHERE trainee = ?"
            params.append(trainee)
        sql += " ORDER BY started_at, id"
        return [_run(row) for row in self.store.db.execute(sql, params)]

    def run_count(self) -> int:
        return int(self.store.db.execute("SELECT count(*) FROM practice_runs").fetchone()[0])
