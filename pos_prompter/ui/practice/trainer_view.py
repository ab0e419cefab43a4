"""The trainer's view (`trainerView`, shared/spec/practice.md): each trainee's practice runs
over time as a table and a chart, who has passed which scenario at the trainer's pass mark,
CSV export of the runs, importing a scenario and refreshing the practice store from the
real one.

It is a window of its own beside the practice till (never modal: the till keeps
selling-as-practice while it is open, and scans typed into it still reach the till, see
TillWindow._route_scans). `TrainerDoor` is the practice bar's Trainer… button: a trainer's
or manager's name and password (`TrainerSignInDialog`, five-strike lockout as everywhere),
then the view.

Everything here reads and writes the practice store only (its runs and imported
scenarios); the real store is only read, by a refresh, in a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.errors import UserError
from pos_prompter.i18n import QT_TRANSLATE_NOOP, plural, translate
from pos_prompter.imports import refusal
from pos_prompter.practice import library
from pos_prompter.practice.practice_store import (
    RefreshSummary,
    practice_store_path,
    real_store_path,
    refresh_practice,
)
from pos_prompter.practice.results import results_csv
from pos_prompter.store import Store
from pos_prompter.store.auth import Person
from pos_prompter.store.practice import PracticeRun, PracticeStore
from pos_prompter.ui.charts import LineChart, Mark, Series
from pos_prompter.ui.jobs import StoreJob, deliver_to, jobs_of
from pos_prompter.ui.practice.trainer_models import SORT_ROLE, PassGridModel, RunsModel, pass_grid
from pos_prompter.ui.style import apply_base_look
from pos_prompter.ui.widgets import dialog_button, open_file_chooser, plain_label

if TYPE_CHECKING:
    from pos_prompter.ui.practice.controller import PracticeController
    from pos_prompter.ui.workspace.sign_in import TrainerSignInDialog

DEFAULT_PASS_MARK = 80
ALL_TRAINEES = QT_TRANSLATE_NOOP("trainer", "All trainees")
ERROR_STYLE = "color: #a4231a; font-weight: bold;"



def _count(count: int, one: str, other: str) -> str:
    """`count` with the form of its word for it (both forms already translated)."""
    return plural(count, one, other)


class TrainerView(QWidget):
    """trainerView: the practice runs of every trainee (or one), the chart of their scores
    with the pass mark, who has passed what, and the trainer's buttons.

    `guard()`, when given, says why a refresh must wait (a practice session running at
    the till), or None.

    Signals:
        scenarios_changed(): a scenario was imported, or the store refreshed: the till's
            list of scenarios is out of date.
        imported(str): a scenario was imported; carries its id.
        refreshed(object): the practice store was refreshed; carries the RefreshSummary.
        exported(str): the runs were written to a CSV file; carries its path.
        closed(): the window closed.
    """

    scenarios_changed = Signal()
    imported = Signal(str)
    refreshed = Signal(object)
    exported = Signal(str)
    closed = Signal()

    def __init__(self, store: Store, trainer: str, parent: QWidget | None = None, *,
                 guard: Callable[[], str | None] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("trainerView")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setWindowTitle(translate("trainer", "[PRACTICE] Trainer view — {trainer}").format(
            trainer=trainer))
        apply_base_look(self)
        self.store = store
        self.trainer = trainer
        self.guard = guard
        self.all_runs: list[PracticeRun] = []
        self.order: list[str] = []
        """Scenario ids, easiest first (the pass grid's columns)."""
        self.file_dialog: QFileDialog | None = None
        self.job: StoreJob | None = None
        """The refresh copying now, if any."""
        self.runs_model = RunsModel(self)
        self.grid_model = PassGridModel(self)
        self._build()
        self.resize(1000, 660)
        self.setMinimumSize(760, 520)
        self.reload()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.trainee_choice = QComboBox(self)
        self.trainee_choice.setObjectName("trainerTrainee")
        self.trainee_choice.setAccessibleName(translate("trainer", "Trainee"))
        self.trainee_choice.setMinimumWidth(180)
        self.pass_mark = QSpinBox(self)
        self.pass_mark.setObjectName("trainerPassMark")
        self.pass_mark.setAccessibleName(translate("trainer", "Pass mark"))
        self.pass_mark.setRange(0, 100)
        self.pass_mark.setSuffix("%")
        self.pass_mark.setValue(DEFAULT_PASS_MARK)
        self.own_mark = QCheckBox(translate("trainer", "Each scenario's own pass mark"), self)
        self.own_mark.setObjectName("trainerOwnMark")
        self.own_mark.setToolTip(translate("trainer", "Judge each run by the pass score its "
                                           "scenario sets, not by the pass mark here."))
        self.import_button = dialog_button(translate("trainer", "Import scenario…"),
                                           "trainerImport", self, self.choose_scenario)
        self.refresh_button = dialog_button(translate("trainer", "Refresh from the store"),
                                            "trainerRefresh", self,
                                            self.refresh_store)
        self.refresh_button.setToolTip(translate("trainer", "Copy the real store's catalog, "
                                                 "rules, settings and staff into the practice "
                                                 "store again; practice runs and imported "
                                                 "scenarios are kept."))
        self.export_button = dialog_button(translate("trainer", "Export CSV…"), "trainerExport",
                                           self, self.export_csv)
        self.message = plain_label("trainerMessage", self)
        self.message.hide()
        self.summary = plain_label("trainerSummary", self)

        self.chart = LineChart(self, object_name="trainerChart")
        self.grid = self._table("trainerGrid", self.grid_model)
        self.grid.verticalHeader().setVisible(True)
        header = self.grid.horizontalHeader()  # scenario titles: two lines each
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(header.fontMetrics().height() * 2 + 12)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.runs_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._table("trainerRuns", self.proxy)
        self.table.setAccessibleName(translate("trainer", "Practice runs"))
        self.grid.setAccessibleName(translate("trainer", "Who has passed what: best score of "
                                              "each trainee in each scenario"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # the newest run first
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)

        # Two rows: what is shown (and its export), then the practice store's upkeep.
        tools = QHBoxLayout()
        tools.setSpacing(8)
        for text, widget in ((translate("trainer", "Trainee"), self.trainee_choice),
                             (translate("trainer", "Pass mark"), self.pass_mark)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            tools.addWidget(label)
            tools.addWidget(widget)
        tools.addWidget(self.own_mark)
        tools.addStretch(1)
        tools.addWidget(self.export_button)
        upkeep = QHBoxLayout()
        upkeep.setSpacing(8)
        upkeep.addWidget(self.summary, 1)
        upkeep.addWidget(self.import_button)
        upkeep.addWidget(self.refresh_button)
        for button in (self.import_button, self.refresh_button, self.export_button):
            button.setMinimumHeight(40)

        grid_box = QWidget(self)
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_title = plain_label("trainerGridTitle", grid_box, wrap=False)
        grid_title.setText(translate("trainer", "Who has passed what (best score)"))
        grid_title.setStyleSheet("font-weight: bold;")
        grid_layout.addWidget(grid_title)
        grid_layout.addWidget(self.grid)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.chart)
        top.addWidget(grid_box)
        top.setSizes([560, 420])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("trainerSplit")
        split.addWidget(top)
        split.addWidget(self.table)
        split.setSizes([330, 250])
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.addLayout(tools)
        layout.addLayout(upkeep)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

        self.trainee_choice.currentIndexChanged.connect(self._apply)
        self.pass_mark.valueChanged.connect(self._apply)
        self.own_mark.toggled.connect(self._own_mark_toggled)

    def _table(self, name: str, model: QObject) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)  # type: ignore[arg-type]
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(name == "trainerRuns")
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        return table

    # ------------------------------------------------------------------ showing

    @property
    def chosen_trainee(self) -> str | None:
        """The trainee the view is narrowed to (None: everyone)."""
        data = self.trainee_choice.currentData()
        return str(data) if data else None

    @property
    def mark(self) -> int | None:
        """The pass mark the grid judges by (None: each scenario's own)."""
        return None if self.own_mark.isChecked() else self.pass_mark.value()

    @Slot()
    def reload(self) -> None:
        """Read the practice runs again (after a run finished, an import, a refresh)."""
        self.all_runs = PracticeStore(self.store).runs()
        try:  # the grid's columns: the scenarios easiest first, as the till lists them
            self.order = [e.id for e in library.available(self.store)]
        except UserError:
            self.order = []
        chosen = self.chosen_trainee
        names = sorted({r.trainee for r in self.all_runs}, key=str.casefold)
        self.trainee_choice.blockSignals(True)
        self.trainee_choice.clear()
        self.trainee_choice.addItem(translate("trainer", ALL_TRAINEES), "")
        for name in names:
            self.trainee_choice.addItem(name, name)
        at = self.trainee_choice.findData(chosen) if chosen in names else 0
        self.trainee_choice.setCurrentIndex(max(at, 0))
        self.trainee_choice.blockSignals(False)
        self._apply()

    def choose_trainee(self, name: str | None) -> None:
        at = self.trainee_choice.findData(name or "")
        if at < 0:
            raise ValueError(f"no practice runs by {name!r}")
        self.trainee_choice.setCurrentIndex(at)

    def runs(self) -> list[PracticeRun]:
        """The runs shown: the chosen trainee's, or everyone's; oldest first."""
        chosen = self.chosen_trainee
        return [r for r in self.all_runs if chosen is None or r.trainee == chosen]

    @Slot(bool)
    def _own_mark_toggled(self, own: bool) -> None:
        self.pass_mark.setEnabled(not own)
        self._apply()

    @Slot()
    def _apply(self) -> None:
        runs = self.runs()
        self.runs_model.set_runs(runs)
        self.grid_model.set_grid(pass_grid(runs, self.mark, self.order))
        by_trainee: dict[str, list[tuple[object, float]]] = {}
        for run in runs:
            by_trainee.setdefault(run.trainee, []).append((run.started_at, run.score))
        series = [Series(name, points)  # type: ignore[arg-type]
                  for name, points in sorted(by_trainee.items(), key=lambda i: i[0].casefold())]
        mark = self.mark
        chart_mark: Mark | None = None
        own = sorted({r.pass_score for r in runs})
        if mark is not None:
            chart_mark = Mark(mark, translate("trainer", "Pass mark {mark}%").format(mark=mark))
        elif len(own) == 1:  # the scenarios' own marks: one line only when they agree
            chart_mark = Mark(own[0], translate("trainer", "Scenarios' pass mark {mark}%").format(
                mark=own[0]))
        who = self.chosen_trainee
        self.chart.set_data(series, chart_mark,
                            title=translate("trainer", "{who}'s scores over time").format(who=who)
                            if who else translate("trainer", "Scores over time"),
                            empty_text=translate("trainer", "No practice runs yet: they appear "
                                                 "here as trainees finish scenarios at the "
                                                 "till."))
        trainees = len(by_trainee)
        passed = sum(1 for c in self.grid_model.grid.cells.values() if c.passed)
        judged = (translate("trainer", "each scenario's own mark") if mark is None
                  else f"{mark}%")
        self.summary.setText(translate("trainer", "{runs} by {trainees}; {passes} at {judged}. "
                                       "Practice runs only, never real sales.").format(
            runs=_count(len(runs), translate("trainer", "{n} practice run"),
                        translate("trainer", "{n} practice runs")),
            trainees=_count(trainees, translate("trainer", "{n} trainee"),
                            translate("trainer", "{n} trainees")),
            passes=_count(passed, translate("trainer", "{n} scenario pass"),
                          translate("trainer", "{n} scenario passes")),
            judged=judged))

    def say(self, text: str, *, error: bool = False) -> None:
        """What the last import, refresh or export did, in trainerMessage (never a box)."""
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ------------------------------------------------------------------ export

    def _chooser_closed(self) -> None:
        dialog, self.file_dialog = self.file_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def export_csv(self, path: Path | None = None) -> None:
        """Write the runs shown (the chosen trainee's, or everyone's) as `pos-prompter
        practice results --format csv` does; without `path`, ask where (not blocking)."""
        if path is None:
            if self.file_dialog is None:
                self.file_dialog = open_file_chooser(
                    self, "trainerExportFile", translate("trainer", "Export the practice results"),
                    translate("trainer", "CSV files (*.csv)"), self.export_csv,
                    self._chooser_closed,
                    save_as="practice-results.csv", suffix="csv")
            return
        runs = self.runs()
        try:
            path.write_text(results_csv(runs), encoding="utf-8", newline="")
        except OSError as exc:
            self.say(translate("trainer", "Could not write {path} ({reason}).").format(
                path=path, reason=exc.strerror), error=True)
            return
        self.say(translate("trainer", "Exported {runs} to {path}.").format(
            runs=_count(len(runs), translate("trainer", "{n} run"), translate("trainer", "{n} "
                                                                                         "runs")),
            path=path))
        self.exported.emit(str(path))

    # ------------------------------------------------------------------ import

    def choose_scenario(self) -> None:
        if self.file_dialog is None:
            self.file_dialog = open_file_chooser(
                self, "trainerImportFile", translate("trainer", "Import a scenario"),
                translate("trainer", "Scenario files (*.yaml *.yml);;All files (*)"),
                self.import_scenario,
                self._chooser_closed)

    def import_scenario(self, path: Path) -> None:
        """Add (or replace) the scenario file `path`: all or nothing; what is wrong with a
        refused file is said in trainerMessage."""
        try:
            scenario, replaced = library.import_file(self.store, path, actor=self.trainer)
        except UserError as exc:
            headline, problems = refusal(exc)
            lines = [headline] + [f"\N{BULLET} {p}" for p in problems[:8]
                                  if p not in headline]
            if len(problems) > 8:
                lines.append("\N{BULLET} " + translate("trainer", "and {n} more").format(
                    n=len(problems) - 8))
            self.say("\n".join(lines), error=True)
            return
        count = len(scenario.customers)
        done = (translate("trainer", "Replaced scenario {title} ({id}): {customers}, pass at "
                          "{score}%. Trainees can pick it at the till now.") if replaced else
                translate("trainer", "Imported scenario {title} ({id}): {customers}, pass at "
                          "{score}%. Trainees can pick it at the till now."))
        self.say(done.format(title=scenario.title, id=scenario.id, score=scenario.pass_score,
                             customers=_count(count, translate("trainer", "{n} customer"),
                                              translate("trainer", "{n} customers"))))
        self.imported.emit(scenario.id)
        self.scenarios_changed.emit()

    # ------------------------------------------------------------------ refresh

    @property
    def refreshing(self) -> bool:
        return self.job is not None

    def refresh_store(self) -> None:
        """Copy the real store's catalog, rules, settings and staff into this practice
        store again, in a worker thread; practice runs and imported scenarios stay."""
        if self.job is not None:
            return
        reason = self.guard() if self.guard is not None else None
        if reason is not None:
            self.say(reason, error=True)
            return
        path = self.store.path
        real = real_store_path(path) if path is not None else None
        if path is None or real is None or real == path or practice_store_path(real) != path:
            self.say(translate("trainer", "{name} is not a practice store beside a real one: "
                               "there is nothing to refresh it from.").format(
                name=path.name if path else translate("trainer", "This store")), error=True)
            return
        job = StoreJob(path, lambda store, _progress: refresh_practice(store, real))
        deliver_to(job, self, lambda me: me.job is job, TrainerView._refreshed,
                   lambda me, headline, problems: me._not_refreshed(
                       str(problems[0] if problems else headline)))
        self.job = job
        self.refresh_button.setEnabled(False)
        self.refresh_button.setText(translate("trainer", "Refreshing…"))
        self.say(translate("trainer", "Copying the catalog, rules, settings and staff from "
                           "{name}…").format(name=real.name))
        jobs_of(self).launch(job)  # the till's: a view closed meanwhile drops the outcome

    def _done(self) -> None:
        self.job = None
        self.refresh_button.setEnabled(True)
        self.refresh_button.setText(translate("trainer", "Refresh from the store"))

    def _refreshed(self, summary: RefreshSummary) -> None:
        self._done()
        text = summary.describe()
        self.say(text[:1].upper() + text[1:] + ".")
        self.reload()
        self.refreshed.emit(summary)
        self.scenarios_changed.emit()

    def _not_refreshed(self, problem: str) -> None:
        self._done()
        self.say(translate("trainer", "The practice store was not refreshed ({problem}).").format(
            problem=problem.rstrip(".")), error=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.job = None  # a refresh still copying finishes; its outcome is dropped
        super().closeEvent(event)
        self.closed.emit()


class TrainerDoor(QObject):
    """The practice bar's Trainer… button: a trainer or manager signs in, then the
    trainer view opens beside the till (one at a time; a second press brings it up). It
    closes when the till does.

    Signals:
        opened(object): the view is open; carries the TrainerView.
    """

    opened = Signal(object)

    def __init__(self, practice: PracticeController) -> None:
        super().__init__(practice)
        self.practice = practice
        self.window = practice.window
        self.dialog: TrainerSignInDialog | None = None
        self.view: TrainerView | None = None
        self.window.installEventFilter(self)  # the view closes with the till

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.window and event.type() == QEvent.Type.Close
                and self.view is not None):
            self.view.close()
        return False

    @property
    def active(self) -> bool:
        """The sign-in or the view is open: scans typed there belong to the till."""
        return self.dialog is not None or self.view is not None

    @Slot()
    def open(self) -> None:
        from pos_prompter.ui.workspace.sign_in import TrainerSignInDialog

        shown = self.view or self.dialog
        if shown is not None:
            shown.raise_()
            shown.activateWindow()
            return
        dialog = TrainerSignInDialog(self.window.staff, self.window)
        dialog.signed_in.connect(self.show_view)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        self.window._route_scans()
        dialog.open()

    @Slot()
    def _dialog_closed(self) -> None:
        dialog, self.dialog = self.dialog, None
        self.window._route_scans()
        if dialog is not None:
            dialog.deleteLater()
        if self.view is None:
            self._back_to_the_till()

    def show_view(self, person: Person) -> TrainerView:
        """Open the view for `person`, who signed in as a trainer or manager."""
        if self.view is not None:
            return self.view
        view = TrainerView(self.window.till.store, person.name, self.window,
                           guard=self._refresh_guard)
        view.scenarios_changed.connect(self.practice.refresh_scenarios)
        view.closed.connect(self._view_closed)
        self.practice.finished.connect(view.reload)
        self.view = view
        self.window._route_scans()
        view.move(self.window.frameGeometry().topLeft() + self.window.rect().center()
                  - view.rect().center())
        view.show()
        view.raise_()
        view.activateWindow()
        self.window.show_message(translate("trainer", "Trainer view open for {name}; the till "
                                           "keeps working.").format(name=person.name))
        self.opened.emit(view)
        return view

    def _refresh_guard(self) -> str | None:
        if self.practice.running:
            return translate("trainer", "A practice session is running at the till: refresh "
                             "once it is over (or stopped).")
        return None

    @Slot()
    def _view_closed(self) -> None:
        view, self.view = self.view, None
        self.window._route_scans()
        if view is not None:
            self.practice.finished.disconnect(view.reload)
            view.deleteLater()
        self._back_to_the_till()

    def _back_to_the_till(self) -> None:
        self.window.activateWindow()
        self.window.raise_()
        self.window.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)
