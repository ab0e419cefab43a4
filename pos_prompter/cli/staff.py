"""The staff and audit commands: list, add and disable staff, set a PIN or password, and
read the audit log.

Secrets come from standard input when it is not a terminal (one line: scripts and tests),
else from a hidden prompt asked twice. They are never echoed, printed or put in an error.
Every change is audited as made by `cli:<the OS user>`: whoever can write the store file
can change it, so the file's permissions are what guard it from the command line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from collections.abc import Callable, Sequence
from typing import Final

from pos_prompter.cli.common import need_db, note, out
from pos_prompter.core.auth import check_secret, clock_text
from pos_prompter.core.errors import InputError, UserError
from pos_prompter.core.money import whole_text
from pos_prompter.core.roles import ROLES, Role, secret_kind
from pos_prompter.i18n import QT_TRANSLATE_NOOP, say, translate
from pos_prompter.i18n.audit_words import action_text, actor_text, change_text, entity_text
from pos_prompter.store import Store
from pos_prompter.store.audit import (
    ENTITIES,
    AuditEntry,
    audit_csv,
    audit_entries,
    verify_audit,
)
from pos_prompter.store.auth import Person, StaffError, StaffStore, check_name

AUDIT_FORMATS = ("table", "csv")
WORDS = {"PIN": QT_TRANSLATE_NOOP("cli", "PIN"), "password": QT_TRANSLATE_NOOP("cli", "password"),
         "clerk": QT_TRANSLATE_NOOP("cli", "clerk"), "manager": QT_TRANSLATE_NOOP("cli", "manager"),
         "trainer": QT_TRANSLATE_NOOP("cli", "trainer")}
"""Secret kinds and roles as shown (the stored words stay English)."""


def _word(value: str) -> str:
    return translate("cli", WORDS[value]) if value in WORDS else value


def cli_actor() -> str:
    """Who the audit log names for a change made from the command line."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no USER/LOGNAME and no password-file entry
        user = "unknown"
    return f"cli:{user}"


def read_secret(kind: str, check: Callable[[str], None] | None = None) -> str:
    """A new PIN or password: one line of stdin when it is not a terminal, else typed
    twice at a hidden prompt (`check` refuses a bad one before the second prompt)."""
    stdin = sys.stdin
    if stdin is None or not stdin.isatty():
        line = stdin.readline() if stdin is not None else ""
        if not line:
            raise InputError(translate("cli", "no {kind} on standard input (give it as one "
                                       "line, or run the command in a terminal to be asked "
                                       "for it)").format(kind=_word(kind)))
        secret = line.rstrip("\r\n")
        if check is not None:
            check(secret)
        return secret
    first = getpass.getpass(translate("cli", "New {kind}: ").format(kind=_word(kind)))
    if check is not None:
        check(first)
    second = getpass.getpass(translate("cli", "The same {kind} again: ").format(
        kind=_word(kind)))
    if first != second:
        raise UserError(translate("cli", "the two PINs differ; nothing was changed")
                        if kind == "PIN" else
                        translate("cli", "the two passwords differ; nothing was changed"))
    return first


# ---------------------------------------------------------------------- staff


def _status(person: Person, staff: StaffStore) -> str:
    if not person.active:
        return translate("cli", "disabled")
    if not person.secret_set:
        return translate("cli", "no {kind} yet").format(kind=_word(person.secret_kind))
    until = staff.lock_state(person.name).locked_until
    if until is not None:
        return translate("cli", "locked until {time}").format(time=clock_text(until))
    return translate("cli", "active")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
             for r in [header, *rows]]
    return "\n".join(lines) + "\n"


def cmd_staff_list(args: argparse.Namespace) -> int:
    db = need_db(args, "staff list")
    with Store.open(db) as store:
        staff = StaffStore(store)
        people = staff.list_staff()
        rows = [(p.name, _word(p.role), _word(p.secret_kind), _status(p, staff),
                 p.secret_changed_at.isoformat(sep=" ", timespec="minutes")
                 if p.secret_changed_at else "-") for p in people]
        first = staff.needs_first_manager()
    out(_table((translate("cli", "name"), translate("cli", "role"),
                translate("cli", "signs in with"), translate("cli", "status"),
                translate("cli", "secret set at")), rows))
    if first:
        note(translate("cli", "this store has no manager yet; add one with 'pos-prompter "
                       "staff --db {db} add NAME --role manager'").format(db=db))
    return 0


