"""Roles, secret hashing, the PIN and password rules, and when wrong attempts lock someone
out: pure functions, no store."""

from __future__ import annotations

import base64
import datetime as dt
import subprocess
import sys

import pytest

from pos_prompter.core import auth
from pos_prompter.core.auth import (
    OWASP_SCRYPT,
    LockoutPolicy,
    ScryptParams,
    SecretRefused,
    check_secret,
    clock_text,
    hash_secret,
    lock_state,
    locked_until,
    needs_rehash,
    verify_secret,
)
from pos_prompter.core.roles import Role

CHEAP = ScryptParams(n=2**10, r=8, p=1)
T0 = dt.datetime(2026, 11, 23, 14, 30)




def b64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


# ---------------------------------------------------------------------- hashing


def test_a_secret_verifies_against_its_hash() -> None:
    encoded = hash_secret("correct horse battery")
    assert verify_secret("correct horse battery", encoded)


def test_a_wrong_secret_does_not_verify() -> None:
    encoded = hash_secret("correct horse battery")
    assert not verify_secret("correct horse batterY", encoded)
    assert not verify_secret("", encoded)


def test_the_hash_is_self_describing_and_holds_no_secret() -> None:
    encoded = hash_secret("correct horse battery")
    scheme, n, r, p, salt, key = encoded.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", CHEAP.n, CHEAP.r, CHEAP.p)
    assert len(b64(salt)) == 16
    assert len(b64(key)) == 64
    assert "horse" not in encoded


def test_each_hash_has_its_own_salt() -> None:
    first, second = hash_secret("1234"), hash_secret("1234")
    assert first != second
    assert first.split("$")[4] != second.split("$")[4]
    assert verify_secret("1234", first)
    assert verify_secret("1234", second)


def test_the_same_password_typed_composed_or_decomposed_verifies() -> None:
    encoded = hash_secret("caf\u00e9 au lait!")  # é as one code point
    assert verify_secret("cafe\u0301 au lait!", encoded)  # e + combining accent


def test_production_parameters_are_owasps() -> None:
    assert (OWASP_SCRYPT.n, OWASP_SCRYPT.r, OWASP_SCRYPT.p) == (2**17, 8, 1)
    assert (OWASP_SCRYPT.salt_bytes, OWASP_SCRYPT.key_bytes) == (16, 64)
    encoded = hash_secret("correct horse battery", OWASP_SCRYPT)
    assert encoded.startswith("scrypt$131072$8$1$")
    assert verify_secret("correct horse battery", encoded)
    assert not verify_secret("correct horse batterY", encoded)


def test_production_hashes_use_owasp_parameters_by_default() -> None:
    """In a fresh interpreter (no test fixture), a new hash gets OWASP's parameters."""
    code = ("from pos_prompter.core import auth; "
            "print(auth.PARAMS is auth.OWASP_SCRYPT, auth.hash_secret('x'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=60)
    same, encoded = result.stdout.split()
    assert same == "True"
    scheme, n, r, p, salt, key = encoded.split("$")
    assert (scheme, n, r, p) == ("scrypt", "131072", "8", "1")
    assert (len(b64(salt)), len(b64(key))) == (16, 64)


def test_a_hash_weaker_than_todays_parameters_needs_rehashing() -> None:
    weak = hash_secret("correct horse battery", ScryptParams(n=2**8, r=8, p=1))
    assert needs_rehash(weak)
    assert verify_secret("correct horse battery", weak)  # old hashes still verify
    assert not needs_rehash(hash_secret("correct horse battery"))
    assert not needs_rehash(hash_secret("correct horse battery",
                                        ScryptParams(n=2**11, r=8, p=1)))  # stronger
    assert needs_rehash(hash_secret("x", ScryptParams(n=2**10, r=8, p=1, salt_bytes=8)))
    assert needs_rehash("md5$abc")
    assert not needs_rehash(None)


@pytest.mark.parametrize("encoded", [
    None, "", "1234", "scrypt$1024$8$1$c2FsdA$a2V5$extra", "bcrypt$1024$8$1$c2FsdA$a2V5",
    "scrypt$1000$8$1$c2FsdA$a2V5",            # N not a power of two
    f"scrypt${2**30}$8$1$c2FsdA$a2V5",        # would ask for 128 GiB
    f"scrypt${2**20}$64$1$c2FsdA$a2V5",       # 8 GiB
    "scrypt$1024$8$1$not base64!$a2V5", "scrypt$1024$8$1$$a2V5",
])
def test_a_missing_or_malformed_hash_verifies_nothing(encoded: str | None) -> None:
    assert not verify_secret("1234", encoded)


# ---------------------------------------------------------------------- policy


@pytest.mark.parametrize(("password", "reason"), [
    ("short", "at least 10 characters"),
    ("abc def g", "at least 10 characters"),
    ("12345678901234", "cannot be all digits"),
    (" " * 12, "only spaces"),
    ("tab\there\x00nul", "control characters"),
    ("x" * 257, "at most 256"),
])
@pytest.mark.parametrize("role", ["manager", "trainer"])
def test_a_weak_password_is_refused_with_a_reason(role: Role, password: str,
                                                  reason: str) -> None:
    with pytest.raises(SecretRefused, match=reason) as err:
        check_secret(role, password)
    assert str(err.value).startswith("password refused: ")
    assert password.strip() == "" or password not in str(err.value)


@pytest.mark.parametrize("password", ["correct horse", "0123456789a", "Kaffee-Mühle 7"])
def test_a_good_password_passes(password: str) -> None:
    check_secret("manager", password)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "12 34", "",
                                 "\u0661\u0662\u0663\u0664",  # Arabic-Indic digits
                                 "correct horse battery"])
