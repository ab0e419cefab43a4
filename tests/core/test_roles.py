"""The staff roles (core.roles): what each may open and signs in with, read from what
people type. Split from core.auth so the till's first screen reads its staff without the
hashing and lockout modules (issue 14.2)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pos_prompter.core.errors import InputError
from pos_prompter.core.roles import ROLES, can_open_workspace, parse_role, role_word, secret_kind


def test_roles() -> None:
    assert ROLES == ("clerk", "trainer", "manager")
    assert parse_role(" Manager ") == "manager"
    with pytest.raises(InputError, match="choose clerk, trainer, manager"):
        parse_role("owner")
    assert [can_open_workspace(r) for r in ROLES] == [False, False, True]
    assert [secret_kind(r) for r in ROLES] == ["PIN", "password", "password"]
    assert [role_word(r) for r in ROLES] == ["clerk", "trainer", "manager"]
    assert role_word("owner") == "owner"  # an unknown stored role is shown as it is


def test_the_roles_need_no_hashing_or_lockout_module() -> None:
    """What the till's staff list reads is apart from core.auth's hashing and lockouts."""
    code = ("import sys; import pos_prompter.core.roles; "
            "print(sorted(m for m in ('pos_prompter.core.auth', 'hashlib', 'secrets') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"
