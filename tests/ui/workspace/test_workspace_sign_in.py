"""The way into the workspace: only a manager's password opens it, from the till's Manager
button or Ctrl+M; five wrong passwords lock the manager out, in the store file; a new store
asks for its first manager; Enter in these dialogs never reaches the scan field.

Passwords are hashed in a worker thread: a test that submits one waits for the outcome
(`signed_in`, `refused`, `finished`), never for a time."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import MUFFIN, child, label_text, scan, scan_field
from workspace_helpers import (
    MANAGER,
    MANAGER_PASSWORD,
    NEW_PASSWORD,
    close_workspace,
    open_sign_in,
    sign_in,
    text_of,
)

from pos_prompter import app as till_app
from pos_prompter.bootstrap import init_store
from pos_prompter.core import auth
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.store.audit import audit_entries
from pos_prompter.store.auth import SignInError, StaffStore
from pos_prompter.ui.jobs import find_jobs
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.sign_in import (
    ChangePasswordDialog,
    FirstManagerDialog,
    SignInDialog,
)

MakeWindow = Callable[..., TillWindow]
CHECKING = "Checking\N{HORIZONTAL ELLIPSIS}"


@pytest.fixture(autouse=True)
def no_check_left_running(qtbot: QtBot) -> Iterator[None]:
    """Every worker thread a test starts has finished, and been deleted, by its end."""
    yield
    qtbot.waitUntil(lambda: running_checks() == 0)


def running_checks() -> int:
    """How many jobs the runners of the windows still open have not finished (a runner
    that went with its window waited for its jobs)."""
    return sum(jobs.running for widget in QApplication.topLevelWidgets()
               if shiboken6.isValid(widget) and (jobs := find_jobs(widget)) is not None)


def submit(dialog: SignInDialog, name: str, password: str) -> None:
    """Type a name and password and press Sign in (the check then runs in the worker)."""
    child(dialog, QLineEdit, "signInName").setText(name)
    child(dialog, QLineEdit, "signInPassword").setText(password)
    child(dialog, QPushButton, "signInButton").click()


def try_password(qtbot: QtBot, dialog: SignInDialog, name: str, password: str) -> str:
    """Submit a name and password that the check refuses; the message it shows."""
    with qtbot.waitSignal(dialog.refused) as refused:
        submit(dialog, name, password)
    assert refused.args == [text_of(dialog, "signInMessage")]
    return text_of(dialog, "signInMessage")


def hash_at_production_cost(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Give the manager NEW_PASSWORD hashed at OWASP cost (the suite hashes cheaply), so
    checking it takes as long as at a real till (~0.4 s)."""
    monkeypatch.setattr(auth, "PARAMS", auth.OWASP_SCRYPT)
    with Store.open(path) as store:
        StaffStore(store).change_secret(MANAGER, NEW_PASSWORD)
        stored = store.db.execute("SELECT password_hash FROM staff WHERE name = ?",
                                  [MANAGER]).fetchone()[0]
    assert stored.startswith(f"scrypt${2**17}$8$1$")


