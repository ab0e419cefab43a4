"""The placeholders of the command line's help (`--db PATH`, `add NAME`) in the reader's
language: the option names stay, the words standing for what a person types are
translated (context "metavar"). Literal choices (`audit verify`) are not placeholders and
stay as they are."""

from __future__ import annotations

import argparse

from pos_prompter.i18n import QT_TRANSLATE_NOOP, language, translate

METAVARS = frozenset((
    QT_TRANSLATE_NOOP("metavar", "COMMAND"), QT_TRANSLATE_NOOP("metavar", "D"),
    QT_TRANSLATE_NOOP("metavar", "FILE"), QT_TRANSLATE_NOOP("metavar", "FILE.csv"),
    QT_TRANSLATE_NOOP("metavar", "FILE.pdf"), QT_TRANSLATE_NOOP("metavar", "FILE.yaml"),
    QT_TRANSLATE_NOOP("metavar", "KEY=VALUE"), QT_TRANSLATE_NOOP("metavar", "N"),
    QT_TRANSLATE_NOOP("metavar", "NAME"), QT_TRANSLATE_NOOP("metavar", "PATH"),
    QT_TRANSLATE_NOOP("metavar", "S"), QT_TRANSLATE_NOOP("metavar", "SCRIPT"),
    QT_TRANSLATE_NOOP("metavar", "TEXT"), QT_TRANSLATE_NOOP("metavar", "WHAT"),
    QT_TRANSLATE_NOOP("metavar", "WHO"),
))
"""Every placeholder the command line's arguments use (a test checks none is left out)."""


def translate_metavars(parser: argparse.ArgumentParser) -> None:
    """Put every placeholder of `parser` and its subcommands in the current language (in
    English nothing is walked)."""
    if language() == "en":
        return
    for action in parser._actions:
        if isinstance(action.metavar, str) and action.metavar in METAVARS:
            action.metavar = translate("metavar", action.metavar)
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # aliases: once each
                translate_metavars(sub)
