"""Reading one field of a rule pack: the problems list and the field readers.

Each reader takes the raw value, where it is (the rule) and the field's name, and the
Problems to add to; a value that is wrong adds one sentence naming the rule, the field and
what is wrong, and the reader answers None (or an empty value). Used by core.rule_parse, by
core.stored_rules (the store's fast path) and by core.store_settings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, cast

from pos_prompter.core.catalog import SKU_RE, SLUG_RE
from pos_prompter.core.excerpt import excerpt, field_name
from pos_prompter.core.money import Cents, MoneyError, parse_money
from pos_prompter.core.rule_model import MAX_RATIO, RATIO_PLACES, Ref
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

MAX_PROBLEMS = 50
"""A refused pack lists this many problems (and says it stopped): reading on through a
hostile file of 100,000 bad rules would only print megabytes nobody reads."""


PACK_WHERE = QT_TRANSLATE_NOOP("problems", "pack")
SETTINGS_WHERE = QT_TRANSLATE_NOOP("problems", "settings")

VALID_WHAT = {
    "sku": QT_TRANSLATE_NOOP("problems", "{value} is not a valid sku"),
    "category": QT_TRANSLATE_NOOP("problems", "{value} is not a valid category"),
    "tag": QT_TRANSLATE_NOOP("problems", "{value} is not a valid tag"),
    "customer type": QT_TRANSLATE_NOOP("problems", "{value} is not a valid customer type"),
    "value": QT_TRANSLATE_NOOP("problems", "{value} is not a valid value"),
}
"""'{value} is not a valid X', one sentence for each X (a language may need to change the
rest of the sentence with the word)."""


def where_said(where: str) -> Said | str:
    """Where a problem is ("rule #3", "rule latte-up", "pack", "settings") as a sentence
    part the reader's language says. The readers keep `where` as plain text: a rule with no
    problem costs no more than before."""
    if where.startswith("rule #"):
        return QT_TRANSLATE_NOOP("problems", "rule #{position}").format(position=where[6:])
    if where.startswith("rule "):
        return QT_TRANSLATE_NOOP("problems", "rule {rule}").format(rule=where[5:])
    return {"pack": PACK_WHERE, "settings": SETTINGS_WHERE}.get(where, where)


def not_valid(value: str, what: str) -> Said:
    """'{value} is not a valid {what}' for one of VALID_WHAT's words."""
    return VALID_WHAT.get(what, VALID_WHAT["value"]).format(value=value)


class Problems:
    """The problems found so far in one pack, rule or setting, each a sentence (a Said
    whose parts are `where`, `field` and `message`)."""

    def __init__(self, *, trusted: bool = False) -> None:
        self.items: list[str] = []
        """Each a core.said.Said: its English, and its parts for the reader's language."""
        self.trusted = trusted
        """Reading back what was validated when it was saved: skip the checks of text
        (unknown keys, patterns, placeholders) that cannot have changed since."""

    def add(self, where: str, fieldname: str, message: str) -> None:
        self.items.append(QT_TRANSLATE_NOOP("problems", "{where}, field {field}: {message}")
                          .format(where=where_said(where), field=fieldname, message=message))

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_PROBLEMS

    def listed(self) -> list[str]:
        """The problems to report: at most MAX_PROBLEMS, then a word that there may be more."""
        if not self.full:
            return self.items
        return [*self.items[:MAX_PROBLEMS],
                QT_TRANSLATE_NOOP("problems", "stopped after {n} problems: fix these and "
                                  "check again").format(n=MAX_PROBLEMS)]


def check_keys(value: Any, allowed: tuple[str, ...], where: str, fieldname: str,
               problems: Problems) -> dict[str, Any]:
    if value is None:
        return {}
    if type(value) is not dict:  # the common case first: isinstance(Mapping) is slower
        if not isinstance(value, Mapping):
            problems.add(where, fieldname, QT_TRANSLATE_NOOP(
                "problems", "must be a mapping, not {type}").format(type=type(value).__name__))
            return {}
        value = dict(value)
    mapping: dict[str, Any] = value
    for key in () if problems.trusted else mapping:
        if problems.full:
            break
        if key not in allowed:
            problems.add(where, f"{fieldname}.{field_name(key)}" if fieldname
                         else field_name(key),
                         QT_TRANSLATE_NOOP("problems", "unknown field (known: {known})")
                         .format(known=", ".join(allowed)))
    return mapping  # read only: the caller's own mapping is never changed


