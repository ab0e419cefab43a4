"""How people prove who they are: secret hashing, the rules a PIN or a password must meet,
and when wrong attempts lock a person out. The roles (who may do what) are core.roles.

Pure standard library (no store, no Qt): the store keeps the hashes and the failure times,
the window asks for the secret, this module decides.

Secrets are kept only as salted, deliberately slow scrypt hashes with OWASP's current
parameters (N=2**17, r=8, p=1), written as a self-describing string
`scrypt$N$r$p$salt_b64$hash_b64`, so the parameters can be raised later and old hashes
still verify (`needs_rehash` says which to upgrade at the next sign-in).

A 4-digit PIN has 10,000 values: whoever holds a copy of the store file can try them all
offline whatever the hash costs. So a PIN only identifies a clerk at the till; rule changes
(the workspace) always need a manager's password.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from pos_prompter.core.errors import UserError
from pos_prompter.core.roles import PASSWORD_ROLES, Role
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

# ---------------------------------------------------------------------- hashing


@dataclass(frozen=True, slots=True)
class ScryptParams:
    """scrypt cost: N (CPU/memory, a power of two), r (block size), p (parallelism)."""

    n: int
    r: int
    p: int
    salt_bytes: int = 16
    key_bytes: int = 64

    @property
    def maxmem(self) -> int:
        """The memory OpenSSL needs for these parameters (128*r*(N+p+2) bytes), plus room."""
        return 128 * self.r * (self.n + self.p + 2) + 2**20

    def weaker_than(self, other: ScryptParams) -> bool:
        return (self.n < other.n or self.r < other.r or self.p < other.p
                or self.salt_bytes < other.salt_bytes or self.key_bytes < other.key_bytes)


OWASP_SCRYPT: Final = ScryptParams(n=2**17, r=8, p=1)
"""OWASP Password Storage Cheat Sheet: scrypt with N=2^17 (128 MiB), r=8, p=1.
About 0.4 s and 128 MiB a hash: slow on purpose."""

PARAMS: ScryptParams = OWASP_SCRYPT
"""The parameters new hashes get. Production never changes this; test suites lower it
in-process with a fixture (`monkeypatch.setattr(auth, "PARAMS", ...)`), because a test that
creates many people would otherwise spend seconds hashing."""

MAX_MEMORY: Final = 2**30
"""The most memory a stored hash may ask for (1 GiB, 8 times today's cost): a hash
string that asks for more verifies nothing rather than exhausting the till's memory."""

SCHEME: Final = "scrypt"


def _secret_bytes(secret: str) -> bytes:
    # NFC: the same password typed on two keyboards (composed or decomposed é) is the same.
    return unicodedata.normalize("NFC", secret).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def _derive(secret: str, salt: bytes, params: ScryptParams) -> bytes:
    import hashlib  # here, with hmac and secrets: OpenSSL's load is not the till's start

    return hashlib.scrypt(_secret_bytes(secret), salt=salt, n=params.n, r=params.r,
                          p=params.p, maxmem=params.maxmem, dklen=params.key_bytes)


def hash_secret(secret: str, params: ScryptParams | None = None) -> str:
    """`scrypt$N$r$p$salt$hash` (base64, unpadded) with a fresh random salt."""
    import secrets

    use = params or PARAMS
    salt = secrets.token_bytes(use.salt_bytes)
    key = _derive(secret, salt, use)
    return f"{SCHEME}${use.n}${use.r}${use.p}${_b64(salt)}${_b64(key)}"


@dataclass(frozen=True, slots=True)
class _Parsed:
    params: ScryptParams
    salt: bytes
    key: bytes


def _parse(encoded: str) -> _Parsed | None:
    parts = encoded.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, key = _unb64(parts[4]), _unb64(parts[5])
    except (ValueError, binascii.Error):
        return None
    if n < 2 or n & (n - 1) or not 1 <= r <= 64 or not 1 <= p <= 16:
        return None
    if not salt or not key:
        return None
    params = ScryptParams(n, r, p, len(salt), len(key))
    if params.maxmem > MAX_MEMORY:
        return None
    return _Parsed(params, salt, key)


def verify_secret(secret: str, encoded: str | None) -> bool:
    """Whether `secret` is the one `encoded` was made from (a constant-time comparison).
    A missing or malformed hash verifies nothing."""
    if not encoded:
        return False
    parsed = _parse(encoded)
    if parsed is None:
        return False
    try:
        key = _derive(secret, parsed.salt, parsed.params)
    except (ValueError, MemoryError):
        return False
    import hmac

    return hmac.compare_digest(key, parsed.key)


def needs_rehash(encoded: str | None) -> bool:
    """True when `encoded` is weaker than today's parameters (or unreadable): hash the
    secret again at its next successful sign-in."""
    if not encoded:
        return False
    parsed = _parse(encoded)
    return parsed is None or parsed.params.weaker_than(PARAMS)


# ---------------------------------------------------------------------- policy


class SecretRefused(UserError):
    """A new PIN or password that does not meet the policy; the message says why."""


PIN_RE: Final = re.compile(r"[0-9]{4,8}")
PASSWORD_MIN: Final = 10
PASSWORD_MAX: Final = 256


def password_problem(password: str) -> Said | None:
    """Why a manager's or trainer's password is refused, or None when it is fine."""
    if len(password) < PASSWORD_MIN:
        return QT_TRANSLATE_NOOP("core", "a password needs at least {n} characters").format(
            n=PASSWORD_MIN)
    if len(password) > PASSWORD_MAX:
        return QT_TRANSLATE_NOOP("core", "a password can have at most {n} characters").format(
            n=PASSWORD_MAX)
    if password.isdigit():
        return QT_TRANSLATE_NOOP("core", "a password cannot be all digits (a number is too "
                                         "easy to guess); use words or letters too")
    if not password.strip():
        return QT_TRANSLATE_NOOP("core", "a password cannot be only spaces")
    if any(unicodedata.category(c) == "Cc" for c in password):
        return QT_TRANSLATE_NOOP("core", "a password cannot contain control characters")
    return None


def pin_problem(pin: str) -> Said | None:
    """Why a clerk's PIN is refused, or None when it is fine."""
    if not PIN_RE.fullmatch(pin):
        return QT_TRANSLATE_NOOP("core", "a PIN is 4 to 8 digits (0-9)")
    return None


def secret_problem(role: Role, secret: str) -> Said | None:
    """Why `secret` cannot be the new PIN or password of a person with `role`."""
    return password_problem(secret) if role in PASSWORD_ROLES else pin_problem(secret)


def check_secret(role: Role, secret: str) -> None:
    """Raise SecretRefused (one readable sentence) unless `secret` meets the policy."""
    problem = secret_problem(role, secret)
    if problem is not None:
        refused = (QT_TRANSLATE_NOOP("core", "password refused: {problem}")
                   if role in PASSWORD_ROLES else
                   QT_TRANSLATE_NOOP("core", "PIN refused: {problem}"))
        raise SecretRefused(refused.format(problem=problem))


# ---------------------------------------------------------------------- lockout


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """`max_attempts` wrong attempts in a row lock a person out for `lock_for`."""

    max_attempts: int = 5
    lock_for: dt.timedelta = dt.timedelta(minutes=5)


LOCKOUT: Final = LockoutPolicy()


@dataclass(frozen=True, slots=True)
class LockState:
    """Where a person stands after their recent wrong attempts."""

    locked_until: dt.datetime | None
    """Set while locked out (now < locked_until)."""
    counted: int
    """Wrong attempts that count towards the next lock."""
    tries_left: int
    """Attempts left before the next lock (0 while locked)."""
    count_since: dt.datetime | None
    """Failures before this time no longer count (the end of the last lock that has run
    out): the store may forget them."""

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


def lock_state(failures: Sequence[dt.datetime], now: dt.datetime,
               policy: LockoutPolicy = LOCKOUT) -> LockState:
    """Decide from the wrong attempts since the last successful sign-in.

    Every `max_attempts` failures in a row start a lock of `lock_for` from the last of them;
    failures during a lock do not count, and once a lock runs out the count starts again.
    """
    count = 0
    lock_end: dt.datetime | None = None
    since: dt.datetime | None = None
    for at in sorted(failures):
        if lock_end is not None:
            if at < lock_end:
                continue  # tried (at another till) while locked: changes nothing
            since, lock_end, count = lock_end, None, 0
        count += 1
        if count >= policy.max_attempts:
            lock_end = at + policy.lock_for
    if lock_end is not None and now < lock_end:
        return LockState(lock_end, count, 0, since)
    if lock_end is not None:  # the lock has run out: a fresh count
        return LockState(None, 0, policy.max_attempts, lock_end)
    return LockState(None, count, policy.max_attempts - count, since)


def locked_until(failures: Sequence[dt.datetime], now: dt.datetime,
                 policy: LockoutPolicy = LOCKOUT) -> dt.datetime | None:
    """When the lock ends, or None when the person may try now."""
    return lock_state(failures, now, policy).locked_until


def clock_text(when: dt.datetime) -> str:
    """HH:MM for a lock's end, rounded up, so "until 14:35" is never a minute early."""
    if when.second or when.microsecond:
        when = when.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    return when.strftime("%H:%M")
