"""`pos-prompter staff ...` and `pos-prompter audit`: secrets read from stdin (or a hidden
prompt), changes audited as cli:<user>, errors as one sentence with the spec's exit codes."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cli_support import RunCli, build_store, query

from pos_prompter.cli import staff as staff_cli
from pos_prompter.store import Store
from pos_prompter.store.auth import SignInError, StaffStore

MANAGER_PASSWORD = "Zebra-Marmalade-417"




@pytest.fixture(autouse=True)
def _os_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staff_cli.getpass, "getuser", lambda: "tester")


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """stdin("1234\\n"): what the next command reads on a standard input that is a pipe."""

    def feed(text: str) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO(text))

    return feed


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[str]]:
    """terminal("a", "b"): stdin is a terminal, and the hidden prompts get these answers;
    returns the prompts that were shown."""

    def answer(*answers: str) -> list[str]:
        shown: list[str] = []
        replies: Iterator[str] = iter(answers)

        def getpass(prompt: str = "") -> str:
            shown.append(prompt)
            return next(replies)

        monkeypatch.setattr("sys.stdin", FakeTerminal())
        monkeypatch.setattr(staff_cli.getpass, "getpass", getpass)
        return shown

    return answer


def sign_in(db: Path, name: str, secret: str) -> str:
    with Store.open(db) as store:
        return StaffStore(store).sign_in(name, secret).role


# ---------------------------------------------------------------------- staff


def test_staff_list_shows_everyone_and_never_a_secret(cli: RunCli,
                                                      store_copy: Callable[[str], Path]
                                                      ) -> None:
    db = store_copy("cafe")
    result = cli("staff", "--db", db, "list")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["name", "role", "signs", "in", "with", "status", "secret",
                                "set", "at"]
    assert [line.split()[:3] for line in lines[1:]] == [
        ["manager", "manager", "password"], ["trainer", "trainer", "password"],
        ["clerk", "clerk", "PIN"]]
    assert "demo-manager-pass" not in result.out
    assert "scrypt" not in result.out
    assert cli("staff", "list", "--db", db).out == result.out  # --db after the command too


def test_a_new_store_is_told_it_has_no_manager(cli: RunCli, empty_store: Path) -> None:
    result = cli("staff", "list", "--db", empty_store)
    assert result.code == 0
    assert "no PIN yet" in result.out
    assert "no manager yet" in result.err
    assert "--role manager" in result.err


def test_staff_add_reads_the_secret_from_stdin(cli: RunCli, empty_store: Path,
                                               stdin: Callable[[str], None]) -> None:
    stdin(MANAGER_PASSWORD + "\n")
    result = cli("staff", "--db", empty_store, "add", "ann", "--role", "manager")
    assert result.code == 0, result.err
    assert result.out == "Added ann (manager, signs in with a password)\n"
    assert MANAGER_PASSWORD not in result.out + result.err
    assert sign_in(empty_store, "ann", MANAGER_PASSWORD) == "manager"
    assert "no manager yet" not in cli("staff", "list", "--db", empty_store).err
    stdin("2468\n")
    assert cli("staff", "add", "carl", "--db", empty_store).code == 0  # clerk by default
    assert sign_in(empty_store, "carl", "2468") == "clerk"
    assert query(empty_store, "SELECT actor, entity_id, action FROM audit_log "
                              "WHERE actor LIKE 'cli:%' AND entity = 'staff' "
                              "AND entity_id != 'clerk' ORDER BY id") == [
        ("cli:tester", "ann", "add"), ("cli:tester", "carl", "add")]


def test_staff_add_at_a_terminal_asks_twice(cli: RunCli, empty_store: Path,
                                            terminal: Callable[..., list[str]]) -> None:
    shown = terminal(MANAGER_PASSWORD, MANAGER_PASSWORD)
    assert cli("staff", "add", "ann", "--role", "manager", "--db", empty_store).code == 0
    assert shown == ["New password: ", "The same password again: "]
    assert sign_in(empty_store, "ann", MANAGER_PASSWORD) == "manager"


def test_two_different_entries_change_nothing(cli: RunCli, empty_store: Path,
                                              terminal: Callable[..., list[str]]) -> None:
    terminal("2468", "2469")
    cli("staff", "add", "carl", "--db", empty_store).assert_clean_error(1, "the two PINs differ")
    assert query(empty_store, "SELECT name FROM staff") == [("clerk",)]


def test_a_weak_secret_is_refused_before_the_second_prompt(
        cli: RunCli, empty_store: Path, terminal: Callable[..., list[str]]) -> None:
    shown = terminal("1234567890", "1234567890")
    result = cli("staff", "add", "ann", "--role", "trainer", "--db", empty_store)
    result.assert_clean_error(1, "password refused", "all digits")
    assert len(shown) == 1
    assert "1234567890" not in result.err


@pytest.mark.parametrize(("role", "secret", "needle"), [
    ("clerk", "12", "PIN refused: a PIN is 4 to 8 digits"),
    ("manager", "short", "at least 10 characters"),
])
def test_staff_add_refuses_a_bad_secret(cli: RunCli, empty_store: Path,
                                        stdin: Callable[[str], None], role: str, secret: str,
                                        needle: str) -> None:
    stdin(secret + "\n")
    result = cli("staff", "add", "zed", "--role", role, "--db", empty_store)
    result.assert_clean_error(1, needle)
    assert query(empty_store, "SELECT count(*) FROM staff WHERE name = 'zed'") == [(0,)]


def test_staff_add_with_nothing_on_stdin_is_a_usage_error(cli: RunCli, empty_store: Path,
                                                          stdin: Callable[[str], None]
                                                          ) -> None:
    stdin("")
    cli("staff", "add", "zed", "--db", empty_store).assert_clean_error(2, "no PIN on standard "
                                                                         "input")


def test_staff_add_refuses_a_name_already_taken(cli: RunCli, empty_store: Path,
                                                stdin: Callable[[str], None]) -> None:
    stdin("1234\n")
    cli("staff", "add", "Clerk", "--db", empty_store).assert_clean_error(
        1, "'clerk' is already on the staff list")


@pytest.mark.parametrize("argv", [
    ["staff", "add", "zed", "--role", "owner"],
    ["staff", "add"],
    ["staff"],
    ["staff", "fire", "zed"],
])
def test_staff_usage_errors(cli: RunCli, empty_store: Path, argv: list[str]) -> None:
    result = cli(*argv, "--db", empty_store)
    assert result.code == 2
    assert "Traceback" not in result.err


def test_staff_passwd_changes_the_secret(cli: RunCli, store_copy: Callable[[str], Path],
                                         stdin: Callable[[str], None]) -> None:
    db = store_copy("cafe")
    stdin("new-manager-password\n")
    result = cli("staff", "--db", db, "passwd", "manager")
    assert result.code == 0, result.err
    assert result.out == "Changed the password of manager\n"
    assert sign_in(db, "manager", "new-manager-password") == "manager"
    with pytest.raises(SignInError, match="wrong password"):
        sign_in(db, "manager", "demo-manager-pass")
    stdin("4321\n")
    assert cli("staff", "passwd", "clerk", "--db", db).out == "Changed the PIN of clerk\n"
    assert sign_in(db, "clerk", "4321") == "clerk"


def test_staff_passwd_of_someone_unknown(cli: RunCli, empty_store: Path,
                                         stdin: Callable[[str], None]) -> None:
    stdin("1234\n")
    cli("staff", "passwd", "zed", "--db", empty_store).assert_clean_error(
        1, "no one called 'zed'")


def test_staff_disable_and_enable(cli: RunCli, store_copy: Callable[[str], Path]) -> None:
    db = store_copy("cafe")
    assert cli("staff", "disable", "clerk", "--db", db).out == "Disabled clerk\n"
    assert "disabled" in cli("staff", "list", "--db", db).out
    with pytest.raises(SignInError, match="disabled"):
        sign_in(db, "clerk", "1234")
    assert cli("staff", "disable", "clerk", "--db", db).out == "clerk was already disabled\n"
    assert cli("staff", "enable", "clerk", "--db", db).out == "Enabled clerk\n"
    assert sign_in(db, "clerk", "1234") == "clerk"


def test_the_last_manager_cannot_be_disabled(cli: RunCli,
                                             store_copy: Callable[[str], Path]) -> None:
    db = store_copy("cafe")
    cli("staff", "disable", "manager", "--db", db).assert_clean_error(
        1, "only active manager")


# ---------------------------------------------------------------------- audit


@pytest.fixture
def audited(cli: RunCli, tmp_path: Path, stdin: Callable[[str], None],
            monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cafe demo, made by another user (so that only what follows is cli:tester's,
    whichever test built a demo first), then a PIN change and a setting change."""
    monkeypatch.setattr(staff_cli.getpass, "getuser", lambda: "installer")
    db = build_store(tmp_path / "cafe.db", demo="cafe")
    monkeypatch.setattr(staff_cli.getpass, "getuser", lambda: "tester")
    stdin("4321\n")
    assert cli("staff", "passwd", "clerk", "--db", db).code == 0
    with Store.open(db) as store:
        store.set_settings({"currency": "EUR"}, actor="cli:tester")
    return db


