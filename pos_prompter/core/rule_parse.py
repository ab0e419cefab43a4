"""Parsing and validating rule packs (see shared/spec/rule-pack.md).

All or nothing: any problem raises ValidationError listing every problem found (up to
MAX_PROBLEMS), each naming the rule (its id or position), the field and what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from pos_prompter.core.catalog import SKU_RE, SLUG_RE
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.excerpt import excerpt, field_name
from pos_prompter.core.guardrails import Settings
from pos_prompter.core.rule_fields import (
    Problems,
    check_keys,
    decimal_places,
    money_field,
    not_valid,
    parse_date,
    parse_hours,
    parse_ref,
    ratio_field,
    str_list,
)
from pos_prompter.core.rule_model import (
    DAYS,
    EVENTS,
    KINDS,
    MAX_PRIORITY,
    MAX_PROMPTS,
    PACK_SETTINGS,
    PACK_VERSION,
    RATIO_PLACES,
    RULE_ID_RE,
    SUPPORTED_KINDS,
    Offer,
    OrderCondition,
    Rule,
    RuleId,
    RulePack,
    Scanned,
    TimeCondition,
)
from pos_prompter.core.rule_text import text_problems
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

RULE_WHAT = QT_TRANSLATE_NOOP("problems", "rule")
SETTINGS_WHAT = QT_TRANSLATE_NOOP("problems", "settings")
PACK_WHAT = QT_TRANSLATE_NOOP("problems", "rule pack")
"""What a refusal names (ValidationError's `what`), in the reader's language."""
REQUIRED = QT_TRANSLATE_NOOP("problems", "is required")
TRUE_OR_FALSE = QT_TRANSLATE_NOOP("problems", "must be true or false")
ONE_OF = QT_TRANSLATE_NOOP("problems", "{value} must be one of {choices}")
WHOLE_FROM_TO = QT_TRANSLATE_NOOP("problems", "{value} must be a whole number from {low} to "
                                              "{high}")
NEEDS_A_SKU = QT_TRANSLATE_NOOP("problems", "needs at least one sku")

RULE_FIELDS = ("id", "kind", "title", "when", "offer", "say", "why", "priority", "holdout",
               "max_offer_ratio", "active")
WHEN_FIELDS = ("event", "scanned", "order", "time", "customer")
OFFER_FIELDS = {
    "upsell": ("upgrade_to", "next_size"),
    "cross_sell": ("add",),
    "bundle": ("bundle",),
    "threshold": ("threshold",),
}


def parse_rule(raw: Any, position: int, problems: Problems | None = None, *,
               trusted: bool = False) -> Rule | None:
    """Parse one rule; problems go into `problems` (raises ValidationError when not given).

    `trusted`: the rule comes back from the store, where only validated rules are saved;
    the checks that only text can fail are skipped (a third faster at 20,000 rules)."""
    own = problems is None
    probs = problems if problems is not None else Problems(trusted=trusted)
    rule = _parse_rule(raw, position, probs)
    if own and probs.items:
        raise ValidationError(probs.items, what=RULE_WHAT)
    return rule


def _parse_rule(raw: Any, position: int, problems: Problems) -> Rule | None:
    start = len(problems.items)
    where = f"rule #{position}"
    if not isinstance(raw, Mapping):
        problems.add(where, "(rule)", QT_TRANSLATE_NOOP("problems", "must be a mapping of fields"))
        return None
    rid = raw.get("id")
    if isinstance(rid, str) and RULE_ID_RE.match(rid):
        where = f"rule {rid}"
    else:
        problems.add(where, "id", QT_TRANSLATE_NOOP(
            "problems", "{value} must be a slug of a-z, 0-9 and -, at most 64 long").format(
            value=excerpt(rid)))
    check_keys(raw, RULE_FIELDS, where, "", problems)
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.add(where, "kind", ONE_OF.format(value=excerpt(kind), choices=", ".join(KINDS)))
        kind = None
    elif kind not in SUPPORTED_KINDS:
        problems.add(where, "kind", QT_TRANSLATE_NOOP(
            "problems", "{kind} rules are not supported yet by this version").format(kind=kind))
        kind = None
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.add(where, "title", QT_TRANSLATE_NOOP(
            "problems", "is required (a short name for the rule)"))
        title = ""
    say = raw.get("say")
    if not isinstance(say, str) or not say.strip():
        problems.add(where, "say", QT_TRANSLATE_NOOP(
            "problems", "is required (what the clerk reads to the customer)"))
        say = ""
    why = raw.get("why", "")
    if why is None:
        why = ""
    if not isinstance(why, str):
        problems.add(where, "why", QT_TRANSLATE_NOOP("problems", "must be text"))
        why = ""
    for fname, text in () if problems.trusted else (("say", say), ("why", why)):
        for message in text_problems(text):
            problems.add(where, fname, message)

    priority = raw.get("priority", 0)
    if (isinstance(priority, bool) or not isinstance(priority, int)
            or not -MAX_PRIORITY <= priority <= MAX_PRIORITY):
        problems.add(where, "priority", WHOLE_FROM_TO.format(
            value=excerpt(priority), low=f"-{MAX_PRIORITY:,}", high=f"{MAX_PRIORITY:,}"))
        priority = 0
    holdout = Decimal(0)
    if raw.get("holdout") is not None:
        h = raw.get("holdout")
        try:
            if isinstance(h, bool):
                raise InvalidOperation
            if not isinstance(h, (int, float, str, Decimal)):
                raise InvalidOperation
            holdout = Decimal(str(h))
            if (not holdout.is_finite() or not 0 <= holdout < 1
                    or decimal_places(holdout) > RATIO_PLACES):
                raise InvalidOperation
        except InvalidOperation:
            problems.add(where, "holdout", QT_TRANSLATE_NOOP(
                "problems", "{value} must be a share from 0 up to (not incl.) 1, with at most "
                "{places} decimals").format(value=excerpt(h), places=RATIO_PLACES))
            holdout = Decimal(0)
    ratio = ratio_field(raw.get("max_offer_ratio"), where, "max_offer_ratio", problems)
    active = raw.get("active", True)
    if not isinstance(active, bool):
        problems.add(where, "active", QT_TRANSLATE_NOOP(
            "problems", "{value} must be true or false").format(value=excerpt(active)))
        active = True

    when = check_keys(raw.get("when"), WHEN_FIELDS, where, "when", problems)
    event = when.get("event", "scan")
    if event not in EVENTS:
        problems.add(where, "when.event", QT_TRANSLATE_NOOP(
            "problems", "{value} must be scan or checkout").format(value=excerpt(event)))
        event = "scan"
    scanned: Scanned | None = None
    if when.get("scanned") is not None:
        sc = check_keys(when["scanned"], ("sku", "category", "tag"), where, "when.scanned",
                         problems)
        scanned = Scanned(
            skus=frozenset(str_list(sc.get("sku"), where, "when.scanned.sku", problems,
                                     SKU_RE, "sku")),
            categories=frozenset(str_list(sc.get("category"), where, "when.scanned.category",
                                           problems, SLUG_RE, "category")),
            tags=frozenset(str_list(sc.get("tag"), where, "when.scanned.tag", problems,
                                     SLUG_RE, "tag")),
        )
        if not (scanned.skus or scanned.categories or scanned.tags):
            problems.add(where, "when.scanned", QT_TRANSLATE_NOOP(
                "problems", "names no sku, category or tag"))
        if event == "checkout":
            problems.add(where, "when.scanned", QT_TRANSLATE_NOOP(
                "problems", "a checkout rule has no scanned line; use when.order.has to look "
                "at the order"))
    if kind == "upsell" and event == "checkout":
        problems.add(where, "when.event", QT_TRANSLATE_NOOP(
            "problems", "an upsell replaces a scanned line, so it needs event: scan"))
    order: OrderCondition | None = None
    if when.get("order") is not None:
        oc = check_keys(when["order"], ("total_min", "total_max", "has", "lacks"), where,
                         "when.order", problems)
        has = [parse_ref(t, where, "when.order.has", problems)
               for t in str_list(oc.get("has"), where, "when.order.has", problems)]
        lacks = [parse_ref(t, where, "when.order.lacks", problems)
                 for t in str_list(oc.get("lacks"), where, "when.order.lacks", problems)]
        order = OrderCondition(
            total_min=money_field(oc.get("total_min"), where, "when.order.total_min", problems),
            total_max=money_field(oc.get("total_max"), where, "when.order.total_max", problems),
            has=tuple(r for r in has if r), lacks=tuple(r for r in lacks if r),
        )
        if (order.total_min is not None and order.total_max is not None
                and order.total_min > order.total_max):
            problems.add(where, "when.order", QT_TRANSLATE_NOOP(
                "problems", "total_min is above total_max: it can never hold"))
    time: TimeCondition | None = None
    if when.get("time") is not None:
        tc = check_keys(when["time"], ("hours", "days", "from", "to"), where, "when.time",
                         problems)
        hours = parse_hours(tc["hours"], where, problems) if "hours" in tc else None
        days: set[int] = set()
        for d in str_list(tc.get("days"), where, "when.time.days", problems):
            if d.lower() in DAYS:
                days.add(DAYS.index(d.lower()))
            else:
                problems.add(where, "when.time.days",
                             ONE_OF.format(value=excerpt(d), choices=", ".join(DAYS)))
        date_from = parse_date(tc.get("from"), where, "when.time.from", problems)
        date_to = parse_date(tc.get("to"), where, "when.time.to", problems)
        if date_from and date_to and date_from > date_to:
            problems.add(where, "when.time", QT_TRANSLATE_NOOP(
                "problems", "from is after to: the rule can never fire"))
        time = TimeCondition(hours=hours, days=frozenset(days), date_from=date_from,
                             date_to=date_to)
    customer = frozenset(str_list(when.get("customer"), where, "when.customer", problems,
                                   SLUG_RE, "customer type"))

    offer = Offer()
    raw_offer = raw.get("offer")
    all_offer_keys = ("upgrade_to", "next_size", "add", "bundle", "threshold")
    of = check_keys(raw_offer, all_offer_keys, where, "offer", problems)
    if raw_offer is None:
        problems.add(where, "offer", REQUIRED)
    elif kind is not None:
        fitting = OFFER_FIELDS[kind]
        for key in of:
            if key in all_offer_keys and key not in fitting:
                problems.add(where, f"offer.{key}", QT_TRANSLATE_NOOP(
                    "problems", "does not fit a {kind} rule (a {kind} takes {fitting})").format(
                    kind=kind, fitting=_either(fitting)))
        offer = _parse_offer(kind, of, where, problems)
    if len(problems.items) > start or kind is None:
        return None
    assert isinstance(rid, str)  # an id that is not a slug added a problem above
    return Rule(
        id=RuleId(rid), kind=kind, title=title.strip(), say=say, why=why, event=event,
        scanned=scanned, order=order, time=time, customer=customer, offer=offer,
        priority=priority, holdout=holdout, max_offer_ratio=ratio, active=active,
    )


def _parse_offer(kind: str, of: dict[str, Any], where: str, problems: Problems) -> Offer:
    if kind == "upsell":
        upgrade_to = of.get("upgrade_to")
        next_size = of.get("next_size", False)
        if not isinstance(next_size, bool):
            problems.add(where, "offer.next_size", TRUE_OR_FALSE)
            next_size = False
        if upgrade_to is not None and (not isinstance(upgrade_to, str)
                                       or not SKU_RE.match(upgrade_to)):
            problems.add(where, "offer.upgrade_to", not_valid(excerpt(upgrade_to), "sku"))
            upgrade_to = None
        if bool(upgrade_to) == bool(next_size):
            problems.add(where, "offer", QT_TRANSLATE_NOOP(
                "problems", "an upsell takes exactly one of upgrade_to: SKU or next_size: true"))
        return Offer(upgrade_to=upgrade_to, next_size=next_size)
    if kind == "cross_sell":
        add = str_list(of.get("add"), where, "offer.add", problems, SKU_RE, "sku")
        if not add:
            problems.add(where, "offer.add", NEEDS_A_SKU)
        return Offer(add=tuple(add))
    if kind == "bundle":
        b = check_keys(of.get("bundle"), ("with", "price"), where, "offer.bundle", problems)
        with_ = str_list(b.get("with"), where, "offer.bundle.with", problems, SKU_RE, "sku")
        if not with_:
            problems.add(where, "offer.bundle.with", NEEDS_A_SKU)
        if len(set(with_)) != len(with_):
            problems.add(where, "offer.bundle.with", QT_TRANSLATE_NOOP("problems",
                                                                       "names a sku twice"))
        price = money_field(b.get("price"), where, "offer.bundle.price", problems)
        if "price" not in b:
            problems.add(where, "offer.bundle.price", REQUIRED)
        return Offer(bundle_with=tuple(with_), bundle_price=price)
    t = check_keys(of.get("threshold"), ("order_total", "within", "reward", "reward_price"),
                    where, "offer.threshold", problems)
    for req in ("order_total", "reward", "reward_price"):
        if req not in t:
            problems.add(where, f"offer.threshold.{req}", REQUIRED)
    reward = t.get("reward")
    if reward is not None and (not isinstance(reward, str) or not SKU_RE.match(reward)):
        problems.add(where, "offer.threshold.reward", not_valid(excerpt(reward), "sku"))
        reward = None
    order_total = money_field(t.get("order_total"), where, "offer.threshold.order_total", problems)
    if order_total is not None and order_total <= 0:
        problems.add(where, "offer.threshold.order_total", QT_TRANSLATE_NOOP(
            "problems", "must be above 0"))
    return Offer(
        order_total=order_total,
        within=money_field(t.get("within"), where, "offer.threshold.within", problems),
        reward=reward,
        reward_price=money_field(t.get("reward_price"), where,
                                 "offer.threshold.reward_price", problems),
    )


def _either(choices: tuple[str, ...]) -> Said | str:
    """Field names joined by "or" in the reader's language ("upgrade_to or next_size")."""
    if len(choices) == 1:
        return choices[0]
    return QT_TRANSLATE_NOOP("problems", "{first} or {second}").format(
        first=", ".join(choices[:-1]), second=choices[-1])


def parse_settings(raw: Any, problems: Problems | None = None) -> Settings:
    own = problems is None
    probs = problems if problems is not None else Problems()
    s = check_keys(raw, PACK_SETTINGS, "settings", "settings", probs)
    defaults = Settings()
    cap = s.get("max_prompts_per_order", defaults.max_prompts_per_order)
    if isinstance(cap, bool) or not isinstance(cap, int) or not 0 <= cap <= MAX_PROMPTS:
        probs.add("settings", "max_prompts_per_order",
                  WHOLE_FROM_TO.format(value=excerpt(cap), low=0, high=f"{MAX_PROMPTS:,}"))
        cap = defaults.max_prompts_per_order
    ratio = ratio_field(s.get("max_offer_ratio"), "settings", "max_offer_ratio", probs)
    currency = s.get("currency", defaults.currency)
    if not isinstance(currency, str) or not re.fullmatch(r"[A-Z]{3}", currency):
        probs.add("settings", "currency", QT_TRANSLATE_NOOP(
            "problems", "{value} must be a 3-letter code such as USD").format(
            value=excerpt(currency)))
        currency = defaults.currency
    if own and probs.items:
        raise ValidationError(probs.items, what=SETTINGS_WHAT)
    return Settings(max_prompts_per_order=cap,
                    max_offer_ratio=ratio if ratio is not None else defaults.max_offer_ratio,
                    currency=currency)


def parse_pack(data: Any, *,
               progress: Callable[[int, int], None] | None = None) -> RulePack:
    """Parse a whole rule pack. All or nothing: any problem raises ValidationError with all
    problems found, each naming the rule, the field and what is wrong."""
    problems = Problems()
    if not isinstance(data, Mapping):
        raise ValidationError([QT_TRANSLATE_NOOP(
            "problems", "the pack must be a mapping with version and rules")], what=PACK_WHAT)
    for key in data:
        if problems.full:
            break
        if key not in ("version", "settings", "rules"):
            problems.add("pack", field_name(key), QT_TRANSLATE_NOOP(
                "problems", "unknown top-level field (known: version, settings, rules)"))
    version = data.get("version")
    if type(version) is not int or version != PACK_VERSION:  # not 1.0, True or "1"
        problems.add("pack", "version", QT_TRANSLATE_NOOP(
            "problems", "{value} is not a supported format version (this app reads version "
            "{version}, written as the whole number {version})").format(
            value=excerpt(version), version=PACK_VERSION))
    settings: Settings | None = None
    given: frozenset[str] | None = None
    if "settings" in data:
        raw_settings = data["settings"]
        settings = parse_settings(raw_settings, problems)
        given = frozenset(k for k in PACK_SETTINGS
                          if isinstance(raw_settings, Mapping) and k in raw_settings)
    raw_rules = data.get("rules", [])
    if raw_rules is None:
        raw_rules = []
    if not isinstance(raw_rules, list):
        problems.add("pack", "rules", QT_TRANSLATE_NOOP("problems", "must be a list of rules"))
        raw_rules = []
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(raw_rules, start=1):
        if problems.full:  # refused already: the rest is not read
            break
        if progress is not None and i % 1000 == 0:
            progress(i, len(raw_rules))
        rule = _parse_rule(raw, i, problems)
        rid = raw.get("id") if isinstance(raw, Mapping) else None
        if isinstance(rid, str):
            if rid in seen:
                problems.add(f"rule {rid}", "id", QT_TRANSLATE_NOOP(
                    "problems", "is used twice (rules #{first} and #{again})").format(
                    first=seen[rid], again=i))
            seen.setdefault(rid, i)
        if rule is not None:
            rules.append(rule)
    if progress is not None and len(raw_rules) >= 1000:
        progress(len(raw_rules), len(raw_rules))
    if problems.items:
        raise ValidationError(problems.listed(), what=PACK_WHAT)
    return RulePack(rules=tuple(rules), settings=settings, settings_given=given)
