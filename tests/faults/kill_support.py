"""`kill -9` at a random moment, then: is every event the till printed or showed in the store?

Shared by tests/faults/test_kill_*.py and bench/soak_kill.py (which puts this folder on
sys.path), so it imports no pytest. No mocks: the real `pos-prompter simulate` and the real
till window run in child processes on a real store file, and are killed with SIGKILL.

The product's promise (issue 11, interfaces.md): every scan is committed, with
synchronous=FULL, before it is printed or shown. So everything a child wrote to its stdout
before it died (read to the end of the pipe after the kill: bytes in the pipe were printed
before it) must be in the store. The store may hold one step more than was printed (killed
between the commit and the print): that is allowed, so an order still open at the kill is
checked for "at least what was printed", and an order whose payment was printed exactly.
"""

from __future__ import annotations

import json
import os
import platform
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pos_prompter.core.money import parse_money

ROOT = Path(__file__).resolve().parents[2]

CAFE_CODES = (
    "2100000000012", "2100000000043", "2100000000074", "2100000000104",  # T lat/cap/ame/moc
    "2100000000135", "2100000000166", "2100000000029",  # chai T, cocoa T, latte G
    "CROISSANT", "MUFFIN-BB", "CINN-ROLL", "COOKIE-OAT", "BEANS-HOUSE", "MUG-TRAVEL",
)
"""Barcodes and SKUs of the cafe demo: drinks that fire size-ups, bundles and add-ons."""

ANSWERS = {"accepted", "declined", "ignored"}


def scan_script(seed: int, orders: int, *, start: str = "2026-11-23T08:10") -> str:
    """A long, seeded scan script for the cafe demo: orders of 1-6 scans, prompts accepted
    or declined now and then (sometimes with none on screen: an error event, as a clerk's
    stray F9 is), a checkout and a payment each; the clock moves on so morning and
    afternoon rules both fire. No void and no qty: a printed line stays in the store."""
    rng = random.Random(seed)
    hour, minute = int(start[11:13]), int(start[14:16])
    out = [f"time {start}"]
    for n in range(orders):
        if n % 20 == 0 and n:
            minute += 37
            hour, minute = (hour + minute // 60) % 24, minute % 60
            out.append(f"time {start[:10]}T{hour:02d}:{minute:02d}")
        out.append("customer " + rng.choice(("none", "member", "none")))
        for _ in range(rng.randint(1, 6)):
            out.append("scan " + rng.choice(CAFE_CODES))
            roll = rng.random()
            if roll < 0.35:
                out.append("accept")
            elif roll < 0.55:
                out.append("decline")
        out.append("checkout")
        if rng.random() < 0.4:
            out.append("accept")
        out.append("pay")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------- running and killing


@dataclass
class Run:
    """One child run: what it printed (complete lines only) and how it ended."""

    printed: list[dict[str, Any]]
    killed: bool
    """True when SIGKILL ended it; False when it had already finished by itself."""
    returncode: int
    stderr: str


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def run_and_kill(argv: list[str], kill_after: int, stderr_path: Path,
                 env: dict[str, str] | None = None, timeout: float = 120) -> Run:
    """Start `argv`, read its stdout (JSON Lines) and SIGKILL it once `kill_after` lines
    have come; then read what is left in the pipe, all of it printed before the kill."""
    with stderr_path.open("w+", encoding="utf-8") as err:
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=err,
                                env=env or child_env(), cwd=ROOT)
        assert proc.stdout is not None
        hung = threading.Event()

        def give_up() -> None:  # a child that hangs fails the run, not the whole suite
            hung.set()
            proc.kill()

        watchdog = threading.Timer(timeout, give_up)
        watchdog.start()
        try:
            raw = _read_lines(proc.stdout, kill_after)
            killed = proc.poll() is None
            if killed:
                os.kill(proc.pid, signal.SIGKILL)
            raw += proc.stdout.read()  # printed before the kill, still in the pipe
            code = proc.wait()
        finally:
            watchdog.cancel()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
        if hung.is_set():
            raise AssertionError(f"{argv[1:3]} hung for {timeout} s")
        killed = killed and code == -signal.SIGKILL
        err.seek(0)
        stderr = err.read()
    complete = raw[:raw.rfind(b"\n") + 1]  # a line cut by the kill was never shown whole
    printed = [json.loads(line) for line in complete.decode("utf-8").splitlines()
               if line.startswith("{")]
    return Run(printed, killed, code, stderr)


