"""What an accepted threshold offer is still waiting for: "$3.20 to go" to the reward.

Accepting a threshold prompt ("spend 20.00 and the travel mug is 9.00") arms its rule; the
reward is added once the order reaches the threshold (`OrderSession._settle_rewards`). Until
then the order itself showed nothing of it. `waiting_rewards` says, for each armed rule whose
reward is not on the order yet, how far the order is from it, measured as the session
measures it: the total without reward lines, and without the reward item if the customer
put one down themselves. Money in integer cents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pos_prompter.core.money import Cents

if TYPE_CHECKING:
    from pos_prompter.core.session import OrderSession


@dataclass(frozen=True)
class WaitingReward:
    """An armed threshold rule whose reward the order has not reached yet."""

    rule_id: str
    reward_sku: str
    reward_price: Cents
    threshold: Cents
    to_go: Cents
    """What the order still needs, above 0."""


def waiting_rewards(session: OrderSession | None) -> list[WaitingReward]:
    """The accepted threshold offers of `session` still waiting, in the order accepted."""
    if session is None:
        return []
    waiting: list[WaitingReward] = []
    for rule_id in session.armed:
        rule = session.engine.rules.get(rule_id)
        if rule is None or not rule.offer.reward:
            continue
        offer = rule.offer
        reward = offer.reward or ""
        of_reward = session.lines.of_sku(reward)
        if any(ln.origin == "reward" and ln.rule_id == rule_id for ln in of_reward):
            continue  # unlocked: the reward is on the order
        own = next((ln for ln in reversed(of_reward) if ln.origin != "reward"), None)
        goods = session.lines.goods_total - (own.unit_price if own is not None else 0)
        to_go = (offer.order_total or 0) - goods
        if to_go > 0:
            waiting.append(WaitingReward(rule_id, reward, offer.reward_price or 0,
                                         offer.order_total or 0, to_go))
    return waiting
