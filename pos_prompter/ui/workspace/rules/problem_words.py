"""The rule form's problems in the window's language: parse_rule's problems and
core.rule_words' rewordings of them carry their catalog text (core.said), said by
i18n.say; any other text is shown as it is."""

from __future__ import annotations

from pos_prompter.i18n import say


def problem_text(text: str) -> str:
    """A problem of the rule form in the current language."""
    return say(text)
