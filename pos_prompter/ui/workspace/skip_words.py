"""Why a rule would not fire (core.engine's Skip reasons, which the core writes in
English: it imports no Qt), said in the window's language. Each reason the engine gives is
matched by its English pattern; the parts it names (products, amounts) are kept as they
are. A reason no pattern knows is shown as the engine wrote it."""

from __future__ import annotations

from pos_prompter.i18n import QT_TRANSLATE_NOOP
from pos_prompter.i18n.said_again import SaidAgain

REASONS: tuple[tuple[str, str], ...] = (
    (r"the rule is inactive", QT_TRANSLATE_NOOP("skip", "the rule is inactive")),
    (r"already offered in this order", QT_TRANSLATE_NOOP("skip", "already offered in this "
                                                         "order")),
    (r"this order has had its (?P<n>1) prompt already",
     QT_TRANSLATE_NOOP("skip", "this order has had its {n} prompt already")),
    (r"this order has had its (?P<n>\d+) prompts already",
     QT_TRANSLATE_NOOP("skip", "this order has had its {n} prompts already")),
    (r"this order has had its (?P<n>1) prompt already \(rush hour\)",
     QT_TRANSLATE_NOOP("skip", "this order has had its {n} prompt already (rush hour)")),
    (r"this order has had its (?P<n>\d+) prompts already \(rush hour\)",
     QT_TRANSLATE_NOOP("skip", "this order has had its {n} prompts already (rush hour)")),
    (r"the line that triggered it is gone",
     QT_TRANSLATE_NOOP("skip", "the line that triggered it is gone")),
    (r"(?P<sku>.+) is not in the catalog", QT_TRANSLATE_NOOP("skip", "{sku} is not in the "
                                                             "catalog")),
    (r"(?P<name>.+) does not match the rule's scanned items",
     QT_TRANSLATE_NOOP("skip", "{name} does not match the rule's scanned items")),
    (r"outside its time window", QT_TRANSLATE_NOOP("skip", "outside its time window")),
    (r"not for this customer type", QT_TRANSLATE_NOOP("skip", "not for this customer type")),
    (r"this order is in the rule's holdout \(control\) group",
     QT_TRANSLATE_NOOP("skip", "this order is in the rule's holdout (control) group")),
    (r"the order total is below (?P<amount>.+)",
     QT_TRANSLATE_NOOP("skip", "the order total is below {amount}")),
    (r"the order total is above (?P<amount>.+)",
     QT_TRANSLATE_NOOP("skip", "the order total is above {amount}")),
    (r"the order has no (?P<ref>.+)", QT_TRANSLATE_NOOP("skip", "the order has no {ref}")),
    (r"the order already has (?P<ref>.+)",
     QT_TRANSLATE_NOOP("skip", "the order already has {ref}")),
    (r"no active product to upgrade to",
     QT_TRANSLATE_NOOP("skip", "no active product to upgrade to")),
    (r"(?P<name>.+) is the largest size", QT_TRANSLATE_NOOP("skip", "{name} is the largest "
                                                            "size")),
    (r"the line is already (?P<name>.+)", QT_TRANSLATE_NOOP("skip", "the line is already "
                                                            "{name}")),
    (r"the customer already said no to (?P<name>.+) in this order",
     QT_TRANSLATE_NOOP("skip", "the customer already said no to {name} in this order")),
    (r"(?P<name>.+) costs less than (?P<other>.+)",
     QT_TRANSLATE_NOOP("skip", "{name} costs less than {other}")),
    (r"every offered item is already in the order or unavailable",
     QT_TRANSLATE_NOOP("skip", "every offered item is already in the order or unavailable")),
    (r"bundle item (?P<sku>.+) is not available",
     QT_TRANSLATE_NOOP("skip", "bundle item {sku} is not available")),
    (r"reward (?P<sku>.+) is not available",
     QT_TRANSLATE_NOOP("skip", "reward {sku} is not available")),
    (r"(?P<name>.+) is already in the order",
     QT_TRANSLATE_NOOP("skip", "{name} is already in the order")),
    (r"the order is already past the reward total",
     QT_TRANSLATE_NOOP("skip", "the order is already past the reward total")),
    (r"the order is (?P<gap>.+) short, more than (?P<within>.+)",
     QT_TRANSLATE_NOOP("skip", "the order is {gap} short, more than {within}")),
    (r"blocked by the price ratio: adds (?P<delta>.+) to (?P<base>.+) "
     r"\(limit (?P<ratio>[^)]+)x\)",
     QT_TRANSLATE_NOOP("skip", "blocked by the price ratio: adds {delta} to {base} (limit "
                       "{ratio}x)")),
)
"""(the engine's English reason as a pattern, its text for the catalog)."""

skip_reason = SaidAgain("skip", REASONS)
"""The engine's reason in the current language (as it is when no pattern knows it)."""
