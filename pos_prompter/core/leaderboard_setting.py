"""The clerks' leaderboard settings (issue 10): whether reports rank the clerks, and the
paid orders a clerk needs first. Apart from core.results so that checking a store setting
(core.store_settings, on the till's first screen) does not import the report's model.
"""

from __future__ import annotations

LEADERBOARD_SETTING = "leaderboard"
LEADERBOARD_MIN_ORDERS_SETTING = "leaderboard_min_orders"
LEADERBOARD_MIN_ORDERS = 20
"""Paid orders a clerk needs in the period before being ranked (the setting's default)."""


def leaderboard_settings(enabled: object, min_orders: object) -> tuple[bool, int]:
    """The store's leaderboard settings as kept (None: not set, so off and the default)."""
    on = enabled is True or (isinstance(enabled, str) and enabled.lower() in ("on", "true"))
    count = min_orders if isinstance(min_orders, int) and not isinstance(min_orders, bool) \
        else LEADERBOARD_MIN_ORDERS
    return on, count


def parse_leaderboard_setting(key: str, text: str) -> bool | int | None:
    """Check a leaderboard setting's value; None when `text` is not valid for `key`."""
    if key == LEADERBOARD_SETTING:
        value = text.strip().lower()
        if value in ("on", "true", "yes", "1"):
            return True
        if value in ("off", "false", "no", "0"):
            return False
        return None
    if text.strip().isdigit() and 1 <= int(text) <= 1_000_000:
        return int(text)
    return None
