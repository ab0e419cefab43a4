"""The rule-pack language (see shared/spec/rule-pack.md): parse, validate, render, export.

Text that managers write is data, never code: `say` and `why` may use only the
placeholders in PLACEHOLDERS, substituted by plain string replacement, never `str.format`
on user input. Every problem names the rule (its id or position), the field and what is wrong.

The language lives in modules by job, and this one gathers their public names, so that
`from pos_prompter.core.rules import Rule, parse_pack` keeps working:
- core.rule_model: the dataclasses (Rule, RulePack, Settings...), limits and placeholders;
- core.rule_text: the placeholders a text uses, their problems, rendering;
- core.rule_fields: the problems list and the readers of one field (money, ratio, dates);
- core.rule_parse: parsing and validating rules, settings and whole packs;
- core.rule_export: rules, settings and packs back in pack form;
- core.store_settings: the store settings a manager may change, and their checks.
"""

from __future__ import annotations

from pos_prompter.core.guardrails import Settings
from pos_prompter.core.rule_export import pack_to_dict, rule_to_dict, settings_to_dict
from pos_prompter.core.rule_fields import MAX_PROBLEMS
from pos_prompter.core.rule_model import (
    DAYS,
    EVENTS,
    KIND_PLACEHOLDERS,
    KINDS,
    MAX_PRIORITY,
    MAX_PROMPTS,
    MAX_RATIO,
    PACK_SETTINGS,
    PACK_VERSION,
    PLACEHOLDERS,
    RATIO_PLACES,
    RULE_ID_RE,
    SUPPORTED_KINDS,
    Kind,
    Offer,
    OrderCondition,
    Ref,
    Rule,
    RuleId,
    RulePack,
    Scanned,
    TimeCondition,
)
from pos_prompter.core.rule_parse import (
    OFFER_FIELDS,
    RULE_FIELDS,
    WHEN_FIELDS,
    parse_pack,
    parse_rule,
    parse_settings,
)
from pos_prompter.core.rule_text import placeholder_problems, placeholders_used, render
from pos_prompter.core.store_settings import MAX_STORE_NAME, STORE_SETTINGS, parse_store_setting

__all__ = [
    "DAYS",
    "EVENTS",
    "KINDS",
    "KIND_PLACEHOLDERS",
    "MAX_PRIORITY",
    "MAX_PROBLEMS",
    "MAX_PROMPTS",
    "MAX_RATIO",
    "MAX_STORE_NAME",
    "OFFER_FIELDS",
    "PACK_SETTINGS",
    "PACK_VERSION",
    "PLACEHOLDERS",
    "RATIO_PLACES",
    "RULE_FIELDS",
    "RULE_ID_RE",
    "STORE_SETTINGS",
    "SUPPORTED_KINDS",
    "WHEN_FIELDS",
    "Kind",
    "Offer",
    "OrderCondition",
    "Ref",
    "Rule",
    "RuleId",
    "RulePack",
    "Scanned",
    "Settings",
    "TimeCondition",
    "pack_to_dict",
    "parse_pack",
    "parse_rule",
    "parse_settings",
    "parse_store_setting",
    "placeholder_problems",
    "placeholders_used",
    "render",
    "rule_to_dict",
    "settings_to_dict",
]