def test_audit_table(cli: RunCli, audited: Path) -> None:
    result = cli("audit", "--db", audited, "--actor", "cli:tester")
    assert result.code == 0, result.err
    header, *rows = result.out.splitlines()
    assert header.split() == ["at", "actor", "entity", "id", "action", "change"]
    assert [r.split()[2:6] for r in rows] == [["cli:tester", "staff", "clerk", "change"],
                                              ["cli:tester", "setting", "currency", "change"]]
    assert rows[1].endswith("USD -> EUR")


def test_audit_filters(cli: RunCli, audited: Path) -> None:
    staff = cli("audit", "--db", audited, "--entity", "staff").out.splitlines()[1:]
    assert [r.split()[4] for r in staff] == ["manager", "trainer", "clerk", "clerk"]
    assert "4321" not in cli("audit", "--db", audited).out
    assert cli("audit", "--db", audited, "--since", "2000-01-01", "--until", "2000-01-31",
               "--entity", "rule").out == ""
    found = cli("audit", "--db", audited, "--text", "eur").out.splitlines()[1:]
    assert [r.split()[4] for r in found] == ["currency"]


def test_audit_csv(cli: RunCli, audited: Path) -> None:
    result = cli("audit", "--db", audited, "--format", "csv", "--entity", "setting")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert rows[-1]["entity_id"] == "currency"
    assert (rows[-1]["before"], rows[-1]["after"]) == ('"USD"', '"EUR"')
    assert all(r["entity"] == "setting" for r in rows)


def test_audit_of_a_new_store(cli: RunCli, empty_store: Path) -> None:
    result = cli("audit", "--db", empty_store, "--entity", "rule")
    assert (result.code, result.out) == (0, "")
    assert "no audit entries match" in result.err
    csv_only = cli("audit", "--db", empty_store, "--entity", "rule", "--format", "csv")
    assert csv_only.out == "id,at,actor,entity,entity_id,action,before,after\r\n"


@pytest.mark.parametrize(("argv", "needle"), [
    (["--since", "yesterday"], "--since 'yesterday' is not a date"),
    (["--until", "2026-13-01"], "--until '2026-13-01' is not a date"),
])
def test_audit_refuses_a_bad_date(cli: RunCli, empty_store: Path, argv: list[str],
                                  needle: str) -> None:
    cli("audit", "--db", empty_store, *argv).assert_clean_error(2, needle)


def test_audit_needs_a_store(cli: RunCli, tmp_path: Path) -> None:
    cli("audit").assert_clean_error(2, "needs --db")
    cli("audit", "--db", tmp_path / "none.db").assert_clean_error(2, "no store at")
