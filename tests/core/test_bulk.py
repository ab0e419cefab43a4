"""Pausing the garbage collector while chain-sized data is built (core.bulk.gc_paused): off
inside, back on afterwards however the work ends, and never switched on by a pause that
began with it off."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from pos_prompter.core.bulk import gc_paused


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    with gc_paused():
        assert not gc.isenabled()
        built = [[n] for n in range(1000)]
    assert gc.isenabled()
    assert len(built) == 1000


def test_a_failing_build_still_switches_it_back_on() -> None:
    with pytest.raises(ValueError, match="bad row"), gc_paused():
        raise ValueError("bad row")
    assert gc.isenabled()


def test_overlapping_pauses_end_with_it_on_in_either_order() -> None:
    first, second = gc_paused(), gc_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # the first to start ends first (another thread's)
    assert gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled(), "the later pause began with it off: it leaves it as it is now"
    with gc_paused():
        with gc_paused():
            pass
        assert not gc.isenabled(), "an inner pause does not end the outer one"
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()
