"""`thresholdMark`: under the order, what an accepted threshold offer is waiting for.

"Copper Kettle Travel Mug for $9.00 at $20.00: $3.20 to go", one line per accepted offer,
updated with every change of the order and gone once the reward is on it (or the order is
paid). Worked out by `core.reward_progress` from the rule's threshold and the order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from pos_prompter.core.money import Cents
from pos_prompter.i18n import translate
from pos_prompter.till import Till
from pos_prompter.ui.widgets import plain_label

if TYPE_CHECKING:
    from pos_prompter.core.reward_progress import WaitingReward

MARK_QSS = """
#thresholdMark {
    background: #fff4d6;
    color: #6b4a00;
    border: 1px solid #f0d48a;
    border-radius: 6px;
    font-size: 15px;
    font-weight: bold;
    padding: 6px 10px;
}
"""


def mark_text(waiting: WaitingReward, money: Callable[[Cents], str],
              name: Callable[[str], str]) -> str:
    """"Copper Kettle Travel Mug for $9.00 at $20.00: $3.20 to go" (a reward at 0: "Free
    ... at $20.00: ...")."""
    reward = (translate("threshold_mark", "Free {name}").format(name=name(waiting.reward_sku))
              if waiting.reward_price == 0
              else translate("threshold_mark", "{name} for {price}").format(
                  name=name(waiting.reward_sku), price=money(waiting.reward_price)))
    return translate("threshold_mark", "{reward} at {threshold}: {to_go} to go").format(
        reward=reward, threshold=money(waiting.threshold), to_go=money(waiting.to_go))


def threshold_mark(parent: QWidget) -> QLabel:
    label = plain_label("thresholdMark", parent)
    label.setStyleSheet(MARK_QSS)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    label.hide()
    return label


def show_waiting(label: QLabel, till: Till) -> None:
    """Show on `label` what `till`'s order is waiting for; hidden when nothing. (Its
    module is imported once an order is open: the first screen has none, issue 14.2.)"""
    if till.session is None:
        waiting: list[WaitingReward] = []
    else:
        from pos_prompter.core.reward_progress import waiting_rewards

        waiting = waiting_rewards(till.session)

    def name(sku: str) -> str:
        product = till.catalog.get(sku)
        return product.name if product is not None else sku

    text = "\n".join(mark_text(w, till.money, name) for w in waiting)
    if text != label.text():
        label.setText(text)
        label.setAccessibleName(text)
    label.setVisible(bool(text))
