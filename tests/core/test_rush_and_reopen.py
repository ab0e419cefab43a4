"""Rush hours (fewer prompts when the queue is long) and reopening a declined offer."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
import yaml

from pos_prompter.core.catalog import Catalog, parse_catalog_csv
from pos_prompter.core.engine import Engine, Skip
from pos_prompter.core.pace import PaceMeter
from pos_prompter.core.rules import Settings, parse_pack
from pos_prompter.core.session import OrderSession

SPEC = Path(__file__).parent / "spec_examples"
MORNING = dt.datetime(2026, 11, 23, 8, 15)


@pytest.fixture
def catalog() -> Catalog:
    return Catalog(parse_catalog_csv((SPEC / "catalog.csv").read_text(encoding="utf-8")))


def engine(catalog: Catalog, **settings: object) -> Engine:
    pack = parse_pack(yaml.safe_load((SPEC / "rules.yaml").read_text(encoding="utf-8")))
    base = pack.settings or Settings()
    return Engine(catalog, pack.rules, dataclasses.replace(base, **settings))


def prompts(events: list) -> list[str]:
    return [e.data["rule"] for e in events if e.event == "prompt"]


# ------------------------------------------------------------------ the pace meter


def test_a_meter_set_to_zero_never_calls_a_rush() -> None:
    meter = PaceMeter(0)
    assert not any(meter.record(MORNING) for _ in range(100))


def test_the_rush_starts_at_the_set_number_of_scans_within_a_minute() -> None:
    meter = PaceMeter(3)
    assert meter.record(MORNING) is False
    assert meter.record(MORNING + dt.timedelta(seconds=20)) is False
    assert meter.record(MORNING + dt.timedelta(seconds=40)) is True


def test_scans_older_than_a_minute_no_longer_count() -> None:
    meter = PaceMeter(3)
    meter.record(MORNING)
    meter.record(MORNING + dt.timedelta(seconds=20))
    assert meter.record(MORNING + dt.timedelta(seconds=70)) is False
    assert meter.scans_last_minute() == 2


# ------------------------------------------------------------------ rush orders


def test_a_rush_order_gets_only_its_single_highest_ranked_prompt(catalog: Catalog) -> None:
    session = OrderSession(1, engine(catalog))
    shown = prompts(session.scan(catalog.get("LATTE-T"), MORNING, rush=True))
    assert shown == ["latte-size-up"], "the upsell of the line ranks first"
    assert prompts(session.decline(MORNING)) == [], "no second prompt in a rush"


def test_outside_a_rush_the_same_order_gets_its_second_prompt(catalog: Catalog) -> None:
    session = OrderSession(1, engine(catalog))
    session.scan(catalog.get("LATTE-T"), MORNING)
    assert prompts(session.decline(MORNING)) == ["latte-muffin"]


def test_the_reason_a_rule_is_held_back_names_the_rush(catalog: Catalog) -> None:
    eng = engine(catalog)
    session = OrderSession(1, eng)
    session.scan(catalog.get("LATTE-T"), MORNING, rush=True)
    session.decline(MORNING)
    result = eng.check(eng.rules["latte-muffin"], session.view(), 1, MORNING)
    assert isinstance(result, Skip)
    assert "rush" in result.reason


def test_a_rush_never_raises_the_cap(catalog: Catalog) -> None:
    session = OrderSession(1, engine(catalog, max_prompts_per_order=0))
    assert prompts(session.scan(catalog.get("LATTE-T"), MORNING, rush=True)) == []


def test_a_rush_order_stays_a_rush_order_after_a_restart(catalog: Catalog) -> None:
    eng = engine(catalog)
    session = OrderSession(1, eng)
    session.scan(catalog.get("COOKIE"), MORNING, rush=True)
    restored = OrderSession.from_state(session.to_state(), eng)
    restored.scan(catalog.get("LATTE-T"), MORNING)
    assert prompts(restored.decline(MORNING)) == []


# ------------------------------------------------------------------ reopening


def test_a_declined_offer_stays_marked_on_its_line(catalog: Catalog) -> None:
    session = OrderSession(1, engine(catalog))
    session.scan(catalog.get("LATTE-T"), MORNING)
    session.decline(MORNING)
    assert session.lines[0].declined == ("latte-size-up",)


def test_reopening_shows_the_declined_offer_again_and_accepting_applies_it(
        catalog: Catalog) -> None:
    session = OrderSession(1, engine(catalog))
    session.scan(catalog.get("LATTE-T"), MORNING)
    session.decline(MORNING)                        # size-up declined, bundle shown
    session.decline(MORNING)                        # bundle declined too
    events = session.reopen(1, MORNING)
    shown = [e for e in events if e.event == "prompt"]
    assert [e.data["rule"] for e in shown] == ["latte-muffin"], "the latest decline first"
    assert shown[0].data["reopened"] is True
    session.accept(MORNING)
    muffin = catalog.get("MUFFIN-B")
    assert [ln.sku for ln in session.lines] == ["LATTE-T", muffin.sku]
    assert session.total == catalog.get("LATTE-T").price + 200


def test_a_reopened_offer_does_not_count_against_the_cap(catalog: Catalog) -> None:
    session = OrderSession(1, engine(catalog))
    session.scan(catalog.get("LATTE-T"), MORNING)
    session.decline(MORNING)
    session.decline(MORNING)                        # the cap of 2 is used up
    assert prompts(session.reopen(1, MORNING)) == ["latte-muffin"]


def test_reopening_an_offer_that_no_longer_applies_says_why(catalog: Catalog) -> None:
    session = OrderSession(1, engine(catalog))
    session.scan(catalog.get("LATTE-T"), MORNING)
    session.decline(MORNING)
    session.decline(MORNING)
    session.scan(catalog.get("COOKIE"), MORNING)    # a bakery item: the bundle is off
    [event] = session.reopen(1, MORNING)
    assert event.event == "error"
    assert "no longer applies" in event.data["message"]
    assert "bakery" in event.data["message"]
    assert session.current is None


def test_reopening_a_line_without_a_declined_offer_is_an_error(catalog: Catalog) -> None:
    session = OrderSession(1, engine(catalog))
    session.scan(catalog.get("COOKIE"), MORNING)
    [event] = session.reopen(1, MORNING)
    assert event.event == "error"
    assert "no declined offer" in event.data["message"]
