"""The leaderboard settings as a manager types them and as the store keeps them."""

from __future__ import annotations

import pytest

from pos_prompter.core.leaderboard_setting import (
    LEADERBOARD_MIN_ORDERS,
    LEADERBOARD_MIN_ORDERS_SETTING,
    LEADERBOARD_SETTING,
    leaderboard_settings,
    parse_leaderboard_setting,
)


@pytest.mark.parametrize(("text", "value"), [("on", True), (" YES ", True), ("1", True),
                                             ("off", False), ("false", False), ("0", False),
                                             ("maybe", None), ("", None)])
def test_the_leaderboard_is_switched_on_or_off(text: str, value: bool | None) -> None:
    assert parse_leaderboard_setting(LEADERBOARD_SETTING, text) is value


@pytest.mark.parametrize(("text", "value"), [("1", 1), ("20", 20), ("1000000", 1_000_000),
                                             ("0", None), ("1000001", None), ("-3", None),
                                             ("2.5", None), ("many", None)])
def test_the_orders_a_clerk_needs_are_a_whole_number_from_1(text: str,
                                                             value: int | None) -> None:
    assert parse_leaderboard_setting(LEADERBOARD_MIN_ORDERS_SETTING, text) == value


def test_settings_not_set_mean_off_and_the_default() -> None:
    assert leaderboard_settings(None, None) == (False, LEADERBOARD_MIN_ORDERS)
    assert leaderboard_settings(True, 5) == (True, 5)
    assert leaderboard_settings("on", True) == (True, LEADERBOARD_MIN_ORDERS)  # not a count
