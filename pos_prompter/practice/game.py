"""A practice scenario played at a real `Till` (shared/spec/practice.md).

The game steps the scenario's customers up one by one (the till's clock and the order's
customer type set as the scenario says), lets the trainee offer and explain the prompt on
screen, watches what the till does (`do` wraps every till action), and scores each customer
when they pay. `simulate --training --scenario` and the practice window both drive it, so a
script scores exactly as the screen does.

Its own events (`customer`, `customer_says`, `scorecard`, `score`) come back beside the
till's, in `Played.practice`; the till's events are untouched.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from pos_prompter.core.customer_turn import CustomerTurn, Reaction
from pos_prompter.core.engine import Prompt
from pos_prompter.core.money import Cents
from pos_prompter.core.order import FixedClock, OrderLine
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said
from pos_prompter.core.scenario import Customer, Scenario
from pos_prompter.core.scoring import CustomerScore, ScenarioScore, score_scenario, unserved
from pos_prompter.core.till_event import TillEvent
from pos_prompter.till import Till

NOTHING_TO_EXPLAIN = QT_TRANSLATE_NOOP("practice_game", "there is no prompt on screen to explain")

TillAction = Callable[[], list[TillEvent]]


@dataclass(frozen=True, slots=True)
class Played:
    """What one step did: the till's events, then the game's own."""

    till: list[TillEvent] = field(default_factory=list)
    practice: list[TillEvent] = field(default_factory=list)

    @property
    def all(self) -> list[TillEvent]:
        return [*self.till, *self.practice]


@dataclass(frozen=True, slots=True)
class CustomerResult:
    """A customer's scorecard, for the run's details."""

    name: str
    order: int | None
    score: CustomerScore


@dataclass(frozen=True, slots=True)
class GameResult:
    """The whole run: what the practice store records."""

    scenario: Scenario
    trainee: str | None
    started_at: dt.datetime
    """The wall-clock time the run started (not the till's scenario clock)."""
    seconds: int
    """Time taken, wall clock."""
    score: ScenarioScore
    customers: tuple[CustomerResult, ...]


def describe_offer(prompt: Prompt, name_of: Callable[[str], str]) -> str:
    """The offer in a few words, for the trainee's notes: "the Butter Croissant deal"."""
    names = [name_of(sku) for sku in prompt.offer_skus]
    first = names[0] if names else prompt.rule_id
    match prompt.kind:
        case "upsell":
            return QT_TRANSLATE_NOOP("practice_game", "the size-up to {name}").format(name=first)
        case "bundle":
            return QT_TRANSLATE_NOOP("practice_game", "the {names} deal").format(
                names=_and(names))
        case "threshold":
            return QT_TRANSLATE_NOOP("practice_game", "the {name} reward").format(name=first)
    return QT_TRANSLATE_NOOP("practice_game", "the {name}").format(name=first)


def _and(names: list[str]) -> Said | str:
    """'A and B and C', said in the reader's language."""
    said: Said | str = names[0] if names else ""
    for name in names[1:]:
        said = QT_TRANSLATE_NOOP("practice_game", "{first} and {second}").format(
            first=said, second=name)
    return said


def counted_lines(lines: list[OrderLine]) -> list[tuple[str, int]]:
    """(SKU, quantity) of the lines the trainee rang up, for item points: a line an accepted
    upsell replaced counts as what was scanned, and so does a customer's own unit turned
    reward; lines an offer or a reward added are left out."""
    out: list[tuple[str, int]] = []
    for line in lines:
        if line.origin == "scan":
            out.append((line.sku, line.qty))
        elif line.origin in ("upsell", "reward") and line.replaced_sku is not None:
            out.append((line.replaced_sku, line.qty))
    return out


class PracticeGame:
    """One scenario at one till. Call `start()` once, run every till action through `do`,
    `offer()` and `explain()` for the trainee's first two steps, and `finish()` when the
    session ends (it scores whoever is left). `result` is set once the score is out."""

    def __init__(self, till: Till, scenario: Scenario, *,
                 wall_clock: Callable[[], float] = time.monotonic) -> None:
        self.till = till
        self.scenario = scenario
        self._wall = wall_clock
        self._t0 = 0.0
        self.started_at = dt.datetime.now().replace(microsecond=0)
        self.trainee: str | None = None
        self.position = 0
        """1-based position of the customer being served; 0 before the start."""
        self.turn: CustomerTurn | None = None
        self.scores: list[CustomerResult] = []
        self.result: GameResult | None = None
        self.last_reaction: Reaction | None = None
        """What the customer said last (for the window's speech bubble)."""

    # ---------------------------------------------------------------- progress

    @property
    def customer(self) -> Customer | None:
        return self.turn.customer if self.turn is not None else None

    @property
    def over(self) -> bool:
        return self.result is not None

    def start(self) -> Played:
        """The first customer steps up."""
        if self.position:
            return Played()
        self._t0 = self._wall()
        self.started_at = dt.datetime.now().replace(microsecond=0)
        self.trainee = self.till.clerk
        return Played(practice=self._next_customer())

    def _next_customer(self) -> list[TillEvent]:
        if self.position >= len(self.scenario.customers):
            return self._final()
        customer = self.scenario.customers[self.position]
        self.position += 1
        when = customer.time or (self.scenario.time if self.position == 1 else None)
        if when is not None:
            if isinstance(self.till.clock, FixedClock):
                self.till.clock.set(when)
            else:
                self.till.clock = FixedClock(when)
        if self.till.session is None:  # their order opens as they step up, with their type
            self.till.set_customer(customer.type)
            self.till.open_order()
        self.turn = CustomerTurn(customer, self.position)
        self.last_reaction = None
        return [self._event("customer", name=customer.name, says=customer.says,
                            position=self.position, customers=len(self.scenario.customers))]

    def _event(self, event: str, **data: object) -> TillEvent:
        return TillEvent(event, self.till.order_id, self.till.total, dict(data))

    # ---------------------------------------------------------------- the trainee

    def offer(self) -> Played:
        """F6 / `offer`: read the prompt on screen to the customer."""
        turn = self.turn
        return self._step(turn.offer() if turn is not None and self._can_step() else None,
                          QT_TRANSLATE_NOOP("practice_game",
                                            "there is no prompt on screen to offer"))

    def explain(self) -> Played:
        """F5 / `explain`: read the prompt's why to a customer who asked."""
        if not self._can_step():
            return self._step(None, NOTHING_TO_EXPLAIN)
        assert self.turn is not None
        if self.turn.current is not None and not self.turn.current.asked_why:
            who = self.turn.customer.name
            return self._step(None, QT_TRANSLATE_NOOP(
                "practice_game", "{who} has not asked why: offer it first (F6)").format(who=who)
                if not self.turn.current.offered else QT_TRANSLATE_NOOP(
                "practice_game", "{who} did not ask why; record the answer (F9 or F10)").format(
                who=who))
        return self._step(self.turn.explain(), NOTHING_TO_EXPLAIN)

    def _can_step(self) -> bool:
        return (self.turn is not None and self.till.prompt is not None
                and self.turn.current is not None
                and self.turn.current.rule_id == self.till.prompt.rule_id)

    def _step(self, reaction: Reaction | None, problem: str) -> Played:
        if self.over:
            return Played(till=[self._event("error", message=QT_TRANSLATE_NOOP(
                "practice_game", "the practice session is over"))])
        if reaction is None:
            return Played(till=[self._event("error", message=problem)])
        self.last_reaction = reaction
        return Played(practice=[self._event("customer_says", rule=reaction.rule_id,
                                            answer=reaction.word, says=reaction.text)])

    def do(self, action: TillAction) -> Played:
        """Run one till action (scan, accept, decline, void, qty, checkout, pay) and watch
        what it did."""
        lines_before = self.till.lines
        events = action()
        practice: list[TillEvent] = []
        if self.turn is None or self.over:
            return Played(till=events)
        for ev in events:
            practice += self._watch(ev, lines_before)
        return Played(till=events, practice=practice)

    def _watch(self, ev: TillEvent, lines_before: list[OrderLine]) -> list[TillEvent]:
        turn = self.turn
        assert turn is not None
        rule = str(ev.data.get("rule", ""))
        if ev.event == "prompt":
            prompt = self.till.prompt
            if prompt is None or prompt.rule_id != rule:
                return []
            if ev.data.get("updated"):
                turn.prompt_repriced(rule, prompt.delta, self._saving(prompt))
            elif not ev.data.get("reopened"):  # an answer given again is not scored again
                turn.prompt_shown(rule, describe_offer(prompt, self._name), prompt.delta,
                                  self._saving(prompt))
        elif ev.event in ("accepted", "declined", "ignored"):
            turn.prompt_left(rule, ev.event)
        elif ev.event == "paid":
            return self._customer_done(lines_before, ev.order)
        return []

    def _saving(self, prompt: Prompt) -> Cents | None:
        if prompt.kind != "bundle":
            return None
        catalog = self.till.catalog
        listed = sum(p.price for p in (catalog.get(s) for s in prompt.offer_skus)
                     if p is not None)
        return listed - prompt.price if listed > prompt.price else None

    def _name(self, sku: str) -> str:
        product = self.till.catalog.get(sku)
        return product.name if product is not None else sku

    # ---------------------------------------------------------------- scoring

    def _wanted(self, customer: Customer) -> list[str]:
        """The SKU of each item the customer came for (a barcode names its product)."""
        out = []
        for item in customer.items:
            product = self.till.catalog.lookup(item)
            out.append(product.sku if product is not None else item)
        return out

    def _card(self, lines: list[OrderLine], order: int | None) -> list[TillEvent]:
        turn = self.turn
        assert turn is not None
        wanted = self._wanted(turn.customer)
        names = {sku: self._name(sku) for sku in {*wanted, *(ln.sku for ln in lines)}}
        score = turn.score(wanted, counted_lines(lines), currency=self.till.settings.currency,
                           product_names=names)
        self.scores.append(CustomerResult(turn.customer.name, order, score))
        self.turn = None
        return [TillEvent("scorecard", order, sum(ln.amount for ln in lines),
                          {"customer": turn.customer.name, "points": score.points,
                           "possible": score.possible, "notes": list(score.notes)})]

    def _customer_done(self, lines: list[OrderLine], order: int | None) -> list[TillEvent]:
        events = self._card(lines, order)
        if self.position >= len(self.scenario.customers):
            return [*events, *self._final(order, events[0].total)]
        return [*events, *self._next_customer()]

    def finish(self) -> Played:
        """The session ends (the script ran out, the trainee stopped): whoever is being
        served is scored as far as they got, and customers never served add their items to
        what was possible. Nothing happens when the score is already out."""
        if self.over or not self.position:
            return Played()
        events: list[TillEvent] = []
        if self.turn is not None:
            if self.turn.current is not None:  # the prompt still up was never answered
                self.turn.prompt_left(self.turn.current.rule_id, "ignored")
            events += self._card(self.till.lines, self.till.order_id)
        for customer in self.scenario.customers[self.position:]:
            self.scores.append(CustomerResult(customer.name, None,
                                              unserved(self._wanted(customer))))
        self.position = len(self.scenario.customers)
        return Played(practice=[*events, *self._final()])

    def _final(self, order: int | None = None, total: Cents | None = None) -> list[TillEvent]:
        """The score, once: after the last customer pays (their order and total), or when
        the session ends (the till's order and total as they are)."""
        score = score_scenario([c.score for c in self.scores], self.scenario.pass_score)
        self.result = GameResult(scenario=self.scenario, trainee=self.trainee,
                                 started_at=self.started_at,
                                 seconds=max(0, round(self._wall() - self._t0)),
                                 score=score, customers=tuple(self.scores))
        self.turn = None
        return [TillEvent("score", self.till.order_id if order is None else order,
                          self.till.total if total is None else total,
                          {"scenario": self.scenario.id, "points": score.points,
                           "possible": score.possible, "score": score.score,
                           "passed": score.passed})]
