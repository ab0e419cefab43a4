"""The help's placeholders in Spanish (issue 14.3): `--db RUTA`, `ORDEN`, `add NOMBRE`,
option names unchanged; every placeholder the command line uses is in the catalog (a new
one left English fails here); English help as before."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from pos_prompter.cli import build_parser
from pos_prompter.cli.metavars import METAVARS

LITERAL = {"verify"}
"""Metavars that are a word to type (`audit verify`), not a placeholder."""
LANGUAGE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def metavars(parser: argparse.ArgumentParser) -> Iterator[str]:
    for action in parser._actions:
        if isinstance(action.metavar, str):
            yield action.metavar
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from metavars(sub)


def run(*args: str, lang: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in LANGUAGE_VARS and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["LANG"] = lang
    return subprocess.run([sys.executable, "-m", "pos_prompter", *args], capture_output=True,
                          encoding="utf-8", env=env, timeout=120, check=False)


def test_every_placeholder_is_in_the_catalog() -> None:
    used = set(metavars(build_parser()))
    assert used - LITERAL <= METAVARS, used - LITERAL - METAVARS


@pytest.mark.usefixtures("spanish")
def test_every_placeholder_is_spanish() -> None:
    used = set(metavars(build_parser())) - LITERAL
    assert {"RUTA", "ORDEN", "NOMBRE", "ARCHIVO.yaml", "CLAVE=VALOR", "QUÉ", "QUIÉN"} <= used
    left = used & (METAVARS - {"N", "S"})  # N and S are the same letters in Spanish
    assert not left, left


@pytest.mark.slow
@pytest.mark.usefixtures("built_catalogs")
def test_the_real_help_and_its_errors_in_spanish() -> None:
    helped = run("--help", lang="es_ES.UTF-8").stdout
    assert "[--db RUTA]" in helped
    assert "ORDEN ..." in helped
    assert "PATH" not in helped
    assert "COMMAND" not in helped
    staff = run("staff", "add", "--help", lang="es_ES.UTF-8").stdout
    assert "NOMBRE" in staff
    assert "--role" in staff  # option names stay
    missing = run("import", "catalog", lang="es_ES.UTF-8")
    assert missing.returncode == 2
    assert missing.stderr.endswith("se requieren los siguientes argumentos: ARCHIVO.csv\n")
    english = run("--help", lang="en_US.UTF-8").stdout
    assert "[--db PATH]" in english
    assert "COMMAND ..." in english
