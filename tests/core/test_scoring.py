"""shared/spec/practice.md "Scoring (pure, in the core; exactly this)", sentence by sentence.

Each test quotes the sentence it holds the code to; the expected figures are worked out by
hand in the test, never by the code under test. The prompt steps are played through
`CustomerTurn` (offer, explain, the prompt leaving the screen), as the practice till does.

Contract with the caller (item_points takes SKUs, not what was scanned): the practice
service resolves every `items` entry and every scanned code to its product's SKU
(barcode or SKU, `Catalog.lookup`), gives a line that an accepted upsell replaced as the SKU
it replaced, and leaves out the lines an accepted offer or a reward added.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_prompter.core.catalog import Catalog, parse_catalog_csv
from pos_prompter.core.customer_turn import CustomerTurn
from pos_prompter.core.scenario import Customer, parse_scenario
from pos_prompter.core.scoring import (
    CustomerScore,
    PromptRecord,
    item_points,
    percent,
    prompt_points,
    score_customer,
    score_scenario,
    unserved,
)

CAFE = Path(__file__).resolve().parents[2] / "resources" / "demo" / "cafe"
RULE = "breakfast-croissant"
RECORD = {"accept": "accepted", "decline": "declined"}


def turn_for(answer: str, name: str = "Sam") -> CustomerTurn:
    """A customer who answers the one rule RULE with `answer`."""
    return CustomerTurn(Customer(name=name, items=("LATTE-T",), answers={RULE: answer}), 1)


def play(answer: str, *, offer: bool = False, explain: bool = False,
         left: str = "ignored") -> tuple[int, int]:
    """One prompt shown to the trainee: optionally offered, then optionally explained, then
    it leaves the screen as `left` ("accepted"/"declined" recorded, "ignored" moved on)."""
    turn = turn_for(answer)
    turn.prompt_shown(RULE, "the croissant deal", 200, 125)
    if offer:
        turn.offer()
    if explain:
        turn.explain()
    turn.prompt_left(RULE, left)
    assert len(turn.records) == 1
    return prompt_points(turn.records[0])


# ------------------------------------------------------------------------------- items


def test_items_possible_is_the_number_of_entries_repeats_included() -> None:
    """"**Items**: `possible` += the number of entries in `items`."

    items [LATTE-T, LATTE-T, CROISSANT] are 3 entries: possible 3, whatever was rung."""
    wanted = ["LATTE-T", "LATTE-T", "CROISSANT"]
    assert item_points(wanted, [])[1] == 3
    assert item_points(wanted, [("LATTE-T", 2), ("CROISSANT", 1)])[1] == 3
    assert item_points(wanted, [("MUG-TRAVEL", 5)])[1] == 3


@pytest.mark.parametrize(("rung", "points"), [
    ([("LATTE-T", 2), ("CROISSANT", 1)], 3),               # one line of 2 latte: both count
    ([("LATTE-T", 1), ("LATTE-T", 1), ("CROISSANT", 1)], 3),  # two lines of 1: the same
    ([("CROISSANT", 1), ("LATTE-T", 2)], 3),               # order of lines does not matter
    ([("LATTE-T", 1), ("CROISSANT", 1)], 2),               # one latte short: 2 of 3
    ([("LATTE-T", 2)], 2),                                 # croissant missing: 2 of 3
    ([("CROISSANT", 1)], 1),
    ([], 0),
])
def test_items_points_count_the_entries_rung_up_as_a_multiset(
        rung: list[tuple[str, int]], points: int) -> None:
    """"`points` += the number of them rung up (as a multiset, counting quantities)"

    items [LATTE-T, LATTE-T, CROISSANT]; points counted by hand per case."""
    assert item_points(["LATTE-T", "LATTE-T", "CROISSANT"], rung) == (points, 3)


@pytest.mark.parametrize(("wanted", "rung", "points"), [
    # 1 latte wanted and rung, 1 muffin not on the list: 1 - 1 = 0
    (["LATTE-T"], [("LATTE-T", 1), ("MUFFIN-BB", 1)], 0),
    # 2 wanted and rung, 1 muffin extra: 2 - 1 = 1
    (["LATTE-T", "CROISSANT"], [("LATTE-T", 1), ("CROISSANT", 1), ("MUFFIN-BB", 1)], 1),
    # 3 wanted and rung; a third latte is a unit the list (two lattes) does not have: 3 - 1
    (["LATTE-T", "LATTE-T", "CROISSANT"], [("LATTE-T", 3), ("CROISSANT", 1)], 2),
    # 3 wanted and rung, a line of 2 muffins: 3 - 2 = 1
    (["LATTE-T", "LATTE-T", "CROISSANT"], [("LATTE-T", 2), ("CROISSANT", 1),
                                           ("MUFFIN-BB", 2)], 1),
    # the wrong size: 0 of the list rung, 1 unit off the list, floored at 0
    (["LATTE-T"], [("LATTE-G", 1)], 0),
])
def test_items_lose_one_point_per_unit_not_on_the_list(
        wanted: list[str], rung: list[tuple[str, int]], points: int) -> None:
    """"less one for each unit rung up that is not on the list"."""
    assert item_points(wanted, rung) == (points, len(wanted))


@pytest.mark.parametrize(("wanted", "rung"), [
    (["LATTE-T"], [("MUFFIN-BB", 3)]),                     # 0 - 3 would be -3
    (["LATTE-T", "CROISSANT"], [("LATTE-T", 1), ("MUG-TRAVEL", 4)]),  # 1 - 4 would be -3
    (["LATTE-T"], [("LATTE-T", 1), ("MUFFIN-BB", 1), ("COOKIE-OAT", 1)]),  # 1 - 2 = -1
])
def test_item_points_are_never_below_zero(wanted: list[str],
                                          rung: list[tuple[str, int]]) -> None:
    """"the item points are never below 0." (and a customer's points with them)"""
    assert item_points(wanted, rung) == (0, len(wanted))
    card = score_customer("Sam", wanted, rung, [])
    assert (card.points, card.possible) == (0, len(wanted))


def test_an_entry_is_rung_up_by_its_barcode_or_its_sku() -> None:
    """"An entry names a product: scanning either its barcode or its SKU rings it up."

    item_points takes SKUs: the caller resolves each entry and each scanned code with
    `Catalog.lookup` (barcode or SKU). Here an entry written as a barcode is met by a scan
    of the SKU, and an entry written as a SKU by a scan of the barcode (cafe demo catalog:
    LATTE-T is 2100000000012, CROISSANT is 2100000000197)."""
    catalog = Catalog(parse_catalog_csv((CAFE / "catalog.csv").read_text(encoding="utf-8")))

    def sku(code: str) -> str:
        product = catalog.lookup(code)
        assert product is not None, code
        return product.sku

    entries = ["2100000000012", "CROISSANT"]
    scanned = ["LATTE-T", "2100000000197"]
    wanted = [sku(e) for e in entries]
    rung = [(sku(code), 1) for code in scanned]
    assert wanted == ["LATTE-T", "CROISSANT"]
    assert item_points(wanted, rung) == (2, 2)


def test_a_line_replaced_by_an_accepted_upsell_counts_as_the_item_it_replaced() -> None:
    """"A line replaced by an accepted upsell counts as the item it replaced"

    The caller gives the replaced line as the SKU it replaced: Sam came for LATTE-T, the
    size-up made the line LATTE-G, and the line is passed as LATTE-T: 1 of 1. (Passed as
    what it became it would be 0 rung and 1 off the list, floored at 0: which is why the
    caller must pass the replaced SKU.)"""
    assert item_points(["LATTE-T"], [("LATTE-T", 1)]) == (1, 1)
    assert item_points(["LATTE-T", "LATTE-T"], [("LATTE-T", 2)]) == (2, 2)
    assert item_points(["LATTE-T"], [("LATTE-G", 1)]) == (0, 1)


def test_lines_added_by_an_accepted_offer_or_a_reward_are_not_counted() -> None:
    """"lines added by an accepted offer or a reward are not counted either way."

    The caller leaves those lines out: a croissant added by the accepted breakfast deal is
    neither a point (not wanted) nor a point off (not on the list). Sam: 1 of 1."""
    rung_by_trainee = [("LATTE-T", 1)]          # the croissant line the deal added is left out
    assert item_points(["LATTE-T"], rung_by_trainee) == (1, 1)
    card = score_customer("Sam", ["LATTE-T"], rung_by_trainee, [])
    assert (card.item_points, card.item_possible) == (1, 1)


# ------------------------------------------------------------------------------ prompts


@pytest.mark.parametrize("answer", ["accept", "decline"])
def test_each_prompt_shown_adds_two_possible(answer: str) -> None:
    """"**Each prompt shown** to the trainee for this customer: `possible` += 2"

    Not offered and left: 0 of 2; offered and recorded right: 2 of 2."""
    assert play(answer) == (0, 2)
    assert play(answer, offer=True, left=RECORD[answer]) == (2, 2)


def test_each_prompt_shown_adds_two_to_the_customer_and_the_items_add_theirs() -> None:
    """"**Each prompt shown** to the trainee for this customer: `possible` += 2" summed over
    a customer: items 2, three prompts shown (none offered): 2 + 3 x 2 = 8 possible."""
    turn = turn_for("accept")
    for rule in ("coffee-size-up", "breakfast-croissant", "mug-deal"):
        turn.prompt_shown(rule, rule, 100)
        turn.prompt_left(rule, "ignored")
    card = turn.score(["LATTE-T", "CROISSANT"], [("LATTE-T", 1), ("CROISSANT", 1)])
    assert (card.points, card.possible) == (2, 8)


@pytest.mark.parametrize("answer", ["why-then-accept", "why-then-decline"])
def test_one_more_possible_when_the_customer_asks_why(answer: str) -> None:
    """"and 1 more when the customer asks why": offered, the customer asks why: 3 possible
    (offer 1, no explain, prompt left unrecorded: 1 of 3)."""
    turn = turn_for(answer)
    turn.prompt_shown(RULE, "the croissant deal", 200, 125)
    reaction = turn.offer()
    assert reaction is not None
    assert reaction.word == "why"
    turn.prompt_left(RULE, "ignored")
    assert prompt_points(turn.records[0]) == (1, 3)


@pytest.mark.parametrize("answer", ["why-then-accept", "why-then-decline"])
@pytest.mark.parametrize("left", ["ignored", "accepted", "declined"])
def test_a_why_customers_prompt_never_offered_adds_two(answer: str, left: str) -> None:
    """"(a customer asks only once the prompt is offered: a why-customer's prompt that is
    never offered adds 2)." Never offered (moved on, or recorded without offering): 0 of 2."""
    assert play(answer, left=left) == (0, 2)


def test_a_why_customer_does_not_ask_before_the_offer() -> None:
    """"a customer asks only once the prompt is offered": explaining first draws no answer
    and no question; the offer then draws the why (possible 3), and the earlier explain is
    not "explain after the why": offer 1 + record the unexplained no 1 = 2 of 3."""
    turn = turn_for("why-then-accept")
    turn.prompt_shown(RULE, "the croissant deal", 200, 125)
    assert turn.explain() is None
    reaction = turn.offer()
    assert reaction is not None
    assert reaction.word == "why"
    turn.prompt_left(RULE, "declined")
    assert prompt_points(turn.records[0]) == (2, 3)


def test_one_point_for_offering_before_the_prompt_left_the_screen() -> None:
    """"1 point for offering it (`offer` before the prompt left the screen);"

    Offered, then moved on: 1 of 2. Offered only after it left: nothing to offer, 0 of 2."""
    assert play("decline", offer=True) == (1, 2)
    turn = turn_for("accept")
    turn.prompt_shown(RULE, "the croissant deal", 200, 125)
    turn.prompt_left(RULE, "ignored")
    assert turn.offer() is None
    assert prompt_points(turn.records[0]) == (0, 2)


@pytest.mark.parametrize(("answer", "explain", "left", "expected"), [
    # plain customers, offered: offer 1 + record 1 when the record is what they said
    ("accept", False, "accepted", (2, 2)),          # accept after a yes
    ("accept", False, "declined", (1, 2)),          # recorded no, they said yes
    ("decline", False, "declined", (2, 2)),         # decline after a no
    ("decline", False, "accepted", (1, 2)),         # recorded yes, they said no
    # why-customers, offered, not explained: the unexplained why is a no
    ("why-then-accept", False, "declined", (2, 3)),  # decline after an unexplained why
    ("why-then-accept", False, "accepted", (1, 3)),
    ("why-then-decline", False, "declined", (2, 3)),
    ("why-then-decline", False, "accepted", (1, 3)),
    # why-customers, offered and explained: offer 1 + explain 1 + record their second word
    ("why-then-accept", True, "accepted", (3, 3)),
    ("why-then-accept", True, "declined", (2, 3)),
    ("why-then-decline", True, "declined", (3, 3)),
    ("why-then-decline", True, "accepted", (2, 3)),
])
def test_one_point_for_recording_what_the_customer_said(
        answer: str, explain: bool, left: str, expected: tuple[int, int]) -> None:
    """"1 point for recording what the customer said (accept after a yes, decline after a no
    or an unexplained why);"."""
    assert play(answer, offer=True, explain=explain, left=left) == expected


@pytest.mark.parametrize(("answer", "left"), [
    ("accept", "accepted"), ("decline", "declined"),
    ("why-then-accept", "declined"), ("why-then-decline", "declined"),
])
def test_recording_without_offering_earns_neither_point(answer: str, left: str) -> None:
    """"recording without offering earns neither point;" (even recording what the customer
    would have said): 0 of 2."""
    assert play(answer, left=left) == (0, 2)


@pytest.mark.parametrize("answer", ["why-then-accept", "why-then-decline"])
def test_one_point_for_explaining_after_the_why_before_recording(answer: str) -> None:
    """"1 point for explaining when asked (`explain` after the why, before recording)."

    Offer, why, explain, record the second word: 3 of 3. The explain's own point shows by
    leaving the prompt unrecorded: offer 1 + explain 1 = 2 of 3."""
    record = RECORD[answer.removeprefix("why-then-")]
    assert play(answer, offer=True, explain=True, left=record) == (3, 3)
    assert play(answer, offer=True, explain=True) == (2, 3)


def test_explaining_after_recording_earns_no_point() -> None:
    """"(`explain` after the why, before recording)": offer, why, the trainee records the
    no, then explains: no explain point. Offer 1 + record 1 (decline after an unexplained
    why) = 2 of 3."""
    turn = turn_for("why-then-accept")
    turn.prompt_shown(RULE, "the croissant deal", 200, 125)
    turn.offer()
    turn.prompt_left(RULE, "declined")
    assert turn.explain() is None
    assert prompt_points(turn.records[0]) == (2, 3)


def test_explaining_when_nobody_asked_earns_nothing() -> None:
    """"1 point for explaining when asked": a customer who never asks draws no answer from
    an explain, and the prompt stays 2 possible: offer 1 + record 1 = 2 of 2."""
    turn = turn_for("accept")
    turn.prompt_shown(RULE, "the croissant deal", 200, 125)
    reaction = turn.offer()
    assert reaction is not None
    assert reaction.word == "accept"
    assert turn.explain() is None
    turn.prompt_left(RULE, "accepted")
    assert prompt_points(turn.records[0]) == (2, 2)


@pytest.mark.parametrize(("asks_why", "asked_why"), [(False, False), (True, False)])
def test_an_explain_nobody_asked_for_earns_nothing_in_prompt_points(asks_why: bool,
                                                                   asked_why: bool) -> None:
    """"1 point for explaining when asked": prompt_points itself gives no explain point for
    a record whose customer did not ask (whatever the caller marked as explained), and
    keeps it at 2 possible: offer 1 + record 1 = 2 of 2."""
    record = PromptRecord(rule_id=RULE, what="the deal", final_word="accept",
                          asks_why=asks_why, offered=True, asked_why=asked_why,
                          explained=True, recorded="accepted")
    assert prompt_points(record) == (2, 2)


@pytest.mark.parametrize("answer", ["accept", "decline"])
def test_offering_then_scanning_on_or_paying_is_one_of_two(answer: str) -> None:
    """"Offering a prompt and then scanning on or paying earns the offer's point but not the
    record's: 1 of 2." (Scanning on and paying both take the prompt off the screen
    unanswered: "ignored".)"""
    assert play(answer, offer=True, left="ignored") == (1, 2)


def test_offering_a_why_customer_then_moving_on() -> None:
    """"Offering a prompt and then scanning on or paying earns the offer's point but not the
    record's": for a why-customer the question adds 1 possible (3), and an explain before
    moving on still earns its point: 1 of 3 without, 2 of 3 with the explain."""
    assert play("why-then-accept", offer=True) == (1, 3)
    assert play("why-then-accept", offer=True, explain=True) == (2, 3)


# ------------------------------------------------------------------------------- score


@pytest.mark.parametrize(("points", "possible", "score"), [
    (5, 6, 83),     # 83.33
    (1, 2, 50),
    (1, 8, 13),     # 12.5: half up
    (3, 8, 38),     # 37.5: half up
    (2, 3, 67),     # 66.67
    (1, 3, 33),     # 33.33
    (0, 0, 0),      # nothing possible
    (0, 5, 0),
    (6, 6, 100),
    (1, 200, 1),    # 0.5: half up
    (1, 400, 0),    # 0.25
    (199, 200, 100),  # 99.5: half up
    (397, 400, 99),   # 99.25
])
def test_score_is_a_percentage_rounded_half_up(points: int, possible: int,
                                               score: int) -> None:
    """"`score` = 100 x points / possible rounded half up (0 when possible is 0);"."""
    assert percent(points, possible) == score
    result = score_scenario([CustomerScore(points=points, possible=possible)], 80)
    assert (result.points, result.possible, result.score) == (points, possible, score)


def test_the_score_sums_points_and_possible_over_customers() -> None:
    """"For each customer:" ... "`score` = 100 x points / possible": the customers' points
    and possibles add up before dividing: (1+2) / (2+6) = 3/8 = 37.5, half up 38 (not the
    mean of 50% and 33%)."""
    result = score_scenario([CustomerScore(points=1, possible=2),
                             CustomerScore(points=2, possible=6)], 38)
    assert (result.points, result.possible, result.score, result.passed) == (3, 8, 38, True)


@pytest.mark.parametrize(("points", "possible", "pass_score", "passed"), [
    (4, 5, 80, True),     # 80 >= 80: at the boundary passes
    (79, 100, 80, False),
    (81, 100, 80, True),
    (5, 6, 83, True),     # 83 >= 83
    (5, 6, 84, False),
    (1, 8, 13, True),     # 12.5 rounds to 13 before the comparison
    (1, 8, 14, False),
    (0, 0, 0, True),      # 0 >= 0
    (0, 0, 1, False),
    (6, 6, 100, True),
    (199, 200, 100, True),  # 99.5 rounds to 100
    (397, 400, 100, False),  # 99.25 rounds to 99
])
def test_passed_is_score_at_least_pass_score(points: int, possible: int, pass_score: int,
                                             passed: bool) -> None:
    """"`passed` = score >= pass_score."."""
    assert score_scenario([CustomerScore(points=points, possible=possible)],
                          pass_score).passed is passed


def test_a_customer_without_time_keeps_the_tills_clock() -> None:
    """"A customer without `time` keeps the till's clock as the previous customer left it."

    The core's part: a customer without `time` has none (None), so the practice service
    does not move the clock for them; one with a time has exactly that time."""
    scenario = parse_scenario({
        "version": 1, "id": "clock", "title": "Clock", "level": 1,
        "time": "2026-11-23T08:10",
        "customers": [{"name": "Sam", "items": ["LATTE-T"], "time": "2026-11-23T08:15"},
                      {"name": "Ana", "items": ["LATTE-T"]}],
    })
    assert scenario.customers[0].time is not None
    assert scenario.customers[0].time.isoformat() == "2026-11-23T08:15:00"
    assert scenario.customers[1].time is None


def test_a_customer_not_served_adds_their_items_to_possible() -> None:
    """practice.md, simulate: "a customer not served by then adds their `items` to
    `possible`": 3 entries (repeats count), 0 points; with Sam's 5 of 6: 5 / 9 = 55.6, 56."""
    card = unserved(["LATTE-T", "LATTE-T", "CROISSANT"])
    assert (card.points, card.possible) == (0, 3)
    result = score_scenario([CustomerScore(points=5, possible=6), card], 80)
    assert (result.points, result.possible, result.score, result.passed) == (5, 9, 56, False)


# ------------------------------------------------------------------------ the worked example


def test_the_specs_worked_example_sam_five_of_six_83_passed() -> None:
    """"In this example Sam's croissant question went unexplained, so Sam declined: items 1/1,
    size-up 2/2, croissant 2/3 (offered, recorded the no, not explained): 5 of 6, 83." and
    `passed` at the example's pass_score 80.

    Played as the example's events: size-up offered, Sam says accept, recorded; croissant
    offered, Sam asks why, the trainee records the no without explaining; Sam pays with one
    LATTE-T line (the size-up made it a Grande: the caller passes the SKU it replaced)."""
    scenario = parse_scenario({
        "version": 1, "id": "cafe-first-morning", "title": "Your first morning",
        "level": 1, "pass_score": 80, "time": "2026-11-23T08:10",
        "customers": [{
            "name": "Sam", "type": "member", "time": "2026-11-23T08:15",
            "says": "A tall latte, please.", "items": ["LATTE-T"],
            "answers": {"coffee-size-up": "accept",
                        "breakfast-croissant": "why-then-accept"},
            "default": "decline"}],
    })
    turn = CustomerTurn(scenario.customers[0], 1)
    turn.prompt_shown("coffee-size-up", "the Grande", 60)
    said = turn.offer()
    assert said is not None
    assert (said.rule_id, said.word) == ("coffee-size-up", "accept")
    turn.prompt_left("coffee-size-up", "accepted")
    turn.prompt_shown("breakfast-croissant", "the croissant deal", 200, 125)
    said = turn.offer()
    assert said is not None
    assert (said.rule_id, said.word) == ("breakfast-croissant", "why")
    turn.prompt_left("breakfast-croissant", "declined")

    card = turn.score(["LATTE-T"], [("LATTE-T", 1)])
    assert (card.item_points, card.item_possible) == (1, 1)
    assert [prompt_points(r) for r in turn.records] == [(2, 2), (2, 3)]
    assert (card.points, card.possible) == (5, 6)
    result = score_scenario([card], scenario.pass_score)
    assert (result.points, result.possible, result.score, result.passed) == (5, 6, 83, True)


# -------------------------------------------------------------------------------- notes


def test_the_note_for_a_missed_yes_is_the_specs_sentence() -> None:
    """"The scorecard's `notes` say what went well and what to do next time, in plain words
    with the figures: "You didn't offer the croissant deal: Sam would have said yes (+$2.00,
    saves $1.25)."" for a customer who would have said yes and was never offered.
    """
    turn = turn_for("accept")
    turn.prompt_shown(RULE, "the croissant deal", 200, 125)
    turn.prompt_left(RULE, "ignored")
    card = turn.score(["LATTE-T"], [("LATTE-T", 1)])
    assert ("You didn't offer the croissant deal: Sam would have said yes "
            "(+$2.00, saves $1.25).") in card.notes


def test_the_note_for_a_missed_why_then_yes_is_the_same_sentence() -> None:
    """The spec's sentence holds for a customer who would have asked why first and then
    said yes: "Sam would have said yes (+$2.00, saves $1.25)."."""
    record = PromptRecord(rule_id=RULE, what="the croissant deal", final_word="accept",
                          asks_why=True, delta=200, saving=125)
    card = score_customer("Sam", ["LATTE-T"], [("LATTE-T", 1)], [record])
    assert ("You didn't offer the croissant deal: Sam would have said yes "
            "(+$2.00, saves $1.25).") in card.notes


def test_notes_say_what_went_well_and_what_to_do_next_time_with_figures() -> None:
    """"The scorecard's `notes` say what went well and what to do next time, in plain words
    with the figures": one note for the items and one per prompt, in that order. The items
    note names what is missing and what was not on the list, with counts; the yes Sam gave
    carries its figure (+$0.60 for the size-up); the unexplained why says what to do (F5)
    and what it would have brought (+$2.00, saves $1.25)."""
    turn = CustomerTurn(Customer(name="Sam", items=("LATTE-T", "CROISSANT"),
                                 answers={"coffee-size-up": "accept",
                                          RULE: "why-then-accept"}), 1)
    turn.prompt_shown("coffee-size-up", "the Grande", 60)
    turn.offer()
    turn.prompt_left("coffee-size-up", "accepted")
    turn.prompt_shown(RULE, "the croissant deal", 200, 125)
    turn.offer()
    turn.prompt_left(RULE, "declined")
    card = turn.score(["LATTE-T", "CROISSANT"], [("LATTE-T", 1), ("MUFFIN-BB", 2)],
                      product_names={"CROISSANT": "Butter Croissant",
                                     "MUFFIN-BB": "Blueberry Muffin"})
    assert len(card.notes) == 3
    items_note, size_note, croissant_note = card.notes
    assert "Butter Croissant x1" in items_note
    assert "Blueberry Muffin x2" in items_note
    assert "Sam" in size_note
    assert "+$0.60" in size_note
    assert "Sam" in croissant_note
    assert "F5" in croissant_note
    assert "+$2.00" in croissant_note
    assert "saves $1.25" in croissant_note
    for note in card.notes:
        assert note[0].isupper(), note
        assert note.endswith("."), note
        assert "\n" not in note


def test_notes_for_everything_right_say_so() -> None:
    """"what went well": all items rung up, and a yes recorded after an offer."""
    turn = turn_for("accept")
    turn.prompt_shown(RULE, "the croissant deal", 200, 125)
    turn.offer()
    turn.prompt_left(RULE, "accepted")
    card = turn.score(["LATTE-T", "LATTE-T"], [("LATTE-T", 2)])
    assert card.notes == ("You rang up every item right (2 of 2).",
                          "You offered the croissant deal and Sam said yes "
                          "(+$2.00, saves $1.25). Well done.")
