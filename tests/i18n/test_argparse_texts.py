"""argparse's own texts ("usage:", "options", its errors) come out in Spanish when Spanish is
chosen, and in English again after."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from pos_prompter import i18n
from pos_prompter.i18n.argparse_texts import TEXTS


def _run(parser: argparse.ArgumentParser, args: list[str],
         capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        parser.parse_args(args)
    captured = capsys.readouterr()
    return captured.out + captured.err


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="p")
    parser.add_argument("file")
    parser.add_argument("--n", type=int)
    return parser


def test_argparse_speaks_spanish_under_spanish_and_english_after(
        built_catalogs: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert i18n.use_language("es")
    try:
        help_text = _run(_parser(), ["--help"], capsys)
        assert help_text.startswith("uso: p")
        assert "argumentos posicionales" in help_text
        assert "muestra esta ayuda y termina" in help_text
        assert "se requieren los siguientes argumentos: file" in _run(_parser(), [], capsys)
        assert "valor int no válido: 'x'" in _run(_parser(), ["f", "--n", "x"], capsys)
    finally:
        i18n.use_language("en")
    assert _run(_parser(), ["--help"], capsys).startswith("usage: p")


def test_the_listed_texts_are_argparse_s_own() -> None:
    source = Path(argparse.__file__).read_text(encoding="utf-8")
    missing = [text for text in TEXTS if repr(text) not in source and
               f'"{text}"' not in source]
    assert not missing, f"argparse no longer has: {missing}"
