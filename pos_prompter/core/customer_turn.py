"""One scenario customer at the practice till: how they react to the trainee's three steps
(offer, explain, record) and what the trainee did with every prompt shown for them.

Pure and clock-free: the practice service (pos_prompter.practice) feeds it what the till
did, and asks it for the customer's words and, when they pay, their scorecard.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pos_prompter.core.money import Cents
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said
from pos_prompter.core.scenario import Customer
from pos_prompter.core.scoring import CustomerScore, PromptRecord, Word, score_customer


@dataclass(frozen=True, slots=True)
class Reaction:
    """What the customer says to a step: their word, and a line for the speech bubble."""

    rule_id: str
    word: Word
    text: str


YES_LINES = (QT_TRANSLATE_NOOP("customer", "Yes, please!"),
             QT_TRANSLATE_NOOP("customer", "Sure, why not."),
             QT_TRANSLATE_NOOP("customer", "Oh, go on then."),
             QT_TRANSLATE_NOOP("customer", "Sounds good, yes."))
NO_LINES = (QT_TRANSLATE_NOOP("customer", "No, thank you."),
            QT_TRANSLATE_NOOP("customer", "Not today, thanks."),
            QT_TRANSLATE_NOOP("customer", "I'm fine, thanks."),
            QT_TRANSLATE_NOOP("customer", "No, just that."))
WHY_LINES = (QT_TRANSLATE_NOOP("customer", "Hmm, why would I want that?"),
             QT_TRANSLATE_NOOP("customer", "Why that one?"),
             QT_TRANSLATE_NOOP("customer", "What's in it for me?"))
"""A simulated customer's words (core.said: the practice bubble says them in the window's
language; a scenario's own lines are the trainer's and stay as written)."""


def _line(lines: Sequence[Said], key: str) -> Said:
    """The same customer says the same thing to the same offer (no randomness)."""
    return lines[sum(key.encode()) % len(lines)]


class CustomerTurn:
    """A customer being served: their prompts, in the order the till showed them."""

    def __init__(self, customer: Customer, position: int) -> None:
        self.customer = customer
        self.position = position
        """1 for the scenario's first customer."""
        self.records: list[PromptRecord] = []
        self.current: PromptRecord | None = None
        """The record of the prompt on screen now, if the till shows one."""

    # ---------------------------------------------------------------- what the till did

    def prompt_shown(self, rule_id: str, what: str, delta: Cents,
                     saving: Cents | None = None) -> None:
        """The till shows a new prompt (not a re-priced or re-opened one)."""
        answer = self.customer.answer_to(rule_id)
        record = PromptRecord(rule_id=rule_id, what=what,
                              final_word="accept" if answer.endswith("accept") else "decline",
                              asks_why=answer.startswith("why"), delta=delta, saving=saving)
        self.records.append(record)
        self.current = record

    def prompt_repriced(self, rule_id: str, delta: Cents, saving: Cents | None) -> None:
        """The prompt on screen has new figures (the quantity changed)."""
        if self.current is not None and self.current.rule_id == rule_id:
            self.current.delta, self.current.saving = delta, saving

    def prompt_left(self, rule_id: str, outcome: str) -> None:
        """The prompt left the screen: "accepted" or "declined" (recorded by the
        trainee), or "ignored" (they moved on)."""
        record = self.current
        if record is None or record.rule_id != rule_id:
            return
        if outcome in ("accepted", "declined"):
            record.recorded = outcome  # type: ignore[assignment]
        self.current = None

    # ---------------------------------------------------------------- the trainee's steps

    def offer(self) -> Reaction | None:
        """The trainee reads the prompt on screen to the customer: yes, no, or why? (None:
        no prompt on screen.)"""
        record = self.current
        if record is None:
            return None
        record.offered = True
        if record.asks_why and not record.explained:
            record.asked_why = True
            return Reaction(record.rule_id, "why",
                            _line(WHY_LINES, self.customer.name + record.rule_id))
        return self._answer(record)

    def explain(self) -> Reaction | None:
        """The trainee reads the why. The customer answers only if they asked (None: no
        prompt on screen, or nobody asked why)."""
        record = self.current
        if record is None or not record.asked_why:
            return None
        record.explained = True
        return self._answer(record)

    def _answer(self, record: PromptRecord) -> Reaction:
        word = record.customer_says
        lines = YES_LINES if word == "accept" else NO_LINES
        return Reaction(record.rule_id, word, _line(lines, self.customer.name + record.rule_id))

    @property
    def waiting_for_why(self) -> bool:
        """The customer asked why about the prompt on screen and waits for the answer."""
        return (self.current is not None and self.current.asked_why
                and not self.current.explained)

    # ---------------------------------------------------------------- the scorecard

    def score(self, wanted: Sequence[str], rung: Sequence[tuple[str, int]], *,
              currency: str = "USD",
              product_names: dict[str, str] | None = None) -> CustomerScore:
        """Their scorecard, once they pay (or the session ends while they are served)."""
        return score_customer(self.customer.name, wanted, rung, self.records,
                              currency=currency, product_names=product_names)
