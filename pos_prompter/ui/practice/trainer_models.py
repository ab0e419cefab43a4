"""The trainer view's models (pos_prompter.ui.practice.trainer_view): every practice run
as a sortable table, and who has passed which scenario.

Practice runs only (the practice store's `practice_runs`): never a real sale.

A trainee has passed a scenario when their best score in it reaches the pass mark: the
trainer's own (the view's spin box, 80 by default) or, when the trainer chooses so, the
scenario's own `pass_score` as each run recorded it (`pass_grid`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from pos_prompter.i18n import QT_TRANSLATE_NOOP, plural, translate
from pos_prompter.i18n.formats import table_datetime
from pos_prompter.practice.results import time_taken
from pos_prompter.store.practice import PracticeRun

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""What a column sorts by: the figure itself (a score, a time, seconds), not its text."""
CELL_ROLE = Qt.ItemDataRole.UserRole + 2
"""The pass grid's `Cell` (None where the trainee has not tried the scenario)."""

RUN_HEADERS = (QT_TRANSLATE_NOOP("trainer", "Trainee"), QT_TRANSLATE_NOOP("trainer", "Scenario"),
               QT_TRANSLATE_NOOP("trainer", "Date"), QT_TRANSLATE_NOOP("trainer", "Score"),
               QT_TRANSLATE_NOOP("trainer", "Passed"), QT_TRANSLATE_NOOP("trainer", "Time taken"))
"""The runs' column titles in English (translated in headerData)."""
TRAINEE, SCENARIO, DATE, SCORE, PASSED, TIME = range(len(RUN_HEADERS))

PASSED_BACKGROUND = QColor("#dff2e1")
NOT_YET_BACKGROUND = QColor("#fdecea")
TICK = "\N{CHECK MARK}"


def run_date(run: PracticeRun) -> str:
    """2026-11-23 08:10, as `practice results` prints it (in Spanish 23/11/2026 8:10)."""
    return table_datetime(run.started_at)


def run_passed(run: PracticeRun) -> str:
    return (translate("trainer", "yes") if run.passed else
            translate("trainer", "no (needs {score}%)").format(score=run.pass_score))


