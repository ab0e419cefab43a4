"""Order lines and the clock. Lines are immutable values; the session replaces them.

`OrderLines` holds an order's lines with what a scan asks of them kept up to date as they
change (total, a line by number, which SKUs are in), so no scan walks the whole order; and
it remembers which lines changed since the store last saved them, so a save writes those
and not the whole order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, KeysView
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any, Literal, Protocol, overload

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


class OrderLines:
    """An order's lines in line-number order (the order they were rung up in): a sequence
    of OrderLine whose upkeep is per line changed, never per line in the order.

    Kept as it changes: the total, the total without reward lines, each line by its number
    and how many lines each SKU has. `changed` tells which lines changed since `saved()`
    (with each one as it was then), so the store writes only those, and `undo()` puts them
    back as they were when a save failed.
    """

    __slots__ = ("_before", "_by_no", "_skus", "goods_total", "reads", "total")

    def __init__(self, lines: Iterable[OrderLine] = ()) -> None:
        self._by_no: dict[int, OrderLine] = {}
        self._skus: dict[str, dict[int, OrderLine]] = {}
        """The lines of each SKU in the order, by number."""
        self._before: dict[int, OrderLine | None] = {}
        self.total: Cents = 0
        self.goods_total: Cents = 0
        """The total without reward lines: what a threshold is measured against."""
        self.reads = 0
        """Lines visited by a walk over the whole order (iteration, `index`): a count the
        tests read to show that a scan does not walk the order."""
        for line in sorted(lines, key=lambda ln: ln.no):
            self._put(line)

    # ------------------------------------------------------------------ reading

    def __len__(self) -> int:
        return len(self._by_no)

    def __bool__(self) -> bool:
        return bool(self._by_no)

    def __iter__(self) -> Iterator[OrderLine]:
        for line in self._by_no.values():
            self.reads += 1
            yield line

    def __reversed__(self) -> Iterator[OrderLine]:
        for line in reversed(self._by_no.values()):
            self.reads += 1
            yield line

    @overload
    def __getitem__(self, index: int) -> OrderLine: ...

    @overload
    def __getitem__(self, index: slice) -> list[OrderLine]: ...

    def __getitem__(self, index: int | slice) -> OrderLine | list[OrderLine]:
        if isinstance(index, slice):
            return list(self)[index]
        size = len(self._by_no)
        if not -size <= index < size:
            raise IndexError("order line index out of range")
        if index < 0:
            return next(islice(reversed(self), -index - 1, None))
        return next(islice(iter(self), index, None))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OrderLines):
            other = list(other._by_no.values())
        if isinstance(other, list | tuple):
            return list(self._by_no.values()) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"OrderLines({list(self._by_no.values())!r})"

    def get(self, no: int | None) -> OrderLine | None:
        """The line numbered `no`, if it is still in the order."""
        return self._by_no.get(no) if no is not None else None

    def skus(self) -> KeysView[str]:
        """The SKUs in the order (a live view: `sku in lines.skus()`)."""
        return self._skus.keys()

    def of_sku(self, sku: str) -> list[OrderLine]:
        """The lines of this SKU, in line-number order."""
        lines = self._skus.get(sku)
        return sorted(lines.values(), key=lambda ln: ln.no) if lines else []

    # ------------------------------------------------------------------ changing

    def append(self, line: OrderLine) -> None:
        """A new line, numbered after every line in the order."""
        if self._by_no and line.no <= next(reversed(self._by_no)):
            raise ValueError(f"line {line.no} is not after the order's last line")
        self._note(line.no)
        self._put(line)

    def replace(self, old: OrderLine, new: OrderLine) -> None:
        """`new` in the place of `old` (the same line number)."""
        if new.no != old.no or self._by_no.get(old.no) != old:
            raise ValueError(f"line {old.no} is not in the order as given")
        self._note(old.no)
        self._take(old)
        self._put(new)

    def remove(self, line: OrderLine) -> None:
        if self._by_no.get(line.no) != line:
            raise ValueError(f"line {line.no} is not in the order as given")
        self._note(line.no)
        self._take(line)
        del self._by_no[line.no]

    def index(self, line: OrderLine) -> int:
        for i, ln in enumerate(self):
            if ln == line:
                return i
        raise ValueError(f"line {line.no} is not in the order")

    # ------------------------------------------------------------------ saving

    @property
    def changed(self) -> dict[int, OrderLine | None]:
        """The numbers of the lines changed since `saved()`, each with the line as it was
        then (None: it is new since)."""
        return self._before

    def saved(self) -> None:
        """The store has the lines as they now are."""
        self._before = {}

    def unsaved_all(self) -> None:
        """Mark every line changed (an order whose lines the store does not have in full)."""
        for no in self._by_no:
            self._before.setdefault(no, None)

    def undo(self) -> None:
        """Back to the lines as they were at the last `saved()`."""
        for no, before in self._before.items():
            now = self._by_no.pop(no, None)
            if now is not None:
                self._take(now)
            if before is not None:
                self._put(before)
        self._before = {}
        self._by_no = dict(sorted(self._by_no.items()))

    # ------------------------------------------------------------------ upkeep

    def _note(self, no: int) -> None:
        if no not in self._before:
            self._before[no] = self._by_no.get(no)

    def _put(self, line: OrderLine) -> None:
        self._by_no[line.no] = line
        self._skus.setdefault(line.sku, {})[line.no] = line
        self.total += line.amount
        if line.origin != "reward":
            self.goods_total += line.amount

    def _take(self, line: OrderLine) -> None:
        same = self._skus[line.sku]
        del same[line.no]
        if not same:
            del self._skus[line.sku]
        self.total -= line.amount
        if line.origin != "reward":
            self.goods_total -= line.amount


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
