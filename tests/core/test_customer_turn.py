"""A scenario customer at the practice till (core.customer_turn): how they answer the
trainee's offer and explanation, always the same words for the same offer, and what is kept
of each prompt for the scorecard. Scoring itself: test_scoring.py; a whole game:
tests/practice/test_game.py."""

from __future__ import annotations

from pos_prompter.core.customer_turn import NO_LINES, WHY_LINES, YES_LINES, CustomerTurn
from pos_prompter.core.scenario import Customer

SAM = Customer("Sam", ("LATTE-T",), answers={"size-up": "accept", "croissant": "why-then-accept",
                                              "cookie": "why-then-decline"})


def turn() -> CustomerTurn:
    return CustomerTurn(SAM, 1)


def test_no_prompt_on_screen_no_reaction() -> None:
    t = turn()
    assert t.offer() is None
    assert t.explain() is None
    assert t.records == []


def test_a_customer_who_wants_it_says_yes_to_the_offer() -> None:
    t = turn()
    t.prompt_shown("size-up", "a Grande", 50)
    reaction = t.offer()
    assert reaction is not None
    assert (reaction.rule_id, reaction.word) == ("size-up", "accept")
    assert reaction.text in YES_LINES
    assert t.records[0].offered
    assert t.explain() is None, "nobody asked why"


def test_a_customer_without_an_answer_declines() -> None:
    t = turn()
    t.prompt_shown("muffin", "a Muffin", 300)
    reaction = t.offer()
    assert reaction is not None
    assert reaction.word == "decline"
    assert reaction.text in NO_LINES


def test_a_customer_who_asks_why_waits_for_the_explanation() -> None:
    t = turn()
    t.prompt_shown("croissant", "a croissant for 2.00", 200, saving=125)
    asked = t.offer()
    assert asked is not None
    assert asked.word == "why"
    assert asked.text in WHY_LINES
    assert t.waiting_for_why
    answered = t.explain()
    assert answered is not None
    assert answered.word == "accept"
    assert not t.waiting_for_why
    t.prompt_shown("cookie", "a cookie", 225)
    assert t.offer() is not None
    declined = t.explain()
    assert declined is not None
    assert declined.word == "decline"


def test_the_same_customer_says_the_same_thing_to_the_same_offer() -> None:
    def said() -> list[object]:
        t = turn()
        reactions = []
        for n in range(12):
            t.prompt_shown(f"offer-{n}", "something", 100)
            reactions.append(t.offer())
        return reactions

    assert said() == said()


def test_what_the_trainee_recorded_is_kept_for_the_scorecard() -> None:
    t = turn()
    t.prompt_shown("size-up", "a Grande", 50)
    t.prompt_repriced("size-up", 100, None)  # two lattes now
    t.prompt_repriced("muffin", 999, None)  # not the one on screen
    t.offer()
    t.prompt_left("size-up", "accepted")
    assert t.current is None
    t.prompt_shown("muffin", "a Muffin", 300)
    t.prompt_left("other-rule", "declined")  # not the one on screen: nothing changes
    assert t.current is not None
    t.prompt_left("muffin", "ignored")
    [size_up, muffin] = t.records
    assert (size_up.delta, size_up.recorded, size_up.recorded_right) == (100, "accepted", True)
    assert not muffin.offered
    assert muffin.recorded is None, "left unanswered"
    full = t.score(["LATTE-T"], [("LATTE-T", 1)])
    assert 0 < full.points < full.possible, "the size-up done right, the muffin not offered"
