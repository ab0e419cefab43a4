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
from typing import TYPE_CHECKING

from pos_prompter.cli.common import need_db, note, out
from pos_prompter.core.errors import InputError
from pos_prompter.core.excerpt import cut, excerpt
from pos_prompter.core.money import MoneyError, cents_str, parse_money
from pos_prompter.core.order import FixedClock
from pos_prompter.core.till_calendar import outside_calendar
from pos_prompter.core.till_event import MAX_QTY, TillEvent
from pos_prompter.i18n import plural, say, say_error, translate
from pos_prompter.store import Store, StoreError

if TYPE_CHECKING:
    from pos_prompter.practice.game import Played, PracticeGame
    from pos_prompter.till import Till

# The till (with the engine), the practice package and the script reader (PyYAML's shape
# checks beside it) are imported when `simulate` runs: every command builds the parser,
# which names cmd_simulate (tests/cli/test_cli_command_start.py).

ScriptArg = str | int | dt.datetime | tuple[str, ...] | None

PRINTED_EVENTS = frozenset({"line", "prompt", "accepted", "declined", "ignored", "checkout",
                            "paid", "error", "void", "qty", "price"})
"""What a clerk sees. Internal bookkeeping (held_out, customer) is not printed."""

NO_ARG = ("accept", "decline", "checkout", "pay", "offer", "explain")
ONE_ARG = ("clerk", "scan", "void", "qty", "time")
COMMANDS = ("clerk", "customer", "time", "scan", "qty", "accept", "decline", "void",
            "checkout", "pay", "offer", "explain", "expect")
EXPECT_USAGE = "expect prompt RULE (or none), expect total 4.85, or expect line SKU QTY"


@dataclass(frozen=True, slots=True)
class Step:
    """One script command: its line number in the file, its name and its parsed argument."""

    line: int
    command: str
    arg: ScriptArg = None


def _parse_expect(rest: list[str], where: str) -> tuple[str, ...]:
    """`expect prompt RULE|none`, `expect total 4.85`, `expect line SKU QTY`."""
    what = rest[0] if rest else ""
    sizes = {"prompt": 2, "total": 2, "line": 3}
    if what not in sizes or len(rest) != sizes[what]:
        raise InputError(translate("cli", "{where}: write {usage}").format(
            where=where, usage=EXPECT_USAGE))
    if what == "total":
        try:
            parse_money(rest[1])
        except MoneyError:
            raise InputError(translate("cli", "{where}: expect total needs an amount such as "
                                       "4.85, not {text}").format(
                where=where, text=excerpt(rest[1]))) from None
    if what == "line" and not (rest[2].isascii() and rest[2].isdigit() and len(rest[2]) <= 9):
        raise InputError(translate("cli", "{where}: expect line needs a whole quantity such "
                                   "as 2, not {text}").format(where=where, text=excerpt(rest[2])))
    return tuple(rest)


def _parse_arg(command: str, word: str, where: str) -> ScriptArg:
    if command == "qty":
        if not (word.isascii() and word.isdigit()):
            raise InputError(translate("cli", "{where}: qty needs a whole number such as 2, "
                                       "not {text}").format(where=where, text=excerpt(word)))
        if len(word) > 9:  # the till says why a quantity is out of range; int() of it first
            raise InputError(translate("cli", "{where}: qty {text} is more than the most a "
                                       "line may have, {most}").format(
                where=where, text=cut(word), most=MAX_QTY))
        return int(word)
    if command == "time":
        try:
            when = dt.datetime.fromisoformat(word)
        except ValueError:
            raise InputError(translate("cli", "{where}: time needs a local date and time such "
                                       "as 2026-11-22T08:15, not {text}").format(
                where=where, text=excerpt(word))) from None
        if when.tzinfo is not None:
            raise InputError(translate("cli", "{where}: time is the till's local time, without "
                                       "a time zone ({text})").format(
                where=where, text=excerpt(word)))
        refused = outside_calendar(when)
        if refused:
            raise InputError(translate("cli", "{where}: time {text} {reason}").format(
                where=where, text=word, reason=say(refused)))
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
        where = translate("cli", "{source} line {n}").format(source=source, n=number)
        if command not in COMMANDS:
            raise InputError(translate("cli", "{where}: unknown command {command} (the commands "
                                       "are {commands})").format(
                where=where, command=excerpt(command), commands=", ".join(COMMANDS)))
        if command in NO_ARG and rest:
            raise InputError(translate("cli", "{where}: {command} takes nothing after it, "
                                       "found {text}").format(
                where=where, command=command, text=excerpt(" ".join(rest))))
        if command in ONE_ARG and len(rest) != 1:
            what = (translate("cli", "nothing") if not rest else
                    translate("cli", "{n} words").format(n=len(rest)))
            raise InputError(translate("cli", "{where}: {command} needs exactly one value, "
                                       "found {what}").format(
                where=where, command=command, what=what))
        if command == "customer" and len(rest) > 1:
            raise InputError(translate("cli", "{where}: customer takes one customer type such "
                                       "as member (or none), found {text}").format(
                where=where, text=excerpt(" ".join(rest))))
        if command == "expect":
            steps.append(Step(number, command, _parse_expect(rest, where)))
            continue
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
    """One JSON Lines record. An error names the script line that caused it. Its keys and
    codes are the format's; the sentences a clerk reads (an error's message, a prompt's
    evidence) are in the reader's language, as the till shows them."""
    record = event.to_json()
    if "message" in record:
        record["message"] = say(record["message"])
    if isinstance(record.get("evidence"), list):
        record["evidence"] = [say(line) for line in record["evidence"]]
    if event.event == "error":
        record = {"event": record.pop("event"), "order": record.pop("order"),
                  "line": script_line,
                  **{k: v for k, v in record.items() if k != "line"}}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def check_expect(till: Till, want: tuple[str, ...]) -> tuple[str, str] | None:
    """(expected, got) when the till does not show what an `expect` line says; None when
    it does."""
    match want:
        case ("prompt", rule):
            got = till.prompt.rule_id if till.prompt is not None else "none"
            return None if got == rule else (rule, got)
        case ("total", amount):
            expected = parse_money(amount)
            return (None if till.total == expected
                    else (cents_str(expected), cents_str(till.total)))
        case ("line", code, qty):
            product = till.catalog.lookup(code)
            sku = product.sku if product is not None else code
            have = [ln.qty for ln in till.lines if ln.sku == sku]
            if int(qty) in have:
                return None
            return (f"{sku} {int(qty)}", ", ".join(f"{sku} {q}" for q in have)
                    or translate("cli", "no such line"))
    raise AssertionError(want)  # _parse_expect lets only these through


