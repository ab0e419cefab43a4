"""`Settings`: the store-wide guardrails every prompt obeys (rule-pack `settings`, kept in
the store). Re-exported by `rules`; kept apart from the rule model so that the store opens,
and the till shows its first screen, without the rules' modules (issue 14.2)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Settings:
    """Store-wide guardrails (rule-pack `settings`, kept in the store)."""

    max_prompts_per_order: int = 2
    max_offer_ratio: Decimal = Decimal("1.0")
    currency: str = "USD"
    rush_scans_per_minute: int = 0
    """Store setting (not in packs): at this many scans a minute an order gets only its
    single highest-ranked prompt. 0 turns rush hours off."""
    rush_prompts_per_order: int = 1
