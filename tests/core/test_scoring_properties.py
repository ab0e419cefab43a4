"""Property tests for practice scoring (shared/spec/practice.md "Scoring"): random customers,
random answers and random trainees, played through `CustomerTurn` as the practice till does.

- the score is always 0..100, and points never exceed possible;
- a perfect trainee (rings exactly the items, offers every prompt, explains when asked,
  records what the customer says) scores 100 whatever the answers and however many prompts;
- doing less than the perfect trainee never scores more;
- `percent` is Decimal ROUND_HALF_UP of 100 x points / possible.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pos_prompter.core.customer_turn import CustomerTurn
from pos_prompter.core.scenario import ANSWERS, Customer
from pos_prompter.core.scoring import (
    CustomerScore,
    item_points,
    percent,
    prompt_points,
    score_scenario,
)

FAST = settings(max_examples=200, deadline=None)
SKUS = ["LATTE-T", "LATTE-G", "CROISSANT", "MUFFIN-BB", "MUG-TRAVEL"]
RECORD = {"accept": "accepted", "decline": "declined"}


@dataclass(frozen=True)
class Visit:
    """A customer: what they came for and their answer to each prompt the till shows."""

    wanted: tuple[str, ...]
    answers: tuple[str, ...]
    """One per prompt shown, in order (rule r1, r2, ...)."""

    @property
    def customer(self) -> Customer:
        return Customer(name="Pat", items=self.wanted,
                        answers={f"r{i}": a for i, a in enumerate(self.answers, start=1)})


visits = st.builds(
    Visit,
    wanted=st.lists(st.sampled_from(SKUS), min_size=1, max_size=6).map(tuple),
    answers=st.lists(st.sampled_from(ANSWERS), max_size=8).map(tuple),
)


def lines_of(wanted: tuple[str, ...], split: list[bool]) -> list[tuple[str, int]]:
    """Exactly the wanted units as till lines: a unit joins the line before it when its
    SKU is the same and `split` says so (one line of 2, or two lines of 1)."""
    lines: list[tuple[str, int]] = []
    for i, sku in enumerate(sorted(wanted)):
        if lines and lines[-1][0] == sku and split[i % len(split)]:
            lines[-1] = (sku, lines[-1][1] + 1)
        else:
            lines.append((sku, 1))
    return lines


@dataclass(frozen=True)
class Steps:
    """What the trainee does with one prompt."""

    offer: bool = True
    explain: bool = True
    """Explain when the customer asks why."""
    record: bool = True
    """Record what the customer said (False: move on, the prompt is ignored)."""


def serve(visit: Visit, steps: list[Steps], rung: list[tuple[str, int]]) -> CustomerScore:
    """Play one customer: each prompt shown in turn, the trainee's steps, then pay."""
    turn = CustomerTurn(visit.customer, 1)
    for i, answer in enumerate(visit.answers, start=1):
        step = steps[(i - 1) % len(steps)] if steps else Steps()
        rule = f"r{i}"
        turn.prompt_shown(rule, f"offer {i}", 100 * i, None)
        word = None
        if step.offer:
            reaction = turn.offer()
            assert reaction is not None
            word = reaction.word
            if word == "why" and step.explain:
                reaction = turn.explain()
                assert reaction is not None
                word = reaction.word
            if word == "why":          # unexplained: the customer's no
                word = "decline"
            expected = ("decline" if answer.startswith("why") and not step.explain
                        else answer.removeprefix("why-then-"))
            assert word == expected
        turn.prompt_left(rule, RECORD[word] if step.record and word else "ignored")
    return turn.score(visit.wanted, rung)


def perfect(visit: Visit) -> CustomerScore:
    return serve(visit, [Steps()], [(sku, n) for sku, n in Counter(visit.wanted).items()])


@FAST
@given(st.lists(visits, min_size=1, max_size=5), st.integers(0, 100),
       st.lists(st.booleans(), min_size=1, max_size=6))
def test_a_perfect_trainee_scores_100(customers: list[Visit], pass_score: int,
                                      split: list[bool]) -> None:
    """Rings exactly the items (in any split of lines), offers every prompt, explains when
    asked and records what the customer says: every point possible is earned, 100, passed
    at any pass_score. Possible is items + 2 per prompt + 1 per why-customer (all offered)."""
    cards = []
    for visit in customers:
        card = serve(visit, [Steps()], lines_of(visit.wanted, split))
        whys = sum(a.startswith("why") for a in visit.answers)
        assert card.possible == len(visit.wanted) + 2 * len(visit.answers) + whys
        assert card.points == card.possible
        cards.append(card)
    result = score_scenario(cards, pass_score)
    assert result.score == 100
    assert result.passed


steps = st.builds(Steps, offer=st.booleans(), explain=st.booleans(), record=st.booleans())


@FAST
@given(visits, st.lists(steps, min_size=1, max_size=8),
       st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 3)), max_size=6))