def str_list(value: Any, where: str, fieldname: str, problems: Problems,
             pattern: re.Pattern[str] | None = None, what: str = "value") -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.add(where, fieldname, QT_TRANSLATE_NOOP("problems", "must be a list of strings"))
        return []
    if pattern is not None and not problems.trusted:
        for v in value:
            if not pattern.match(v):
                problems.add(where, fieldname, not_valid(excerpt(v), what))
    return list(value)


def money_field(value: Any, where: str, fieldname: str, problems: Problems) -> Cents | None:
    if value is None:
        return None
    try:
        return parse_money(value)
    except MoneyError as exc:
        problems.add(where, fieldname, exc.args[0])  # its Said, not str(exc)
        return None


def ratio_field(value: Any, where: str, fieldname: str, problems: Problems) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        problems.add(where, fieldname, QT_TRANSLATE_NOOP("problems",
                                                         "must be a number such as 1.5"))
        return None
    try:
        ratio = Decimal(str(value))
    except InvalidOperation:
        problems.add(where, fieldname, QT_TRANSLATE_NOOP("problems", "{value} is not a number")
                     .format(value=excerpt(value)))
        return None
    if (not ratio.is_finite() or ratio <= 0 or ratio > MAX_RATIO
            or decimal_places(ratio) > RATIO_PLACES):
        problems.add(where, fieldname, QT_TRANSLATE_NOOP(
            "problems", "{value} must be a number above 0 and at most {most}, with at most "
            "{places} decimals").format(value=excerpt(value), most=MAX_RATIO,
                                        places=RATIO_PLACES))
        return None
    return ratio


def decimal_places(value: Decimal) -> int:
    """How many decimals a finite Decimal is written with (0 for 12 or 1E+3)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def parse_hours(text: Any, where: str, problems: Problems) -> tuple[int, int] | None:
    pattern = r"([0-9]{2}):([0-9]{2})-([0-9]{2}):([0-9]{2})"
    m = re.fullmatch(pattern, text) if isinstance(text, str) else None
    if not m:
        problems.add(where, "when.time.hours", QT_TRANSLATE_NOOP(
            "problems", "{value} is not like \"06:00-11:00\"").format(value=excerpt(text)))
        return None
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or (h1 == 24 and m1) or (h2 == 24 and m2):
        problems.add(where, "when.time.hours", QT_TRANSLATE_NOOP(
            "problems", "{value} is not a valid time range").format(value=excerpt(text)))
        return None
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if start == end:
        problems.add(where, "when.time.hours", QT_TRANSLATE_NOOP(
            "problems", "{value} is an empty time window").format(value=excerpt(text)))
        return None
    return start, end


def parse_date(value: Any, where: str, fieldname: str, problems: Problems) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    problems.add(where, fieldname, QT_TRANSLATE_NOOP(
        "problems", "{value} is not a date like {example}").format(value=excerpt(value),
                                                                   example="2026-12-01"))
    return None


def parse_ref(text: str, where: str, fieldname: str, problems: Problems) -> Ref | None:
    kind, sep, value = text.partition(":")
    if not sep or kind not in ("sku", "category", "tag") or not value:
        problems.add(where, fieldname, QT_TRANSLATE_NOOP(
            "problems", "{value} must be sku:X, category:Y or tag:Z").format(value=excerpt(text)))
        return None
    pattern = SKU_RE if kind == "sku" else SLUG_RE
    if not pattern.match(value):
        problems.add(where, fieldname, not_valid(excerpt(value), kind))
        return None
    return Ref(cast(Literal["sku", "category", "tag"], kind), value)  # checked above
