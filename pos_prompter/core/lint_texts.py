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

ATTACH_RATE_MIN_ORDERS = 20
"""Below this many past orders with the trigger item, `{attach_rate}` renders empty
(pos_prompter.store.history.MIN_ORDERS)."""


def check_time(lk: Lookups, rule: Rule, today: dt.date, add: Add) -> None:
    t = rule.time
    if t is None:
        return
    if t.date_to is not None and t.date_to < today:
        add("warning", "expired",
            f"when.time.to is {t.date_to.isoformat()}, in the past: the rule will never "
            f"fire again",
            "move when.time.to forward for a new run, or switch the rule off "
            "(active: false) or remove it")
    if t.days and t.date_from is not None and t.date_to is not None \
            and (t.date_to - t.date_from).days < 7:
        span = [t.date_from + dt.timedelta(days=i)
                for i in range((t.date_to - t.date_from).days + 1)]
        if not any(d.weekday() in t.days for d in span):
            add("warning", "no-day-in-window",
                f"no date from {t.date_from.isoformat()} to {t.date_to.isoformat()} falls "
                f"on one of when.time.days, so the rule never fires",
                "widen the from/to dates or change when.time.days")


def check_texts(lk: Lookups, rule: Rule, add: Add) -> None:
    allowed = set(KIND_PLACEHOLDERS[rule.kind])
    where = f"{'an' if rule.kind == 'upsell' else 'a'} {rule.kind} prompt"
    if rule.event == "checkout":
        # No scanned line at checkout: no {item}, and nothing to measure attach rates by.
        allowed -= {"item", "attach_rate"}
        where = f"a checkout {rule.kind} prompt"
    uses_attach_rate = False
    for fieldname, text in (("say", rule.say), ("why", rule.why)):
        used = lk.placeholders(text)
        empty = sorted(used - allowed)
        if empty:
            names = ", ".join("{" + n + "}" for n in empty)
            usable = ", ".join("{" + n + "}" for n in sorted(allowed))
            add("warning", "placeholder-no-value",
                f"{fieldname} uses {names}, which has no value in {where} and renders "
                f"empty",
                f"remove {names} from {fieldname} or reword it (this kind can use "
                f"{usable})")
        uses_attach_rate = uses_attach_rate or "attach_rate" in (used & allowed)
    if uses_attach_rate:
        add("warning", "attach-rate-history",
            f"{{attach_rate}} renders empty until at least {ATTACH_RATE_MIN_ORDERS} past "
            f"orders in the last 90 days had the trigger item",
            "word the text so it reads well without the figure, or import past sales "
            "(pos-prompter import orders) so it has one")
    for fieldname, text in (("say", rule.say), ("why", rule.why)):
        long = too_long(fieldname, text)
        if long is not None:
            add("warning", f"{fieldname}-too-long", *long)
