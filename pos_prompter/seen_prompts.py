"""A prompt counts as shown only once the clerk could see it (issue 13, point 2).

The till window raises a prompt when a scan triggers it, but a manager's window may cover
the card then. `ShownWhenSeen` holds the prompt's 'shown' row back until the window says
the card was on screen (`seen`); an answer (accept, decline) means it was seen, and logs
the 'shown' first. A prompt that leaves before it was ever seen (the clerk scanned on, paid,
or it no longer applies) is logged neither as shown nor as ignored: nobody saw it, so it
is not an offer the clerk passed over, and the results do not count it.

`simulate`, `whatif` and tests that drive `Till` without a window keep logging 'shown' when
the prompt is raised: the till holds prompts back only when given a `ShownWhenSeen`.
No Qt here: the window decides when a card was visible (ui/prompt_seen.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from pos_prompter.core.session import TillEvent

ANSWERS = ("accepted", "declined")
"""Outcomes that mean the clerk saw the prompt (they answered it)."""


class ShownWhenSeen:
    """The one prompt raised but not yet seen, if any."""

    def __init__(self) -> None:
        self.waiting: TillEvent | None = None
        """The 'prompt' event held back: logged as 'shown' once seen."""
        self.unseen: list[str] = []
        """Rules whose prompt left the screen before anyone saw it (newest last)."""

    def to_log(self, events: Iterable[TillEvent]) -> list[TillEvent]:
        """Of one action's `events`, those to log now, in order."""
        out: list[TillEvent] = []
        for ev in events:
            rule = ev.data.get("rule")
            held = self.waiting
            if ev.event == "prompt" and not ev.data.get("updated"):
                self.waiting = ev  # a new prompt: held until seen
                continue
            if held is not None and rule == held.data.get("rule"):
                if ev.event in ANSWERS:  # answered: it was seen
                    out.append(held)
                    self.waiting = None
                elif ev.event == "ignored":  # gone unseen: neither shown nor ignored
                    self.unseen.append(str(rule))
                    self.waiting = None
                    continue
            out.append(ev)
        return out

    def seen(self, order_id: int | None) -> TillEvent | None:
        """The card of the prompt waiting (of order `order_id`) was on screen: its 'prompt'
        event, to log now; None when nothing waits."""
        held, self.waiting = self.waiting, None
        if held is None or held.order != order_id:
            return None
        return held

    def forget(self) -> None:
        """The order is gone (paid elsewhere, reopened): nothing waits."""
        self.waiting = None
