"""The rule editor's "What if…": the draft in the form (unsaved, new) replayed over past
paid orders in a worker thread, with the figures `pos-prompter whatif` gives for the same
draft. Real store files (the cafe demo with its generated history, or past orders imported
so the answer is known), real widgets offscreen, the real command line in a subprocess."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot
from tillwin_helpers import child

from pos_prompter.bootstrap import init_store
from pos_prompter.cli import main
from pos_prompter.core.money import cents_str, format_money
from pos_prompter.core.rules import rule_to_dict
from pos_prompter.core.whatif import DraftResult
from pos_prompter.core.whatif_window import DEFAULT_DAYS, Window
from pos_prompter.store import Store
from pos_prompter.store.store import copy_store
from pos_prompter.ui.jobs import StoreJob, jobs_of
from pos_prompter.ui.workspace.product_picker import ValueListEdit
from pos_prompter.ui.workspace.rule_editor import RuleEditor
from pos_prompter.ui.workspace.whatif_panel import (
    CANCELLED_TEXT,
    STALE_TEXT,
    Cancelled,
    WhatIfPanel,
    replay_draft,
)

ALL_HISTORY = 3660
"""Days that take in the demo's whole generated history (it ends 2026-11-23), whatever day
the test runs on."""
NOW = dt.datetime.now().replace(microsecond=0)

MakeEditor = Callable[[Path], RuleEditor]


@pytest.fixture(scope="module")
def history_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cafe demo with its generated past sales (made once: it takes seconds)."""
    path = tmp_path_factory.mktemp("whatif") / "cafe-history.db"
    init_store(path, demo="cafe", history=True).close()
    return path