def test_a_manager_signs_in_and_the_workspace_opens_beside_a_till_that_keeps_selling(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    till = make_till_window(cafe_store_path)
    button = child(till, QPushButton, "managerButton")
    assert button.focusPolicy() == Qt.FocusPolicy.NoFocus

    workspace = sign_in(qtbot, till)

    assert workspace.objectName() == "workspaceWindow"
    assert workspace.actor == MANAGER
    assert not workspace.isModal()
    assert workspace.banner.isVisible()  # the demo password is still in use
    assert till.manager_dialog is None
    scan(qtbot, till, MUFFIN)  # the till sells on while the workspace is open
    assert [ln.sku for ln in till.till.lines] == ["MUFFIN-BB"]
    close_workspace(qtbot, till)
    assert till.workspace is None


def test_ctrl_m_opens_the_sign_in_and_cancel_gives_the_scan_field_back(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    till = make_till_window(cafe_store_path)

    qtbot.keyClick(scan_field(till), Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)

    dialog = till.manager_dialog
    assert isinstance(dialog, SignInDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert child(dialog, QLineEdit, "signInPassword").echoMode() == QLineEdit.EchoMode.Password
    with qtbot.waitSignal(dialog.finished):
        child(dialog, QPushButton, "signInCancel").click()
    qtbot.waitUntil(till.scan_input.hasFocus)
    assert till.workspace is None
    assert scan_field(till).text() == ""


@pytest.mark.parametrize(("name", "secret", "why"), [
    ("clerk", "1234", "clerk is a clerk; this needs a manager's password"),
    ("trainer", "demo-trainer-pass", "trainer is a trainer; this needs a manager's password"),
    ("nobody", "whatever-it-is", "there is no one by that name on the staff list"),
])
def test_a_clerk_pin_or_anyone_but_a_manager_never_opens_the_workspace(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        name: str, secret: str, why: str) -> None:
    till = make_till_window(cafe_store_path)
    dialog = open_sign_in(qtbot, till)

    with qtbot.assertNotEmitted(till.workspace_opened):
        message = try_password(qtbot, dialog, name, secret)

    assert why in message
    assert till.workspace is None
    assert dialog.isVisible()  # still asking, with the reason
    assert child(dialog, QLineEdit, "signInPassword").text() == ""
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
    qtbot.waitUntil(till.scan_input.hasFocus)


def test_five_wrong_manager_passwords_lock_the_manager_out_in_the_store_file(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        morning_clock: FixedClock) -> None:
    till = make_till_window(cafe_store_path)  # the clock says 08:10
    dialog = open_sign_in(qtbot, till)

    messages = [try_password(qtbot, dialog, MANAGER, f"wrong-password-{i}")
                for i in range(1, 6)]

    assert messages[0] == "wrong password; 4 tries left."
    assert messages[3] == "wrong password; 1 try left."
    assert "locked until 08:15" in messages[4]
    with qtbot.assertNotEmitted(till.workspace_opened):  # the right one is refused now
        locked = try_password(qtbot, dialog, MANAGER, MANAGER_PASSWORD)
    assert "manager is locked until 08:15 after 5 wrong attempts" in locked
    assert till.workspace is None
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()

    with Store.open(cafe_store_path) as other:  # another connection: the lock is on file
        with pytest.raises(SignInError, match="locked until 08:15") as refused:
            StaffStore(other, morning_clock).sign_in(MANAGER, MANAGER_PASSWORD,
                                                     roles={"manager"})
        assert refused.value.tries_left == 0
    second = make_till_window(cafe_store_path)  # a second till on the same store
    again = open_sign_in(qtbot, second)
    assert "locked until 08:15" in try_password(qtbot, again, MANAGER, MANAGER_PASSWORD)
    with qtbot.waitSignal(again.finished):
        again.reject()

    morning_clock.set(morning_clock.now().replace(minute=16))  # the lock has run out
    assert sign_in(qtbot, second).actor == MANAGER
    close_workspace(qtbot, second)


def test_enter_in_the_sign_in_dialog_never_reaches_the_scan_field(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    till = make_till_window(cafe_store_path)
    dialog = open_sign_in(qtbot, till)
    name = child(dialog, QLineEdit, "signInName")
    password = child(dialog, QLineEdit, "signInPassword")

    qtbot.keyClicks(name, MANAGER)
    qtbot.keyClick(name, Qt.Key.Key_Return)  # moves on; no attempt with an empty password
    assert dialog.focusWidget() is password
    qtbot.keyClick(password, Qt.Key.Key_Return)  # too early: asked for, not counted
    assert text_of(dialog, "signInMessage") == "Type your password."
    assert till.staff.lock_state(MANAGER).tries_left == 5
    qtbot.keyClicks(password, MANAGER_PASSWORD)
    with qtbot.waitSignal(till.workspace_opened):
        qtbot.keyClick(password, Qt.Key.Key_Return)

    assert scan_field(till).text() == ""
    assert till.till.lines == []
    assert "Workspace open for manager" in label_text(till, "statusMessage")
    close_workspace(qtbot, till)


def test_the_manager_button_is_not_in_practice_mode(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    till = make_till_window(cafe_store_path, training=True)

    assert not child(till, QPushButton, "managerButton").isVisible()
    said = label_text(till, "statusMessage")
    qtbot.keyClick(scan_field(till), Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)

    # A key does only what a button on screen does: with no Manager button, Ctrl+M does
    # nothing (it used to answer with a message about a button the clerk cannot see).
    assert till.manager_dialog is None
    assert label_text(till, "statusMessage") == said
    assert scan_field(till).hasFocus()


def test_the_first_run_of_a_new_store_asks_for_the_first_manager(
        qtbot: QtBot, tmp_path: Path, morning_clock: FixedClock) -> None:
    path = tmp_path / "new.db"
    with init_store(path) as store:  # no demo: a clerk without a PIN, no manager
        window = till_app.build_window(store, clock=morning_clock)
        qtbot.addWidget(window)
        dialog = till_app.start_window(window)

        assert isinstance(dialog, FirstManagerDialog)
        qtbot.waitUntil(dialog.isVisible)
        assert window.isVisible()  # the till sells meanwhile (issue 13, point 1)
        child(dialog, QLineEdit, "firstManagerName").setText("Ana")
        child(dialog, QLineEdit, "firstManagerPassword").setText("short")
        child(dialog, QLineEdit, "firstManagerRepeat").setText("short")
        child(dialog, QPushButton, "firstManagerCreate").click()
        assert text_of(dialog, "firstManagerMessage") == (
            "Password refused: a password needs at least 10 characters.")
        child(dialog, QLineEdit, "firstManagerPassword").setText("1234567890123")
        child(dialog, QLineEdit, "firstManagerRepeat").setText("1234567890123")
        child(dialog, QPushButton, "firstManagerCreate").click()
        assert "cannot be all digits" in text_of(dialog, "firstManagerMessage")
        child(dialog, QLineEdit, "firstManagerPassword").setText(NEW_PASSWORD)
        child(dialog, QLineEdit, "firstManagerRepeat").setText(NEW_PASSWORD + "!")
        child(dialog, QPushButton, "firstManagerCreate").click()
        assert "not the same" in text_of(dialog, "firstManagerMessage")
        assert StaffStore(store).needs_first_manager()  # nothing stored yet

        child(dialog, QLineEdit, "firstManagerPassword").setText(NEW_PASSWORD)
        child(dialog, QLineEdit, "firstManagerRepeat").setText(NEW_PASSWORD)
        with qtbot.waitSignal(dialog.finished):
            child(dialog, QPushButton, "firstManagerCreate").click()

        qtbot.waitUntil(window.isVisible)
        staff = StaffStore(store)
        assert not staff.needs_first_manager()
        assert staff.sign_in("Ana", NEW_PASSWORD, roles={"manager"}).role == "manager"
        assert [(e.actor, e.entity_id, e.action) for e in
                audit_entries(store, entity="staff")][-1] == ("Ana", "Ana", "add")
        assert "Ana is the store's manager" in label_text(window, "statusMessage")
        window.close()


def test_cancelling_the_first_run_keeps_the_workspace_closed_and_says_so(
        qtbot: QtBot, tmp_path: Path, morning_clock: FixedClock) -> None:
    path = tmp_path / "new.db"
    with init_store(path) as store:
        window = till_app.build_window(store, clock=morning_clock)
        qtbot.addWidget(window)
        dialog = till_app.start_window(window)
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible)

        with qtbot.waitSignal(dialog.finished):
            child(dialog, QPushButton, "firstManagerCancel").click()

        qtbot.waitUntil(window.isVisible)
        assert "No manager yet" in label_text(window, "statusMessage")
        assert StaffStore(store).needs_first_manager()
        # The Manager button then offers the first manager, and signing in follows.
        child(window, QPushButton, "managerButton").click()
        first = window.manager_dialog
        assert isinstance(first, FirstManagerDialog)
        child(first, QLineEdit, "firstManagerName").setText("Ana")
        child(first, QLineEdit, "firstManagerPassword").setText(NEW_PASSWORD)
        child(first, QLineEdit, "firstManagerRepeat").setText(NEW_PASSWORD)
        with qtbot.waitSignal(first.finished):
            child(first, QPushButton, "firstManagerCreate").click()
        sign = window.manager_dialog
        assert isinstance(sign, SignInDialog)
        assert child(sign, QLineEdit, "signInName").text() == ""
        with qtbot.waitSignal(window.workspace_opened):
            submit(sign, "Ana", NEW_PASSWORD)
        assert window.workspace is not None
        assert not window.workspace.banner.isVisible()
        close_workspace(qtbot, window)
        window.close()


def test_a_store_that_has_a_manager_asks_nobody_at_start(
        qtbot: QtBot, cafe_store_path: Path, morning_clock: FixedClock) -> None:
    with Store.open(cafe_store_path) as store:
        window = till_app.build_window(store, clock=morning_clock)
        qtbot.addWidget(window)
        assert till_app.start_window(window) is None
        qtbot.waitUntil(window.isVisible)
        window.close()


def test_the_demo_password_banner_offers_a_new_password(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    till = make_till_window(cafe_store_path)
    workspace = sign_in(qtbot, till)
    assert workspace.banner.isVisible()

    child(workspace, QPushButton, "changePasswordButton").click()
    dialog = workspace.password_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    for typed in ("demo-manager-pass", "demo-trainer-pass"):
        child(dialog, QLineEdit, "changePasswordNew").setText(typed)
        child(dialog, QLineEdit, "changePasswordRepeat").setText(typed)
        child(dialog, QPushButton, "changePasswordSave").click()
        assert "published demo password" in text_of(dialog, "changePasswordMessage")
    child(dialog, QLineEdit, "changePasswordNew").setText(NEW_PASSWORD)
    child(dialog, QLineEdit, "changePasswordRepeat").setText(NEW_PASSWORD)
    with qtbot.waitSignal(dialog.finished):
        child(dialog, QPushButton, "changePasswordSave").click()

    assert not workspace.banner.isVisible()
    with Store.open(cafe_store_path) as other:
        staff = StaffStore(other)
        assert staff.sign_in(MANAGER, NEW_PASSWORD, roles={"manager"}).name == MANAGER
        change = audit_entries(other, entity="staff", entity_id=MANAGER)[-1]
        assert (change.actor, change.action) == (MANAGER, "change")
    close_workspace(qtbot, till)


def test_closing_the_till_closes_its_workspace_first(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    till = make_till_window(cafe_store_path)
    workspace = sign_in(qtbot, till)

    with qtbot.waitSignal(workspace.closed):
        assert till.close()

    assert not workspace.isVisible()
    assert till.workspace is None


def test_the_window_keeps_running_while_a_password_is_checked_at_production_cost(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    hash_at_production_cost(cafe_store_path, monkeypatch)
    till = make_till_window(cafe_store_path)
    dialog = open_sign_in(qtbot, till)
    button = child(dialog, QPushButton, "signInButton")
    ticks: list[bool] = []  # a timer on the UI thread: does it fire during the check?
    timer = QTimer(till)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(dialog.busy))
    timer.start()

    started = time.perf_counter()
    with qtbot.waitSignal(till.workspace_opened, timeout=20_000):
        submit(dialog, MANAGER, NEW_PASSWORD)
        assert (dialog.busy, button.isEnabled(), button.text()) == (True, False, CHECKING)
        assert child(dialog, QLineEdit, "signInPassword").isReadOnly()
    took = time.perf_counter() - started
    timer.stop()

    assert took > 0.1  # scrypt at N=2**17 really ran
    # Blocked, the UI thread would not have fired the timer once before the answer.
    assert ticks.count(True) >= 5, f"{ticks.count(True)} ticks in {took:.2f} s"
    assert till.workspace is not None
    assert not till.workspace.banner.isVisible()  # not a demo password
    close_workspace(qtbot, till)


def test_enter_pressed_twice_while_checking_is_one_wrong_attempt(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    till = make_till_window(cafe_store_path)
    dialog = open_sign_in(qtbot, till)
    password = child(dialog, QLineEdit, "signInPassword")
    button = child(dialog, QPushButton, "signInButton")
    child(dialog, QLineEdit, "signInName").setText(MANAGER)
    password.setText("wrong-password-1")

    with qtbot.waitSignal(dialog.refused) as refused:
        qtbot.keyClick(password, Qt.Key.Key_Return)
        assert (dialog.busy, button.isEnabled(), button.text()) == (True, False, CHECKING)
        assert password.text() == ""  # the secret went to the worker, not kept here
        password.setText("wrong-password-2")  # typed again while the first is checked
        qtbot.keyClick(password, Qt.Key.Key_Return)  # ignored: still checking
        button.click()  # disabled: nothing
        assert running_checks() == 1

    assert refused.args == ["wrong password; 4 tries left."]
    assert till.staff.lock_state(MANAGER).tries_left == 4
    assert (button.isEnabled(), button.text(), password.isReadOnly()) == (True, "Sign in",
                                                                          False)
    assert password.text() == ""
    assert dialog.focusWidget() is password
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()


def cancel_while_hashing(qtbot: QtBot, till: TillWindow, dialog: SignInDialog,
                         password: str) -> None:
    """Submit `password`, wait until the store has counted the attempt (the worker is then
    hashing, ~0.4 s at production cost), and press Cancel; the dialog is gone, the thread
    still runs, and then ends without opening anything."""
    tries = till.staff.lock_state(MANAGER).tries_left
    submit(dialog, MANAGER, password)
    job = dialog.job
    assert job is not None
    qtbot.waitUntil(lambda: till.staff.lock_state(MANAGER).tries_left == tries - 1)
    cancel = child(dialog, QPushButton, "signInCancel")
    assert cancel.isEnabled()

    with qtbot.assertNotEmitted(till.workspace_opened):
        with qtbot.waitSignal(dialog.finished):
            cancel.click()
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # the till deleted it
        assert job.isRunning()  # the dialog went while its check was still hashing
        assert job.dropped
        qtbot.waitUntil(lambda: running_checks() == 0, timeout=20_000)
    assert till.workspace is None
    assert till.manager_dialog is None


def test_cancelling_during_the_check_opens_nothing_and_the_thread_ends_cleanly(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    hash_at_production_cost(cafe_store_path, monkeypatch)
    till = make_till_window(cafe_store_path)

    cancel_while_hashing(qtbot, till, open_sign_in(qtbot, till), NEW_PASSWORD)

    qtbot.waitUntil(till.scan_input.hasFocus)
    # Right, but cancelled: the thread's outcome was ignored, so the attempt still counts.
    assert till.staff.lock_state(MANAGER).tries_left == 4
    assert sign_in(qtbot, till, MANAGER, NEW_PASSWORD).actor == MANAGER  # and again
    assert till.staff.lock_state(MANAGER).tries_left == 5
    close_workspace(qtbot, till)


def test_a_right_password_cancelled_while_hashing_lifts_no_count(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    hash_at_production_cost(cafe_store_path, monkeypatch)
    till = make_till_window(cafe_store_path)  # the clock says 08:10
    dialog = open_sign_in(qtbot, till)
    for i in range(1, 5):
        try_password(qtbot, dialog, MANAGER, f"wrong-password-{i}")

    cancel_while_hashing(qtbot, till, dialog, NEW_PASSWORD)  # the fifth attempt

    # The thread hashed the right password after Cancel; it neither signed the manager in
    # nor forgot the four wrong ones: the fifth attempt locked them.
    assert till.staff.lock_state(MANAGER).locked_until is not None
    again = open_sign_in(qtbot, till)
    with qtbot.assertNotEmitted(till.workspace_opened):
        locked = try_password(qtbot, again, MANAGER, NEW_PASSWORD)
    assert locked == "manager is locked until 08:15 after 5 wrong attempts."
    with qtbot.waitSignal(again.finished):
        again.reject()


def test_a_new_password_is_saved_in_the_worker_and_cannot_be_cancelled_half_way(
        qtbot: QtBot, cafe_store_path: Path, morning_clock: FixedClock) -> None:
    with Store.open(cafe_store_path) as store:
        staff = StaffStore(store, morning_clock)
        dialog = ChangePasswordDialog(staff, MANAGER)
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitUntil(dialog.isVisible)
        child(dialog, QLineEdit, "changePasswordNew").setText(NEW_PASSWORD)
        child(dialog, QLineEdit, "changePasswordRepeat").setText(NEW_PASSWORD)
        save = child(dialog, QPushButton, "changePasswordSave")
        cancel = child(dialog, QPushButton, "changePasswordCancel")

        with qtbot.waitSignal(dialog.changed) as changed:
            save.click()
            assert (save.isEnabled(), save.text(), cancel.isEnabled()) == (
                False, "Saving\N{HORIZONTAL ELLIPSIS}", False)
            dialog.reject()  # Esc, or the window's close button
            assert dialog.isVisible()
            assert "being saved" in text_of(dialog, "changePasswordMessage")

        assert changed.args[0].name == MANAGER
        assert not dialog.isVisible()
        assert staff.sign_in(MANAGER, NEW_PASSWORD, roles={"manager"}).name == MANAGER


def test_a_manager_made_meanwhile_by_another_till_is_refused_from_the_worker(
        qtbot: QtBot, tmp_path: Path, morning_clock: FixedClock) -> None:
    path = tmp_path / "new.db"
    with init_store(path) as store:
        dialog = FirstManagerDialog(StaffStore(store, morning_clock))
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitUntil(dialog.isVisible)
        with Store.open(path) as other:  # another till on the file gets there first
            StaffStore(other).create_first_manager("Bo", NEW_PASSWORD)
        child(dialog, QLineEdit, "firstManagerName").setText("Ana")
        child(dialog, QLineEdit, "firstManagerPassword").setText(NEW_PASSWORD)
        child(dialog, QLineEdit, "firstManagerRepeat").setText(NEW_PASSWORD)

        with qtbot.waitSignal(dialog.refused) as refused:
            child(dialog, QPushButton, "firstManagerCreate").click()
            assert dialog.busy

        assert refused.args == ["This store already has a manager; a manager adds others "
                                "in the workspace."]
        assert text_of(dialog, "firstManagerMessage") == refused.args[0]
        assert dialog.person is None
        assert child(dialog, QLineEdit, "firstManagerPassword").text() == ""
        with qtbot.waitSignal(dialog.finished):
            child(dialog, QPushButton, "firstManagerCancel").click()
        assert [p.name for p in StaffStore(store).list_staff(role="manager")] == ["Bo"]


def test_a_store_file_the_worker_cannot_open_is_said_and_counts_nothing(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    till = make_till_window(cafe_store_path)
    dialog = open_sign_in(qtbot, till)
    moved = cafe_store_path.rename(cafe_store_path.with_name("moved.db"))
    try:  # the till's own connection still has the file open; a new one finds nothing
        message = try_password(qtbot, dialog, MANAGER, "wrong-password-1")
    finally:
        moved.rename(cafe_store_path)

    assert "there is no store at" in message
    assert till.staff.lock_state(MANAGER).tries_left == 5
    assert child(dialog, QPushButton, "signInButton").isEnabled()
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