def test_doing_less_never_scores_more_than_perfect(visit: Visit, trainee: list[Steps],
                                                   rung: list[tuple[str, int]]) -> None:
    """A trainee who skips steps (offer, explain, record) and rings any lines earns no more
    points than the perfect trainee on the same customer, and no higher score."""
    best = perfect(visit)
    card = serve(visit, trainee, rung)
    assert 0 <= card.points <= best.points
    assert percent(card.points, card.possible) <= percent(best.points, best.possible) == 100


@FAST
@given(visits, st.lists(steps, min_size=1, max_size=8))
def test_skipping_a_step_never_earns_more_for_that_prompt(visit: Visit,
                                                          trainee: list[Steps]) -> None:
    """Prompt by prompt: points never above the perfect trainee's for the same prompt; a
    prompt is 3 possible exactly when it was offered to a why-customer, 2 otherwise."""
    turn = CustomerTurn(visit.customer, 1)
    best = CustomerTurn(visit.customer, 1)
    for i in range(1, len(visit.answers) + 1):
        rule, step = f"r{i}", trainee[(i - 1) % len(trainee)]
        for who, s in ((turn, step), (best, Steps())):
            who.prompt_shown(rule, rule, 100, None)
            word = None
            if s.offer:
                reaction = who.offer()
                assert reaction is not None
                word = reaction.word
                if word == "why" and s.explain:
                    reaction = who.explain()
                    assert reaction is not None
                    word = reaction.word
            word = "decline" if word == "why" else word
            who.prompt_left(rule, RECORD[word] if s.record and word else "ignored")
    for mine, perfect_one, answer in zip(turn.records, best.records, visit.answers,
                                         strict=True):
        p, q = prompt_points(mine)
        bp, bq = prompt_points(perfect_one)
        assert (bp, bq) == ((3, 3) if answer.startswith("why") else (2, 2))
        assert 0 <= p <= bp
        assert q == (3 if mine.offered and answer.startswith("why") else 2)


actions = st.lists(st.sampled_from(["offer", "explain", "accepted", "declined", "ignored",
                                    "next"]), max_size=30)


@FAST
@given(visits, actions, st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 5)),
                                 max_size=8), st.integers(0, 100))
def test_any_trainee_scores_0_to_100(visit: Visit, script: list[str],
                                     rung: list[tuple[str, int]], pass_score: int) -> None:
    """Whatever the trainee presses, in any order (offers and explains with no prompt on
    screen, records twice, moving on): 0 <= points <= possible and 0 <= score <= 100."""
    turn = CustomerTurn(visit.customer, 1)
    shown = 0
    for action in script:
        if action == "next" or turn.current is None:
            if shown < len(visit.answers):
                shown += 1
                turn.prompt_shown(f"r{shown}", "x", 50, 25)
            continue
        if action == "offer":
            turn.offer()
        elif action == "explain":
            turn.explain()
        else:
            turn.prompt_left(turn.current.rule_id, action)
    card = turn.score(visit.wanted, rung)
    assert 0 <= card.points <= card.possible
    assert card.possible >= len(visit.wanted) + 2 * shown
    result = score_scenario([card], pass_score)
    assert 0 <= result.score <= 100
    assert result.passed is (result.score >= pass_score)


@FAST
@given(st.lists(st.sampled_from(SKUS), min_size=1, max_size=8),
       st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 4)), max_size=8),
       st.integers(1, 5))
def test_each_unit_off_the_list_costs_one_point_never_below_zero(
        wanted: list[str], rung: list[tuple[str, int]], k: int) -> None:
    """"less one for each unit rung up that is not on the list; the item points are never
    below 0": k more units of a product nobody wants take k points off, floored at 0; the
    possible stays the number of entries."""
    points, possible = item_points(wanted, rung)
    assert possible == len(wanted)
    assert 0 <= points <= possible
    assert item_points(wanted, [*rung, ("NOT-WANTED", k)]) == (max(0, points - k), possible)


@FAST
@given(st.integers(1, 10**9).flatmap(lambda q: st.tuples(st.integers(0, q), st.just(q))))
def test_percent_is_decimal_round_half_up(pq: tuple[int, int]) -> None:
    """"`score` = 100 x points / possible rounded half up"."""
    points, possible = pq
    expected = (Decimal(100 * points) / Decimal(possible)).quantize(
        Decimal(1), rounding=ROUND_HALF_UP)
    assert percent(points, possible) == int(expected)


@FAST
@given(st.integers(1, 2000).flatmap(lambda q: st.tuples(st.integers(0, q), st.just(q))))
def test_percent_is_decimal_round_half_up_for_small_fractions(pq: tuple[int, int]) -> None:
    """The same, where halves are common (possible up to 2000)."""
    points, possible = pq
    expected = (Decimal(100 * points) / Decimal(possible)).quantize(
        Decimal(1), rounding=ROUND_HALF_UP)
    assert percent(points, possible) == int(expected)