@pytest.fixture
def history_store(history_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    copy_store(history_file, path)
    return path


@pytest.fixture
def make_editor(qtbot: QtBot) -> Iterator[MakeEditor]:
    """RuleEditors on store files as "manager"; any replay is waited for, stores closed."""
    made: list[tuple[RuleEditor, Store]] = []

    def make(path: Path) -> RuleEditor:
        store = Store.open(path)
        editor = RuleEditor(store, "manager", preview_delay_ms=0)
        qtbot.addWidget(editor)
        made.append((editor, store))
        return editor

    yield make
    for editor, store in made:
        job = editor.whatif.job if shiboken6.isValid(editor.whatif) else None
        if job is not None:
            job.wait()
        store.close()


def fill(editor: RuleEditor, rule_id: str, trigger: str, offer: str) -> None:
    """A new cross-sell typed into the form: `offer` with a scan of `trigger`."""
    child(editor, QLineEdit, "ruleId").setText(rule_id)
    combo = child(editor, QComboBox, "ruleKind")
    combo.setCurrentIndex(combo.findData("cross_sell"))
    child(editor, QLineEdit, "ruleTitle").setText(f"{offer} with {trigger}")
    child(editor, ValueListEdit, "scannedSku").add_value(trigger)
    child(editor, ValueListEdit, "offerAdd").add_value(offer)
    child(editor, QPlainTextEdit, "ruleSay").setPlainText("Would you like an {offer}?")
    child(editor, QSpinBox, "rulePriority").setValue(20)


def panel_of(editor: RuleEditor) -> WhatIfPanel:
    panel = editor.findChild(WhatIfPanel, "whatIfPanel")
    assert panel is not None
    return panel


def result_text(editor: RuleEditor) -> str:
    return panel_of(editor).result_label.text()


def press(qtbot: QtBot, editor: RuleEditor, days: int) -> DraftResult:
    """Set the days, press "What if…", and wait for the result."""
    panel = panel_of(editor)
    child(editor, QSpinBox, "whatIfDays").setValue(days)
    with qtbot.waitSignal(panel.replayed, timeout=30_000) as replayed:
        child(editor, QPushButton, "whatIfButton").click()
    result = replayed.args[0]
    assert isinstance(result, DraftResult)
    return result


def cli_whatif(db: Path, editor: RuleEditor, days: int, tmp_path: Path) -> dict[str, object]:
    """`pos-prompter whatif` (a child process) on a pack of the form's draft."""
    rule = editor.rule()
    assert rule is not None
    pack = tmp_path / "draft.json"
    pack.write_text(json.dumps({"version": 1, "rules": [rule_to_dict(rule)]}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "pos_prompter", "whatif", str(pack), "--db",
                           str(db), "--days", str(days), "--format", "json"],
                          capture_output=True, encoding="utf-8", env=env, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    [row] = json.loads(proc.stdout)
    assert isinstance(row, dict)
    return row


# ---------------------------------------------------------------- the same figures as the CLI


def test_the_days_default_to_the_commands(make_editor: MakeEditor,
                                          history_store: Path) -> None:
    editor = make_editor(history_store)
    assert child(editor, QSpinBox, "whatIfDays").value() == DEFAULT_DAYS == 90
    assert child(editor, QPushButton, "whatIfButton").text() == "What if\N{HORIZONTAL ELLIPSIS}"
    assert panel_of(editor).result_label.objectName() == "whatIfResult"


@pytest.mark.slow
def test_a_new_unsaved_draft_gets_what_the_whatif_command_says(
        qtbot: QtBot, make_editor: MakeEditor, history_store: Path, tmp_path: Path) -> None:
    editor = make_editor(history_store)
    fill(editor, "latte-cookie", "LATTE-T", "COOKIE-OAT")
    assert editor.has_unsaved_changes()

    result = press(qtbot, editor, ALL_HISTORY)
    row = cli_whatif(history_store, editor, ALL_HISTORY, tmp_path)

    assert row["rule"] == result.rule == "latte-cookie"
    assert row["orders_considered"] == result.orders_considered
    assert row["would_show"] == result.would_show
    assert row["held_out"] == result.held_out
    assert row["kept_quiet_by_cap"] == result.kept_quiet_by_cap
    assert row["rate_prompts_shown"] == result.rate.shown
    assert row["rate_prompts_accepted"] == result.rate.accepted
    revenue = result.expected_revenue
    assert revenue is not None
    assert row["expected_revenue"] == cents_str(revenue)
    # the demo's history has the draft's orders and a cross-sell rate: figures that can differ
    assert 0 < result.would_show < result.orders_considered
    assert result.rate.shown > 0
    assert revenue > 0
    text = result_text(editor)
    assert text.startswith(
        f"Over the last {ALL_HISTORY} days this rule would have been shown on "
        f"{result.would_show:,} of {result.orders_considered:,} orders; at the store's "
        f"cross-sell acceptance rate (")
    assert f"from {result.rate.shown:,} prompts) that is about " in text
    assert f"and {format_money(revenue)} more revenue." in text
    # replayed, not published: the store has no such rule
    assert "latte-cookie" not in {r.id for r in editor.store.rules.load()}


def test_orders_built_so_the_answer_is_known_without_a_rate_yet(
        qtbot: QtBot, make_editor: MakeEditor, cafe_store_path: Path, tmp_path: Path) -> None:
    """Muffins alone 3 times, a cookie then a muffin once (the cookie is in already), two
    croissants, and a muffin 40 days ago: over 30 days the draft shows on 3 of 6 orders. The
    cafe has no prompt history, so no cross-sell rate: the sentence says which is missing."""

    def ago(days: float) -> str:
        return (NOW - dt.timedelta(days=days)).isoformat(timespec="minutes")

    rows = ["order_id,sku,qty,price,time"]
    rows += [f"m{i},MUFFIN-BB,1,,{ago(2.5 + i)}" for i in range(3)]
    rows += [f"c0,COOKIE-OAT,1,,{ago(4.5)}", f"c0,MUFFIN-BB,1,,{ago(4.5)}"]
    rows += [f"x{i},CROISSANT,1,,{ago(6.5 + i)}" for i in range(2)]
    rows += [f"old,MUFFIN-BB,1,,{ago(40.5)}"]
    orders = tmp_path / "orders.csv"
    orders.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["import", "orders", str(orders), "--db", str(cafe_store_path)]) == 0

    editor = make_editor(cafe_store_path)
    fill(editor, "muffin-cookie", "MUFFIN-BB", "COOKIE-OAT")
    result = press(qtbot, editor, 30)

    assert (result.orders_considered, result.would_show, result.held_out) == (6, 3, 0)
    assert not result.rate.known
    assert result_text(editor) == (
        "Over the last 30 days this rule would have been shown on 3 of 6 orders. No rate yet: "
        "the store showed no cross-sell prompt in the last 30 days, so there is no rate to "
        "expect revenue from.")
    result = press(qtbot, editor, 60)
    assert (result.orders_considered, result.would_show) == (7, 4)


# ---------------------------------------------------------------- not run


def test_a_draft_with_a_lint_error_says_so_and_is_not_replayed(
        qtbot: QtBot, make_editor: MakeEditor, history_store: Path) -> None:
    editor = make_editor(history_store)
    fill(editor, "latte-ghost", "LATTE-T", "GHOST-1")  # a product the store lacks
    assert editor.rule() is not None  # the form is fine: lint is what refuses it
    panel = panel_of(editor)
    reports: list[tuple[int, int]] = []
    panel.started.connect(lambda job: job.progressed.connect(
        lambda done, total: reports.append((done, total)),
        Qt.ConnectionType.DirectConnection))
    replayed: list[object] = []
    panel.replayed.connect(replayed.append)

    with qtbot.waitSignal(panel.refused, timeout=30_000) as refused:
        child(editor, QPushButton, "whatIfButton").click()

    assert refused.args[0] == result_text(editor)
    assert result_text(editor).startswith(
        "Not tried: offer.add names GHOST-1, not in the catalog: the rule offers a product "
        "the till does not have. Correct the SKU in offer.add")
    assert reports == []
    assert replayed == []
    assert panel.result is None


def test_a_form_with_problems_says_the_first_and_starts_nothing(
        make_editor: MakeEditor, history_store: Path) -> None:
    editor = make_editor(history_store)
    fill(editor, "latte-cookie", "LATTE-T", "COOKIE-OAT")
    child(editor, QLineEdit, "ruleTitle").setText("")
    panel = panel_of(editor)
    started: list[object] = []
    panel.started.connect(started.append)

    child(editor, QPushButton, "whatIfButton").click()

    assert result_text(editor) == ("Not tried: fix the form first: title is required (a short "
                                   "name for the rule).")
    assert started == []
    assert panel.job is None


# ---------------------------------------------------------------- stale, thread, cancel


def test_editing_after_a_result_marks_it_changed_since(
        qtbot: QtBot, make_editor: MakeEditor, history_store: Path) -> None:
    editor = make_editor(history_store)
    fill(editor, "latte-cookie", "LATTE-T", "COOKIE-OAT")
    press(qtbot, editor, ALL_HISTORY)
    stale = child(editor, type(panel_of(editor).stale_label), "whatIfStale")
    assert stale.isHidden()

    child(editor, QLineEdit, "ruleTitle").setText("Cookie with a tall latte")
    assert not stale.isHidden()
    assert stale.text() == STALE_TEXT == "Changed since: run again."
    editor.undo_stack.undo()  # the very draft replayed, again
    assert stale.isHidden()
    child(editor, QSpinBox, "whatIfDays").setValue(30)  # another span is stale too
    assert not stale.isHidden()

    press(qtbot, editor, 30)
    assert stale.isHidden()
    editor.edit_rule(None)  # another rule in the form: the result goes
    assert panel_of(editor).result_label.isHidden()
    assert stale.isHidden()


def test_the_replay_runs_on_a_worker_thread_and_its_result_comes_by_signal(
        qtbot: QtBot, make_editor: MakeEditor, history_store: Path) -> None:
    editor = make_editor(history_store)
    fill(editor, "latte-cookie", "LATTE-T", "COOKIE-OAT")
    panel = panel_of(editor)
    threads: list[int] = []
    panel.started.connect(lambda job: job.progressed.connect(
        lambda _done, _total: threads.append(threading.get_ident()),
        Qt.ConnectionType.DirectConnection))
    child(editor, QSpinBox, "whatIfDays").setValue(ALL_HISTORY)

    child(editor, QPushButton, "whatIfButton").click()
    # back on the UI thread at once: the replay runs beside it
    assert panel.busy
    assert isinstance(panel.job, StoreJob)
    assert not panel.progress.isHidden()
    assert not panel.cancel_button.isHidden()
    assert not child(editor, QPushButton, "whatIfButton").isEnabled()
    assert result_text(editor).startswith("Replaying the paid orders of the last 3660 days")
    with qtbot.waitSignal(panel.replayed, timeout=30_000):
        pass

    assert threads
    assert threading.get_ident() not in threads
    assert not panel.busy
    assert panel.progress.isHidden()
    assert panel.cancel_button.isHidden()
    assert result_text(editor).startswith("Over the last 3660 days this rule would have been")


def test_cancel_drops_the_replay(qtbot: QtBot, make_editor: MakeEditor,
                                 history_store: Path) -> None:
    editor = make_editor(history_store)
    fill(editor, "latte-cookie", "LATTE-T", "COOKIE-OAT")
    panel = panel_of(editor)
    replayed: list[object] = []
    panel.replayed.connect(replayed.append)
    child(editor, QPushButton, "whatIfButton").click()
    job = panel.job
    assert job is not None

    child(editor, QPushButton, "whatIfCancel").click()
    assert result_text(editor) == CANCELLED_TEXT
    assert not panel.busy
    assert child(editor, QPushButton, "whatIfButton").isEnabled()
    outcomes: list[str] = []  # connected before the outcome can be delivered (UI thread)
    job.succeeded.connect(lambda _result: outcomes.append("succeeded"))
    job.failed.connect(lambda _headline, _problems: outcomes.append("failed"))
    qtbot.waitUntil(lambda: bool(outcomes), timeout=30_000)  # delivered, to no one
    assert replayed == []
    assert panel.result is None
    assert result_text(editor) == CANCELLED_TEXT


def test_a_stopped_replay_raises_cancelled_and_a_deleted_panel_stops_its_replay(
        qtbot: QtBot, make_editor: MakeEditor, history_store: Path) -> None:
    editor = make_editor(history_store)
    fill(editor, "latte-cookie", "LATTE-T", "COOKIE-OAT")
    rule = editor.rule()
    assert rule is not None
    stop = threading.Event()
    stop.set()
    with Store.open(history_store) as store, pytest.raises(Cancelled):
        replay_draft(store, rule, Window.last_days(ALL_HISTORY, NOW), None, stop)

    panel = panel_of(editor)
    child(editor, QPushButton, "whatIfButton").click()
    running, job = panel.stop, panel.job
    assert running is not None
    assert job is not None
    assert not running.is_set()
    deleted: list[bool] = []
    panel.destroyed.connect(lambda: deleted.append(True))
    panel.deleteLater()
    qtbot.waitUntil(lambda: bool(deleted))
    assert running.is_set()
    job.wait()


def test_a_replay_is_told_to_stop_when_its_job_runner_closes(
        qtbot: QtBot, make_editor: MakeEditor, history_store: Path) -> None:
    """At quit the app closes its JobRunner: a replay running then stops at its next
    progress report instead of keeping the application waiting for it."""
    editor = make_editor(history_store)
    fill(editor, "latte-cookie", "LATTE-T", "COOKIE-OAT")
    panel = panel_of(editor)
    child(editor, QSpinBox, "whatIfDays").setValue(ALL_HISTORY)
    child(editor, QPushButton, "whatIfButton").click()
    running, job = panel.stop, panel.job
    assert running is not None
    assert job is not None
    outcomes: list[str] = []
    job.succeeded.connect(lambda _result: outcomes.append("succeeded"))
    job.failed.connect(lambda _headline, _problems: outcomes.append("failed"))

    jobs_of(panel).close()  # blocks until the thread has finished
    assert running.is_set()
    assert job.isFinished()
    qtbot.waitUntil(lambda: bool(outcomes))
    assert outcomes == ["failed"]  # Cancelled: nothing was replayed
