"""Practice scenarios (shared/spec/practice.md "Scenario files"): who steps up to the
practice till, what they came for, and how they answer each offer.

Pure data and checks: `parse_scenario` turns decoded YAML into a `Scenario` or refuses the
whole file with every problem named by customer position and field (the rule packs' kind of
errors); `catalog_problems` checks it against a store's products and rules, so an import is
all or nothing; `scenario_to_dict` writes it back in the file's own shape (what
`practice generate` saves).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.excerpt import excerpt, field_name
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said
from pos_prompter.core.till_calendar import EARLIEST, LATEST, outside_calendar

Answer = Literal["accept", "decline", "why-then-accept", "why-then-decline"]
ANSWERS: Final[tuple[Answer, ...]] = ("accept", "decline", "why-then-accept",
                                      "why-then-decline")
LEVELS: Final = {1: QT_TRANSLATE_NOOP("core", "easy"), 2: QT_TRANSLATE_NOOP("core", "medium"),
                 3: QT_TRANSLATE_NOOP("core", "hard")}
DEFAULT_PASS_SCORE: Final = 80
SCENARIO_ID_RE: Final = re.compile(r"[a-z0-9-]{1,64}\Z")
RULE_ID_RE: Final = re.compile(r"[a-z0-9-]{1,64}\Z")
TYPE_RE: Final = re.compile(r"[A-Za-z0-9_-]{1,40}\Z")
MAX_CUSTOMERS: Final = 100_000
MAX_ITEMS: Final = 200
MAX_TEXT: Final = 500
MAX_PROBLEMS: Final = 50

SCENARIO_FIELDS: Final = ("version", "id", "title", "level", "pass_score", "time", "customers")
CUSTOMER_FIELDS: Final = ("name", "type", "time", "says", "items", "answers", "default")


@dataclass(frozen=True, slots=True)
class Customer:
    """One customer of a scenario: one order each."""

    name: str
    items: tuple[str, ...]
    """What the trainee must ring up: SKUs or barcodes, repeats allowed."""
    says: str = ""
    type: str | None = None
    """The customer type set on their order (member, staff...), if any."""
    time: dt.datetime | None = None
    """The till's clock when they step up; None keeps the clock as the last one left it."""
    answers: Mapping[str, Answer] = field(default_factory=dict)
    """How they answer an offer, by rule id."""
    default: Answer = "decline"

    def answer_to(self, rule_id: str) -> Answer:
        return self.answers.get(rule_id, self.default)


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    title: str
    level: int
    time: dt.datetime
    """The till's clock when the first customer steps up."""
    customers: tuple[Customer, ...]
    pass_score: int = DEFAULT_PASS_SCORE

    @property
    def level_name(self) -> str:
        return LEVELS.get(self.level, str(self.level))


SCENARIO_WHAT = QT_TRANSLATE_NOOP("problems", "scenario")
"""What a refused scenario names (ValidationError's `what`)."""
WHOLE_FROM_TO = QT_TRANSLATE_NOOP("problems", "{value} must be a whole number from {low} to "
                                              "{high}")


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, fieldname: str, message: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(QT_TRANSLATE_NOOP("scenario", "{where}, field {field}: {message}")
                              .format(where=where, field=fieldname, message=message))


def _customer_where(position: int, name: str = "") -> Said:
    """'customer 2' or 'customer 2 (Ana)', said in the reader's language."""
    if name:
        return QT_TRANSLATE_NOOP("scenario", "customer {position} ({name})").format(
            position=position, name=name)
    return QT_TRANSLATE_NOOP("scenario", "customer {position}").format(position=position)


def _text(value: Any, where: str, fieldname: str, problems: _Problems, *,
          required: bool) -> str:
    if value is None or value == "":
        if required:
            problems.add(where, fieldname, QT_TRANSLATE_NOOP("problems", "is required"))
        return ""
    if not isinstance(value, str):
        problems.add(where, fieldname, QT_TRANSLATE_NOOP("scenario", "must be text, not {type}")
                     .format(type=type(value).__name__))
        return ""
    if len(value) > MAX_TEXT:
        problems.add(where, fieldname, QT_TRANSLATE_NOOP(
            "scenario", "is {length} characters long; at most {most}").format(
            length=len(value), most=MAX_TEXT))
        return value[:MAX_TEXT]
    if any(ord(c) < 32 and c not in "\t" for c in value):
        problems.add(where, fieldname, QT_TRANSLATE_NOOP(
            "scenario", "cannot contain control characters or line breaks"))
    return value.strip()


