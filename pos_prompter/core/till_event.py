"""What a till action returns: `TillEvent`, and the quantity a line may have.

Kept apart from `session` (the order's workflow, which brings the engine and the rules) so
that the till window's first screen, which shows events but raises none before its catalog
and rules are read, starts without them (issue 14.2). `session` re-exports all three.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pos_prompter.core.money import Cents, cents_str
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

MAX_QTY = 999
"""The most of one product a line may hold."""


def bad_qty(qty: int) -> Said:
    """The refusal of a quantity out of 1..MAX_QTY."""
    return QT_TRANSLATE_NOOP("till", "quantity must be 1 to {most}, not {qty}").format(
        most=MAX_QTY, qty=qty)


@dataclass(frozen=True, slots=True)
class TillEvent:
    """Something that happened at the till. `data` holds the event's own fields."""

    event: str
    order: int | None
    """The order id; None when there is no order (an error before the first scan)."""
    total: Cents
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The scan-script JSON Lines shape: event, order, fields..., total."""
        return {"event": self.event, "order": self.order, **self.data,
                "total": cents_str(self.total)}
