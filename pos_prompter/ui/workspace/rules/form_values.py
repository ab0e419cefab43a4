"""The rule form's values, without Qt: a rule in rule-pack form (what `rule_to_dict` and
export write; money as decimal text, never float) to and from the form's field values,
and each of the form's problems routed to the field it names.

- `values_from_dict(raw)` / `dict_from_values(values)`: pack form <-> field values, keyed
  by field key ("id", "scanned_sku", "bundle_price"...); a rule loaded unchanged builds the
  same dict again.
- `check_form(raw, rules, published=...)`: parses the built dict exactly as an import
  would (`parse_rule`), and says each problem by where the form shows it (`FormCheck`).
- `error_target(path)`: the field key a problem's field path ("offer.bundle.price") is
  shown beside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from pos_prompter.core.errors import ValidationError
from pos_prompter.core.rule_words import manager_message
from pos_prompter.core.rules import DAYS, Rule, parse_rule
from pos_prompter.core.said import Said
from pos_prompter.i18n import say, translate
from pos_prompter.ui.workspace.rules.problem_words import problem_text

NEW_RULE: dict[str, Any] = {"id": "", "kind": "cross_sell", "title": "", "offer": {"add": []},
                            "say": "", "priority": 0}
"""What the editor's `edit_rule(None)` starts from."""

SUGGESTED_CUSTOMER_TYPES = ("member", "staff")
"""Offered in the customer picker besides the types the store's rules already use."""

PROBLEM_RE = re.compile(r"\A(?:rule [^,]*|pack|settings), field (?P<field>\S+): "
                        r"(?P<message>.*)\Z", re.DOTALL)
"""How parse_rule names a field: "rule latte-up, field offer.add: needs at least one sku"."""

ERROR_TARGETS: dict[str, str] = {
    "id": "id", "kind": "kind", "title": "title", "say": "say", "why": "why",
    "priority": "priority", "holdout": "holdout", "max_offer_ratio": "max_offer_ratio",
    "active": "active",
    "when.event": "event",
    "when.scanned": "scanned", "when.scanned.sku": "scanned_sku",
    "when.scanned.category": "scanned_category", "when.scanned.tag": "scanned_tag",
    "when.order": "order", "when.order.total_min": "total_min",
    "when.order.total_max": "total_max", "when.order.has": "has", "when.order.lacks": "lacks",
    "when.time": "time", "when.time.hours": "hours", "when.time.days": "days",
    "when.time.from": "date_from", "when.time.to": "date_to",
    "when.customer": "customer",
    "offer": "offer", "offer.upgrade_to": "upgrade_to", "offer.add": "add",
    "offer.bundle.with": "bundle_with", "offer.bundle.price": "bundle_price",
    "offer.threshold.order_total": "order_total", "offer.threshold.within": "within",
    "offer.threshold.reward": "reward", "offer.threshold.reward_price": "reward_price",
}
"""Field path in a problem -> the form's error label for it. A path not here goes to its
parent's label ("offer.bundle" -> "offer"), or else to the list under the form."""


@dataclass(frozen=True, slots=True)
class FormCheck:
    """What the form describes, checked: `rule` (None while there are problems) and the
    problems by where they are shown, a field key or "" for the list under the form."""

    rule: Rule | None
    problems: dict[str, list[str]] = field(default_factory=dict)


def error_target(path: str) -> str | None:
    """The field key whose label shows a problem about field `path`, or None (the list
    under the form)."""
    while path:
        if path in ERROR_TARGETS:
            return ERROR_TARGETS[path]
        path = path.rpartition(".")[0]
    return None


def _field_and_message(problem: str) -> tuple[str | None, str]:
    """The field path a problem names and what it says of it (a core.said sentence, so
    it is said in the window's language); (None, problem) when it names no field."""
    if isinstance(problem, Said) and {"field", "message"} <= set(problem.fields):
        path, message = problem.fields["field"], problem.fields["message"]
        if isinstance(path, str) and isinstance(message, str):
            return path, message
    match = PROBLEM_RE.match(problem)
    return (match["field"], match["message"]) if match else (None, problem)


def check_form(raw: dict[str, Any], rules: Iterable[Rule], *, published: bool) -> FormCheck:
    """Check `raw` (the form in pack form) as an import would, among the store's `rules`.

    Each problem goes beside the field it names, in a manager's words; what names no field
    goes under "". A rule not yet `published` may not take the id of a rule in `rules`."""
    problems: list[str] = []
    rule: Rule | None = None
    try:
        rule = parse_rule(raw, 1)
    except ValidationError as exc:
        problems = exc.problems
    shown: dict[str, list[str]] = {}
    for problem in problems:
        path, message = _field_and_message(problem)
        target = error_target(path) if path is not None else None
        if path is not None and target is not None:
            reworded = manager_message(path, message)
            shown.setdefault(target, []).append(
                problem_text(message if reworded == message else reworded))
        else:
            shown.setdefault("", []).append(say(problem))
    rule_id = raw.get("id")
    if not published and any(r.id == rule_id for r in rules):
        shown.setdefault("id", []).append(
            translate("editor", "{rule} is already the id of another rule in this store")
            .format(rule=repr(rule_id)))
        rule = None
    return FormCheck(rule, shown)


def customer_types(rules: Iterable[Rule]) -> set[str]:
    """The customer types the picker offers: the ones `rules` use, and the suggested ones."""
    return {c for r in rules for c in r.customer} | set(SUGGESTED_CUSTOMER_TYPES)