def test_a_bad_pin_is_refused(pin: str) -> None:
    with pytest.raises(SecretRefused, match="PIN refused: a PIN is 4 to 8 digits"):
        check_secret("clerk", pin)


@pytest.mark.parametrize("pin", ["1234", "0000", "12345678"])
def test_a_pin_of_4_to_8_digits_passes(pin: str) -> None:
    check_secret("clerk", pin)


# ---------------------------------------------------------------------- lockout


def minutes(*offsets: float) -> list[dt.datetime]:
    return [T0 + dt.timedelta(minutes=m) for m in offsets]


def test_no_failures_five_tries() -> None:
    state = lock_state([], T0)
    assert (state.locked_until, state.counted, state.tries_left) == (None, 0, 5)


def test_four_failures_leave_one_try() -> None:
    state = lock_state(minutes(0, 1, 2, 3), T0 + dt.timedelta(minutes=4))
    assert (state.locked_until, state.counted, state.tries_left) == (None, 4, 1)


def test_the_fifth_failure_locks_for_five_minutes_from_it() -> None:
    failures = minutes(0, 1, 2, 3, 4)
    now = T0 + dt.timedelta(minutes=4)
    assert locked_until(failures, now) == T0 + dt.timedelta(minutes=9)
    assert lock_state(failures, now).tries_left == 0
    assert locked_until(failures, T0 + dt.timedelta(minutes=8, seconds=59)) is not None


def test_the_lock_runs_out_and_the_count_starts_again() -> None:
    failures = minutes(0, 1, 2, 3, 4)
    after = T0 + dt.timedelta(minutes=9)
    state = lock_state(failures, after)
    assert (state.locked_until, state.tries_left, state.count_since) == (None, 5, after)
    again = lock_state([*failures, after], after)
    assert (again.locked_until, again.counted, again.tries_left) == (None, 1, 4)


def test_failures_during_a_lock_do_not_extend_it() -> None:
    failures = [*minutes(0, 0, 0, 0, 0), *minutes(1, 2, 3)]  # three more at other tills
    assert locked_until(failures, T0 + dt.timedelta(minutes=3)) == T0 + dt.timedelta(minutes=5)


def test_the_order_of_the_failures_given_does_not_matter() -> None:
    failures = minutes(4, 0, 3, 1, 2)
    assert locked_until(failures, T0 + dt.timedelta(minutes=5)) == T0 + dt.timedelta(minutes=9)


def test_another_policy() -> None:
    policy = LockoutPolicy(max_attempts=3, lock_for=dt.timedelta(seconds=30))
    assert locked_until(minutes(0, 0, 0), T0, policy) == T0 + dt.timedelta(seconds=30)
    assert (auth.LOCKOUT.max_attempts, auth.LOCKOUT.lock_for) == (5, dt.timedelta(minutes=5))


@pytest.mark.parametrize(("when", "text"), [
    (dt.datetime(2026, 11, 23, 14, 35), "14:35"),
    (dt.datetime(2026, 11, 23, 14, 35, 1), "14:36"),
    (dt.datetime(2026, 11, 23, 23, 59, 30), "00:00"),
])
def test_a_locks_end_is_shown_rounded_up_to_the_minute(when: dt.datetime, text: str) -> None:
    assert clock_text(when) == text
