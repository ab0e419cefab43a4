"""Who may do what: the staff roles, what each signs in with, and the words for them.

Apart from core.auth (secret hashing, the rules a PIN or password must meet, lockouts) so
that the till's first screen reads its staff list without those, nor the dataclasses they
bring (issue 14.2). Pure standard library, as core.auth is.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

from pos_prompter.core.errors import InputError
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

Role = Literal["clerk", "trainer", "manager"]
ROLES: Final[tuple[Role, ...]] = get_args(Role)
"""Clerks run the till (PIN); trainers run practice mode and managers the workspace
(password)."""

PASSWORD_ROLES: Final[frozenset[Role]] = frozenset({"trainer", "manager"})
WORKSPACE_ROLES: Final[frozenset[Role]] = frozenset({"manager"})
"""The rule, settings, catalog and staff workspace opens only for these roles."""


def parse_role(text: str) -> Role:
    """A role from user input (any case); InputError names the choices."""
    value = text.strip().lower()
    for role in ROLES:
        if value == role:
            return role
    raise InputError(QT_TRANSLATE_NOOP("core", "{text!r} is not a role (choose {roles})").format(
        text=text, roles=", ".join(ROLES)))


PIN_WORD: Final = QT_TRANSLATE_NOOP("core", "PIN")
PASSWORD_WORD: Final = QT_TRANSLATE_NOOP("core", "password")
ROLE_WORDS: Final[dict[str, Said]] = {
    "clerk": QT_TRANSLATE_NOOP("core", "clerk"),
    "trainer": QT_TRANSLATE_NOOP("core", "trainer"),
    "manager": QT_TRANSLATE_NOOP("core", "manager"),
}


def role_word(role: str) -> Said | str:
    """A role as a word for people (said in the reader's language; the stored role stays
    English)."""
    return ROLE_WORDS.get(role, role)


def secret_kind(role: Role) -> Said:
    """What a person of this role signs in with: 'PIN' or 'password' (a Said: equal to
    those English words, and said in the reader's language)."""
    return PASSWORD_WORD if role in PASSWORD_ROLES else PIN_WORD


def can_open_workspace(role: Role) -> bool:
    return role in WORKSPACE_ROLES