def _play(till: Till, step: Step, game: PracticeGame | None) -> Played:
    """One command, through the practice game when there is one."""
    from pos_prompter.practice.game import Played

    if step.command in ("offer", "explain"):
        if game is None:
            return Played(till=[TillEvent("error", till.order_id, till.total, {
                "message": translate("cli", "{command} works in practice with a scenario "
                                     "(simulate --training --scenario FILE)").format(
                    command=step.command)})])
        return game.offer() if step.command == "offer" else game.explain()
    if step.command == "expect":
        assert isinstance(step.arg, tuple)
        miss = check_expect(till, step.arg)
        if miss is None:
            return Played()
        return Played(practice=[TillEvent("expect_failed", till.order_id, till.total, {
            "line": step.line, "expected": miss[0], "got": miss[1]})])
    if game is None:
        return Played(till=_play_step(till, step))
    return game.do(lambda: _play_step(till, step))


def _printed(played: Played, script_line: int) -> list[str]:
    """What a clerk (or trainee) sees: the till's events a clerk sees, and every event of
    the practice game and the script's checks."""
    return [event_json(ev, script_line) for ev in played.till if ev.event in PRINTED_EVENTS] \
        + [event_json(ev, script_line) for ev in played.practice]


def play(till: Till, steps: list[Step], source: str,
         emit: Callable[[str], None] = out, game: PracticeGame | None = None) -> int:
    """Play the steps, printing what the clerk would see after each one. With a practice
    game, its first customer steps up before the first command and its score comes at the
    end. Returns how many `expect` lines failed."""
    failed = 0

    def show(played: Played, line: int) -> None:
        lines = _printed(played, line)
        if lines:
            emit("\n".join(lines) + "\n")

    if game is not None:
        show(game.start(), 0)
    for step in steps:
        try:
            played = _play(till, step, game)
        except StoreError as exc:
            raise StoreError(translate("cli", "{source} line {n}").format(
                source=source, n=step.line) + ": " + say_error(exc)) from exc
        failed += sum(ev.event == "expect_failed" for ev in played.practice)
        show(played, step.line)
    if game is not None:
        show(game.finish(), steps[-1].line if steps else 0)
    return failed


def _open_store(db: Path, *, dry_run: bool, training: bool) -> Store:
    from pos_prompter.practice.practice_store import ensure_practice_store, practice_store_path
    from pos_prompter.store.practice import strip_sales

    if not training:
        return Store.open_copy(db) if dry_run else Store.open(db)
    if not dry_run:
        return Store.open(ensure_practice_store(db))
    practice = practice_store_path(db)
    if practice.exists():
        return Store.open_copy(practice)
    store = Store.open_copy(db)  # what the practice store would start as, in memory only
    strip_sales(store)
    return store


SIMULATE_TILL = "simulate"
"""The till name scripts play as: a script goes on with an order a script left open, never
with the one a clerk has open at a real till on the same store."""


def cmd_simulate(args: argparse.Namespace) -> int:
    from pos_prompter.pack_files import read_text
    from pos_prompter.practice.files import read_scenario_text
    from pos_prompter.practice.game import PracticeGame
    from pos_prompter.practice.runs import record_run
    from pos_prompter.till import Till

    db = need_db(args, "simulate")
    source = str(args.script)
    steps = parse_script(read_text(args.script, "scan script"), source)
    scenario_path: Path | None = getattr(args, "scenario", None)
    if scenario_path is not None and not args.training:
        raise InputError(translate("cli", "--scenario plays a practice scenario in the "
                                   "practice store: add --training"))
    scenario_text = (read_text(scenario_path, "scenario") if scenario_path is not None
                     else None)
    with _open_store(db, dry_run=args.dry_run, training=args.training) as store:
        till = Till(store, till_name=SIMULATE_TILL)  # never a real till's open order
        game: PracticeGame | None = None
        if scenario_text is not None:
            scenario = read_scenario_text(scenario_text, str(scenario_path), till.catalog,
                                          till.engine.rules)
            game = PracticeGame(till, scenario)
        if till.session is not None:
            note(translate("cli", "continuing order {id}, which was left open in the "
                           "store").format(id=till.order_id))
        failed = play(till, steps, source, game=game)
        if game is not None and game.result is not None and not args.dry_run:
            record_run(store, game.result)
        if till.session is not None and not args.dry_run:
            note(translate("cli", "order {id} is still open: the script ends without "
                           "pay").format(id=till.order_id))
    if failed:
        note(plural(failed, translate("cli", "{n} expectation failed"),
                    translate("cli", "{n} expectations failed")))
        return 1
    return 0
