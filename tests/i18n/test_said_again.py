"""pos_prompter.i18n.said_again: a core sentence said again in the window's language by its
English pattern, with the parts it names kept as they are."""

from __future__ import annotations

import pytest

from pos_prompter.i18n.said_again import SaidAgain

REASONS = ((r"the rule is inactive", "the rule is inactive"),
           (r"the order total is below (?P<amount>.+)", "the order total is below {amount}"))
"""Two of the engine's reasons (their catalog texts are the engine's own, context "skip")."""

SKIP = SaidAgain("skip", REASONS)


def test_english_is_left_as_the_core_wrote_it() -> None:
    assert SKIP("the rule is inactive") == "the rule is inactive"
    assert SKIP("no pattern knows this") == "no pattern knows this"


def test_match_names_the_catalog_text_and_the_parts() -> None:
    assert SKIP.match("the order total is below $5.00") == (
        "the order total is below {amount}", {"amount": "$5.00"})
    assert SKIP.match("the order total is below") is None, "a whole sentence, not a prefix"


@pytest.mark.usefixtures("spanish")
def test_spanish_translates_and_keeps_the_parts() -> None:
    said = SKIP("the order total is below $5.00")
    assert said != "the order total is below $5.00"
    assert "$5.00" in said
    assert SKIP("no pattern knows this") == "no pattern knows this"
