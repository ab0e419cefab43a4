"""The rule form's problems (parse_rule's, in core.rule_words' rewording) said in Spanish,
the values they quote kept; English is the core's own."""

from __future__ import annotations

import pytest
from spanish_check import english_left, spanish  # noqa: F401 - the fixture, used by name

from pos_prompter import i18n
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.money import MoneyError, parse_money
from pos_prompter.core.rule_fields import Problems, parse_date
from pos_prompter.core.rule_words import manager_message
from pos_prompter.core.rules import parse_rule
from pos_prompter.ui.workspace.rules.form_values import NEW_RULE, check_form
from pos_prompter.ui.workspace.rules.problem_words import problem_text


def _message(problem: str) -> str:
    """What a problem of parse_rule says of its field (the core's sentence, core.said)."""
    message = getattr(problem, "fields", {}).get("message")
    assert isinstance(message, str), problem
    return message


def _title_missing() -> str:
    try:
        parse_rule(dict(NEW_RULE, id="a", say="Hi"), 1)
    except ValidationError as exc:
        return _message(exc.problems[0])
    raise AssertionError("a rule with no title is refused")


def _not_money() -> str:
    try:
        parse_money(["abc"])
    except MoneyError as exc:
        message: str = exc.args[0]
        return message
    raise AssertionError("a list is no amount")


def _not_a_date() -> str:
    problems = Problems()
    parse_date("2026-13-01", "rule a", "when.time.from", problems)
    return _message(problems.items[0])


def _rule_code() -> str:
    """core.rule_words' rewording of parse_rule's problem with a bad id."""
    try:
        parse_rule(dict(NEW_RULE, id="Latte!", title="T", say="Hi"), 1)
    except ValidationError as exc:
        return manager_message("id", _message(exc.problems[0]))
    raise AssertionError("a bad id is refused")


def _holdout() -> str:
    """The holdout's problem with core.rule_words' "(not including)" spelled out."""
    try:
        parse_rule(dict(NEW_RULE, id="a", title="T", say="Hi", holdout=2), 1)
    except ValidationError as exc:
        return manager_message("holdout", _message(exc.problems[0]))
    raise AssertionError("a holdout of 2 is refused")


PROBLEMS = (
    (_title_missing(), "es obligatorio (un nombre corto para la regla)"),
    (_not_money(), "['abc'] no es un importe de dinero"),
    (_rule_code(), "'Latte!' no puede ser un código de regla: use minúsculas, "
     "cifras y guiones (64 como mucho), como latte-size-up"),
    (_holdout(), "2 debe ser una proporción desde 0 hasta 1 (sin incluirlo), con 6 decimales "
                 "como mucho"),
    (_not_a_date(), "'2026-13-01' no es una fecha como 2026-12-01"),
)
"""parse_rule's own problems (as the core writes them) and a core.rule_words rewording."""


@pytest.mark.usefixtures("spanish")
@pytest.mark.parametrize(("problem", "said"), PROBLEMS)
def test_each_problem_in_spanish(problem: str, said: str) -> None:
    assert problem_text(problem) == said


@pytest.mark.usefixtures("spanish")
def test_an_empty_form_says_what_is_missing_in_spanish() -> None:
    check = check_form(dict(NEW_RULE), [], published=False)
    said = [text for texts in check.problems.values() for text in texts]
    assert said, "an empty form has problems"
    for text in said:
        assert english_left(text, ["latte-size-up"]) == [], text


def test_english_is_the_core_s_own_and_an_unknown_problem_stays() -> None:
    i18n.use_language("en")
    for problem, _said in PROBLEMS:
        assert problem_text(problem) == problem
    assert problem_text("a problem nobody wrote a pattern for") == \
        "a problem nobody wrote a pattern for"
