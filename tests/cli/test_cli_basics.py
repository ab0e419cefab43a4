"""The command line as a whole: entry points, help without a display, the window hand-off,
usage errors, exit codes and the no-traceback rule."""

from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import pytest
from cli_support import SPEC_DIR, RunCli, run_subprocess

import pos_prompter.cli.commands
from pos_prompter.cli import main

SHARED_EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "spec" / "examples"


def test_python_m_help_works_without_a_display() -> None:
    result = run_subprocess("--help")
    assert result.code == 0, result.err
    for command in ("init", "import", "export", "simulate"):
        assert command in result.out
    assert result.err == ""


def test_console_script_works() -> None:
    """The `pos-prompter` script that pip made from [project.scripts]."""
    script = shutil.which("pos-prompter", path=str(Path(sys.prefix) / "bin"))
    script = script or shutil.which("pos-prompter")
    assert script, "the pos-prompter console script is not installed (pip install -e .)"
    result = run_subprocess("--help", program=[script])
    assert result.code == 0, result.err
    assert result.out.startswith("usage: pos-prompter")
    assert "simulate" in result.out


def test_subcommands_never_import_qt(tmp_path: Path) -> None:
    """--help and every subcommand run headless: Qt is imported only to open the window."""
    db, script = tmp_path / "s.db", SPEC_DIR / "01-upsell-then-bundle.txt"
    code = (
        "import sys\n"
        "from pos_prompter.cli import main\n"
        f"assert main(['init', '--db', {str(db)!r}, '--demo', 'cafe']) == 0\n"
        f"assert main(['export', 'rules', '--db', {str(db)!r}]) == 0\n"
        f"assert main(['simulate', '--db', {str(db)!r}, {str(script)!r}, '--dry-run']) == 0\n"
        "assert main(['--help']) == 0\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not qt, qt\n"
        "assert 'pos_prompter.app' not in sys.modules\n"
    )
    result = run_subprocess("-c", code, program=[sys.executable])
    assert result.code == 0, result.err


@pytest.mark.parametrize("argv", [
    ["init", "--help"], ["import", "--help"], ["import", "catalog", "--help"],
    ["import", "rules", "--help"], ["export", "rules", "--help"], ["simulate", "--help"],
])
def test_every_command_has_help(cli: RunCli, argv: list[str]) -> None:
    result = cli(*argv)
    assert result.code == 0
    assert "usage: pos-prompter" in result.out


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, bool]]:
    """Stand in for pos_prompter.app (the window): record how it was started."""
    calls: list[tuple[object, bool]] = []

    def run(db_path: Path | None, training: bool) -> int:
        calls.append((db_path, training))
        return 0

    module = types.ModuleType("pos_prompter.app")
    module.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pos_prompter.app", module)
    monkeypatch.setattr("pos_prompter.app", module, raising=False)
    return calls


def test_no_command_opens_the_window_on_the_default_store(
        cli: RunCli, fake_app: list[tuple[object, bool]]) -> None:
    assert cli().code == 0
    assert fake_app == [(None, False)]


def test_window_gets_db_and_training(cli: RunCli, fake_app: list[tuple[object, bool]],
                                     tmp_path: Path) -> None:
    assert cli("--db", tmp_path / "shop.db", "--training").code == 0
    assert fake_app == [(tmp_path / "shop.db", True)]


def test_window_exit_code_is_passed_on(monkeypatch: pytest.MonkeyPatch,
                                       fake_app: list[tuple[object, bool]]) -> None:
    monkeypatch.setattr(sys.modules["pos_prompter.app"], "run", lambda db, training: 3)
    assert main([]) == 3


@pytest.mark.parametrize(("argv", "needle"), [
    (["frobnicate"], "invalid choice"),
    (["import"], "required"),
    (["import", "orders-from-mars", "x"], "invalid choice"),
    (["export"], "required"),
    (["simulate"], "required"),
    (["init"], "--db"),
    (["import", "catalog", "x.csv"], "--db"),
    (["export", "rules"], "--db"),
    (["simulate", "script.txt"], "--db"),
    (["--no-such-option"], "unrecognized"),
])
def test_usage_errors_exit_2(cli: RunCli, argv: list[str], needle: str) -> None:
    cli(*argv).assert_clean_error(2, needle)


def test_db_may_come_before_the_command(cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    assert cli("--db", db, "init", "--demo", "shoes").code == 0
    assert cli("--db", db, "export", "rules").code == 0


def test_missing_store_is_one_sentence(cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    cli("export", "rules", "--db", missing).assert_clean_error(2, str(missing), "init")


def test_a_file_that_is_not_a_store(cli: RunCli, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my shopping notes, not a database\n" * 50)
    cli("export", "rules", "--db", bogus).assert_clean_error(2, str(bogus))


def test_debug_shows_the_traceback(cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "missing.csv"
    plain = cli("import", "catalog", missing, "--db", tmp_path / "x.db")
    plain.assert_clean_error(2, "does not exist")
    debug = cli("--debug", "import", "catalog", missing, "--db", tmp_path / "x.db")
    assert debug.code == 2
    assert "Traceback" in debug.err
    after = cli("import", "catalog", missing, "--db", tmp_path / "x.db", "--debug")
    assert "Traceback" in after.err


def test_a_bug_is_an_internal_error_not_a_traceback(
        cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the flux capacitor is empty")

    monkeypatch.setattr(pos_prompter.cli.commands, "init_store", broken)
    result = cli("init", "--db", tmp_path / "s.db")
    result.assert_clean_error(1, "internal error", "flux capacitor", "--debug")
    debug = cli("init", "--db", tmp_path / "s.db", "--debug")
    assert debug.code == 1
    assert "Traceback" in debug.err


def test_spec_example_copies_match_the_spec() -> None:
    """spec_examples/ is a verbatim copy of shared/spec/examples (when the spec is at hand)."""
    if not SHARED_EXAMPLES.is_dir():
        pytest.skip(f"the shared spec is not beside this checkout ({SHARED_EXAMPLES})")
    names = sorted(p.name for p in SHARED_EXAMPLES.iterdir() if p.is_file())
    assert names == sorted(p.name for p in SPEC_DIR.iterdir() if p.is_file())
    for name in names:
        assert (SPEC_DIR / name).read_bytes() == (SHARED_EXAMPLES / name).read_bytes(), name


def test_a_folder_that_cannot_be_made_is_one_sentence(cli: RunCli, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the store's folder should go")
    cli("init", "--db", blocker / "shop.db").assert_clean_error(2, str(blocker))
