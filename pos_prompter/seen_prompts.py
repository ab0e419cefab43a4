"""A prompt counts as shown only once the clerk could see it (issue 13, point 2).

The till window raises a prompt when a scan triggers it, but a manager's window may cover
the card then. `ShownWhenSeen` holds the prompt's 'shown' row back until the window says
the card was on screen (`seen`); the row then goes with the till's next commit (the next
scan, answer or payment; or when the window closes), not in a commit of its own: that
would put one more fsync between a scan and the next. An answer (accept, decline) means it
was seen, and logs the 'shown' first. A prompt that leaves before it was ever seen (the
clerk scanned on, paid, or it no longer applies) is logged neither as shown nor as ignored:
nobody saw it, so it is not an offer the clerk passed over; the results do not count it.

`simulate`, `whatif` and tests that drive `Till` without a window keep logging 'shown' when
the prompt is raised: the till holds prompts back only when given a `ShownWhenSeen`.
No Qt here: the window decides when a card was visible (ui/prompt_seen.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from pos_prompter.core.till_event import TillEvent

ANSWERS = ("accepted", "declined")
"""Outcomes that mean the clerk saw the prompt (they answered it)."""


class ShownWhenSeen:
    """The one prompt raised but not yet logged as shown, if any."""

    def __init__(self) -> None:
        self.waiting: TillEvent | None = None
        """The 'prompt' event held back: logged as 'shown' once seen."""
        self.was_seen = False
        """The waiting prompt's card was on screen: it goes with the next commit."""
        self.unseen: list[str] = []
        """Rules whose prompt left the screen before anyone saw it (newest last)."""

    def to_log(self, events: Iterable[TillEvent]) -> list[TillEvent]:
        """Of one action's `events`, those to log now, in order (a prompt seen since the
        last commit first)."""
        out: list[TillEvent] = []
        if self.waiting is not None and self.was_seen:
            out.append(self.waiting)
            self.waiting = None
        for ev in events:
            rule = ev.data.get("rule")
            held = self.waiting
            if ev.event == "prompt" and not ev.data.get("updated"):
                self.waiting, self.was_seen = ev, False  # a new prompt: held until seen
                continue
            if held is not None and rule == held.data.get("rule"):
                self.waiting = None
                if ev.event in ANSWERS:  # answered: it was seen
                    out.append(held)
                elif ev.event == "ignored":  # gone unseen: neither shown nor ignored
                    self.unseen.append(str(rule))
                    continue
            out.append(ev)
        return out

    def seen(self, order_id: int | None) -> bool:
        """The card of the prompt waiting (of order `order_id`) was on screen: it is logged
        as shown with the next commit. Whether one was waiting."""
        if self.waiting is None or self.was_seen or self.waiting.order != order_id:
            return False
        self.was_seen = True
        return True