def _read_lines(stream: IO[bytes], count: int) -> bytes:
    got = []
    for _ in range(count):
        line = stream.readline()
        if not line:
            break
        got.append(line)
    return b"".join(got)


def simulate_argv(db: Path, script: Path) -> list[str]:
    return [sys.executable, "-m", "pos_prompter", "simulate", "--db", str(db), str(script)]


# ---------------------------------------------------------------------- checking the store


@dataclass
class Ledger:
    """What was printed (or shown), order by order, across every run on one store."""

    lines: dict[int, dict[int, tuple[str, int]]] = field(default_factory=dict)
    """order -> line number -> (SKU printed, quantity)."""
    paid: dict[int, int] = field(default_factory=dict)
    """order -> total printed with its payment, in cents."""
    checkout: set[int] = field(default_factory=set)
    prompts: Counter[tuple[int, str, str]] = field(default_factory=Counter)
    """(order, rule, shown/accepted/declined/ignored) -> how many times printed."""
    acknowledged: int = 0
    """Events printed (every kind, errors too)."""
    store_events: int = 0
    """Of those, the events that the store must hold (all but errors and price notes)."""
    kills: int = 0
    lost: list[str] = field(default_factory=list)
    """One sentence per printed event the store did not have."""

    def take(self, event: dict[str, Any]) -> None:
        self.acknowledged += 1
        kind, order = event["event"], int(event.get("order") or 0)
        if kind == "screen":  # the order as the window shows it: its lines, all of them
            if event["order"] is None:
                return
            self.lines[order] = {int(no): (sku, int(qty)) for no, sku, qty in event["lines"]}
        elif kind == "line":
            self.lines.setdefault(order, {})[int(event["line"])] = (event["sku"],
                                                                   int(event["qty"]))
        elif kind == "qty":
            sku, _ = self.lines.setdefault(order, {}).get(int(event["line"]), (event["sku"], 0))
            self.lines[order][int(event["line"])] = (sku, int(event["qty"]))
        elif kind == "void":
            self.lines.setdefault(order, {}).pop(int(event["line"]), None)
        elif kind == "prompt":
            self.prompts[(order, event["rule"], "shown")] += 1
        elif kind in ANSWERS:
            self.prompts[(order, event["rule"], kind)] += 1
        elif kind == "checkout":
            self.checkout.add(order)
        elif kind == "paid":
            self.paid[order] = parse_money(event["total"])
        else:
            return  # error, price: nothing of their own in the store
        self.store_events += 1

    def check(self, db: Path) -> list[str]:
        """Every printed event found in the store; returns (and keeps) what was lost.
        Then takes the store's open orders as they are (one step may be committed but
        not printed), so later runs that go on with them are checked exactly too."""
        conn = sqlite3.connect(db)
        try:
            lost = self._compare(conn)
            for (order,) in conn.execute("SELECT id FROM orders WHERE status = 'open'"):
                self.checkout.discard(order)  # checked; a scan in the next run leaves it
                self.lines[order] = {no: (sku, qty) for no, sku, qty in conn.execute(
                    "SELECT line_no, sku, qty FROM order_lines WHERE order_id = ?", (order,))}
        finally:
            conn.close()
        self.lost.extend(lost)
        return lost

    def _compare(self, conn: sqlite3.Connection) -> list[str]:
        lost: list[str] = []
        orders = {oid: (status, total, state) for oid, status, total, state in conn.execute(
            "SELECT id, status, total_cents, state FROM orders")}
        for order, printed in self.lines.items():
            stored = {no: (sku, replaced, qty) for no, sku, replaced, qty in conn.execute(
                "SELECT line_no, sku, replaced_sku, qty FROM order_lines WHERE order_id = ?",
                (order,))}
            for no, (sku, qty) in printed.items():
                have = stored.get(no)
                if have is None or sku not in have[:2]:
                    lost.append(f"order {order} line {no} ({sku}) printed, not stored: "
                                f"{have}")
                elif order in self.paid and qty != have[2]:
                    lost.append(f"order {order} line {no}: quantity {qty} printed, "
                                f"{have[2]} stored")
            extra = set(stored) - set(printed)
            if order in self.paid and extra:  # the order paid as printed has no more
                lost.append(f"paid order {order}: lines {sorted(printed)} printed, "
                            f"{sorted(stored)} stored")
        for order, total in self.paid.items():
            status, stored_total, _state = orders.get(order, (None, None, None))
            if (status, stored_total) != ("paid", total):
                lost.append(f"order {order} paid {total} printed; stored {status} "
                            f"{stored_total}")
        for order in self.checkout - set(self.paid):
            status, _total, state = orders.get(order, (None, None, "{}"))
            if status != "paid" and not json.loads(state).get("in_checkout"):
                lost.append(f"order {order}: checkout printed, not in the store ({status})")
        stored_prompts = Counter((o, r, s) for o, r, s in conn.execute(
            "SELECT order_id, rule_id, status FROM prompt_events"))
        for key, times in self.prompts.items():
            if stored_prompts[key] < times:
                lost.append(f"prompt event {key} printed {times}x, stored "
                            f"{stored_prompts[key]}x")
        return lost


