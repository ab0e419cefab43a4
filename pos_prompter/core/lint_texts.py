"""Lint checks of a rule's dates and words: expired windows, placeholders, long texts.

Codes: expired, no-day-in-window, placeholder-no-value, attach-rate-history, say-too-long,
why-too-long (see core.lint for what each means).
"""

from __future__ import annotations

import datetime as dt

from pos_prompter.core.lint_finding import Add
from pos_prompter.core.lint_lookup import Lookups
from pos_prompter.core.read_aloud import too_long
from pos_prompter.core.rules import KIND_PLACEHOLDERS, Rule
from pos_prompter.core.said import QT_TRANSLATE_NOOP

ATTACH_RATE_MIN_ORDERS = 20
"""Below this many past orders with the trigger item, `{attach_rate}` renders empty
(pos_prompter.store.history.MIN_ORDERS)."""

WHERE = {
    ("scan", "upsell"): QT_TRANSLATE_NOOP("lint", "an upsell prompt"),
    ("scan", "cross_sell"): QT_TRANSLATE_NOOP("lint", "a cross_sell prompt"),
    ("scan", "bundle"): QT_TRANSLATE_NOOP("lint", "a bundle prompt"),
    ("scan", "threshold"): QT_TRANSLATE_NOOP("lint", "a threshold prompt"),
    ("checkout", "upsell"): QT_TRANSLATE_NOOP("lint", "a checkout upsell prompt"),
    ("checkout", "cross_sell"): QT_TRANSLATE_NOOP("lint", "a checkout cross_sell prompt"),
    ("checkout", "bundle"): QT_TRANSLATE_NOOP("lint", "a checkout bundle prompt"),
    ("checkout", "threshold"): QT_TRANSLATE_NOOP("lint", "a checkout threshold prompt"),
}
"""Where a placeholder has no value: a prompt of the rule's kind, at a scan or at checkout
(a whole phrase each, so a translation can agree with the kind)."""


def check_time(lk: Lookups, rule: Rule, today: dt.date, add: Add) -> None:
    t = rule.time
    if t is None:
        return
    if t.date_to is not None and t.date_to < today:
        add("warning", "expired",
            QT_TRANSLATE_NOOP("lint", "when.time.to is {date}, in the past: the rule will "
                              "never fire again").format(date=t.date_to.isoformat()),
            QT_TRANSLATE_NOOP("lint", "move when.time.to forward for a new run, or switch the "
                              "rule off (active: false) or remove it"))
    if t.days and t.date_from is not None and t.date_to is not None \
            and (t.date_to - t.date_from).days < 7:
        span = [t.date_from + dt.timedelta(days=i)
                for i in range((t.date_to - t.date_from).days + 1)]
        if not any(d.weekday() in t.days for d in span):
            add("warning", "no-day-in-window",
                QT_TRANSLATE_NOOP("lint", "no date from {start} to {end} falls on one of "
                                  "when.time.days, so the rule never fires").format(
                    start=t.date_from.isoformat(), end=t.date_to.isoformat()),
                QT_TRANSLATE_NOOP("lint", "widen the from/to dates or change when.time.days"))


def check_texts(lk: Lookups, rule: Rule, add: Add) -> None:
    allowed = set(KIND_PLACEHOLDERS[rule.kind])
    if rule.event == "checkout":
        # No scanned line at checkout: no {item}, and nothing to measure attach rates by.
        allowed -= {"item", "attach_rate"}
    where = WHERE[("checkout" if rule.event == "checkout" else "scan", rule.kind)]
    uses_attach_rate = False
    for fieldname, text in (("say", rule.say), ("why", rule.why)):
        used = lk.placeholders(text)
        empty = sorted(used - allowed)
        if empty:
            names = ", ".join("{" + n + "}" for n in empty)
            usable = ", ".join("{" + n + "}" for n in sorted(allowed))
            add("warning", "placeholder-no-value",
                QT_TRANSLATE_NOOP("lint", "{field} uses {names}, which has no value in "
                                  "{where} and renders empty").format(
                    field=fieldname, names=names, where=where),
                QT_TRANSLATE_NOOP("lint", "remove {names} from {field} or reword it (this "
                                  "kind can use {usable})").format(
                    names=names, field=fieldname, usable=usable))
        uses_attach_rate = uses_attach_rate or "attach_rate" in (used & allowed)
    if uses_attach_rate:
        add("warning", "attach-rate-history",
            QT_TRANSLATE_NOOP("lint", "{placeholder} renders empty until at least {n} past "
                              "orders in the last 90 days had the trigger item").format(
                placeholder="{attach_rate}", n=ATTACH_RATE_MIN_ORDERS),
            QT_TRANSLATE_NOOP("lint", "word the text so it reads well without the figure, or "
                              "import past sales (pos-prompter import orders) so it has one"))
    for fieldname, text in (("say", rule.say), ("why", rule.why)):
        long = too_long(fieldname, text)
        if long is not None:
            add("warning", f"{fieldname}-too-long", *long)