def _when(value: Any, where: str, fieldname: str, problems: _Problems) -> dt.datetime | None:
    """A local date and time: `2026-11-23T08:10` (YAML gives a datetime when seconds are
    written, text otherwise)."""
    when: dt.datetime | None = None
    if isinstance(value, dt.datetime):
        when = value
    elif isinstance(value, str) and len(value.strip()) > len("2026-11-23"):  # a time too
        try:
            when = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            when = None
    if when is None or isinstance(value, bool):
        problems.add(where, fieldname, QT_TRANSLATE_NOOP(
            "scenario", "{value} must be a local date and time such as {example}").format(
            value=excerpt(value), example="2026-11-23T08:10"))
        return None
    if when.tzinfo is not None:
        problems.add(where, fieldname, QT_TRANSLATE_NOOP(
            "scenario", "{value} is the till's local time: leave out the time zone").format(
            value=excerpt(value)))
        return None
    refused = outside_calendar(when)
    if refused:
        problems.add(where, fieldname, QT_TRANSLATE_NOOP(
            "scenario", "{when} is outside the till's calendar ({first} to {last})").format(
            when=when.isoformat(timespec="minutes"), first=f"{EARLIEST:%Y-%m-%d}",
            last=f"{LATEST:%Y-%m-%d}"))
        return None
    return when.replace(microsecond=0)


def _whole(value: Any, where: str, fieldname: str, problems: _Problems, low: int,
           high: int, default: int) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        problems.add(where, fieldname,
                     WHOLE_FROM_TO.format(value=excerpt(value), low=low, high=high))
        return default
    return value


def _answer(value: Any, where: str, fieldname: str, problems: _Problems) -> Answer:
    if value in ANSWERS:
        return value  # type: ignore[no-any-return]
    problems.add(where, fieldname, QT_TRANSLATE_NOOP("problems", "{value} must be one of "
                                                                 "{choices}").format(
        value=excerpt(value), choices=", ".join(ANSWERS)))
    return "decline"


def _keys(raw: Mapping[Any, Any], allowed: tuple[str, ...], where: str,
          problems: _Problems) -> None:
    for key in raw:
        if key not in allowed:
            problems.add(where, field_name(key), QT_TRANSLATE_NOOP(
                "problems", "unknown field (known: {known})").format(known=", ".join(allowed)))


def _customer(raw: Any, position: int, problems: _Problems) -> Customer | None:
    where = _customer_where(position)
    if not isinstance(raw, Mapping):
        problems.add(where, "(customer)", QT_TRANSLATE_NOOP(
            "scenario", "must be a mapping of fields (name, items, ...)"))
        return None
    name = _text(raw.get("name"), where, "name", problems, required=True)
    if name:
        where = _customer_where(position, name)
    _keys(raw, CUSTOMER_FIELDS, where, problems)
    says = _text(raw.get("says"), where, "says", problems, required=False)
    ctype = raw.get("type")
    if ctype is not None and (not isinstance(ctype, str) or not TYPE_RE.match(ctype)):
        problems.add(where, "type", QT_TRANSLATE_NOOP(
            "scenario", "{value} must be a customer type such as member (letters, digits, - "
            "and _)").format(value=excerpt(ctype)))
        ctype = None
    when = _when(raw["time"], where, "time", problems) if raw.get("time") is not None else None
    items_raw = raw.get("items")
    items: list[str] = []
    if isinstance(items_raw, str):
        items_raw = [items_raw]
    if not isinstance(items_raw, list) or not items_raw:
        problems.add(where, "items", QT_TRANSLATE_NOOP(
            "scenario", "must list at least one SKU or barcode to ring up"))
    elif len(items_raw) > MAX_ITEMS:
        problems.add(where, "items", QT_TRANSLATE_NOOP(
            "scenario", "lists {n} items; at most {most}").format(n=len(items_raw),
                                                                 most=MAX_ITEMS))
    else:
        for i, item in enumerate(items_raw, start=1):
            if isinstance(item, int) and not isinstance(item, bool):
                item = str(item)  # a barcode written without quotes
            if not isinstance(item, str) or not item.strip():
                problems.add(where, f"items[{i}]", QT_TRANSLATE_NOOP(
                    "scenario", "{value} must be a SKU or a barcode").format(value=excerpt(item)))
                continue
            items.append(item.strip())
    answers: dict[str, Answer] = {}
    answers_raw = raw.get("answers")
    if answers_raw is not None and not isinstance(answers_raw, Mapping):
        problems.add(where, "answers", QT_TRANSLATE_NOOP(
            "scenario", "must map rule ids to answers (coffee-size-up: accept)"))
    elif answers_raw:
        for rule_id, answer in answers_raw.items():
            if not isinstance(rule_id, str) or not RULE_ID_RE.match(rule_id):
                problems.add(where, "answers", QT_TRANSLATE_NOOP(
                    "scenario", "{value} is not a rule id").format(value=excerpt(rule_id)))
                continue
            answers[rule_id] = _answer(answer, where, f"answers.{rule_id}", problems)
    default = _answer(raw.get("default", "decline"), where, "default", problems)
    return Customer(name=name, items=tuple(items), says=says, type=ctype, time=when,
                    answers=answers, default=default)


