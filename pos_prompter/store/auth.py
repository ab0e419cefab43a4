"""Staff and signing in, over a Store: people with a role and a hashed PIN or password,
wrong attempts counted in the store file, and every staff change audited.

The window builds one `StaffStore(store, clock)` and asks it: `needs_first_manager()` on
start (then `create_first_manager`), `sign_in(name, secret)` for the till (clerks, with a
PIN) and `sign_in(name, secret, roles=WORKSPACE_ROLES)` before opening the workspace.

Hashing is slow on purpose (~0.4 s), so it happens outside any write transaction; the
attempt is counted before it, in the transaction that checks the lock, so tills sharing a
file cannot together get more than their tries, and a locked person is refused unhashed.
Secrets are never stored, logged or put in a message; only their scrypt hashes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from pos_prompter.core.errors import InputError, UserError
from pos_prompter.core.order import Clock, SystemClock
from pos_prompter.core.roles import (
    PASSWORD_ROLES,
    WORKSPACE_ROLES,
    Role,
    can_open_workspace,
    role_word,
    secret_kind,
)
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said
from pos_prompter.store.base import StoreCore

if TYPE_CHECKING:
    from sqlite_utils import Database

    from pos_prompter.core.auth import LockoutPolicy, LockState
    from pos_prompter.store.audit import Action

NAME_MAX: Final = 40
_NAME_RE: Final = re.compile(r"[^\x00-\x1f\x7f]+")
CANCELLED: Final = QT_TRANSLATE_NOOP("store", "the sign-in was cancelled")


class SignInError(UserError):
    """Signing in was refused; the message says why (never whether a name exists beyond
    what the staff list shows, and never the secret)."""

    def __init__(self, message: str, *, locked_until: dt.datetime | None = None,
                 tries_left: int | None = None) -> None:
        super().__init__(message)
        self.locked_until = locked_until
        self.tries_left = tries_left


class StaffError(UserError):
    """A staff change that cannot be made (unknown name, duplicate, last manager...)."""


@dataclass(frozen=True, slots=True)
class Person:
    """A staff member as the rest of the program sees them (no secret, no hash)."""

    name: str
    role: Role
    active: bool
    secret_set: bool
    """Whether they have a PIN (clerk) or password (trainer, manager) to sign in with."""
    secret_changed_at: dt.datetime | None

    @property
    def can_open_workspace(self) -> bool:
        return self.active and can_open_workspace(self.role)

    @property
    def secret_kind(self) -> Said:
        """'PIN' or 'password'."""
        return secret_kind(self.role)


def _text(when: dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


def check_name(name: str) -> str:
    """A staff name, trimmed; InputError when it cannot be one."""
    clean = name.strip()
    if not clean:
        raise InputError(QT_TRANSLATE_NOOP("store", "a staff name cannot be empty"))
    if len(clean) > NAME_MAX:
        raise InputError(QT_TRANSLATE_NOOP("store", "a staff name can have at most {n} "
                                                    "characters").format(n=NAME_MAX))
    if not _NAME_RE.fullmatch(clean):
        raise InputError(QT_TRANSLATE_NOOP("store", "a staff name cannot contain control "
                                                    "characters"))
    return clean


_COLUMNS = "name, role, active, pin_hash, password_hash, secret_changed_at"


def _person(row: Any) -> Person:
    name, role, active, pin_hash, password_hash, changed = row
    secret = password_hash if role in PASSWORD_ROLES else pin_hash
    return Person(name=name, role=role, active=bool(active), secret_set=bool(secret),
                  secret_changed_at=dt.datetime.fromisoformat(changed) if changed else None)


def _snapshot(p: Person) -> dict[str, Any]:
    return _staff_snapshot(p.name, p.role, p.active, secret_set=p.secret_set,
                           secret_changed_at=None if p.secret_changed_at is None
                           else _text(p.secret_changed_at))


def _staff_snapshot(name: str, role: str, active: bool, *, secret_set: bool,
                    secret_changed_at: str | None) -> dict[str, Any]:
    """A staff member as the audit log shows them: never the secret, nor its hash."""
    return {"name": name, "role": role, "active": active, "secret_set": secret_set,
            "secret_changed_at": secret_changed_at}


def _audit(db: Database, name: str, action: Action, before: dict[str, Any] | None,
           after: dict[str, Any] | None, *, actor: str | None,
           at: dt.datetime | None = None) -> None:
    """Log one change of `name`'s entry, in the change's own transaction. The audit log's
    module is imported by the first change: the till's first screen reads the staff list
    and changes nothing (issue 14.2)."""
    from pos_prompter.store.audit import Change, record

    record(db, [Change("staff", name, action, before, after)], actor=actor, at=at)


class StaffStore:
    """Staff, sign-in and lockouts in one store file. `clock` gives `now` when a method is
    not handed one (tests and scan scripts inject a FixedClock); `abandoned`, for a
    sign-in in a worker thread, says whether its caller still waits (see `sign_in`)."""

    def __init__(self, store: StoreCore, clock: Clock | None = None,
                 policy: LockoutPolicy | None = None, *,
                 abandoned: Callable[[], bool] = lambda: False) -> None:
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self._policy = policy
        self.abandoned = abandoned
        """Whether whoever asked for a sign-in stopped waiting for it (a dialog cancelled
        while its worker hashes): `sign_in` then signs nobody in."""

    @property
    def policy(self) -> LockoutPolicy:
        """When wrong attempts lock a person out: core.auth.LOCKOUT unless one was given.
        core.auth (hashing, lockouts) is imported by the first sign-in or secret: the
        till's first screen reads its staff list only (issue 14.2)."""
        if self._policy is None:
            from pos_prompter.core.auth import LOCKOUT

            self._policy = LOCKOUT
        return self._policy

    def _now(self, now: dt.datetime | None) -> dt.datetime:
        return now if now is not None else self.clock.now()

    # ------------------------------------------------------------------ reading

    def get(self, name: str) -> Person | None:
        row = self.store.db.execute(f"SELECT {_COLUMNS} FROM staff WHERE name = ?",
                                    [name]).fetchone()
        return None if row is None else _person(row)

    def name_taken(self, name: str) -> str | None:
        """The existing name that `name` would clash with (names are unique whatever
        their case), or None."""
        row = self.store.db.execute("SELECT name FROM staff WHERE name = ? COLLATE NOCASE",
                                    [name.strip()]).fetchone()
        return None if row is None else str(row[0])

    def _need(self, name: str) -> Person:
        person = self.get(name)
        if person is None:
            raise StaffError(QT_TRANSLATE_NOOP("store", "there is no one called {name!r} on "
                                                        "the staff list").format(name=name))
        return person

    def list_staff(self, *, include_inactive: bool = True,
                   role: Role | None = None) -> list[Person]:
        """Everyone, in the order they were added."""
        sql = f"SELECT {_COLUMNS} FROM staff"
        where, params = [], []
        if not include_inactive:
            where.append("active = 1")
        if role is not None:
            where.append("role = ?")
            params.append(role)
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_person(r) for r in self.store.db.execute(sql + " ORDER BY id", params)]

    def needs_first_manager(self) -> bool:
        """True for a store with no active manager who can sign in: the first run must ask
        for one before the workspace can ever open."""
        return int(self.store.db.execute(
            "SELECT count(*) FROM staff WHERE role = 'manager' AND active = 1 "
            "AND password_hash IS NOT NULL").fetchone()[0]) == 0

    def clerks(self) -> list[str]:
        """The active clerks, in the order they were added (the till's sign-in list)."""
        return [str(r[0]) for r in self.store.db.execute(
            "SELECT name FROM staff WHERE role = 'clerk' AND active = 1 ORDER BY id")]

    def password_matches(self, name: str, secrets: Iterable[str]) -> bool:
        """Whether `name` has a password and it is one of `secrets` (the workspace warns
        a manager who still signs in with a password the demo stores publish). Slow on
        purpose: one hash per secret."""
        from pos_prompter.core.auth import verify_secret

        row = self.store.db.execute("SELECT password_hash FROM staff WHERE name = ?",
                                    [name]).fetchone()
        stored = row[0] if row else None
        return bool(stored) and any(verify_secret(secret, stored) for secret in secrets)

    def _failures(self, name: str) -> list[dt.datetime]:
        return [dt.datetime.fromisoformat(r[0]) for r in self.store.db.execute(
            "SELECT at FROM login_failures WHERE name = ? ORDER BY at", [name])]

    def lock_state(self, name: str, now: dt.datetime | None = None) -> LockState:
        """Where `name` stands with wrong attempts (for a 'locked until' label)."""
        from pos_prompter.core.auth import lock_state

        return lock_state(self._failures(name), self._now(now), self.policy)

    # ------------------------------------------------------------------ changing

    def add_person(self, name: str, role: Role, secret: str, *, actor: str | None = None,
                   now: dt.datetime | None = None) -> Person:
        """Add someone with their PIN (clerk) or password (trainer, manager)."""
        from pos_prompter.core.auth import check_secret, hash_secret

        name = check_name(name)
        check_secret(role, secret)
        hashed = hash_secret(secret)
        at = _text(self._now(now))
        pin, password = (None, hashed) if role in PASSWORD_ROLES else (hashed, None)
        with self.store.write() as db:
            clash = self.name_taken(name)
            if clash is not None:
                raise StaffError(QT_TRANSLATE_NOOP("store", "{name!r} is already on the staff "
                                                            "list").format(name=clash))
            db.execute("INSERT INTO staff(name, role, pin_hash, password_hash, active, "
                       "secret_changed_at) VALUES (?, ?, ?, ?, 1, ?)",
                       [name, role, pin, password, at])
            person = self._need(name)
            _audit(db, name, "add", None, _snapshot(person), actor=actor, at=self._now(now))
        return person

    def add_without_secret(self, name: str, role: Role = "clerk", *,
                           actor: str | None = None) -> None:
        """Add a person with no PIN or password yet, audited (nothing if the name is on
        the list already): bootstrap's clerks, tests. `add_person` adds someone with their
        secret."""
        with self.store.write() as db:
            cur = db.execute("INSERT INTO staff(name, role) VALUES (?, ?) "
                             "ON CONFLICT(name) DO NOTHING", [name, role])
            if cur.rowcount == 1:
                _audit(db, name, "add", None, _staff_snapshot(
                    name, role, True, secret_set=False, secret_changed_at=None), actor=actor)

    def create_first_manager(self, name: str, password: str, *,
                             now: dt.datetime | None = None) -> Person:
        """The first run of a new store: the first manager, allowed only while there is
        none (so nobody can use this door later)."""
        from pos_prompter.core.auth import check_secret, hash_secret

        name = check_name(name)
        check_secret("manager", password)
        hashed = hash_secret(password)
        when = self._now(now)
        with self.store.write() as db:
            if not self.needs_first_manager():
                raise StaffError(QT_TRANSLATE_NOOP("store", "this store already has a manager; "
                                                            "a manager adds others in the "
                                                            "workspace"))
            existing = self.get(name)
            if existing is not None and existing.role != "manager":
                raise StaffError(QT_TRANSLATE_NOOP("store", "{name!r} is already on the staff "
                                                            "list as a {role}; choose another "
                                                            "name for the manager").format(
                    name=name, role=role_word(existing.role)))
            if existing is None:
                db.execute("INSERT INTO staff(name, role, password_hash, active, "
                           "secret_changed_at) VALUES (?, 'manager', ?, 1, ?)",
                           [name, hashed, _text(when)])
            else:
                db.execute("UPDATE staff SET password_hash = ?, active = 1, "
                           "secret_changed_at = ? WHERE name = ?", [hashed, _text(when), name])
            person = self._need(name)
            _audit(db, name, "add" if existing is None else "change",
                   None if existing is None else _snapshot(existing), _snapshot(person),
                   actor=name, at=when)
        return person

    def change_secret(self, name: str, secret: str, *, actor: str | None = None,
                      now: dt.datetime | None = None) -> Person:
        """Set a new PIN or password (policy-checked); clears any lockout."""
        from pos_prompter.core.auth import check_secret, hash_secret

        person = self._need(name)
        check_secret(person.role, secret)
        hashed = hash_secret(secret)
        when = self._now(now)
        column = "password_hash" if person.role in PASSWORD_ROLES else "pin_hash"
        with self.store.write() as db:
            before = self._need(name)
            db.execute(f"UPDATE staff SET {column} = ?, secret_changed_at = ? WHERE name = ?",
                       [hashed, _text(when), name])
            db.execute("DELETE FROM login_failures WHERE name = ?", [name])
            after = self._need(name)
            _audit(db, name, "change", _snapshot(before), _snapshot(after), actor=actor,
                   at=when)
        return after

    def set_active(self, name: str, active: bool, *, actor: str | None = None,
                   now: dt.datetime | None = None) -> Person:
        """Disable someone (they can no longer sign in; their history stays) or enable
        them again. The last active manager cannot be disabled."""
        when = self._now(now)
        with self.store.write() as db:
            before = self._need(name)
            if before.active == active:
                return before
            if not active and before.role == "manager":
                others = db.execute("SELECT count(*) FROM staff WHERE role = 'manager' "
                                    "AND active = 1 AND name != ?", [name]).fetchone()[0]
                if others == 0:
                    raise StaffError(QT_TRANSLATE_NOOP("store", "{name} is the only active "
                                                                "manager; add another manager "
                                                                "before disabling them").format(
                        name=name))
            db.execute("UPDATE staff SET active = ? WHERE name = ?", [int(active), name])
            after = self._need(name)
            _audit(db, name, "change", _snapshot(before), _snapshot(after), actor=actor,
                   at=when)
        return after

    def unlock(self, name: str, *, actor: str | None = None,
               now: dt.datetime | None = None) -> None:
        """Forget someone's wrong attempts (a manager lifting a lockout early); audited
        when there was anything to forget."""
        self._need(name)
        when = self._now(now)
        with self.store.write() as db:
            cur = db.execute("DELETE FROM login_failures WHERE name = ?", [name])
            if cur.rowcount:
                _audit(db, name, "change", {"wrong_attempts": cur.rowcount},
                       {"wrong_attempts": 0}, actor=actor, at=when)

    # ------------------------------------------------------------------ signing in

    def _locked_message(self, name: str, until: dt.datetime) -> Said:
        from pos_prompter.core.auth import clock_text

        return QT_TRANSLATE_NOOP("store", "{name} is locked until {time} after {n} wrong "
                                          "attempts").format(
            name=name, time=clock_text(until), n=self.policy.max_attempts)

    def sign_in(self, name: str, secret: str, now: dt.datetime | None = None, *,
                roles: Collection[Role] | None = None) -> Person:
        """The person, when `secret` is their PIN or password and they are active, not
        locked out, and (when `roles` is given) of one of those roles. Otherwise
        SignInError with a readable reason. The `max_attempts`-th attempt in a row that is
        not a success locks them for `lock_for`; success forgets the count.

        The attempt is counted before the secret is hashed, in the write transaction that
        checks the lock, so tills guessing at once can never together hash more than
        `max_attempts` secrets. A locked person gets one answer, unhashed, whatever they
        typed. After the hash, a right secret clears the count (in a transaction of its
        own) unless `abandoned()` says the caller stopped waiting meanwhile: the attempt
        then stays counted and signs nobody in."""
        from pos_prompter.core.auth import hash_secret, needs_rehash, verify_secret

        when = self._now(now)
        if self.abandoned():
            raise SignInError(CANCELLED)
        with self.store.write() as db:
            person = self._may_try(name, roles)
            state = self.lock_state(name, when)
            if state.locked_until is not None:  # right or wrong alike: no hash at all
                raise SignInError(self._locked_message(name, state.locked_until),
                                  locked_until=state.locked_until, tries_left=0)
            column = "password_hash" if person.role in PASSWORD_ROLES else "pin_hash"
            stored = db.execute(f"SELECT {column} FROM staff WHERE name = ?",
                                [name]).fetchone()[0]
            attempt = db.execute("INSERT INTO login_failures(name, at) VALUES (?, ?)",
                                 [name, _text(when)]).lastrowid
            if state.count_since is not None:  # failures before an expired lock
                db.execute("DELETE FROM login_failures WHERE name = ? AND at < ?",
                           [name, _text(state.count_since)])
            counted = self.lock_state(name, when)  # with this attempt in it
        if self.abandoned():  # counted, and not worth a hash any more
            raise SignInError(CANCELLED)
        ok = verify_secret(secret, stored)  # slow: outside any transaction
        if ok and not self.abandoned():
            rehashed = hash_secret(secret) if needs_rehash(stored) else None
            with self.store.write() as db:
                # Only what this attempt and those counted before it added: a guess
                # counted at another till meanwhile still counts.
                db.execute("DELETE FROM login_failures WHERE name = ? AND id <= ?",
                           [name, attempt])
                if rehashed is not None:
                    db.execute(f"UPDATE staff SET {column} = ? WHERE name = ? AND {column} = ?",
                               [rehashed, name, stored])
            return person
        if ok:
            raise SignInError(CANCELLED)
        if counted.locked_until is not None:
            wrong = (QT_TRANSLATE_NOOP("store", "wrong PIN; {locked}")
                     if person.secret_kind == "PIN" else
                     QT_TRANSLATE_NOOP("store", "wrong password; {locked}"))
            raise SignInError(wrong.format(
                locked=self._locked_message(name, counted.locked_until)),
                locked_until=counted.locked_until, tries_left=0)
        left = counted.tries_left
        raise SignInError(_wrong_secret(person.secret_kind == "PIN", left), tries_left=left)

    def _may_try(self, name: str, roles: Collection[Role] | None) -> Person:
        """The person `name`, when they may try a secret at all (refusals that count no
        attempt: the name, the role, a disabled person, no secret set)."""
        person = self.get(name)
        if person is None:  # the name is not echoed: it may be a password typed too early
            raise SignInError(QT_TRANSLATE_NOOP("store", "there is no one by that name on the "
                                                         "staff list"))
        if not person.active:
            raise SignInError(QT_TRANSLATE_NOOP("store", "{name} is disabled; a manager can "
                                                         "enable them again").format(name=name))
        if roles is not None and person.role not in roles:
            if set(roles) <= WORKSPACE_ROLES:
                raise SignInError(QT_TRANSLATE_NOOP("store", "{name} is a {role}; this needs a "
                                                             "manager's password").format(
                    name=name, role=role_word(person.role)))
            raise SignInError(QT_TRANSLATE_NOOP("store", "{name} is a {role}; this needs a "
                                                         "{needed}").format(
                name=name, role=role_word(person.role), needed=_either(sorted(roles))))
        if not person.secret_set:
            no_secret = (QT_TRANSLATE_NOOP("store", "{name} has no PIN yet; a manager sets one "
                                                    "(pos-prompter staff passwd {name})")
                         if person.secret_kind == "PIN" else
                         QT_TRANSLATE_NOOP("store", "{name} has no password yet; a manager "
                                                    "sets one (pos-prompter staff passwd "
                                                    "{name})"))
            raise SignInError(no_secret.format(name=name))
        return person


