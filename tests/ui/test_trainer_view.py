"""The trainer view (`trainerView`) on real practice stores: runs recorded by hand through
PracticeStore, shown in the table, the chart and the pass grid with their figures; the
trainer's pass mark; CSV export read back; scenario import (good and refused); refresh
from the real store keeping the runs; and the practice bar's Trainer… button: a trainer's
or manager's password opens it beside the till, a clerk's PIN or a wrong password never
does, and scans typed while it is open reach the till."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import COOKIE, MUFFIN, child

from pos_prompter.practice import library
from pos_prompter.practice.practice_store import ensure_practice_store
from pos_prompter.practice.results import CSV_COLUMNS
from pos_prompter.store import Store
from pos_prompter.store.auth import StaffStore
from pos_prompter.store.practice import PracticeStore, RunRecord
from pos_prompter.ui.practice.trainer_models import CELL_ROLE, PASSED, SCORE, Cell, pass_grid
from pos_prompter.ui.practice.trainer_view import TrainerView
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.sign_in import TrainerSignInDialog

MakeWindow = Callable[..., TillWindow]
DAY = dt.datetime(2026, 11, 2, 9, 0)
TRAINER, TRAINER_PASSWORD = "trainer", "demo-trainer-pass"
MANAGER, MANAGER_PASSWORD = "manager", "demo-manager-pass"

GOOD_SCENARIO = """\
version: 1
id: quiet-tuesday
title: A quiet Tuesday
level: 2
pass_score: 75
time: 2026-11-24T08:10
customers:
  - name: Sam
    says: "A tall latte, please."
    items: [LATTE-T]
    answers:
      coffee-size-up: accept
"""
BAD_SCENARIO = """\
version: 1
id: broken-one
title: Broken
level: 1
time: 2026-11-24T08:10
customers:
  - name: Sam
    items: [NO-SUCH-SKU]
    answers:
      no-such-rule: accept
"""


def run(trainee: str, scenario: str, day: int, score: int, *, pass_score: int = 80,
        seconds: int = 200, title: str | None = None) -> RunRecord:
    possible = 20
    return RunRecord(trainee=trainee, scenario_id=scenario,
                     scenario_title=title or scenario.replace("-", " ").capitalize(),
                     started_at=DAY + dt.timedelta(days=day), seconds=seconds,
                     points=score * possible // 100, possible=possible, score=score,
                     pass_score=pass_score, passed=score >= pass_score)


RUNS = (
    run("Ana", "first-morning", 0, 60, seconds=185),
    run("Ben", "first-morning", 1, 9, seconds=3725),
    run("Ana", "first-morning", 2, 85, seconds=240),
    run("Ana", "morning-queue", 3, 100, pass_score=90),
    run("Ben", "morning-queue", 4, 88, pass_score=90),
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def practice_path(cafe_store_path: Path) -> Path:
    """The cafe's practice store beside the real one, with RUNS recorded."""
    path = ensure_practice_store(cafe_store_path)
    with Store.open(path) as store:
        for record in RUNS:
            PracticeStore(store).record_run(record)
    return path


@pytest.fixture
def view(qtbot: QtBot, practice_path: Path) -> Iterator[TrainerView]:
    store = Store.open(practice_path)
    view = TrainerView(store, TRAINER)
    with qtbot.waitExposed(view):
        view.show()
    yield view
    if view.job is not None:
        view.job.wait()
    QApplication.processEvents()
    view.close()
    view.deleteLater()
    store.close()


def table(view: TrainerView) -> list[list[str]]:
    model = view.table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def grid(view: TrainerView) -> dict[tuple[str, str], str]:
    model = view.grid_model
    return {(model.headerData(r, Qt.Orientation.Vertical),
             model.headerData(c, Qt.Orientation.Horizontal)): model.index(r, c).data()
            for r in range(model.rowCount()) for c in range(model.columnCount())}


def test_models_pass_the_model_tester(qtmodeltester, view: TrainerView) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view.runs_model)
    qtmodeltester.check(view.grid_model)
    qtmodeltester.check(view.proxy)
    view.choose_trainee("Ben")
    qtmodeltester.check(view.runs_model)
    qtmodeltester.check(view.grid_model)


