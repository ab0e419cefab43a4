"""A rule's true uplift said in the window's language: core.uplift's plain sentence (the
core imports no Qt, so it writes English) said again through translate(). In English it is
the core's own sentence, word for word."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from pos_prompter.core.language import SOURCE
from pos_prompter.core.money import format_money
from pos_prompter.core.stats import WelchInterval
from pos_prompter.core.uplift import MIN_UPLIFT_ORDERS, Uplift
from pos_prompter.i18n import language, plural, translate


def _cents(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def _money(uplift: Uplift, cents: Decimal) -> str:
    return format_money(_cents(cents), uplift.currency)


def uplift_sentence(uplift: Uplift, interval: WelchInterval | None = None) -> str:
    """What `uplift` means, in one sentence (Uplift.sentence in the current language)."""
    if language() == SOURCE:
        return uplift.sentence(interval)
    interval = interval or uplift.interval
    if interval is None:
        more_treated, more_holdout = uplift.more_needed()
        needs = []
        if more_treated:
            needs.append(plural(more_treated,
                                translate("uplift", "{n} more order with the prompt shown"),
                                translate("uplift", "{n} more orders with the prompt shown")))
        if more_holdout:
            needs.append(plural(more_holdout, translate("uplift", "{n} more held-out order"),
                                translate("uplift", "{n} more held-out orders")))
        return translate("uplift", "{title}: not enough data yet ({treated} orders with the "
                         "prompt shown, {held_out} held out); it needs {needs} ({least} in "
                         "each group).").format(
            title=uplift.title, treated=uplift.treated.n, held_out=uplift.holdout.n,
            needs=translate("uplift", " and ").join(needs), least=MIN_UPLIFT_ORDERS)
    diff, low, high = interval.difference, interval.low, interval.high
    fields = {"title": uplift.title}
    if _cents(low) > 0:
        return translate("uplift", "{title} adds about {amount} per order it applies to, "
                         "between {low} and {high}.").format(
            amount=_money(uplift, diff), low=_money(uplift, low), high=_money(uplift, high),
            **fields)
    if _cents(high) < 0:
        return translate("uplift", "{title} loses about {amount} per order it applies to, "
                         "between {low} and {high}.").format(
            amount=_money(uplift, -diff), low=_money(uplift, -high), high=_money(uplift, -low),
            **fields)
    return translate("uplift", "{title}: no clear effect yet, somewhere between {low} and "
                     "{high} per order it applies to (held-out orders spend as much).").format(
        low=_money(uplift, low), high=_money(uplift, high), **fields)
