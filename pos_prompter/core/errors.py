"""The two error families: problems a user can fix, and bugs."""

from __future__ import annotations

from pos_prompter.core.said import QT_TRANSLATE_NOOP


class UserError(Exception):
    """Bad input a person can fix (a malformed file, an unknown barcode, a bad rule).

    The message is one readable sentence, shown as it is on the screen or on stderr.
    """


class InputError(UserError):
    """Unreadable input or bad usage (the command line maps it to exit code 2)."""


INPUT = QT_TRANSLATE_NOOP("core", "input")
"""What a refusal names when its caller does not say (ValidationError's `what`)."""


class ValidationError(UserError):
    """Input that was read but refused: a catalog or rule pack with problems (exit code 1).

    `problems` lists every problem found (up to a limit), each one readable on its own.
    """

    def __init__(self, problems: list[str], *, what: str = INPUT) -> None:
        self.problems = list(problems)
        self.what = what
        first = problems[0] if problems else QT_TRANSLATE_NOOP("core", "unknown problem")
        more = (QT_TRANSLATE_NOOP("core", " (and {n} more)").format(n=len(problems) - 1)
                if len(problems) > 1 else "")
        super().__init__(QT_TRANSLATE_NOOP("core", "{what} refused, nothing was changed: "
                                                   "{first}{more}").format(
            what=what, first=first, more=more))