def test_the_table_shows_every_run_newest_first_with_its_figures(view: TrainerView) -> None:
    assert view.objectName() == "trainerView"
    assert view.isWindow()
    assert view.windowModality() == Qt.WindowModality.NonModal
    assert [view.runs_model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(6)] == ["Trainee", "Scenario", "Date", "Score", "Passed",
                                   "Time taken"]
    assert table(view) == [
        ["Ben", "Morning queue", "2026-11-06 09:00", "88% (17/20)", "no (needs 90%)", "3:20"],
        ["Ana", "Morning queue", "2026-11-05 09:00", "100% (20/20)", "yes", "3:20"],
        ["Ana", "First morning", "2026-11-04 09:00", "85% (17/20)", "yes", "4:00"],
        ["Ben", "First morning", "2026-11-03 09:00", "9% (1/20)", "no (needs 80%)",
         "1:02:05"],
        ["Ana", "First morning", "2026-11-02 09:00", "60% (12/20)", "no (needs 80%)", "3:05"],
    ]
    assert view.summary.text().startswith("5 practice runs by 2 trainees; 3 scenario passes")


def test_the_score_column_sorts_by_the_number_not_the_text(view: TrainerView) -> None:
    view.table.sortByColumn(SCORE, Qt.SortOrder.AscendingOrder)
    assert [row[SCORE].split("%")[0] for row in table(view)] == ["9", "60", "85", "88", "100"]
    view.table.sortByColumn(PASSED, Qt.SortOrder.DescendingOrder)
    assert [row[PASSED] for row in table(view)][:2] == ["yes", "yes"]


def test_the_grid_shows_each_trainees_best_score_and_who_passed(view: TrainerView) -> None:
    assert grid(view) == {
        ("Ana", "First morning"): "\N{CHECK MARK} 85%",
        ("Ana", "Morning queue"): "\N{CHECK MARK} 100%",
        ("Ben", "First morning"): "9%",
        ("Ben", "Morning queue"): "\N{CHECK MARK} 88%",  # 88 >= the trainer's 80
    }
    cell = view.grid_model.index(0, 0).data(CELL_ROLE)
    assert cell == Cell(best=85, runs=2, passed=True, mark=80)
    assert view.grid_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "Ana, First morning: best 85% in 2 runs; passed at 80%")


def test_the_grids_scenarios_come_easiest_first_as_the_library_lists_them(
        view: TrainerView) -> None:
    assert [sid for sid, _t in pass_grid(view.all_runs, 80).scenarios] == [
        "first-morning", "morning-queue"]  # not in the library: by title
    grid_ = pass_grid(view.all_runs, 80, order=["morning-queue", "first-morning"])
    assert grid_.scenarios == [("morning-queue", "Morning queue"),
                               ("first-morning", "First morning")]
    assert grid_.cells[("Ben", "morning-queue")] == Cell(88, 1, True, 80)


def test_the_pass_mark_spin_box_changes_who_counts_as_passed(view: TrainerView) -> None:
    view.pass_mark.setValue(86)
    assert grid(view)[("Ana", "First morning")] == "85%"
    assert grid(view)[("Ben", "Morning queue")] == "\N{CHECK MARK} 88%"
    assert view.chart.mark is not None
    assert view.chart.mark.value == 86
    assert "2 scenario passes at 86%" in view.summary.text()

    view.pass_mark.setValue(89)
    assert grid(view)[("Ben", "Morning queue")] == "88%"
    assert grid(view)[("Ana", "Morning queue")] == "\N{CHECK MARK} 100%"
    assert "1 scenario pass at 89%" in view.summary.text()

    view.pass_mark.setValue(85)
    assert grid(view)[("Ana", "First morning")] == "\N{CHECK MARK} 85%"

    view.own_mark.setChecked(True)  # each scenario's own: morning-queue needs 90
    assert not view.pass_mark.isEnabled()
    assert grid(view)[("Ben", "Morning queue")] == "88%"
    assert grid(view)[("Ana", "First morning")] == "\N{CHECK MARK} 85%"
    assert view.chart.mark is None, "two different pass marks: no single line"
    assert view.table.model().index(0, PASSED).data() == "no (needs 90%)", "as recorded"


