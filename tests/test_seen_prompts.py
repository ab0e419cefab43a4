"""Issue 13, point 2, below the window: a `Till` given a `ShownWhenSeen` logs a prompt as
shown only once it is told the card was seen, with its next commit; a prompt nobody saw is
logged neither shown nor ignored; an answer means it was seen; a sign-out logs what the
leaving clerk saw under their name. Without one (simulate, whatif) 'shown' is logged when
the prompt is raised. A real store file, the cafe demo, a fixed Monday morning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_prompter.bootstrap import init_store
from pos_prompter.core.order import FixedClock
from pos_prompter.seen_prompts import ShownWhenSeen
from pos_prompter.store import Store
from pos_prompter.till import Till

MORNING = dt.datetime(2026, 11, 23, 8, 10)
LATTE_TALL = "2100000000012"
MUFFIN = "2100000000203"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "store.db"
    init_store(path, demo="cafe").close()
    with Store.open(path) as opened:
        yield opened


def till_on(store: Store, *, held: bool = True) -> Till:
    till = Till(store, FixedClock(MORNING), clerk="clerk")
    if held:
        till.shown_when_seen = ShownWhenSeen()
    return till


def logged(store: Store) -> list[tuple[str, str, str]]:
    return [(r["rule_id"], r["status"], r["clerk"]) for r in store.sales.prompt_events()]


def test_a_seen_prompt_is_logged_with_the_next_commit(store: Store) -> None:
    till = till_on(store)
    till.scan(LATTE_TALL)
    assert till.prompt is not None
    assert logged(store) == []

    assert till.prompt_seen()
    assert logged(store) == [], "no commit of its own"
    till.scan(MUFFIN)

    assert logged(store)[:2] == [("coffee-size-up", "shown", "clerk"),
                                 ("coffee-size-up", "ignored", "clerk")]


def test_a_prompt_nobody_saw_is_neither_shown_nor_ignored(store: Store) -> None:
    till = till_on(store)
    till.scan(LATTE_TALL)
    till.scan(MUFFIN)
    assert "coffee-size-up" not in {rule for rule, _s, _c in logged(store)}
    assert till.shown_when_seen is not None
    assert till.shown_when_seen.unseen == ["coffee-size-up"]


def test_an_answer_means_it_was_seen(store: Store) -> None:
    till = till_on(store)
    till.scan(LATTE_TALL)
    till.decline()
    assert logged(store) == [("coffee-size-up", "shown", "clerk"),
                             ("coffee-size-up", "declined", "clerk")]


def test_a_sign_out_logs_what_the_leaving_clerk_saw_under_their_name(store: Store) -> None:
    till = till_on(store)
    till.scan(LATTE_TALL)
    till.prompt_seen()
    till.sign_out()
    assert logged(store) == [("coffee-size-up", "shown", "clerk")]


def test_a_sign_out_logs_no_prompt_nobody_saw(store: Store) -> None:
    till = till_on(store)
    till.scan(LATTE_TALL)  # its card never reached the screen (a manager's window over it)
    till.sign_out()
    assert logged(store) == []
    till.set_clerk("clerk")
    till.prompt_seen()  # the next clerk sees it: it is logged under them when saved
    assert till.save_seen()
    assert logged(store) == [("coffee-size-up", "shown", "clerk")]


def test_without_a_window_shown_is_logged_when_raised(store: Store) -> None:
    till = till_on(store, held=False)
    till.scan(LATTE_TALL)
    assert logged(store) == [("coffee-size-up", "shown", "clerk")]
    assert not till.prompt_seen()
