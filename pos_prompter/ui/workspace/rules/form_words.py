"""Words of the rule form that come from the core, said in the window's language: the
weekdays' boxes (core.rule_model.DAY_LABELS) and what each placeholder of `say` and `why`
means (core.rule_model.PLACEHOLDERS). The core marks them for the catalog (core.said)."""

from __future__ import annotations

from pos_prompter.core.rule_model import DAY_LABELS, PLACEHOLDERS
from pos_prompter.i18n import say

DAY_TEXT = DAY_LABELS
"""A weekday's box, in English (core.rule_model.DAYS capitalised)."""

PLACEHOLDER_MEANINGS = tuple(PLACEHOLDERS.values())
"""core.rule_model.PLACEHOLDERS' meanings, in its order."""


def day_text(day: str) -> str:
    """A weekday's box ("mon" -> "Mon", "Lun")."""
    return say(DAY_LABELS[day])


def meaning(text: str) -> str:
    """A placeholder's meaning (one of core.rule_model.PLACEHOLDERS' values), translated."""
    return say(text)