def test_the_chart_shows_each_trainees_scores_over_time_with_the_pass_mark(
        view: TrainerView) -> None:
    chart = view.chart
    assert [(s.name, [score for _when, score in s.points]) for s in chart.series] == [
        ("Ana", [60, 85, 100]), ("Ben", [9, 88])]
    assert chart.mark is not None
    assert chart.mark.label == "Pass mark 80%"
    assert chart.accessibleName() == "Scores over time"

    view.choose_trainee("Ben")
    assert [s.name for s in chart.series] == ["Ben"]
    assert chart.accessibleName() == "Ben's scores over time"
    assert [row[0] for row in table(view)] == ["Ben", "Ben"]
    assert list(grid(view)) == [("Ben", "First morning"), ("Ben", "Morning queue")]


def test_csv_export_writes_the_runs_as_practice_results_does(
        qtbot: QtBot, view: TrainerView, tmp_path: Path) -> None:
    target = tmp_path / "results.csv"
    child(view, QPushButton, "trainerExport").click()
    chooser = view.file_dialog
    assert chooser is not None
    qtbot.waitUntil(chooser.isVisible)
    with qtbot.waitSignal(view.exported) as exported:
        chooser.selectFile(str(target))
        chooser.accept()
    assert exported.args == [str(target)]
    assert view.file_dialog is None

    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r[0], r[1], r[3], r[7], r[9], r[10]) for r in rows[1:]] == [
        ("Ana", "first-morning", "2026-11-02T09:00:00", "60", "false", "185"),
        ("Ben", "first-morning", "2026-11-03T09:00:00", "9", "false", "3725"),
        ("Ana", "first-morning", "2026-11-04T09:00:00", "85", "true", "240"),
        ("Ana", "morning-queue", "2026-11-05T09:00:00", "100", "true", "200"),
        ("Ben", "morning-queue", "2026-11-06T09:00:00", "88", "false", "200"),
    ]
    assert view.message.text() == f"Exported 5 runs to {target}."

    view.choose_trainee("Ana")
    view.export_csv(target)
    with target.open(encoding="utf-8", newline="") as handle:
        assert [r[0] for r in csv.reader(handle)] == ["trainee", "Ana", "Ana", "Ana"]


def test_export_to_a_folder_that_is_gone_says_so(view: TrainerView, tmp_path: Path) -> None:
    view.export_csv(tmp_path / "gone" / "results.csv")
    assert view.message.text().startswith("Could not write")
    assert view.message.isVisible()


def test_importing_a_good_scenario_adds_it(
        qtbot: QtBot, view: TrainerView, tmp_path: Path) -> None:
    path = tmp_path / "quiet.yaml"
    path.write_text(GOOD_SCENARIO, encoding="utf-8")
    child(view, QPushButton, "trainerImport").click()
    chooser = view.file_dialog
    assert chooser is not None
    qtbot.waitUntil(chooser.isVisible)
    with qtbot.waitSignal(view.imported) as imported, qtbot.waitSignal(view.scenarios_changed):
        chooser.selectFile(str(path))
        chooser.accept()

    assert imported.args == ["quiet-tuesday"]
    assert "quiet-tuesday" in [e.id for e in library.available(view.store)]
    assert view.message.text().startswith("Imported scenario A quiet Tuesday (quiet-tuesday)")
    stored = PracticeStore(view.store).scenarios()
    assert [(s.id, s.imported_by) for s in stored] == [("quiet-tuesday", TRAINER)]


def test_a_refused_scenario_says_every_problem_in_the_view_and_changes_nothing(
        qtbot: QtBot, view: TrainerView, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BAD_SCENARIO, encoding="utf-8")
    with qtbot.assertNotEmitted(view.imported), qtbot.assertNotEmitted(view.scenarios_changed):
        view.import_scenario(path)

    text = view.message.text()
    assert text.startswith("The scenario")
    assert "NO-SUCH-SKU" in text
    assert "no-such-rule" in text
    assert "customer 1" in text.lower() or "Sam" in text
    assert view.message.isVisible()
    assert PracticeStore(view.store).scenario_count() == 0
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()], "never a dialog box"


