"""Saving a finished practice run in the practice store, under the trainee who played it."""

from __future__ import annotations

import datetime as dt

from pos_prompter.practice.game import GameResult
from pos_prompter.store import Store
from pos_prompter.store.practice import PracticeStore, RunRecord

NOBODY = "(nobody signed in)"
"""The trainee of a run on a store with no clerks to sign in."""


def run_record(result: GameResult) -> RunRecord:
    """The row the practice store keeps of a run, with every customer's scorecard."""
    score = result.score
    return RunRecord(
        trainee=result.trainee or NOBODY, scenario_id=result.scenario.id,
        scenario_title=result.scenario.title, started_at=result.started_at,
        ended_at=result.started_at + dt.timedelta(seconds=result.seconds),
        seconds=result.seconds, points=score.points, possible=score.possible,
        score=score.score, pass_score=result.scenario.pass_score, passed=score.passed,
        details=tuple({"customer": c.name, "order": c.order, "points": c.score.points,
                       "possible": c.score.possible, "notes": list(c.score.notes)}
                      for c in result.customers))


def record_run(store: Store, result: GameResult) -> int:
    """Record `result` in the practice store `store`; returns the run's id."""
    return PracticeStore(store).record_run(run_record(result))