def integrity(db: Path) -> str:
    """`PRAGMA integrity_check` of the store as it is on disk after the kill ("ok")."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    text = "; ".join(str(r[0]) for r in rows)
    return text if not fk else f"{text}; foreign keys: {fk[:5]}"


def window_actions(seed: int, orders: int) -> list[str]:
    """The same kind of day as `scan_script`, as a clerk's keys in the window: codes to
    scan and accept/decline/checkout/pay (F9/F10/F4/F12)."""
    actions = []
    for line in scan_script(seed, orders).splitlines():
        command, _, arg = line.partition(" ")
        if command == "scan":
            actions.append(arg)
        elif command in ("accept", "decline", "checkout", "pay"):
            actions.append(command)
    return actions


def open_order(db: Path, till: str) -> tuple[int | None, list[list[Any]]]:
    """The order `till` has open in the store, and its lines: what it must reopen."""
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT id FROM orders WHERE status = 'open' AND till = ?",
                           (till,)).fetchone()
        if row is None:
            return None, []
        return row[0], [list(r) for r in conn.execute(
            "SELECT line_no, sku, qty FROM order_lines WHERE order_id = ? ORDER BY line_no",
            (row[0],))]
    finally:
        conn.close()


def reopened(first: dict[str, Any]) -> tuple[int | None, list[list[Any]]]:
    """The order a new window showed first (its "screen" record)."""
    return first["order"], sorted(first["lines"])


def window_argv(db: Path, actions_file: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).with_name("window_driver.py")), str(db),
            str(actions_file)]


def window_env(home: Path) -> dict[str, str]:
    """Offscreen Qt; the till's log file and any default paths under `home`."""
    return child_env(QT_QPA_PLATFORM="offscreen", HOME=str(home),
                     XDG_STATE_HOME=str(home / "state"), XDG_DATA_HOME=str(home / "data"),
                     XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"))


def kill_rounds(db: Path, work: Path, *, what: str, rounds: int, seed: int,
                most_events: int, ledger: Ledger | None = None, report: Any = None) -> Ledger:
    """`rounds` times: a fresh long day (seeded) played by `what` ("simulate" or
    "window"), SIGKILLed after a seeded random number of printed events (1..`most_events`);
    then every printed event looked up in the store and its integrity checked. The store
    is the same all along: each run goes on with the order the killed one left open."""
    ledger = ledger or Ledger()
    rng = random.Random(seed)
    for n in range(rounds):
        day = rng.randrange(1 << 30)
        env = None
        if what == "simulate":
            script = work / f"script-{n}.txt"
            script.write_text(scan_script(day, orders=most_events), encoding="utf-8")
            argv = simulate_argv(db, script)
        else:
            actions = work / f"actions-{n}.json"
            actions.write_text(json.dumps(window_actions(day, orders=most_events)),
                               encoding="utf-8")
            argv, env = window_argv(db, actions), window_env(work / "home")
        kill_after = rng.randint(1, most_events)
        left_open = open_order(db, platform.node() or "till")
        run = run_and_kill(argv, kill_after, work / f"stderr-{n}.txt", env=env)
        if run.returncode not in (0, -signal.SIGKILL) or "Traceback" in run.stderr:
            raise AssertionError(f"{what} failed by itself ({run.returncode}): "
                                 f"{run.stderr[-3000:]}")
        if what == "window" and run.printed and reopened(run.printed[0]) != left_open:
            ledger.lost.append(f"round {n}: the window came back with {run.printed[0]}, "
                               f"the store had {left_open} open")
        for event in run.printed:
            ledger.take(event)
        ledger.kills += run.killed
        lost = ledger.check(db)
        state = integrity(db)
        if state != "ok":
            ledger.lost.append(f"round {n}: integrity_check says {state}")
        if report is not None:
            report(f"{what} round {n}: killed after {kill_after} read, {len(run.printed)} "
                   f"printed, killed={run.killed}, lost {len(lost)}, integrity {state}")
    return ledger
