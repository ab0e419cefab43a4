"""The rule form's problems in the window's language. parse_rule's problems and
core.rule_words' rewordings of them carry their catalog text (core.said) and are said by
i18n.say. One English text is left to match by its pattern: the holdout's problem with
core.rule_words' "(not incl.)" spelled out, which is no sentence of the catalog's own. A
problem no pattern knows is shown as the core wrote it."""

from __future__ import annotations

from pos_prompter.core.said import Said
from pos_prompter.i18n import QT_TRANSLATE_NOOP, say
from pos_prompter.i18n.said_again import SaidAgain

PROBLEMS: tuple[tuple[str, str], ...] = (
    # core.rule_words' one change of a problem it does not reword
    (r"(?P<value>.+) must be a share from 0 up to \(not including\) 1, with at most "
     r"(?P<places>\d+) decimals",
     QT_TRANSLATE_NOOP("problems", "{value} must be a share from 0 up to (not including) 1, "
                       "with at most {places} decimals")),
)
"""(the core's English problem as a pattern, its text for the catalog)."""

_REWORDED = SaidAgain("problems", PROBLEMS)


def problem_text(text: str) -> str:
    """A problem of the rule form in the current language: a core sentence (core.said) said
    by i18n.say; an English rewording by its pattern (as it is when no pattern knows it)."""
    if isinstance(text, Said):
        return say(text)
    return _REWORDED(text)
