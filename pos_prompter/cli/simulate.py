"""`simulate`: play a scan script (shared/spec/scan-script.md) through the real Till.

The whole script is read and checked first, so a typo on line 40 stops the run before
line 1 touches the store. Then every command goes to the same Till the window drives, and
the events it returns are printed as JSON Lines: what the script prints is what a clerk sees.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pos_prompter.bootstrap import (
    ensure_training_store,
    make_practice,
    read_text,
    training_store_path,
)
from pos_prompter.cli.common import need_db, note, out
from pos_prompter.core.errors import InputError
from pos_prompter.core.order import FixedClock
from pos_prompter.core.session import TillEvent
from pos_prompter.store import Store, StoreError
from pos_prompter.till import Till

ScriptArg = str | int | dt.datetime | None

PRINTED_EVENTS = frozenset({"line", "prompt", "accepted", "declined", "ignored", "checkout",
                            "paid", "error", "void", "qty", "price"})
"""What a clerk sees. Internal bookkeeping (held_out, customer) is not printed."""

NO_ARG = ("accept", "decline", "checkout", "pay")
ONE_ARG = ("clerk", "scan", "void", "qty", "time")
COMMANDS = ("clerk", "customer", "time", "scan", "qty", "accept", "decline", "void",
            "checkout", "pay")


@dataclass(frozen=True, slots=True)
class Step:
    """One script command: its line number in the file, its name and its parsed argument."""

    line: int
    command: str
    arg: ScriptArg = None


def _parse_arg(command: str, word: str, where: str) -> ScriptArg:
    if command == "qty":
        if not (word.isascii() and word.isdigit()):
            raise InputError(f"{where}: qty needs a whole number such as 2, not {word!r}")
        return int(word)
    if command == "time":
        try:
            when = dt.datetime.fromisoformat(word)
        except ValueError:
            raise InputError(f"{where}: time needs a local date and time such as "
                             f"2026-11-22T08:15, not {word!r}") from None
        if when.tzinfo is not None:
            raise InputError(f"{where}: time is the till's local time, without a time zone "
                             f"({word!r})")
        return when
    return word


def parse_script(text: str, source: str) -> list[Step]:
    """Every command of a script, checked. Raises InputError naming the first bad line."""
    steps: list[Step] = []
    text = text.removeprefix("\ufeff")
    for number, raw in enumerate(text.splitlines(), start=1):
        words = raw.split("#", 1)[0].split()
        if not words:
            continue
        command, rest = words[0], words[1:]
        where = f"{source} line {number}"
        if command not in COMMANDS:
            raise InputError(f"{where}: unknown command {command!r} (the commands are "
                             f"{', '.join(COMMANDS)})")
        if command in NO_ARG and rest:
            raise InputError(f"{where}: {command} takes nothing after it, "
                             f"found {' '.join(rest)!r}")
        if command in ONE_ARG and len(rest) != 1:
            what = "nothing" if not rest else f"{len(rest)} words"
            raise InputError(f"{where}: {command} needs exactly one value, found {what}")
        if command == "customer" and len(rest) > 1:
            raise InputError(f"{where}: customer takes one customer type such as member "
                             f"(or none), found {' '.join(rest)!r}")
        arg = _parse_arg(command, rest[0], where) if rest else None
        steps.append(Step(number, command, arg))
    return steps


def _play_step(till: Till, step: Step) -> list[TillEvent]:
    """Do one command on the till, as the window's buttons and scanner do."""
    arg = step.arg
    match step.command:
        case "time":
            assert isinstance(arg, dt.datetime)
            if isinstance(till.clock, FixedClock):
                till.clock.set(arg)
            else:
                till.clock = FixedClock(arg)
            return []
        case "clerk":  # checked against the staff list; refused, nobody sells
            return till.sign_in(str(arg))
        case "customer":
            till.set_customer(None if arg in (None, "none", "-") else str(arg))
            return []
        case "scan":
            return till.scan(str(arg))
        case "qty":
            assert isinstance(arg, int)
            return till.set_qty(arg)
        case "void":
            return till.void(str(arg))
        case "accept":
            return till.accept()
        case "decline":
            return till.decline()
        case "checkout":
            return till.checkout()
        case "pay":
            return till.pay()
    raise AssertionError(step.command)  # parse_script lets only COMMANDS through


def event_json(event: TillEvent, script_line: int) -> str:
    """One JSON Lines record. An error names the script line that caused it."""
    record = event.to_json()
    if event.event == "error":
        record = {"event": record.pop("event"), "order": record.pop("order"),
                  "line": script_line,
                  **{k: v for k, v in record.items() if k != "line"}}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def play(till: Till, steps: list[Step], source: str,
         emit: Callable[[str], None] = out) -> None:
    """Play the steps, printing what the clerk would see after each one."""
    for step in steps:
        try:
            events = _play_step(till, step)
        except StoreError as exc:
            raise StoreError(f"{source} line {step.line}: {exc}") from exc
        lines = [event_json(ev, step.line) for ev in events if ev.event in PRINTED_EVENTS]
        if lines:
            emit("\n".join(lines) + "\n")


def _open_store(db: Path, *, dry_run: bool, training: bool) -> Store:
    if not training:
        return Store.open_copy(db) if dry_run else Store.open(db)
    if not dry_run:
        return Store.open(ensure_training_store(db))
    practice = training_store_path(db)
    if practice.exists():
        return Store.open_copy(practice)
    store = Store.open_copy(db)  # what the practice store would start as, in memory only
    make_practice(store)
    return store


SIMULATE_TILL = "simulate"
"""The till name scripts play as: a script goes on with an order a script left open, never
with the one a clerk has open at a real till on the same store."""


def cmd_simulate(args: argparse.Namespace) -> int:
    db = need_db(args, "simulate")
    source = str(args.script)
    steps = parse_script(read_text(args.script, "scan script"), source)
    with _open_store(db, dry_run=args.dry_run, training=args.training) as store:
        till = Till(store, till_name=SIMULATE_TILL)  # never a real till's open order
        if till.session is not None:
            note(f"continuing order {till.order_id}, which was left open in the store")
        play(till, steps, source)
        if till.session is not None and not args.dry_run:
            note(f"order {till.order_id} is still open: the script ends without pay")
    return 0
