"""Several tills on one store file (one per computer): each reopens its own open order
only, after a restart or a crash, and never another till's customer's order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.till import Till


def skus(till: Till) -> list[str]:
    return [line.sku for line in till.lines]


def test_each_till_reopens_its_own_open_order(cafe_path: Path, clock: FixedClock) -> None:
    with Store.open(cafe_path) as store_a, Store.open(cafe_path) as store_b:
        front, back = Till(store_a, clock, till_name="front"), Till(store_b, clock,
                                                                    till_name="back")
        front.scan("COOKIE")
        back.scan("BEANS-250")

    # Both restart (a power cut): each finds its own customer's order, as it was.
    with Store.open(cafe_path) as store_a, Store.open(cafe_path) as store_b:
        back = Till(store_b, clock, till_name="back")    # the other one starts first
        front = Till(store_a, clock, till_name="front")
        assert skus(front) == ["COOKIE"]
        assert skus(back) == ["BEANS-250"]
        assert front.order_id != back.order_id
        front.scan("MUG")
        back.pay()
        assert skus(front) == ["COOKIE", "MUG"]


def test_a_new_till_starts_a_new_order_beside_another_tills_open_one(
        cafe_path: Path, clock: FixedClock) -> None:
    with Store.open(cafe_path) as store_a, Store.open(cafe_path) as store_b:
        front = Till(store_a, clock, till_name="front")
        front.scan("COOKIE")
        second = Till(store_b, clock, till_name="back")  # starts while front sells
        assert second.order_id is None
        second.scan("BEANS-250")
        front.scan("MUG")                                # never refused, never mixed
        assert skus(front) == ["COOKIE", "MUG"]
        assert skus(second) == ["BEANS-250"]


def test_an_order_left_open_by_an_unnamed_till_is_taken_over_once(
        cafe_path: Path, clock: FixedClock) -> None:
    """A store from before tills had names: its open order goes on at the first named till
    that starts, and at that one only."""
    with Store.open(cafe_path) as store:
        old = Till(store, clock)
        old.scan("COOKIE")
    with Store.open(cafe_path) as store_a, Store.open(cafe_path) as store_b:
        first = Till(store_a, clock, till_name="front")
        other = Till(store_b, clock, till_name="back")
        assert skus(first) == ["COOKIE"]
        assert other.order_id is None


def test_a_till_that_died_leaves_a_lock_the_next_one_takes_over(tmp_path: Path) -> None:
    """The window's one-till-per-computer lock (app.lock_till) is a QLockFile: a process
    killed while holding it does not keep the till from starting again."""
    from pos_prompter.app import lock_till

    store = tmp_path / "store.db"
    holder = ("import os, sys\nfrom PySide6.QtCore import QLockFile\n"
              "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0)\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", holder, f"{store}.till-lock"], check=True,
                   timeout=60)
    assert (tmp_path / "store.db.till-lock").exists()  # left behind by the dead process
    lock = lock_till(store)
    assert lock.isLocked()
    lock.unlock()


def test_a_second_till_on_the_same_store_here_is_refused(tmp_path: Path) -> None:
    from pos_prompter.app import lock_till
    from pos_prompter.store import StoreError

    store = tmp_path / "store.db"
    first = QLockFile(f"{store}.till-lock")
    assert first.tryLock(0)
    try:
        with pytest.raises(StoreError, match=rf"a till is already open on .* \(process "
                           rf"{os.getpid()}\)"):
            lock_till(store)
    finally:
        first.unlock()
    lock_till(store).unlock()  # once the first has gone, a till starts