def test_refresh_copies_the_real_store_again_and_keeps_the_runs(
        qtbot: QtBot, view: TrainerView, cafe_store_path: Path) -> None:
    with Store.open(cafe_store_path) as real:  # the manager adds a trainee at the real till
        StaffStore(real).add_person("Chloe", "clerk", "4321")
    before = digest(cafe_store_path)

    with qtbot.waitSignal(view.refreshed, timeout=10_000) as refreshed:
        child(view, QPushButton, "trainerRefresh").click()
        assert view.refreshing
        assert not view.refresh_button.isEnabled()

    summary = refreshed.args[0]
    assert summary.runs_kept == 5
    assert view.message.text().startswith("Practice store refreshed:")
    assert "5 practice runs kept" in view.message.text()
    assert StaffStore(view.store).get("Chloe") is not None
    assert len(PracticeStore(view.store).runs()) == 5
    assert len(table(view)) == 5
    assert view.refresh_button.isEnabled()
    assert digest(cafe_store_path) == before, "the real store is only read"


def test_refresh_is_refused_on_a_store_that_is_not_a_practice_store(
        qtbot: QtBot, cafe_store_path: Path) -> None:
    with Store.open(cafe_store_path) as store:
        view = TrainerView(store, TRAINER)
        qtbot.addWidget(view)
        with qtbot.assertNotEmitted(view.refreshed):
            view.refresh_store()
        assert not view.refreshing
        assert "is not a practice store" in view.message.text()
        view.close()


# ---------------------------------------------------------------------- at the till


@pytest.fixture
def till(make_till_window: MakeWindow, practice_path: Path) -> TillWindow:
    return make_till_window(practice_path, training=True)


def open_door(qtbot: QtBot, till: TillWindow) -> TrainerSignInDialog:
    assert till.practice is not None
    child(till, QPushButton, "trainerButton").click()
    dialog = till.practice.trainer.dialog
    assert isinstance(dialog, TrainerSignInDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def submit(dialog: TrainerSignInDialog, name: str, secret: str) -> None:
    dialog.name_edit.setText(name)
    dialog.password_edit.setText(secret)
    child(dialog, QPushButton, "signInButton").click()


def sign_in(qtbot: QtBot, till: TillWindow, name: str = TRAINER,
            password: str = TRAINER_PASSWORD) -> TrainerView:
    assert till.practice is not None
    dialog = open_door(qtbot, till)
    with qtbot.waitSignal(till.practice.trainer.opened, timeout=10_000) as opened:
        submit(dialog, name, password)
    view = opened.args[0]
    assert isinstance(view, TrainerView)
    qtbot.waitUntil(view.isVisible)
    return view


def close_view(qtbot: QtBot, till: TillWindow, view: TrainerView) -> None:
    with qtbot.waitSignal(view.closed):
        view.close()
    assert till.practice is not None
    assert till.practice.trainer.view is None


@pytest.mark.parametrize(("name", "password"), [(TRAINER, TRAINER_PASSWORD),
                                                (MANAGER, MANAGER_PASSWORD)])
def test_a_trainer_or_manager_opens_the_view_beside_the_till(
        qtbot: QtBot, till: TillWindow, name: str, password: str) -> None:
    view = sign_in(qtbot, till, name, password)

    assert view.objectName() == "trainerView"
    assert view.isWindow()
    assert view.parent() is till
    assert view.windowModality() == Qt.WindowModality.NonModal
    assert till.isVisible()
    assert till.isEnabled()
    assert view.trainer == name
    assert len(table(view)) == 5
    assert till.practice is not None
    assert till.practice.trainer.dialog is None

    child(till, QPushButton, "trainerButton").click()  # a second press: the same view
    assert till.practice.trainer.view is view
    assert till.practice.trainer.dialog is None
    close_view(qtbot, till, view)
    qtbot.waitUntil(till.scan_input.hasFocus)


@pytest.mark.parametrize(("name", "secret", "why"), [
    ("clerk", "1234", "clerk is a clerk"),
    (TRAINER, "not-the-password", "wrong"),
])
def test_a_clerks_pin_or_a_wrong_password_never_opens_it(
        qtbot: QtBot, till: TillWindow, name: str, secret: str, why: str) -> None:
    assert till.practice is not None
    dialog = open_door(qtbot, till)
    with qtbot.waitSignal(dialog.refused, timeout=10_000) as refused, \
            qtbot.assertNotEmitted(till.practice.trainer.opened):
        submit(dialog, name, secret)
    assert why in refused.args[0].lower() or why in refused.args[0]
    assert till.practice.trainer.view is None
    assert dialog.isVisible(), "the dialog stays for another try"
    if name == TRAINER:
        assert till.staff.lock_state(TRAINER).tries_left == 4
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
    assert till.practice.trainer.dialog is None
    assert not till.scan_router.active


def test_five_wrong_passwords_lock_the_trainer_out(qtbot: QtBot, till: TillWindow) -> None:
    dialog = open_door(qtbot, till)
    for _ in range(5):
        with qtbot.waitSignal(dialog.refused, timeout=10_000):
            submit(dialog, TRAINER, "not-the-password")
    with qtbot.waitSignal(dialog.refused, timeout=10_000) as refused:
        submit(dialog, TRAINER, TRAINER_PASSWORD)
    assert "locked" in refused.args[0].lower()
    assert till.practice is not None
    assert till.practice.trainer.view is None
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()


def wedge(code: str) -> None:
    """A scanner: the code and Enter, as fast as key events go, into the focused widget."""
    focus = QApplication.focusWidget()
    assert focus is not None
    QTest.keyClicks(focus, code)
    QTest.keyClick(focus, Qt.Key.Key_Return)


def test_scans_while_the_view_has_the_keyboard_reach_the_till(
        qtbot: QtBot, till: TillWindow) -> None:
    view = sign_in(qtbot, till)
    assert till.scan_router.active
    view.activateWindow()
    view.pass_mark.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.pass_mark)

    wedge(MUFFIN)
    wedge(COOKIE)

    assert [line.sku for line in till.till.lines] == ["MUFFIN-BB", "COOKIE-OAT"]
    assert view.pass_mark.value() == 80, "the digits were taken back out"
    assert view.isVisible()
    close_view(qtbot, till, view)
    assert not till.scan_router.active


