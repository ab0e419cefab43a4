"""The settings page's Qt-free part: which settings it shows, in which group, under which
label, with what each means, and the checks of `pos-prompter settings KEY=VALUE`.

Every setting the command line knows (`core.rules.STORE_SETTINGS`, with its meaning) is
shown, so one added there appears here too (under "Other" until it gets a label).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from pos_prompter.core.backup_policy import (
    BACKUP_EVERY_MINUTES,
    BACKUP_KEEP_DAYS,
    DEFAULT_EVERY_MINUTES,
    DEFAULT_KEEP_DAYS,
)
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.leaderboard_setting import LEADERBOARD_MIN_ORDERS
from pos_prompter.core.rules import STORE_SETTINGS, Settings, parse_store_setting
from pos_prompter.core.said import Said
from pos_prompter.i18n import QT_TRANSLATE_NOOP, say, translate
from pos_prompter.store import Store

LEADERBOARD: Final = "leaderboard"
"""The one on/off setting (a check box)."""

GROUPS: Final[tuple[tuple[str, tuple[tuple[str, str], ...]], ...]] = (
    (QT_TRANSLATE_NOOP("settings", "Prompts at the till"), (
        ("max_prompts_per_order", QT_TRANSLATE_NOOP("settings", "Most prompts in one order")),
        ("max_offer_ratio", QT_TRANSLATE_NOOP("settings",
                                              "Largest offer, times the item's price")),
        ("rush_scans_per_minute", QT_TRANSLATE_NOOP("settings", "Rush hour at scans a minute")),
    )),
    (QT_TRANSLATE_NOOP("settings", "The store"), (
        ("store_name", QT_TRANSLATE_NOOP("settings", "Store name")),
        ("currency", QT_TRANSLATE_NOOP("settings", "Currency")),
        ("language", QT_TRANSLATE_NOOP("settings", "Language")),
        ("theme", QT_TRANSLATE_NOOP("settings", "Till colours (light or dark)")),
    )),
    (QT_TRANSLATE_NOOP("settings", "Results"), (
        (LEADERBOARD, QT_TRANSLATE_NOOP("settings", "Rank clerks in the results (leaderboard)")),
        ("leaderboard_min_orders", QT_TRANSLATE_NOOP("settings", "Paid orders a clerk needs to "
                                                     "be ranked")),
    )),
    (QT_TRANSLATE_NOOP("settings", "Backups"), (
        (BACKUP_EVERY_MINUTES, QT_TRANSLATE_NOOP("settings", "Back up every (minutes)")),
        (BACKUP_KEEP_DAYS, QT_TRANSLATE_NOOP("settings", "Keep backups for (days)")),
    )),
)
"""The page's groups: each setting's key and the label a manager reads (in English:
`groups()` gives them translated)."""

DEFAULTS: Final[Mapping[str, str]] = {
    "max_prompts_per_order": str(Settings().max_prompts_per_order),
    "max_offer_ratio": str(Settings().max_offer_ratio),
    "currency": Settings().currency,
    "rush_scans_per_minute": str(Settings().rush_scans_per_minute),
    LEADERBOARD: "off",
    "leaderboard_min_orders": str(LEADERBOARD_MIN_ORDERS),
    BACKUP_EVERY_MINUTES: str(DEFAULT_EVERY_MINUTES),
    BACKUP_KEEP_DAYS: str(DEFAULT_KEEP_DAYS),
}
"""What a setting that was never set means (shown greyed in its empty field)."""


@dataclass(frozen=True, slots=True)
class SettingField:
    """One setting as the page shows it."""

    key: str
    label: str
    meaning: str
    value: str
    """The stored value as text ('' when not set: its default applies)."""
    default: str | None


def groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """GROUPS, translated, with any setting the command line knows and GROUPS does not
    under 'Other'."""
    placed = {key for _title, rows in GROUPS for key, _label in rows}
    out = [(translate("settings", title),
            [(k, translate("settings", label)) for k, label in rows if k in STORE_SETTINGS])
           for title, rows in GROUPS]
    other = [(key, key.replace("_", " ").capitalize()) for key in STORE_SETTINGS
             if key not in placed]
    if other:
        out.append((translate("settings", "Other"), other))
    return [(title, rows) for title, rows in out if rows]


def value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def read_fields(store: Store) -> dict[str, SettingField]:
    """Every setting, by key, as the store holds it now (one read transaction)."""
    fields = {}
    with store.snapshot():
        for _title, rows in groups():
            for key, label in rows:
                fields[key] = SettingField(key, label, STORE_SETTINGS[key],
                                           value_text(store.get_setting(key)),
                                           DEFAULTS.get(key))
    return fields


def problem_text(key: str, exc: ValidationError) -> str:
    """The refusal in a manager's words, for the field of `key` (without the setting's
    code name that the command line puts in front)."""
    problem = exc.problems[0] if exc.problems else exc.args[0]
    message = problem.fields.get("message") if isinstance(problem, Said) else None
    if message is None:
        message = str(problem)
        for prefix in (f"settings, field {key}: ", f"setting {key}: "):
            message = message.removeprefix(prefix)
    text = say(message)  # in the window's language
    text = text[:1].upper() + text[1:]
    if text.startswith(("May ", "Must ")):
        text = "It " + text[:1].lower() + text[1:]
    return text if text.endswith(".") else text + "."


def changes_from(fields: Mapping[str, SettingField],
                 texts: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The values to save (`texts` that differ from what is stored, checked as
    `pos-prompter settings KEY=VALUE` checks them) and the refusals, by key. An empty field
    of a setting never set, or one showing its default, stays unset."""
    changes: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for key, typed in texts.items():
        field = fields.get(key)
        text = typed.strip()
        if field is None or text == field.value:
            continue
        if not field.value and text in ("", field.default):  # never set: its default stays
            continue
        try:
            changes[key] = parse_store_setting(key, text)
        except ValidationError as exc:
            problems[key] = problem_text(key, exc)
    return changes, problems


def save_settings(store: Store, changes: Mapping[str, Any],
                  actor: str) -> dict[str, SettingField]:
    """Save `changes` (all or nothing, audited by `actor`): `Store.set_settings`, as the
    command line does; every setting as stored after."""
    if changes:
        store.set_settings(dict(changes), actor=actor)
    return read_fields(store)
