"""Fixtures for the command-line tests: real store files in tmp_path, the CLI run in-process
(`main([...])` with capsys, fast) or as a real subprocess (`python -m pos_prompter`, see
cli_support.run_subprocess).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import SPEC_DIR, Result, RunCli, build_store

from pos_prompter.cli import main


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> RunCli:
    """cli("import", "catalog", path, "--db", db) -> Result, in this process."""

    def run(*args: object) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def _built_stores() -> dict[str, Path]:
    """Stores built once per session (spec cafe, each demo); tests get copies."""
    return {}


@pytest.fixture
def store_copy(_built_stores: dict[str, Path], tmp_path_factory: pytest.TempPathFactory,
               tmp_path: Path) -> Callable[[str], Path]:
    """store_copy("spec") or store_copy("cafe"): a fresh copy of that store in tmp_path."""

    def copy(name: str) -> Path:
        if name not in _built_stores:
            folder = tmp_path_factory.mktemp(f"store-{name}")
            if name == "spec":
                _built_stores[name] = build_store(folder / "spec.db",
                                                  catalog=SPEC_DIR / "catalog.csv",
                                                  rules=SPEC_DIR / "rules.yaml")
            else:
                _built_stores[name] = build_store(folder / f"{name}.db", demo=name)
        target = tmp_path / f"{name}.db"
        shutil.copyfile(_built_stores[name], target)
        return target

    return copy


@pytest.fixture
def spec_store(store_copy: Callable[[str], Path]) -> Path:
    """A store with the spec's example catalog and rules."""
    return store_copy("spec")


@pytest.fixture
def empty_store(tmp_path: Path) -> Path:
    return build_store(tmp_path / "empty.db")
