"""The rule form's problems (parse_rule's, in core.rule_words' rewording) said in Spanish,
the values they quote kept; English is the core's own."""

from __future__ import annotations

import pytest
from spanish_check import english_left, spanish  # noqa: F401 - the fixture, used by name

from pos_prompter import i18n
from pos_prompter.ui.workspace.rules.form_values import NEW_RULE, check_form
from pos_prompter.ui.workspace.rules.problem_words import problem_text

PROBLEMS = (
    ("is required (a short name for the rule)", "es obligatorio (un nombre corto para la regla)"),
    ("'abc' is not an amount of money", "'abc' no es un importe de dinero"),
    ("'Latte!' cannot be a rule code: use lower-case letters, digits and dashes (at most 64), "
     "such as latte-size-up", "'Latte!' no puede ser un código de regla: use minúsculas, "
     "cifras y guiones (64 como mucho), como latte-size-up"),
    ("'2026-13-01' is not a date like 2026-12-01", "'2026-13-01' no es una fecha como 2026-12-01"),
)


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
