"""Practice scores: exactly the arithmetic of shared/spec/practice.md "Scoring".

Pure functions over plain records, so every sentence of the spec is a unit test and the
window and `simulate` score the same way:
- `item_points`: the items a customer came for against the units rung up;
- `prompt_points`: offer, record and explain for one prompt shown to the trainee;
- `score_customer`: both, with the scorecard's notes in plain words and figures;
- `score_scenario`: points over possible as a percentage, rounded half up, and the pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pos_prompter.core.money import Cents, format_money
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said, joined

Word = Literal["accept", "decline", "why"]
Recorded = Literal["accepted", "declined"]
RECORD_OF: dict[str, Recorded] = {"accept": "accepted", "decline": "declined"}
"""The till's outcome that records a customer's answer."""


@dataclass(slots=True)
class PromptRecord:
    """One prompt shown to the trainee for a customer, and what became of it."""

    rule_id: str
    what: str
    """The offer in a few words, for the notes: "the Butter Croissant deal"."""
    final_word: Literal["accept", "decline"]
    """What the customer ends up saying if offered (and, for a why-customer, explained)."""
    asks_why: bool = False
    """The customer asks why before answering (a why-then-... answer)."""
    delta: Cents = 0
    """What accepting adds to the order."""
    saving: Cents | None = None
    """What the customer saves (a bundle), if anything."""
    offered: bool = False
    asked_why: bool = False
    """The customer did ask (only once offered)."""
    explained: bool = False
    """Explained after the customer asked, before recording."""
    recorded: Recorded | None = None
    """What the trainee recorded (F9/F10); None: the prompt left the screen unanswered."""

    @property
    def customer_says(self) -> Literal["accept", "decline"]:
        """The answer the trainee should record: a question left unexplained is a no."""
        if self.asks_why and not self.explained:
            return "decline"
        return self.final_word

    @property
    def recorded_right(self) -> bool:
        """Recorded, after offering, what the customer said."""
        return self.offered and self.recorded == RECORD_OF[self.customer_says]


@dataclass(frozen=True, slots=True)
class CustomerScore:
    points: int
    possible: int
    notes: tuple[str, ...] = ()
    item_points: int = 0
    item_possible: int = 0
    tips: tuple[str, ...] = ()
    """The notes of what lost points: what to do next time."""


@dataclass(frozen=True, slots=True)
class ScenarioScore:
    points: int
    possible: int
    score: int
    """0-100."""
    passed: bool
    customers: tuple[CustomerScore, ...] = field(default=())


def percent(points: int, possible: int) -> int:
    """100 x points / possible, rounded half up, in whole numbers only (no float); 0 when
    nothing was possible."""
    if possible <= 0:
        return 0
    return (200 * points + possible) // (2 * possible)


def item_points(wanted: Iterable[str], rung: Iterable[tuple[str, int]]) -> tuple[int, int]:
    """(points, possible) for the items a customer came for.

    `wanted`: the SKU of each entry of the customer's items (repeats allowed). `rung`: (SKU,
    quantity) of each line the trainee rang up, with a line an accepted upsell replaced given
    as the SKU it replaced, and the lines an offer or a reward added left out. Every wanted
    unit rung up earns a point; every unit rung up beyond the list costs one; never below 0."""
    want = Counter(wanted)
    got: Counter[str] = Counter()
    for sku, qty in rung:
        got[sku] += qty
    hits = sum(min(n, got[sku]) for sku, n in want.items())
    extra = sum(max(0, n - want[sku]) for sku, n in got.items())
    return max(0, hits - extra), sum(want.values())


def prompt_points(record: PromptRecord) -> tuple[int, int]:
    """(points, possible) for one prompt: 2 possible, 3 when the customer asked why; a
    point each for offering, for recording what the customer said (only after offering),
    and for explaining when asked."""
    possible = 2 + (1 if record.asked_why else 0)
    points = 0
    if record.offered:
        points += 1
    if record.recorded_right:
        points += 1
    if record.asked_why and record.explained:
        points += 1
    return points, possible


def _money(cents: Cents, currency: str) -> str:
    return format_money(cents, currency)


def _figures(record: PromptRecord, currency: str) -> Said | str:
    parts: list[Said | str] = []
    if record.delta > 0:
        parts.append("+" + _money(record.delta, currency))
    if record.saving:
        parts.append(QT_TRANSLATE_NOOP("scoring", "saves {amount}").format(
            amount=_money(record.saving, currency)))
    return Said("", " ({parts})", {"parts": joined(parts, ", ")}) if parts else ""


def prompt_note(record: PromptRecord, customer: str, currency: str = "USD") -> str:
    """What went well, or what to do next time, with this prompt, in one sentence."""
    figures = _figures(record, currency)
    what = record.what
    if not record.offered:
        if record.recorded is not None:
            return QT_TRANSLATE_NOOP(
                "scoring", "You recorded an answer to {what} without offering it: read the "
                "script to {customer} first (F6).").format(what=what, customer=customer)
        if record.final_word == "accept":
            return QT_TRANSLATE_NOOP(
                "scoring", "You didn't offer {what}: {customer} would have said "
                "yes{figures}.").format(what=what, customer=customer, figures=figures)
        return QT_TRANSLATE_NOOP(
            "scoring", "You didn't offer {what}. {customer} would have said no this time, but "
            "offering is how you find out.").format(what=what, customer=customer)
    unexplained = record.asked_why and not record.explained
    lead: Said
    if unexplained:
        if record.final_word == "accept":
            lead = QT_TRANSLATE_NOOP(
                "scoring", "{customer} asked why about {what} and you didn't explain (F5), so "
                "{customer} said no; explained, it would have been a yes{figures}").format(
                customer=customer, what=what, figures=figures)
        else:
            lead = QT_TRANSLATE_NOOP(
                "scoring", "{customer} asked why about {what} and you didn't explain (F5), so "
                "{customer} said no").format(customer=customer, what=what)
    elif record.asked_why:
        lead = QT_TRANSLATE_NOOP("scoring", "You offered {what} and explained why when "
                                            "{customer} asked").format(what=what,
                                                                       customer=customer)
    else:
        lead = QT_TRANSLATE_NOOP("scoring", "You offered {what}").format(what=what)
    yes = record.customer_says == "accept"
    if record.recorded is None:
        return QT_TRANSLATE_NOOP("scoring", "{lead}. Record the answer before moving on (F9 "
                                            "yes, F10 no).").format(lead=lead)
    if not record.recorded_right:
        if yes:
            return QT_TRANSLATE_NOOP("scoring", "{lead}. {customer} said yes: record that with "
                                                "F9.").format(lead=lead, customer=customer)
        return QT_TRANSLATE_NOOP("scoring", "{lead}. {customer} said no: record that with "
                                            "F10.").format(lead=lead, customer=customer)
    if yes:
        return QT_TRANSLATE_NOOP("scoring", "{lead} and {customer} said yes{figures}. Well "
                                            "done.").format(lead=lead, customer=customer,
                                                            figures=figures)
    if unexplained:
        return QT_TRANSLATE_NOOP("scoring", "{lead}. You recorded the no.").format(lead=lead)
    return QT_TRANSLATE_NOOP("scoring", "{lead} and recorded {customer}'s no: asking is the "
                                        "job.").format(lead=lead, customer=customer)


def _items_note(wanted: Sequence[str], rung: Sequence[tuple[str, int]],
                name_of: dict[str, str]) -> str:
    want = Counter(wanted)
    got: Counter[str] = Counter()
    for sku, qty in rung:
        got[sku] += qty
    missing = [f"{name_of.get(s, s)} x{n - got[s]}" for s, n in want.items() if got[s] < n]
    extra = [f"{name_of.get(s, s)} x{n - want[s]}" for s, n in got.items() if n > want[s]]
    if not missing and not extra:
        count = sum(want.values())
        return QT_TRANSLATE_NOOP("scoring", "You rang up every item right ({n} of {n}).").format(
            n=count)
    parts: list[Said | str] = []
    if missing:
        parts.append(QT_TRANSLATE_NOOP("scoring", "missing {items}").format(
            items=", ".join(missing)))
    if extra:
        parts.append(QT_TRANSLATE_NOOP("scoring", "not on the list {items} (a point off "
                                                  "each)").format(items=", ".join(extra)))
    return QT_TRANSLATE_NOOP("scoring", "Items: {parts}.").format(parts=joined(parts, "; "))


def score_customer(name: str, wanted: Sequence[str], rung: Sequence[tuple[str, int]],
                   prompts: Sequence[PromptRecord], *, currency: str = "USD",
                   product_names: dict[str, str] | None = None) -> CustomerScore:
    """One customer's scorecard: items and every prompt shown for them, with notes."""
    ipoints, ipossible = item_points(wanted, rung)
    points, possible = ipoints, ipossible
    notes = [_items_note(wanted, rung, product_names or {})]
    tips = notes[:1] if ipoints < ipossible else []
    for record in prompts:
        p, q = prompt_points(record)
        points += p
        possible += q
        notes.append(prompt_note(record, name, currency))
        if p < q:
            tips.append(notes[-1])
    return CustomerScore(points=points, possible=possible, notes=tuple(notes),
                         item_points=ipoints, item_possible=ipossible, tips=tuple(tips))


def unserved(wanted: Sequence[str]) -> CustomerScore:
    """A customer the trainee never served: their items count as possible, no points."""
    note = QT_TRANSLATE_NOOP("scoring", "Not served before the end of the session.")
    return CustomerScore(points=0, possible=len(wanted), item_possible=len(wanted),
                         notes=(note,), tips=(note,))


def score_scenario(customers: Sequence[CustomerScore], pass_score: int) -> ScenarioScore:
    points = sum(c.points for c in customers)
    possible = sum(c.possible for c in customers)
    score = percent(points, possible)
    return ScenarioScore(points=points, possible=possible, score=score,
                         passed=score >= pass_score, customers=tuple(customers))
