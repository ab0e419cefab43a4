"""The store settings a manager may change (`pos-prompter settings`, the Settings page).

STORE_SETTINGS names each with what it does; parse_store_setting checks one `KEY=VALUE`.
"""

from __future__ import annotations

import re
from typing import Any

from pos_prompter.core.backup_policy import (
    BACKUP_EVERY_MINUTES,
    BACKUP_KEEP_DAYS,
    parse_backup_setting,
)
from pos_prompter.core.backup_policy import LIMITS as BACKUP_LIMITS
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.excerpt import excerpt
from pos_prompter.core.language import SUPPORTED as LANGUAGES
from pos_prompter.core.language import parse_language_setting
from pos_prompter.core.leaderboard_setting import parse_leaderboard_setting
from pos_prompter.core.rule_fields import Problems, ratio_field
from pos_prompter.core.rule_model import MAX_PROMPTS
from pos_prompter.core.said import QT_TRANSLATE_NOOP
from pos_prompter.core.theme_setting import THEMES

SETTING_WHAT = QT_TRANSLATE_NOOP("problems", "setting")
"""What a refused setting names (ValidationError's `what`)."""
WHOLE_FROM_TO = QT_TRANSLATE_NOOP("problems", "{value} must be a whole number from {low} to "
                                              "{high}")
ONE_OF = QT_TRANSLATE_NOOP("problems", "{value} must be one of {choices}")

MAX_STORE_NAME = 100



STORE_SETTINGS: dict[str, str] = {
    "max_prompts_per_order": QT_TRANSLATE_NOOP(
        "core", "never more prompts than this in one order (whole number)"),
    "max_offer_ratio": QT_TRANSLATE_NOOP(
        "core", "an offer may add at most this times the trigger line's price"),
    "currency": QT_TRANSLATE_NOOP("core", "3-letter currency code, e.g. USD"),
    "rush_scans_per_minute": QT_TRANSLATE_NOOP(
        "core", "at this many scans a minute an order gets only its single highest-ranked "
        "prompt (0 = off)"),
    "store_name": QT_TRANSLATE_NOOP("core", "the shop's name, shown in the window title"),
    "leaderboard": QT_TRANSLATE_NOOP(
        "core", "rank clerks by offers made and accepted in reports: on or off (default off)"),
    "leaderboard_min_orders": QT_TRANSLATE_NOOP(
        "core", "paid orders a clerk needs in the period to be ranked (default 20)"),
    BACKUP_EVERY_MINUTES: QT_TRANSLATE_NOOP(
        "core", "the till backs the store up beside it every this many minutes, 5 to 1440 "
        "(default 30)"),
    BACKUP_KEEP_DAYS: QT_TRANSLATE_NOOP(
        "core", "automatic backups are kept this many days, 1 to 366 (default 7)"),
    "language": QT_TRANSLATE_NOOP(
        "core", "the language of the window and the command line: en or es (default: the "
        "system's)"),
    "theme": QT_TRANSLATE_NOOP("core", "the till's colours: light or dark (default: the "
                                       "system's)"),
}
"""Settings a manager may change on a store, with what each one does."""


def parse_store_setting(key: str, text: str) -> Any:
    """Check one `KEY=VALUE` store setting and return the value to keep (JSON-able)."""
    if key not in STORE_SETTINGS:
        raise ValidationError([QT_TRANSLATE_NOOP(
            "problems", "setting {key} is unknown (known: {known})").format(
            key=excerpt(key), known=", ".join(STORE_SETTINGS))], what=SETTING_WHAT)
    problems = Problems()
    value: Any = text
    if key in ("max_prompts_per_order", "rush_scans_per_minute"):
        if not re.fullmatch(r"[0-9]{1,6}", text) or int(text) > MAX_PROMPTS:
            problems.add("settings", key, WHOLE_FROM_TO.format(
                value=excerpt(text), low=0, high=f"{MAX_PROMPTS:,}"))
        else:
            value = int(text)
    elif key == "max_offer_ratio":
        ratio = ratio_field(text, "settings", key, problems)
        value = str(ratio) if ratio is not None else None
    elif key == "currency":
        if not re.fullmatch(r"[A-Z]{3}", text):
            problems.add("settings", key, QT_TRANSLATE_NOOP(
                "problems", "{value} must be a 3-letter code such as USD").format(
                value=excerpt(text)))
    elif key in ("leaderboard", "leaderboard_min_orders"):
        # a whole number of digits only, and short: int() fails past 4,300 digits
        short = len(text) <= 12 and (key == "leaderboard" or re.fullmatch(r"[0-9]+", text))
        value = parse_leaderboard_setting(key, text) if short else None
        if value is None:
            problems.add("settings", key, QT_TRANSLATE_NOOP("problems", "must be on or off")
                         if key == "leaderboard" else QT_TRANSLATE_NOOP(
                             "problems", "{value} must be a whole number >= 1").format(
                             value=excerpt(text)))
    elif key in (BACKUP_EVERY_MINUTES, BACKUP_KEEP_DAYS):
        value = parse_backup_setting(key, text)
        if value is None:
            low, high = BACKUP_LIMITS[key]
            problems.add("settings", key, WHOLE_FROM_TO.format(value=excerpt(text), low=low,
                                                              high=high))
    elif key == "language":
        value = parse_language_setting(text)
        if value is None:
            problems.add("settings", key, ONE_OF.format(value=excerpt(text),
                                                       choices=", ".join(LANGUAGES)))
    elif key == "theme":
        if text not in THEMES:
            problems.add("settings", key, ONE_OF.format(value=excerpt(text),
                                                       choices=", ".join(THEMES)))
    elif not text.strip():
        problems.add("settings", key, QT_TRANSLATE_NOOP("problems", "may not be empty"))
    elif len(text) > MAX_STORE_NAME or not text.isprintable():
        problems.add("settings", key, QT_TRANSLATE_NOOP(
            "problems", "{value} must be at most {most} printable characters").format(
            value=excerpt(text), most=MAX_STORE_NAME))
    if problems.items:
        raise ValidationError(problems.items, what=SETTING_WHAT)
    return value
