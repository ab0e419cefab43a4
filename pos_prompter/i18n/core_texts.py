"""Texts the core writes for people, listed for the translation catalog (context "core"):
the core imports no Qt, so its sentences are translated where they are shown, with
translate("core", text). A test checks that each is still the core's own. Nothing imports
this module but that test: lupdate reads it."""

from __future__ import annotations

from pos_prompter.i18n import QT_TRANSLATE_NOOP

SETTING_MEANINGS = (
    QT_TRANSLATE_NOOP("core", 'never more prompts than this in one order (whole number)'),
    QT_TRANSLATE_NOOP("core", "an offer may add at most this times the trigger line's price"),
    QT_TRANSLATE_NOOP("core", '3-letter currency code, e.g. USD'),
    QT_TRANSLATE_NOOP("core", "at this many scans a minute an order gets only its single "
                              "highest-ranked prompt (0 = off)"),
    QT_TRANSLATE_NOOP("core", "the shop's name, shown in the window title"),
    QT_TRANSLATE_NOOP("core", "rank clerks by offers made and accepted in reports: on or off "
                              "(default off)"),
    QT_TRANSLATE_NOOP("core", 'paid orders a clerk needs in the period to be ranked (default 20)'),
    QT_TRANSLATE_NOOP("core", "the till backs the store up beside it every this many minutes, 5 "
                              "to 1440 (default 30)"),
    QT_TRANSLATE_NOOP("core", 'automatic backups are kept this many days, 1 to 366 (default 7)'),
    QT_TRANSLATE_NOOP("core", "the language of the window and the command line: en or es "
                              "(default: the system's)"),
    QT_TRANSLATE_NOOP("core", "the till's colours: light or dark (default: the system's)"),
)
"""core.store_settings.STORE_SETTINGS' meanings (`pos-prompter settings`)."""

LEVEL_WORDS = (QT_TRANSLATE_NOOP("core", "easy"), QT_TRANSLATE_NOOP("core", "medium"),
               QT_TRANSLATE_NOOP("core", "hard"))
"""core.scenario.LEVELS' words (a scenario's level, at the till and in `practice list`)."""
