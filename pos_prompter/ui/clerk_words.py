"""What the till says about its clerk, without the sign-in panel's widgets: who is selling,
whether the till asks for a PIN, what waits for the next clerk.

The till's first screen needs these words; the panel (`clerk_sign_in.ClerkSignInPanel`) is
built only when a clerk must sign in, so its module (and the PIN check's) is not imported at
start (issue 14.2; tests/test_app_start_imports.py). `clerk_sign_in` re-exports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos_prompter.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from pos_prompter.core.roles import Role
    from pos_prompter.store.auth import StaffStore
    from pos_prompter.till import Till

CLERK_ROLES: tuple[Role, ...] = ("clerk",)
"""Who signs in at the till with a PIN (trainees in practice mode are clerks too)."""

NO_PIN_TEXT = QT_TRANSLATE_NOOP("clerk_sign_in", "Nobody here has a PIN to sign in with, so "
                                "the till stays with who is selling now. A manager sets "
                                "clerks' PINs (pos-prompter staff passwd NAME).")
"""In English: show it as translate("clerk_sign_in", NO_PIN_TEXT)."""


def asks_for_pin(staff: StaffStore) -> bool:
    """Whether the till asks for a clerk's PIN: the store has an active clerk with one. A
    store whose clerks have no PIN (or that has no clerk) sells without asking."""
    return any(p.secret_set for p in staff.list_staff(include_inactive=False,
                                                      role="clerk"))


def clerk_text(clerk: str | None, *, asks: bool, waiting: bool) -> str:
    """What clerkName says: who is selling, or why nobody is."""
    if clerk is not None:
        return (translate("clerk_sign_in", "Selling: {clerk}") if asks else
                translate("clerk_sign_in", "Selling: {clerk} (no PIN asked: none is set)")
                ).format(clerk=clerk)
    if waiting:
        return translate("clerk_sign_in", "Nobody signed in")
    return translate("clerk_sign_in", "No clerk: this store has none to sign in")


def waiting_text(till: Till) -> str:
    """What the panel says waits for the next clerk: the open order, or nothing."""
    if till.session is None:
        return ""
    return translate("clerk_sign_in", "Order {id} waits for the next clerk: {n} line(s), "
                     "{total}.").format(id=till.order_id, n=len(till.lines),
                                        total=till.money(till.total))
