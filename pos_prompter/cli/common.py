"""What every command shares: the store path it was given, and writing to stdout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pos_prompter.core.errors import InputError
from pos_prompter.i18n import say, translate


def need_db(args: argparse.Namespace, command: str) -> Path:
    """The store file a subcommand works on (`--db` before or after the command name)."""
    db: Path | None = getattr(args, "db", None)
    if db is None:
        raise InputError(translate("cli", "'{command}' needs --db PATH, the store file to "
                                   "use").format(command=command))
    return db


def out(text: str) -> None:
    """Write to stdout as UTF-8 whatever the terminal's locale: rule packs and JSON Lines
    are files that other tools read back, so their encoding must not depend on the shell."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    stream.flush()
    if buffer is None:
        stream.write(text)
        stream.flush()
        return
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def warn(text: str) -> None:
    print(translate("cli", "warning: {message}").format(message=say(text)), file=sys.stderr)


def note(text: str) -> None:
    print(translate("cli", "note: {message}").format(message=say(text)), file=sys.stderr)