class RunsModel(QAbstractTableModel):
    """Practice runs, one a row, in the columns of `practice results`: trainee, scenario,
    date, score, passed (at the scenario's pass mark, as recorded), time taken."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._runs: list[PracticeRun] = []

    def set_runs(self, runs: Sequence[PracticeRun]) -> None:
        self.beginResetModel()
        self._runs = list(runs)
        self.endResetModel()

    @property
    def runs(self) -> list[PracticeRun]:
        return list(self._runs)

    def run(self, row: int) -> PracticeRun:
        return self._runs[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RUN_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._runs):
            return None
        run, column = self._runs[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(run, column)
        if role == SORT_ROLE:
            return self._key(run, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == SCENARIO:
                return f"{run.scenario_title} ({run.scenario_id})"
            if column == SCORE:
                return translate("trainer", "{points} of {possible} points").format(
                    points=run.points, possible=run.possible)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SCORE, TIME):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(run: PracticeRun, column: int) -> str:
        return (run.trainee, run.scenario_title, run_date(run),
                f"{run.score}% ({run.points}/{run.possible})", run_passed(run),
                time_taken(run.seconds))[column]

    @staticmethod
    def _key(run: PracticeRun, column: int) -> Any:
        return (run.trainee.casefold(), run.scenario_title.casefold(),
                run.started_at.isoformat(), run.score, int(run.passed), run.seconds)[column]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (translate("trainer", RUN_HEADERS[section])
                    if 0 <= section < len(RUN_HEADERS) else None)
        return str(section + 1)


@dataclass(frozen=True, slots=True)
class Cell:
    """One trainee in one scenario."""

    best: int
    """Their best score, percent."""
    runs: int
    passed: bool
    mark: int | None
    """The pass mark it was judged by (None: each run's own, and they differ)."""


@dataclass(frozen=True, slots=True)
class PassGrid:
    trainees: list[str]
    scenarios: list[tuple[str, str]]
    """(id, title), in the order asked for, then by title."""
    cells: dict[tuple[str, str], Cell]
    """(trainee, scenario id) -> Cell, for those who tried it."""


def pass_grid(runs: Sequence[PracticeRun], mark: int | None,
              order: Sequence[str] = ()) -> PassGrid:
    """Who has passed what: each trainee's best score in each scenario, passed when it
    reaches `mark` (the trainer's pass mark) or, with `mark` None, when any run reached
    the scenario's own pass score as that run recorded it. Scenarios come in `order`
    (ids: the library's, easiest first), then any others by title."""
    titles: dict[str, str] = {}
    tried: dict[tuple[str, str], list[PracticeRun]] = {}
    for run in runs:  # newest last: the newest title of a scenario wins
        titles[run.scenario_id] = run.scenario_title
        tried.setdefault((run.trainee, run.scenario_id), []).append(run)
    cells = {}
    for key, theirs in tried.items():
        best = max(r.score for r in theirs)
        if mark is None:
            marks = {r.pass_score for r in theirs}
            cells[key] = Cell(best, len(theirs), any(r.score >= r.pass_score for r in theirs),
                              marks.pop() if len(marks) == 1 else None)
        else:
            cells[key] = Cell(best, len(theirs), best >= mark, mark)
    trainees = sorted({t for t, _s in tried}, key=str.casefold)
    rank = {sid: i for i, sid in enumerate(order)}
    scenarios = sorted(titles.items(), key=lambda item: (
        rank.get(item[0], len(rank)), item[1].casefold(), item[0]))
    return PassGrid(trainees, scenarios, cells)


class PassGridModel(QAbstractTableModel):
    """Trainees (rows) by scenarios (columns): each cell their best score, with a tick
    when they passed; empty where they have not tried it. CELL_ROLE gives the `Cell`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid = PassGrid([], [], {})

    def set_grid(self, grid: PassGrid) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def cell(self, row: int, column: int) -> Cell | None:
        return self.grid.cells.get((self.grid.trainees[row], self.grid.scenarios[column][0]))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.grid.trainees)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.grid.scenarios)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (not index.isValid() or index.row() >= len(self.grid.trainees)
                or index.column() >= len(self.grid.scenarios)):
            return None
        cell = self.cell(index.row(), index.column())
        if role == CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.DisplayRole:
            if cell is None:
                return ""
            return f"{TICK} {cell.best}%" if cell.passed else f"{cell.best}%"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(index.row(), index.column(), cell)
        if role == Qt.ItemDataRole.BackgroundRole and cell is not None:
            return PASSED_BACKGROUND if cell.passed else NOT_YET_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _describe(self, row: int, column: int, cell: Cell | None) -> str:
        who, title = self.grid.trainees[row], self.grid.scenarios[column][1]
        if cell is None:
            return translate("trainer", "{who}, {title}: not tried yet").format(
                who=who, title=title)
        runs = plural(cell.runs, translate("trainer", "{n} run"), translate("trainer", "{n} runs"))
        if cell.mark is not None:
            verdict = (translate("trainer", "passed at {mark}%") if cell.passed else
                       translate("trainer", "not passed yet at {mark}%")).format(mark=cell.mark)
        else:
            verdict = (translate("trainer", "passed") if cell.passed else
                       translate("trainer", "not passed yet"))
        return translate("trainer", "{who}, {title}: best {best}% in {runs}; {verdict}").format(
            who=who, title=title, best=cell.best, runs=runs, verdict=verdict)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.grid.scenarios):
                return None
            sid, title = self.grid.scenarios[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return title
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{title} ({sid})"
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.grid.trainees):
            return self.grid.trainees[section]
        return None

    def passed_count(self, row: int) -> int:
        """How many scenarios the trainee of `row` has passed."""
        trainee = self.grid.trainees[row]
        return sum(1 for (who, _s), c in self.grid.cells.items() if who == trainee and c.passed)