def test_importing_at_the_till_offers_the_scenario_to_the_trainee(
        qtbot: QtBot, till: TillWindow, tmp_path: Path) -> None:
    assert till.practice is not None
    choice = till.practice.bar.choice
    before = [choice.itemData(i) for i in range(choice.count())]
    view = sign_in(qtbot, till)
    path = tmp_path / "quiet.yaml"
    path.write_text(GOOD_SCENARIO, encoding="utf-8")

    view.import_scenario(path)

    after = [choice.itemData(i) for i in range(choice.count())]
    assert "quiet-tuesday" not in before
    assert "quiet-tuesday" in after
    close_view(qtbot, till, view)


def test_refresh_waits_while_a_practice_session_runs(
        qtbot: QtBot, till: TillWindow) -> None:
    assert till.practice is not None
    view = sign_in(qtbot, till)
    till.practice.start_chosen(str(till.practice.bar.choice.itemData(0)))
    assert till.practice.running

    with qtbot.assertNotEmitted(view.refreshed):
        view.refresh_store()
    assert not view.refreshing
    assert "practice session is running" in view.message.text()

    till.practice.stop()
    assert not till.practice.running
    assert len(table(view)) == 6, "the stopped run is saved and shown at once"
    close_view(qtbot, till, view)


def test_nothing_is_selected_in_an_empty_store(qtbot: QtBot, cafe_store_path: Path) -> None:
    path = ensure_practice_store(cafe_store_path)
    with Store.open(path) as store:
        view = TrainerView(store, TRAINER)
        qtbot.addWidget(view)
        assert view.runs_model.rowCount(QModelIndex()) == 0
        assert view.grid_model.rowCount() == 0
        assert view.chart.series == []
        assert view.chart.accessibleDescription().startswith("No practice runs yet")
        assert view.summary.text().startswith("0 practice runs by 0 trainees")
        view.close()


def test_closing_the_till_closes_the_view(qtbot: QtBot, till: TillWindow) -> None:
    view = sign_in(qtbot, till)
    with qtbot.waitSignal(view.closed):
        till.close()
    assert not view.isVisible()
    assert till.practice is not None
    assert till.practice.trainer.view is None
