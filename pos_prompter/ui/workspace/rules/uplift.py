"""The rule list's Uplift column, without Qt: a rule's true uplift (core.uplift, as the
report computes it: store.reports.rule_uplifts) in a few words for a narrow cell, the plain
sentence for its tooltip, and the number it sorts by; read from the store in the list's
worker thread (`read_uplifts`).

- enough orders in both groups: the point estimate, "+$6.10 / order" (short: "+$6.10");
  the tooltip has the sentence with the 95% interval and how many orders it comes from;
- fewer than 30 in either group: "needs 12 more" (both groups together; short: "12 more");
  the tooltip says how many more of which;
- no holdout (no uplift): nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from pos_prompter.core.bulk import gc_paused
from pos_prompter.core.money import format_money
from pos_prompter.core.uplift import MIN_UPLIFT_ORDERS, Uplift
from pos_prompter.i18n import QT_TRANSLATE_NOOP, say, translate
from pos_prompter.store import Store
from pos_prompter.store.reports import current_uplifts

HEADER_TIP = QT_TRANSLATE_NOOP(
    "rules", "True uplift per order: how much more an order the rule applies to brings in "
    "than one it was held out of (its point estimate; the 95% interval in each cell's "
    "tooltip). Only rules with a holdout have one.")
"""In English: translate("rules", HEADER_TIP) where it is shown."""

NOT_ENOUGH = -1e15
"""Sort value of an uplift without enough data yet (less the orders it still needs): below
every estimate, above the rules without a holdout."""
NO_UPLIFT = float("-inf")


def whole_cents(value: Decimal) -> int:
    """A Decimal amount of cents to a whole cent, half to even (as the report's JSON)."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def more_orders(uplift: Uplift) -> int:
    """Paid orders still needed, both groups together, before the uplift says anything."""
    return sum(uplift.more_needed())


@dataclass(frozen=True, slots=True)
class UpliftCell:
    """What the Uplift column shows of one rule, worked out once (in the worker thread that
    loads the list: a Welch interval takes a few milliseconds, too long for painting)."""

    text: str
    tooltip: str
    sort_value: float
    uplift: Uplift | None = None
    """What it was worked out from (the next read reuses the cell while it stays)."""
    short: str = ""
    """`text` for a narrow column: the amount alone ("+$6.10"), or "12 more"."""


NO_HOLDOUT = UpliftCell("", QT_TRANSLATE_NOOP(
    "rules", "No holdout: the rule is offered every time it applies, so there are no "
    "held-out orders to compare with."), NO_UPLIFT)
"""Its tooltip in English: the list translates it where it shows it (`cell_tooltip`)."""


def cell_tooltip(cell: UpliftCell) -> str:
    """The tooltip of `cell` in the current language (NO_HOLDOUT's is translated here; the
    others were written in it)."""
    return translate("rules", cell.tooltip) if cell is NO_HOLDOUT else cell.tooltip


def uplift_cell(uplift: Uplift | None) -> UpliftCell:
    """The cell of a rule with this uplift (None: no holdout)."""
    if uplift is None:
        return NO_HOLDOUT
    interval = uplift.interval
    sentence = say(uplift.sentence(interval))
    if interval is None:
        more = more_orders(uplift)
        return UpliftCell(translate("rules", "needs {n} more").format(n=more), sentence,
                          NOT_ENOUGH - more, uplift,
                          translate("rules", "{n} more").format(n=more))
    cents = whole_cents(interval.difference)
    sign = "+" if cents > 0 else ""
    amount = f"{sign}{format_money(cents, uplift.currency)}"
    return UpliftCell(
        translate("rules", "{amount} / order").format(amount=amount),
        sentence + "\n" + translate(
            "rules", "95% interval, from {treated} orders with the prompt shown and "
            "{held_out} held out (at least {least} in each).").format(
                treated=uplift.treated.n, held_out=uplift.holdout.n, least=MIN_UPLIFT_ORDERS),
        float(interval.difference), uplift, amount)


def uplift_cells(uplifts: Mapping[str, Uplift],
                 previous: Mapping[str, UpliftCell] | None = None) -> dict[str, UpliftCell]:
    """The cells of the rules with an uplift, by rule id (a rule left out: NO_HOLDOUT).
    A cell of `previous` made from the same uplift is taken over, not worked out again: a
    sale changes the uplift of the few rules it met."""
    old = previous or {}
    cells: dict[str, UpliftCell] = {}
    for rule_id, u in uplifts.items():
        kept = old.get(rule_id)
        cells[rule_id] = kept if kept is not None and kept.uplift == u else uplift_cell(u)
    return cells


def read_uplifts(store: Store,
                 previous: Mapping[str, UpliftCell] | None = None) -> dict[str, UpliftCell]:
    """The Uplift cells of the rules that have one, as the store has them now; those of
    `previous` that did not change are taken over. With the collector paused: the read's
    thousands of short-lived objects, after every sale, would otherwise set off a full
    collection of a chain's 400,000 objects now and then (0.7 s measured, every thread
    stopped)."""
    with gc_paused():
        return uplift_cells(current_uplifts(store.db.conn), previous)