def cmd_staff_add(args: argparse.Namespace) -> int:
    db = need_db(args, "staff add")
    role: Role = args.role
    kind = secret_kind(role)
    with Store.open(db) as store:
        staff = StaffStore(store)
        name = check_name(args.name)
        clash = staff.name_taken(name)
        if clash is not None:  # say so before asking for a secret
            raise StaffError(translate("cli", "{name} is already on the staff list").format(
                name=repr(clash)))
        secret = read_secret(kind, lambda s: check_secret(role, s))
        person = staff.add_person(name, role, secret, actor=cli_actor())
    out(translate("cli", "Added {name} ({role}, signs in with a {kind})").format(
        name=person.name, role=_word(person.role), kind=_word(kind)) + "\n")
    return 0


def cmd_staff_passwd(args: argparse.Namespace) -> int:
    db = need_db(args, "staff passwd")
    with Store.open(db) as store:
        staff = StaffStore(store)
        person = staff.get(args.name)
        if person is None:
            raise StaffError(translate("cli", "there is no one called {name} on the staff "
                                       "list").format(name=repr(args.name)))
        secret = read_secret(person.secret_kind, lambda s: check_secret(person.role, s))
        staff.change_secret(person.name, secret, actor=cli_actor())
    out(translate("cli", "Changed the {kind} of {name}").format(
        kind=_word(person.secret_kind), name=person.name) + "\n")
    return 0


def _set_active(args: argparse.Namespace, active: bool) -> int:
    verb = "enable" if active else "disable"
    db = need_db(args, f"staff {verb}")
    with Store.open(db) as store:
        before = StaffStore(store).get(args.name)
        person = StaffStore(store).set_active(args.name, active, actor=cli_actor())
    if before is not None and before.active == active:
        text = (translate("cli", "{name} was already enabled") if active
                else translate("cli", "{name} was already disabled"))
    else:
        text = translate("cli", "Enabled {name}") if active else translate("cli", "Disabled {name}")
    out(text.format(name=person.name) + "\n")
    return 0


def cmd_staff_disable(args: argparse.Namespace) -> int:
    return _set_active(args, False)


def cmd_staff_enable(args: argparse.Namespace) -> int:
    return _set_active(args, True)


# ---------------------------------------------------------------------- audit


def parse_when(text: str, option: str) -> dt.date | dt.datetime:
    """A date (2026-11-23: the whole day) or a date and time (2026-11-23T14:30)."""
    value = text.strip()
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise InputError(translate("cli", "{option} {text} is not a date (2026-11-23) or a "
                                   "date and time (2026-11-23T14:30)").format(
            option=option, text=repr(text))) from None


def _audit_rows(entries: Sequence[AuditEntry]) -> str:
    rows = [(e.at.isoformat(sep=" "), actor_text(e.actor), entity_text(e.entity), e.entity_id,
             action_text(e.action), change_text(e)) for e in entries]
    return _table((translate("cli", "at"), translate("cli", "actor"),
                   translate("cli", "entity"), translate("cli", "id"),
                   translate("cli", "action"), translate("cli", "change")), rows)


def cmd_audit(args: argparse.Namespace) -> int:
    if args.what == "verify":
        return cmd_audit_verify(args)
    db = need_db(args, "audit")
    since = parse_when(args.since, "--since") if args.since else None
    until = parse_when(args.until, "--until") if args.until else None
    with Store.open(db) as store:
        entries = audit_entries(store, entity=args.entity, actor=args.actor, since=since,
                                until=until, text=args.text)
    if args.format == "csv":
        out(audit_csv(entries))
        return 0
    if not entries:
        note(translate("cli", "no audit entries match"))
        return 0
    out(_audit_rows(entries))
    return 0