def _number_out(text: str) -> Any:
    """A ratio as the pack writes it (1.5, 2): exact decimal text in, and if it is not a
    number, the text itself, so that parse_rule says what is wrong with it."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    if not value.is_finite():
        return text
    return int(value) if value == value.to_integral_value() else float(value)


def _number_text(value: Any) -> str:
    return "" if value is None else str(value)


def _minutes(text: str) -> int:
    hours, _sep, minutes = text.partition(":")
    return int(hours) * 60 + int(minutes)


def _hours_out(span: tuple[int, int]) -> str:
    start, end = span
    return f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"


def _hours_in(text: Any) -> tuple[int, int] | None:
    if not isinstance(text, str) or not re.fullmatch(r"\d\d:\d\d-\d\d:\d\d", text):
        return None
    start, _sep, end = text.partition("-")
    return _minutes(start), _minutes(end)


def values_from_dict(raw: dict[str, Any]) -> dict[str, Any]:
    """A rule in pack form (rule_to_dict) as the form's field values."""
    when = raw.get("when") or {}
    scanned = when.get("scanned") or {}
    order = when.get("order") or {}
    time = when.get("time") or {}
    offer = raw.get("offer") or {}
    bundle = offer.get("bundle") or {}
    threshold = offer.get("threshold") or {}
    return {
        "id": raw.get("id", ""), "kind": raw.get("kind", "cross_sell"),
        "title": raw.get("title", ""), "active": raw.get("active", True) is not False,
        "priority": int(raw.get("priority", 0)),
        "holdout": _number_text(raw.get("holdout")),
        "max_offer_ratio": _number_text(raw.get("max_offer_ratio")),
        "event": when.get("event", "scan"),
        "scanned_sku": list(scanned.get("sku", [])),
        "scanned_category": list(scanned.get("category", [])),
        "scanned_tag": list(scanned.get("tag", [])),
        "total_min": _number_text(order.get("total_min")),
        "total_max": _number_text(order.get("total_max")),
        "has": list(order.get("has", [])), "lacks": list(order.get("lacks", [])),
        "hours": _hours_in(time.get("hours")),
        "days": tuple(d for d in DAYS if d in time.get("days", ())),
        "date_from": time.get("from"), "date_to": time.get("to"),
        "customer": list(when.get("customer", [])),
        "upsell_mode": "upgrade_to" if offer.get("upgrade_to") else "next_size",
        "upgrade_to": offer.get("upgrade_to") or "",
        "add": list(offer.get("add", [])),
        "bundle_with": list(bundle.get("with", [])),
        "bundle_price": _number_text(bundle.get("price")),
        "order_total": _number_text(threshold.get("order_total")),
        "within": _number_text(threshold.get("within")),
        "reward": threshold.get("reward") or "",
        "reward_price": _number_text(threshold.get("reward_price")),
        "say": raw.get("say", ""), "why": raw.get("why", ""),
    }


def dict_from_values(v: dict[str, Any]) -> dict[str, Any]:
    """The form's field values as a rule in pack form: the fields in spec order, defaults
    left out, as rule_to_dict writes them (so a rule loaded unchanged builds the same
    dict). Only the offer fields of the chosen kind are written."""
    out: dict[str, Any] = {"id": v["id"], "kind": v["kind"], "title": v["title"]}
    when: dict[str, Any] = {}
    if v["event"] != "scan":
        when["event"] = v["event"]
    scanned = {name: sorted(set(v[key])) for name, key in
               (("sku", "scanned_sku"), ("category", "scanned_category"),
                ("tag", "scanned_tag")) if v[key]}
    if scanned:
        when["scanned"] = scanned
    order: dict[str, Any] = {}
    for name in ("total_min", "total_max"):
        if v[name].strip():
            order[name] = v[name].strip()
    for name in ("has", "lacks"):
        if v[name]:
            order[name] = list(v[name])
    if order:
        when["order"] = order
    time: dict[str, Any] = {}
    if v["hours"] is not None:
        time["hours"] = _hours_out(v["hours"])
    if v["days"]:
        time["days"] = list(v["days"])
    if v["date_from"]:
        time["from"] = v["date_from"]
    if v["date_to"]:
        time["to"] = v["date_to"]
    if time:
        when["time"] = time
    if v["customer"]:
        when["customer"] = sorted(set(v["customer"]))
    if when:
        out["when"] = when
    kind = v["kind"]
    if kind == "upsell":
        if v["upsell_mode"] == "next_size":
            out["offer"] = {"next_size": True}
        else:
            out["offer"] = {"upgrade_to": v["upgrade_to"].strip()} if v["upgrade_to"].strip() \
                else {}
    elif kind == "cross_sell":
        out["offer"] = {"add": list(v["add"])}
    elif kind == "bundle":
        bundle: dict[str, Any] = {"with": list(v["bundle_with"])}
        if v["bundle_price"].strip():
            bundle["price"] = v["bundle_price"].strip()
        out["offer"] = {"bundle": bundle}
    else:
        threshold: dict[str, Any] = {}
        for name in ("order_total", "within", "reward", "reward_price"):
            if v[name].strip():
                threshold[name] = v[name].strip()
        out["offer"] = {"threshold": threshold}
    out["say"] = v["say"]
    if v["why"]:
        out["why"] = v["why"]
    out["priority"] = v["priority"]
    if v["holdout"].strip():
        holdout = _number_out(v["holdout"].strip())
        if holdout != 0:
            out["holdout"] = holdout
    if v["max_offer_ratio"].strip():
        out["max_offer_ratio"] = _number_out(v["max_offer_ratio"].strip())
    if not v["active"]:
        out["active"] = False
    return out