def parse_scenario(data: Any) -> Scenario:
    """A scenario from its decoded YAML. Refuses the whole of it (ValidationError, every
    problem named by customer position and field) when anything is wrong."""
    problems = _Problems()
    if not isinstance(data, Mapping):
        raise ValidationError([QT_TRANSLATE_NOOP(
            "scenario", "the file must be a mapping with version, id, title, level, time and "
            "customers")], what=SCENARIO_WHAT)
    top: Said = SCENARIO_WHAT
    _keys(data, SCENARIO_FIELDS, top, problems)
    version = data.get("version")
    if version != 1 or isinstance(version, bool) or not isinstance(version, int):
        problems.add(top, "version", QT_TRANSLATE_NOOP(
            "scenario", "{value} is not supported: this version reads version 1").format(
            value=excerpt(version)))
    sid = data.get("id")
    if not isinstance(sid, str) or not SCENARIO_ID_RE.match(sid):
        problems.add(top, "id", QT_TRANSLATE_NOOP(
            "problems", "{value} must be a slug of a-z, 0-9 and -, at most 64 long").format(
            value=excerpt(sid)))
        sid = ""
    else:
        top = QT_TRANSLATE_NOOP("scenario", "scenario {id}").format(id=sid)
    title = _text(data.get("title"), top, "title", problems, required=True)
    level = _whole(data.get("level"), top, "level", problems, 1, 3, 1)
    if data.get("level") is None:
        problems.add(top, "level", QT_TRANSLATE_NOOP("scenario",
                                                     "is required: 1 easy, 2 medium, 3 hard"))
    pass_score = _whole(data.get("pass_score"), top, "pass_score", problems, 0, 100,
                        DEFAULT_PASS_SCORE)
    start = None
    if data.get("time") is None:
        problems.add(top, "time", QT_TRANSLATE_NOOP(
            "scenario", "is required: the till's clock when the first customer steps up, such "
            "as {example}").format(example="2026-11-23T08:10"))
    else:
        start = _when(data.get("time"), top, "time", problems)
    raw_customers = data.get("customers")
    customers: list[Customer] = []
    if not isinstance(raw_customers, list) or not raw_customers:
        problems.add(top, "customers", QT_TRANSLATE_NOOP("scenario",
                                                         "must list at least one customer"))
    elif len(raw_customers) > MAX_CUSTOMERS:
        problems.add(top, "customers", QT_TRANSLATE_NOOP(
            "scenario", "lists {n}; at most {most}").format(n=len(raw_customers),
                                                           most=MAX_CUSTOMERS))
    else:
        for position, raw in enumerate(raw_customers, start=1):
            customer = _customer(raw, position, problems)
            if customer is not None:
                customers.append(customer)
    if problems.items or start is None:
        raise ValidationError(problems.items or [QT_TRANSLATE_NOOP("scenario",
                                                                   "time is missing")],
                              what=SCENARIO_WHAT)
    return Scenario(id=sid, title=title, level=level, time=start,
                    customers=tuple(customers), pass_score=pass_score)


def catalog_problems(scenario: Scenario, catalog: Catalog,
                     rule_ids: Collection[str]) -> list[str]:
    """What a scenario names that the store does not have: items no product answers to
    (by barcode or SKU), and answers for rules the store does not have."""
    problems = _Problems()
    for position, customer in enumerate(scenario.customers, start=1):
        where = _customer_where(position, customer.name)
        for i, item in enumerate(customer.items, start=1):
            product = catalog.lookup(item)
            if product is None:
                problems.add(where, f"items[{i}]", QT_TRANSLATE_NOOP(
                    "scenario", "{value} is no product of this store (neither a barcode nor a "
                    "SKU)").format(value=excerpt(item)))
            elif not product.active:
                problems.add(where, f"items[{i}]", QT_TRANSLATE_NOOP(
                    "scenario", "{sku} is not for sale").format(sku=product.sku))
        for rule_id in customer.answers:
            if rule_id not in rule_ids:
                problems.add(where, f"answers.{rule_id}", QT_TRANSLATE_NOOP(
                    "scenario", "this store has no rule by that id"))
    return problems.items


def _when_text(when: dt.datetime) -> str:
    return when.isoformat(timespec="minutes" if when.second == 0 else "seconds")


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The scenario in its file's shape (parse_scenario reads it back the same)."""
    customers: list[dict[str, Any]] = []
    for c in scenario.customers:
        out: dict[str, Any] = {"name": c.name}
        if c.type is not None:
            out["type"] = c.type
        if c.time is not None:
            out["time"] = _when_text(c.time)
        if c.says:
            out["says"] = c.says
        out["items"] = list(c.items)
        if c.answers:
            out["answers"] = dict(c.answers)
        if c.default != "decline":
            out["default"] = c.default
        customers.append(out)
    return {"version": 1, "id": scenario.id, "title": str.__str__(scenario.title),
            "level": scenario.level,
            "pass_score": scenario.pass_score, "time": _when_text(scenario.time),
            "customers": customers}
