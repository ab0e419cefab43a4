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
from pos_prompter.core.results import parse_leaderboard_setting
from pos_prompter.core.rule_fields import Problems, ratio_field
from pos_prompter.core.rule_model import MAX_PROMPTS

MAX_STORE_NAME = 100

LIGHT, DARK = "light", "dark"
THEMES = (LIGHT, DARK)
"""The `theme` setting's values: the till's and the workspace's colours (ui/style.py)."""


STORE_SETTINGS: dict[str, str] = {
    "max_prompts_per_order": "never more prompts than this in one order (whole number)",
    "max_offer_ratio": "an offer may add at most this times the trigger line's price",
    "currency": "3-letter currency code, e.g. USD",
    "rush_scans_per_minute": "at this many scans a minute an order gets only its single "
                             "highest-ranked prompt (0 = off)",
    "store_name": "the shop's name, shown in the window title",
    "leaderboard": "rank clerks by offers made and accepted in reports: on or off (default off)",
    "leaderboard_min_orders": "paid orders a clerk needs in the period to be ranked "
                              "(default 20)",
    BACKUP_EVERY_MINUTES: "the till backs the store up beside it every this many minutes, "
                          "5 to 1440 (default 30)",
    BACKUP_KEEP_DAYS: "automatic backups are kept this many days, 1 to 366 (default 7)",
    "language": "the language of the window and the command line: en or es (default: the "
                "system's)",
    "theme": "the till's colours: light or dark (default: the system's)",
}
"""Settings a manager may change on a store, with what each one does."""


def parse_store_setting(key: str, text: str) -> Any:
    """Check one `KEY=VALUE` store setting and return the value to keep (JSON-able)."""
    if key not in STORE_SETTINGS:
        raise ValidationError([f"setting {excerpt(key)} is unknown (known: "
                               f"{', '.join(STORE_SETTINGS)})"], what="setting")
    problems = Problems()
    value: Any = text
    if key in ("max_prompts_per_order", "rush_scans_per_minute"):
        if not re.fullmatch(r"[0-9]{1,6}", text) or int(text) > MAX_PROMPTS:
            problems.add("settings", key, f"{excerpt(text)} must be a whole number from 0 to "
                         f"{MAX_PROMPTS:,}")
        else:
            value = int(text)
    elif key == "max_offer_ratio":
        ratio = ratio_field(text, "settings", key, problems)
        value = str(ratio) if ratio is not None else None
    elif key == "currency":
        if not re.fullmatch(r"[A-Z]{3}", text):
            problems.add("settings", key, f"{excerpt(text)} must be a 3-letter code such as USD")
    elif key in ("leaderboard", "leaderboard_min_orders"):
        # a whole number of digits only, and short: int() fails past 4,300 digits
        short = len(text) <= 12 and (key == "leaderboard" or re.fullmatch(r"[0-9]+", text))
        value = parse_leaderboard_setting(key, text) if short else None
        if value is None:
            problems.add("settings", key, "must be on or off" if key == "leaderboard"
                         else f"{excerpt(text)} must be a whole number >= 1")
    elif key in (BACKUP_EVERY_MINUTES, BACKUP_KEEP_DAYS):
        value = parse_backup_setting(key, text)
        if value is None:
            low, high = BACKUP_LIMITS[key]
            problems.add("settings", key, f"{excerpt(text)} must be a whole number from "
                         f"{low} to {high}")
    elif key == "language":
        value = parse_language_setting(text)
        if value is None:
            problems.add("settings", key, f"{excerpt(text)} must be one of "
                         f"{', '.join(LANGUAGES)}")
    elif key == "theme":
        if text not in THEMES:
            problems.add("settings", key, f"{excerpt(text)} must be one of {', '.join(THEMES)}")
    elif not text.strip():
        problems.add("settings", key, "may not be empty")
    elif len(text) > MAX_STORE_NAME or not text.isprintable():
        problems.add("settings", key, f"{excerpt(text)} must be at most {MAX_STORE_NAME} "
                     "printable characters")
    if problems.items:
        raise ValidationError(problems.items, what="setting")
    return value
