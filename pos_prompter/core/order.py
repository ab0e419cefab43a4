"""Order lines and the clock. Lines are immutable values; the session replaces them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Literal, Protocol

from pos_prompter.core.money import Cents

Origin = Literal["scan", "upsell", "cross_sell", "bundle", "reward"]


@dataclass(frozen=True, slots=True)
class OrderLine:
    """One line of an order.

    `no` numbers lines within an order and is never reused, so a prompt can point at the
    line that triggered it even after other lines are voided.
    """

    no: int
    sku: str
    name: str
    qty: int
    unit_price: Cents
    origin: Origin = "scan"
    rule_id: str | None = None
    """The rule whose accepted prompt made or changed this line."""
    replaced_sku: str | None = None
    """Upsell: the SKU that was scanned before the upgrade."""
    list_price: Cents | None = None
    """Bundle or reward: the catalog unit price, when the line is charged differently."""
    declined: tuple[str, ...] = ()
    """Rules declined on this line, kept so the clerk can see (and later reopen) them."""

    @property
    def amount(self) -> Cents:
        return self.qty * self.unit_price

    def with_(self, **changes: Any) -> OrderLine:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "no": self.no, "sku": self.sku, "name": self.name, "qty": self.qty,
            "unit_price": self.unit_price, "origin": self.origin, "rule_id": self.rule_id,
            "replaced_sku": self.replaced_sku, "list_price": self.list_price,
            "declined": list(self.declined),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OrderLine:
        return cls(
            no=int(d["no"]), sku=d["sku"], name=d["name"], qty=int(d["qty"]),
            unit_price=int(d["unit_price"]), origin=d.get("origin", "scan"),
            rule_id=d.get("rule_id"), replaced_sku=d.get("replaced_sku"),
            list_price=d.get("list_price"), declined=tuple(d.get("declined", ())),
        )


class Clock(Protocol):
    """Where the till's time comes from: injected, so tests and scripts set it."""

    def now(self) -> dt.datetime: ...


class SystemClock:
    """The machine's local wall-clock time (naive, as rule time windows are local)."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)


class FixedClock:
    """A clock that says what it is told (scan scripts' `time` command, tests)."""

    def __init__(self, when: dt.datetime) -> None:
        self.when = when

    def now(self) -> dt.datetime:
        return self.when

    def set(self, when: dt.datetime) -> None:
        self.when = when
