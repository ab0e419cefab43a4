"""What the till's status line says about what the till did: one line per action, from the
events `Till` returns (`describe`), and the sentence for an action that failed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pos_prompter.core.errors import UserError
from pos_prompter.core.money import MoneyError, parse_money
from pos_prompter.core.till_event import TillEvent
from pos_prompter.i18n import say, say_error, translate

INFO = "info"
ERROR = "error"

Name = Callable[[str], str]
"""A product's name by SKU, or a rule's title by id (the code itself when unknown)."""


def describe(events: Sequence[TillEvent], money: Callable[[int], str], *,
             product_name: Name, rule_title: Name,
             training: bool = False) -> tuple[str, str] | None:
    """The level ("info" or "error") and text for `events`, or None to say nothing: the
    last error if any; else the payment; else what changed, in order."""
    errors = [say(ev.data.get("message", "error")) for ev in events if ev.event == "error"]
    if errors:
        return ERROR, sentence(errors[-1])
    for ev in events:
        if ev.event == "paid":
            paid = translate("till", "Paid {total} — next customer").format(
                total=money(ev.total))
            return INFO, (translate("till", "TRAINING") + ": " if training else "") + paid
    parts: list[str] = []
    for ev in events:
        data = ev.data
        if ev.event == "line":
            name = product_name(str(data.get("sku", "")))
            added = (translate("till", "Reward added: {name} {price}") if data.get("reward")
                     else translate("till", "Added: {name} {price}"))
            parts.append(added.format(name=name, price=money(cents(data.get("price")))))
        elif ev.event in ("accepted", "declined"):
            answer = (translate("till", "Accepted: {rule}") if ev.event == "accepted"
                      else translate("till", "Declined: {rule}"))
            parts.append(answer.format(rule=rule_title(str(data.get("rule", "")))))
        elif ev.event == "qty":
            name = product_name(str(data.get("sku", "")))
            parts.append(translate("till", "{name}: quantity {qty}").format(
                name=name, qty=data.get("qty")))
        elif ev.event == "void":
            parts.append(translate("till", "Removed: {name}").format(
                name=product_name(str(data.get("sku", "")))))
        elif ev.event == "price":  # a reward given or taken back, a bundle broken up
            name = product_name(str(data.get("sku", "")))
            parts.append(translate("till", "{name} now {price}").format(
                name=name, price=money(cents(data.get("price")))))
        elif ev.event == "checkout":
            parts.append(translate("till", "Checkout: {total} to pay (F12)").format(
                total=money(ev.total)))
    return (INFO, "  \N{MIDDLE DOT}  ".join(parts)) if parts else None


def failure_text(what: str, exc: BaseException) -> str:
    """The status line for a till action (`what`: "take payment") that raised `exc`."""
    reason = say_error(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
    return translate("till", "Could not {what} ({reason}). Nothing was half-done: the order "
                     "is as shown. The error is in the log.").format(what=what, reason=reason)


def sentence(text: str) -> str:
    """`text` with a capital first letter."""
    return text[:1].upper() + text[1:] if text else text


def cents(price: object) -> int:
    """Event prices are decimal strings ("4.25"): back to cents, exactly."""
    try:
        return parse_money(str(price))
    except MoneyError:
        return 0
