"""Words of the rule form that come from the core (which imports no Qt and writes English),
listed for the translation catalog and said in the window's language: the weekdays' boxes
and what each placeholder of `say` and `why` means (core.rule_model.PLACEHOLDERS; a test
checks they are still the core's own)."""

from __future__ import annotations

from pos_prompter.i18n import QT_TRANSLATE_NOOP, translate

DAY_TEXT = {"mon": QT_TRANSLATE_NOOP("editor", "Mon"), "tue": QT_TRANSLATE_NOOP("editor", "Tue"),
            "wed": QT_TRANSLATE_NOOP("editor", "Wed"), "thu": QT_TRANSLATE_NOOP("editor", "Thu"),
            "fri": QT_TRANSLATE_NOOP("editor", "Fri"), "sat": QT_TRANSLATE_NOOP("editor", "Sat"),
            "sun": QT_TRANSLATE_NOOP("editor", "Sun")}
"""A weekday's box, in English (core.rule_model.DAYS capitalised)."""

PLACEHOLDER_MEANINGS = (
    QT_TRANSLATE_NOOP("core", "name of the trigger line's product"),
    QT_TRANSLATE_NOOP("core", "name of the offered product (or bundle items joined by ' + ')"),
    QT_TRANSLATE_NOOP("core", "price the customer pays for the offer"),
    QT_TRANSLATE_NOOP("core", "what accepting adds to the order total"),
    QT_TRANSLATE_NOOP("core", "size label of the upgrade target"),
    QT_TRANSLATE_NOOP("core", "extra quantity of the upgrade"),
    QT_TRANSLATE_NOOP("core", "unit of the upgrade's quantity"),
    QT_TRANSLATE_NOOP("core", "how much cheaper per unit the upgrade is, as a percentage"),
    QT_TRANSLATE_NOOP("core", "bundle: what the customer saves against buying the items "
                              "separately"),
    QT_TRANSLATE_NOOP("core", "threshold: how far the order is below the reward total"),
    QT_TRANSLATE_NOOP("core", "share of past orders with the trigger item that also had the "
                              "offer"),
)
"""core.rule_model.PLACEHOLDERS' meanings, in its order."""


def day_text(day: str) -> str:
    """A weekday's box ("mon" -> "Mon", "Lun")."""
    return translate("editor", DAY_TEXT[day])


def meaning(text: str) -> str:
    """A placeholder's meaning (one of core.rule_model.PLACEHOLDERS' values), translated."""
    return translate("core", text)
