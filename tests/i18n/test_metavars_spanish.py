"""The help's placeholders in Spanish (issue 14.3): `--db RUTA`, `ORDEN`, `add NOMBRE`,
option names unchanged; every placeholder the command line uses is in the catalog (a new
one left English fails here); English help as before."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest
from program import run_program as run

from pos_prompter.cli import build_parser
from pos_prompter.cli.metavars import METAVARS

LITERAL = {"verify"}
"""Metavars that are a word to type (`audit verify`), not a placeholder."""


def metavars(parser: argparse.ArgumentParser) -> Iterator[str]:
    for action in parser._actions:
        if isinstance(action.metavar, str):
            yield action.metavar
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from metavars(sub)




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
