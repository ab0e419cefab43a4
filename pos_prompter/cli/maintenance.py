"""`pos-prompter check`, `backup` and `restore` (interfaces.md), and the one sentence every
command says on a damaged store (`damaged_store`, called by the command line's central
error handling)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from pos_prompter.bootstrap import default_store_path, training_store_path
from pos_prompter.cli.common import need_db, out
from pos_prompter.core.money import decimal_text, whole_text
from pos_prompter.i18n import plural, say, translate
from pos_prompter.store.backup import (
    backup_folder,
    backup_store,
    check_store,
    damaged_text,
    is_damage,
    latest_good_backup,
    new_backup_path,
    restore,
)

EXIT_USAGE = 2


def _size(count: int) -> str:
    if count >= 100_000:
        return translate("cli", "{size} MB").format(size=decimal_text(count / 1e6, 1))
    return translate("cli", "{size} bytes").format(size=whole_text(count))


def cmd_check(args: argparse.Namespace) -> int:
    db = need_db(args, "check")
    damage = check_store(db)
    if not damage:
        out(translate("cli", "ok") + "\n")
        return 0
    out("".join(say(line) + "\n" for line in damage))
    latest = latest_good_backup(db)
    then = (translate("cli", "the latest good backup is {latest}: 'pos-prompter restore "
                      "{latest} --db {db}' puts it in place").format(latest=latest, db=db)
            if latest is not None else
            translate("cli", "there is no automatic backup beside it"))
    print(plural(len(damage), translate("cli", "error: {db} is damaged ({n} problem above); "
                                        "{then}"),
                 translate("cli", "error: {db} is damaged ({n} problems above); {then}"),
                 db=db, then=then), file=sys.stderr)
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    db = need_db(args, "backup")
    target: Path | None = args.output
    if target is None:
        backup_folder(db).mkdir(exist_ok=True)
        target = new_backup_path(db, dt.datetime.now())
    made = backup_store(db, target)
    out(translate("cli", "Backed up {db} to {path} ({size}, checked) in {seconds} s").format(
        db=db, path=made.path, size=_size(made.size), seconds=decimal_text(made.seconds, 1)) + "\n")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    db = need_db(args, "restore")
    done = restore(args.file, db)
    if done.kept_aside is None:
        kept = ""
    elif done.was_damaged:
        kept = translate("cli", "; the store it replaced (damaged) is kept as {path}").format(
            path=done.kept_aside)
    else:
        kept = translate("cli", "; the store it replaced is kept as {path}").format(
            path=done.kept_aside)
    out(translate("cli", "Restored {db} from {backup}").format(db=db, backup=done.backup)
        + kept + "\n")
    return 0


def damaged_store(exc: BaseException, args: argparse.Namespace) -> int | None:
    """When `exc` is SQLite finding the store damaged: say so in one sentence (what to run,
    which backup to restore) and return the exit code; None for any other error."""
    if not is_damage(exc):
        return None
    db: Path | None = getattr(args, "db", None)
    if db is None and getattr(args, "func", None) is not None \
            and args.func.__name__ == "cmd_window":
        db = default_store_path()
    if db is not None and getattr(args, "training", False):  # the practice store's damage
        db = training_store_path(db)
    if db is None:
        print(translate("cli", "error: the store is damaged (SQLite found a damaged page): "
                        "run 'pos-prompter check --db PATH' on it, and restore a backup with "
                        "'pos-prompter restore FILE --db PATH'"), file=sys.stderr)
    else:
        print(translate("cli", "error: {message}").format(message=say(damaged_text(db))),
              file=sys.stderr)
    return EXIT_USAGE


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             store: argparse.ArgumentParser) -> None:
    check = commands.add_parser(
        "check", parents=[store], help=translate("cli", "check the store for damage"),
        description=translate("cli", "The store's integrity (PRAGMA integrity_check and its "
                                     "foreign keys), read-only: exit 0 and 'ok', or 1 and what "
                                     "is damaged."))
    check.set_defaults(func=cmd_check)

    backup = commands.add_parser(
        "backup", parents=[store], help=translate("cli", "a checked copy of the store, while "
                                                         "tills run"),
        description=translate("cli", "A consistent copy of the store through SQLite's backup "
                                     "API (tills may go on selling), checked before it takes "
                                     "its name. Without -o, into the folder NAME.backups beside "
                                     "the store, where the till keeps its automatic backups."))
    backup.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help=translate("cli", "write the backup to FILE (never over an existing "
                                              "file)"))
    backup.set_defaults(func=cmd_backup)

    put_back = commands.add_parser(
        "restore", parents=[store], help=translate("cli", "put a backup in place of the store"),
        description=translate("cli", "Check the backup, then put it in place of the store. The "
                                     "store it replaces is kept beside it as "
                                     "NAME.damaged-STAMP.db (or .replaced-STAMP.db when it was "
                                     "intact), never deleted. Refused while a till or a command "
                                     "has the store open."))
    put_back.add_argument("file", type=Path, metavar="FILE", help=translate("cli", "the backup"))
    put_back.set_defaults(func=cmd_restore)
