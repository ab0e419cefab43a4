"""Staff and signing in on a real store file: PINs and passwords, lockouts that survive a
restart, the first manager, demo staff, and no secret ever written in clear."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_prompter.bootstrap import DEMO_STAFF, init_store
from pos_prompter.core import auth
from pos_prompter.core.auth import ScryptParams, SecretRefused
from pos_prompter.core.order import FixedClock
from pos_prompter.core.roles import WORKSPACE_ROLES
from pos_prompter.store import Store
from pos_prompter.store.auth import (
    SignInError,
    StaffError,
    StaffStore,
    needs_first_manager,
    sign_in,
)

T0 = dt.datetime(2026, 11, 23, 14, 30)
MANAGER_PASSWORD = "Zebra-Marmalade-417"
CLERK_PIN = "86420579"
DEMO_README = Path(__file__).resolve().parents[2] / "resources" / "demo" / "README.md"




@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def staff(store: Store, clock: FixedClock) -> StaffStore:
    """Ann the manager (password) and Carl the clerk (PIN)."""
    s = StaffStore(store, clock)
    s.add_person("ann", "manager", MANAGER_PASSWORD)
    s.add_person("carl", "clerk", CLERK_PIN)
    return s


def fail(staff: StaffStore, name: str, times: int, now: dt.datetime = T0) -> list[str]:
    messages = []
    for _ in range(times):
        with pytest.raises(SignInError) as err:
            staff.sign_in(name, "0000" if name == "carl" else "not-the-password", now)
        messages.append(str(err.value))
    return messages


def test_a_clerk_signs_in_with_their_pin(staff: StaffStore) -> None:
    person = staff.sign_in("carl", CLERK_PIN)
    assert (person.name, person.role, person.active) == ("carl", "clerk", True)
    assert not person.can_open_workspace


def test_a_manager_signs_in_to_the_workspace_with_their_password(staff: StaffStore) -> None:
    person = staff.sign_in("ann", MANAGER_PASSWORD, roles=WORKSPACE_ROLES)
    assert person.can_open_workspace
    assert person.secret_kind == "password"


def test_a_wrong_secret_says_how_many_tries_are_left(staff: StaffStore) -> None:
    assert fail(staff, "ann", 4) == ["wrong password; 4 tries left", "wrong password; 3 tries "
                                     "left", "wrong password; 2 tries left",
                                     "wrong password; 1 try left"]
    assert fail(staff, "carl", 1) == ["wrong PIN; 4 tries left"]


def test_five_wrong_attempts_lock_for_five_minutes(staff: StaffStore) -> None:
    messages = fail(staff, "ann", 5)
    assert messages[-1] == "wrong password; ann is locked until 14:35 after 5 wrong attempts"
    with pytest.raises(SignInError, match="ann is locked until 14:35 after 5 wrong") as err:
        staff.sign_in("ann", MANAGER_PASSWORD, T0 + dt.timedelta(minutes=4, seconds=59))
    assert err.value.locked_until == T0 + dt.timedelta(minutes=5)
    assert err.value.tries_left == 0
    # the other person is not affected
    assert staff.sign_in("carl", CLERK_PIN, T0).name == "carl"


def test_the_lock_ends_after_five_minutes(staff: StaffStore) -> None:
    fail(staff, "ann", 5)
    assert staff.sign_in("ann", MANAGER_PASSWORD, T0 + dt.timedelta(minutes=5)).name == "ann"


def test_after_a_lock_runs_out_there_are_five_fresh_tries(staff: StaffStore) -> None:
    fail(staff, "ann", 5)
    later = T0 + dt.timedelta(minutes=6)
    assert fail(staff, "ann", 1, later) == ["wrong password; 4 tries left"]
    # the failures from before the lock are forgotten
    assert staff.store.db.execute("SELECT count(*) FROM login_failures").fetchone()[0] == 1


def test_a_lock_survives_a_restart(store_path: Path, staff: StaffStore) -> None:
    fail(staff, "ann", 5)
    staff.store.close()
    with Store.open(store_path) as reopened:
        with pytest.raises(SignInError, match="locked until 14:35"):
            StaffStore(reopened).sign_in("ann", MANAGER_PASSWORD, T0 + dt.timedelta(minutes=1))
        assert sign_in(reopened, "ann", MANAGER_PASSWORD, T0 + dt.timedelta(minutes=5))


def test_wrong_attempts_at_two_tills_count_together(store_path: Path,
                                                    staff: StaffStore) -> None:
    fail(staff, "ann", 3)
    with Store.open(store_path) as other_till:
        fail(StaffStore(other_till), "ann", 2)
    with pytest.raises(SignInError, match="locked until"):
        staff.sign_in("ann", MANAGER_PASSWORD, T0)


def test_a_successful_sign_in_resets_the_count(staff: StaffStore) -> None:
    fail(staff, "ann", 4)
    staff.sign_in("ann", MANAGER_PASSWORD, T0)
    assert fail(staff, "ann", 4)[-1] == "wrong password; 1 try left"


def test_a_disabled_person_cannot_sign_in(staff: StaffStore) -> None:
    staff.set_active("carl", False)
    with pytest.raises(SignInError, match="carl is disabled"):
        staff.sign_in("carl", CLERK_PIN)
    staff.set_active("carl", True)
    assert staff.sign_in("carl", CLERK_PIN).active


def test_an_unknown_name_cannot_sign_in(staff: StaffStore) -> None:
    with pytest.raises(SignInError, match="no one by that name") as err:
        staff.sign_in("Zebra-Marmalade-417", "1234")
    assert "Zebra" not in str(err.value)


def test_a_clerk_cannot_open_the_workspace_even_with_their_pin(staff: StaffStore) -> None:
    with pytest.raises(SignInError, match="carl is a clerk; this needs a manager's password"):
        staff.sign_in("carl", CLERK_PIN, roles=WORKSPACE_ROLES)
    assert staff.lock_state("carl").counted == 0  # refused before any secret was tried


def test_a_trainer_cannot_open_the_workspace(staff: StaffStore) -> None:
    staff.add_person("tess", "trainer", "trainer-password")
    with pytest.raises(SignInError, match="tess is a trainer"):
        staff.sign_in("tess", "trainer-password", roles=WORKSPACE_ROLES)
    assert staff.sign_in("tess", "trainer-password", roles=("trainer", "manager")).name == "tess"


def test_managers_and_trainers_need_a_password_clerks_a_pin(staff: StaffStore) -> None:
    with pytest.raises(SecretRefused, match="password refused: a password cannot be all "
                                            "digits"):
        staff.add_person("mo", "manager", "1234567890")
    with pytest.raises(SecretRefused, match="at least 10 characters"):
        staff.add_person("tess", "trainer", "1234")
    with pytest.raises(SecretRefused, match="PIN refused"):
        staff.add_person("cleo", "clerk", "a long password")
    assert [p.name for p in staff.list_staff()] == ["ann", "carl"]


def test_a_name_is_taken_whatever_its_case(staff: StaffStore) -> None:
    with pytest.raises(StaffError, match="'carl' is already on the staff list"):
        staff.add_person("Carl", "clerk", "1111")


def test_a_new_secret_replaces_the_old_and_lifts_a_lock(staff: StaffStore,
                                                        clock: FixedClock) -> None:
    fail(staff, "carl", 5)
    clock.set(T0 + dt.timedelta(minutes=1))
    changed = staff.change_secret("carl", "2468")
    assert changed.secret_changed_at == T0 + dt.timedelta(minutes=1)
    assert staff.sign_in("carl", "2468").name == "carl"
    with pytest.raises(SignInError, match="wrong PIN"):
        staff.sign_in("carl", CLERK_PIN)
    with pytest.raises(SecretRefused):
        staff.change_secret("carl", "12")


def test_the_last_active_manager_cannot_be_disabled(staff: StaffStore) -> None:
    with pytest.raises(StaffError, match="ann is the only active manager"):
        staff.set_active("ann", False)
    staff.add_person("bea", "manager", "another-password")
    assert not staff.set_active("ann", False).active


def test_a_manager_can_lift_a_lock(staff: StaffStore) -> None:
    fail(staff, "carl", 5)
    staff.unlock("carl", actor="ann")
    assert staff.sign_in("carl", CLERK_PIN).name == "carl"


def test_a_hash_made_with_weaker_parameters_is_upgraded_at_sign_in(
        staff: StaffStore, monkeypatch: pytest.MonkeyPatch) -> None:
    stronger = ScryptParams(n=2**11, r=8, p=1)
    monkeypatch.setattr(auth, "PARAMS", stronger)
    staff.sign_in("ann", MANAGER_PASSWORD)
    stored = staff.store.db.execute("SELECT password_hash FROM staff WHERE name = 'ann'"
                                    ).fetchone()[0]
    assert stored.startswith(f"scrypt${2**11}$8$1$")
    assert staff.sign_in("ann", MANAGER_PASSWORD).name == "ann"


def test_list_staff(staff: StaffStore) -> None:
    staff.add_person("dan", "clerk", "5555")
    staff.set_active("dan", False)
    assert [(p.name, p.role, p.active, p.secret_set) for p in staff.list_staff()] == [
        ("ann", "manager", True, True), ("carl", "clerk", True, True),
        ("dan", "clerk", False, True)]
    assert [p.name for p in staff.list_staff(include_inactive=False)] == ["ann", "carl"]
    assert [p.name for p in staff.list_staff(role="clerk")] == ["carl", "dan"]
    assert staff.store.staff.clerks() == ["carl"]


# ---------------------------------------------------------------------- first run


def test_a_new_store_needs_a_first_manager(store: Store, clock: FixedClock) -> None:
    staff = StaffStore(store, clock)
    assert staff.needs_first_manager()
    staff.add_person("carl", "clerk", "1234")
    assert needs_first_manager(store)
    person = staff.create_first_manager("ann", MANAGER_PASSWORD)
    assert person.can_open_workspace
    assert not staff.needs_first_manager()
    with pytest.raises(StaffError, match="already has a manager"):
        staff.create_first_manager("eve", "eve-wants-in-123")
    assert staff.get("eve") is None


def test_the_first_manager_needs_a_real_password(store: Store) -> None:
    with pytest.raises(SecretRefused, match="at least 10 characters"):
        StaffStore(store).create_first_manager("ann", "1234")
    assert needs_first_manager(store)


def test_a_store_made_without_a_demo_has_no_manager_and_a_clerk_without_pin(
        tmp_path: Path) -> None:
    with init_store(tmp_path / "new.db") as store:
        staff = StaffStore(store)
        assert staff.needs_first_manager()
        assert [(p.name, p.role, p.secret_set) for p in staff.list_staff()] == [
            ("clerk", "clerk", False)]
        with pytest.raises(SignInError, match="clerk has no PIN yet; a manager sets one"):
            staff.sign_in("clerk", "1234")


def test_a_demo_store_has_its_documented_staff(tmp_path: Path) -> None:
    assert DEMO_STAFF == (("manager", "manager", "demo-manager-pass"),
                          ("trainer", "trainer", "demo-trainer-pass"),
                          ("clerk", "clerk", "1234"))
    with init_store(tmp_path / "demo.db", demo="cafe") as store:
        staff = StaffStore(store)
        assert not staff.needs_first_manager()
        for name, role, secret in DEMO_STAFF:
            assert staff.sign_in(name, secret).role == role
        assert store.staff.clerks() == ["clerk"]
    readme = DEMO_README.read_text(encoding="utf-8")
    for name, _, secret in DEMO_STAFF:
        assert f"`{name}`" in readme, name
        assert f"`{secret}`" in readme, name


# ---------------------------------------------------------------------- no clear secrets


@pytest.fixture
def busy_store(store_path: Path) -> Iterator[Store]:
    """A store whose WAL is not checkpointed away while we read the files."""
    with Store.open(store_path, create=True) as s:
        s.db.execute("PRAGMA wal_autocheckpoint=0")
        yield s


def test_no_secret_is_ever_written_in_clear(busy_store: Store, store_path: Path) -> None:
    staff = StaffStore(busy_store, FixedClock(T0))
    staff.add_person("ann", "manager", MANAGER_PASSWORD)
    staff.add_person("carl", "clerk", CLERK_PIN)
    staff.change_secret("ann", "Quokka-Lantern-902")
    for guess in ("Wrong-Guess-Albatross", "Zebra-Marmalade-418"):
        with pytest.raises(SignInError):
            staff.sign_in("ann", guess)
    staff.sign_in("ann", "Quokka-Lantern-902")
    wal = store_path.with_name(store_path.name + "-wal")
    assert wal.stat().st_size > 0
    data = store_path.read_bytes() + wal.read_bytes()
    for secret in (MANAGER_PASSWORD, CLERK_PIN, "Quokka-Lantern-902", "Wrong-Guess-Albatross",
                   "Zebra-Marmalade-418"):
        assert secret.encode("utf-8") not in data, secret
        assert secret.encode("utf-16-le") not in data, secret
    assert b"scrypt$" in data  # the hashes are there