def _wrong_secret(pin: bool, left: int) -> Said:
    """'wrong PIN; 2 tries left' (each kind and count its own sentence: the words agree)."""
    if pin:
        wrong = (QT_TRANSLATE_NOOP("store", "wrong PIN; {n} try left") if left == 1 else
                 QT_TRANSLATE_NOOP("store", "wrong PIN; {n} tries left"))
    else:
        wrong = (QT_TRANSLATE_NOOP("store", "wrong password; {n} try left") if left == 1 else
                 QT_TRANSLATE_NOOP("store", "wrong password; {n} tries left"))
    return wrong.format(n=left)


def _either(roles: list[Role]) -> Said | str:
    """'clerk' or 'clerk or trainer', each role a word for people."""
    said: Said | str = role_word(roles[-1])
    for role in reversed(roles[:-1]):
        said = QT_TRANSLATE_NOOP("store", "{first} or {second}").format(
            first=role_word(role), second=said)
    return said


# Plain functions for callers that hold only a Store (the command line, bootstrap).


def needs_first_manager(store: StoreCore) -> bool:
    return StaffStore(store).needs_first_manager()


def add_person(store: StoreCore, name: str, role: Role, secret: str, *,
               actor: str | None = None) -> Person:
    return StaffStore(store).add_person(name, role, secret, actor=actor)


def change_secret(store: StoreCore, name: str, secret: str, *, actor: str | None = None) -> Person:
    return StaffStore(store).change_secret(name, secret, actor=actor)


def set_active(store: StoreCore, name: str, active: bool, *, actor: str | None = None) -> Person:
    return StaffStore(store).set_active(name, active, actor=actor)


def list_staff(store: StoreCore, *, include_inactive: bool = True) -> list[Person]:
    return StaffStore(store).list_staff(include_inactive=include_inactive)


def sign_in(store: StoreCore, name: str, secret: str, now: dt.datetime | None = None, *,
            roles: Collection[Role] | None = None) -> Person:
    return StaffStore(store).sign_in(name, secret, now, roles=roles)


__all__ = [
    "Person", "SignInError", "StaffError", "StaffStore", "add_person",
    "change_secret", "check_name", "list_staff", "needs_first_manager", "set_active",
    "sign_in",
]
