"""Practice results for the trainer: how long a run took, and runs as a CSV file (shared by
`pos-prompter practice results --format csv` and the trainer view's Save as CSV)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from pos_prompter.store.practice import PracticeRun


def time_taken(seconds: int) -> str:
    """4:05 (minutes and seconds), 1:02:03 from an hour on."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


CSV_COLUMNS = ("trainee", "scenario", "title", "started_at", "ended_at", "points", "possible",
               "score", "pass_score", "passed", "seconds")


def results_csv(runs: Sequence[PracticeRun]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for run in runs:
        record = run.to_json()
        writer.writerow(["true" if record[c] is True else "false" if record[c] is False
                         else record[c] for c in CSV_COLUMNS])
    return buffer.getvalue()
