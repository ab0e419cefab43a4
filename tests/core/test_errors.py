"""The errors a user reads (core.errors): one sentence, whatever the number of problems; and
the families the command line maps to its exit codes (InputError 2, ValidationError 1)."""

from __future__ import annotations

from pos_prompter.core.errors import InputError, UserError, ValidationError


def test_a_refusal_says_what_was_refused_the_first_problem_and_how_many_more() -> None:
    error = ValidationError(["line 2: bad price", "line 3: bad price", "line 9: no sku"],
                            what="catalog")
    assert str(error) == ("catalog refused, nothing was changed: line 2: bad price "
                          "(and 2 more)")
    assert error.problems == ["line 2: bad price", "line 3: bad price", "line 9: no sku"]
    assert error.what == "catalog"


def test_one_problem_is_the_whole_sentence() -> None:
    assert str(ValidationError(["line 1: the file is empty"])) == (
        "input refused, nothing was changed: line 1: the file is empty")
    assert str(ValidationError([])) == "input refused, nothing was changed: unknown problem"


def test_the_problems_are_the_errors_own_copy() -> None:
    found = ["line 2: bad price"]
    error = ValidationError(found)
    found.append("added later")
    assert error.problems == ["line 2: bad price"]


def test_both_kinds_are_errors_a_user_can_fix() -> None:
    assert issubclass(InputError, UserError)
    assert issubclass(ValidationError, UserError)
    assert not issubclass(ValidationError, InputError), "refused (1) is not bad usage (2)"