_FILTERS: Final = ("entity", "actor", "since", "until", "text")


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """The log's hash chain: 0 and 'ok: N entries, chain intact', or 1 and the sentence
    naming the first entry changed, removed or inserted behind the app's back."""
    db = need_db(args, "audit verify")
    given = [f"--{name}" for name in _FILTERS if getattr(args, name) is not None]
    if given or args.format != "table":
        raise InputError(translate("cli", "audit verify checks the whole log: it takes no "
                                   "{options}").format(options=", ".join(given) or "--format"))
    with Store.open(db) as store:
        result = verify_audit(store)
    if result.intact:
        out(translate("cli", "ok: {n} entries, chain intact").format(
            n=whole_text(result.entries)) + "\n")
        return 0
    out(translate("cli", "{problem} (the {n} entries before it link up)").format(
        problem=say(result.text), n=whole_text(result.entries)) + "\n")
    return 1


# ---------------------------------------------------------------------- parser


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             store: argparse.ArgumentParser) -> None:
    """Add `staff ...` and `audit` to the command line (`store`: the --db/--debug parent)."""
    staff = commands.add_parser(
        "staff", parents=[store], help=translate("cli", "list staff, add or disable them, set a "
                                                        "PIN or password"),
        description=translate("cli", "Clerks sign in at the till with a PIN (4-8 digits); "
                                     "trainers and managers with a password (10 characters or "
                                     "more, not all digits). PINs and passwords are read from "
                                     "standard input when it is not a terminal, else asked "
                                     "twice."))
    what = staff.add_subparsers(title=translate("cli", "what"), metavar="WHAT", required=True)
    listing = what.add_parser("list", parents=[store], help=translate("cli", "everyone on the "
                                                                             "staff list"))
    listing.set_defaults(func=cmd_staff_list)
    add = what.add_parser("add", parents=[store], help=translate("cli", "add a clerk, trainer "
                                                                        "or manager"))
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=ROLES, default="clerk",
                     help=translate("cli", "clerk (PIN, the default), trainer or manager "
                                           "(password)"))
    add.set_defaults(func=cmd_staff_add)
    passwd = what.add_parser("passwd", parents=[store],
                             help=translate("cli", "set a new PIN or password (also lifts a "
                                                   "lockout)"))
    passwd.add_argument("name", metavar="NAME")
    passwd.set_defaults(func=cmd_staff_passwd)
    disable = what.add_parser("disable", parents=[store],
                              help=translate("cli", "stop someone signing in (their history "
                                                    "stays)"))
    disable.add_argument("name", metavar="NAME")
    disable.set_defaults(func=cmd_staff_disable)
    enable = what.add_parser("enable", parents=[store], help=translate("cli", "let a disabled "
                                                                              "person sign in"))
    enable.add_argument("name", metavar="NAME")
    enable.set_defaults(func=cmd_staff_enable)

    audit = commands.add_parser(
        "audit", parents=[store], help=translate("cli", "who changed rules, settings, catalog "
                                                        "and staff"),
        description=translate("cli", "The audit log, oldest first: every change to rules, "
                                     "settings, products and staff, with who made it, when, and "
                                     "before and after. 'audit verify' checks the log's hash "
                                     "chain instead: exit 0 when intact, 1 naming the first "
                                     "entry changed, removed or inserted behind the app's back."))
    audit.add_argument("what", nargs="?", choices=("verify",), metavar="verify",
                       help=translate("cli", "check the log's hash chain instead of listing it"))
    audit.add_argument("--entity", choices=ENTITIES, help=translate("cli", "only changes to these"))
    audit.add_argument("--actor", metavar="WHO",
                       help=translate("cli", "only changes by WHO (a staff name, cli:USER or "
                                             "system)"))
    audit.add_argument("--since", metavar="D", help=translate("cli", "from this date (or date "
                                                                     "and time) on"))
    audit.add_argument("--until", metavar="D", help=translate("cli", "up to this date (the "
                                                                     "whole day) or time"))
    audit.add_argument("--text", metavar="TEXT",
                       help=translate("cli", "only entries that mention TEXT (an id, a name, a "
                                             "value)"))
    audit.add_argument("--format", choices=AUDIT_FORMATS, default="table",
                       help=translate("cli", "table (default) or csv"))
    audit.set_defaults(func=cmd_audit)
