"""The rule form's offer section: the kind of rule, a line on what it does, and one page of
offer fields per kind, of which only the chosen kind's shows and takes room."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
)

from pos_prompter.core.rules import KINDS
from pos_prompter.i18n import QT_TRANSLATE_NOOP, translate
from pos_prompter.ui.workspace.rules.form_parts import FieldBuilder, FormField, OfferPage

KIND_NAMES = {"upsell": QT_TRANSLATE_NOOP("editor", "Upsell"),
              "cross_sell": QT_TRANSLATE_NOOP("editor", "Cross-sell"),
              "bundle": QT_TRANSLATE_NOOP("editor", "Bundle"),
              "threshold": QT_TRANSLATE_NOOP("editor", "Threshold (reward)")}
KIND_HELP = {
    "upsell": QT_TRANSLATE_NOOP("editor", "Replaces the scanned item with a bigger size or a "
                                "better product."),
    "cross_sell": QT_TRANSLATE_NOOP("editor", "Adds another item: the first of the list that "
                                    "is not in the order yet."),
    "bundle": QT_TRANSLATE_NOOP("editor", "Adds items to the scanned one, all of them "
                                "together for a set price."),
    "threshold": QT_TRANSLATE_NOOP("editor", "Tells the customer how close the order is to a "
                                   "reward at a given total."),
}
"""A kind's name and what it does, in English (the form shows them translated)."""


def kind_name(kind: str) -> str:
    """A rule kind's name in the form, translated (an unknown kind as it is)."""
    name = KIND_NAMES.get(kind)
    return translate("editor", name) if name is not None else kind


class OfferSection:
    """The kind and offer fields, made by `parts` into the form layout `top` (the section's),
    registered as the fields "kind", "upsell_mode", "upgrade_to", "add", "bundle_with",
    "bundle_price", "order_total", "within", "reward" and "reward_price"."""

    def __init__(self, parts: FieldBuilder, top: QFormLayout) -> None:
        p = parts
        parent = p.parent
        self.kind_box = p.combo("kind", "ruleKind", translate("editor", "kind"),
                                ((kind_name(k), k) for k in KINDS))
        self.kind_help = QLabel(parent)
        self.kind_help.setProperty("hint", True)
        self.kind_help.setWordWrap(True)
        p.row(top, translate("editor", "Kind"), self.kind_box,
              p.problem_label("kind", "ruleKindError"))
        top.addRow(self.kind_help)
        top.addRow(p.problem_label("offer", "offerError"))
        self.pages = QStackedWidget(parent)
        self.pages.setObjectName("offerPages")
        top.addRow(self.pages)

        upsell = OfferPage(parent)
        form = p.form(upsell)
        self.next_size_radio = QRadioButton(
            translate("editor", "The next size up in the item's family"), parent)
        self.next_size_radio.setObjectName("offerNextSize")
        self.upgrade_radio = QRadioButton(translate("editor", "This product:"), parent)
        self.upgrade_radio.setObjectName("offerUpgradeToMode")
        self._upsell_modes = QButtonGroup(parent)
        self._upsell_modes.addButton(self.next_size_radio)
        self._upsell_modes.addButton(self.upgrade_radio)
        p.register(FormField("upsell_mode", translate("editor", "upsell offer"),
                             lambda: "upgrade_to" if self.upgrade_radio.isChecked()
                             else "next_size", self._set_upsell_mode),
                   self.next_size_radio.toggled, self.upgrade_radio.toggled)
        self.upgrade_to_edit = p.picker("upgrade_to", "offerUpgradeTo",
                                        translate("editor", "upgrade to"),
                                        translate("editor", "SKU to upgrade the scanned item to"))
        form.addRow(translate("editor", "Upgrade to"), self.next_size_radio)
        upgrade = QHBoxLayout()
        upgrade.addWidget(self.upgrade_radio)
        upgrade.addWidget(self.upgrade_to_edit, 1)
        p.row(form, "", upgrade, p.problem_label("upgrade_to", "offerUpgradeToError"))

        cross = OfferPage(parent)
        form = p.form(cross)
        self.add_edit = p.values("add", "sku", "offerAdd", translate("editor", "items to add"),
                                 translate("editor", "Product: type a SKU or name, or scan"))
        p.row(form, translate("editor", "Offer the first of"), self.add_edit,
              p.problem_label("add", "offerAddError"),
              translate("editor", "in this order: the first one not already in the order is "
                        "offered"))

        bundle = OfferPage(parent)
        form = p.form(bundle)
        self.bundle_with_edit = p.values("bundle_with", "sku", "offerBundleWith",
                                         translate("editor", "bundle items"),
                                         translate("editor", "Product: type a SKU or name"))
        p.row(form, translate("editor", "Add these items"), self.bundle_with_edit,
              p.problem_label("bundle_with", "offerBundleWithError"))
        self.bundle_price_edit = p.line("bundle_price", "offerBundlePrice",
                                        translate("editor", "bundle price"),
                                        translate("editor", "e.g. {amount}").format(
                                            amount="3.00"))
        p.row(form, translate("editor", "for, together"), self.bundle_price_edit,
              p.problem_label("bundle_price", "offerBundlePriceError"))

        threshold = OfferPage(parent)
        form = p.form(threshold)
        example = translate("editor", "e.g. {amount}")
        self.order_total_edit = p.line("order_total", "offerOrderTotal",
                                       translate("editor", "reward total"),
                                       example.format(amount="25.00"))
        p.row(form, translate("editor", "Reward at a total of"), self.order_total_edit,
              p.problem_label("order_total", "offerOrderTotalError"))
        self.within_edit = p.line("within", "offerWithin", translate("editor", "within"),
                                  example.format(amount="5.00"))
        p.row(form, translate("editor", "Prompt when this close"), self.within_edit,
              p.problem_label("within", "offerWithinError"),
              translate("editor", "empty: whenever below the total"))
        self.reward_edit = p.picker("reward", "offerReward", translate("editor", "reward"),
                                    translate("editor", "Reward SKU"))
        p.row(form, translate("editor", "Reward"), self.reward_edit,
              p.problem_label("reward", "offerRewardError"))
        self.reward_price_edit = p.line("reward_price", "offerRewardPrice",
                                        translate("editor", "reward price"),
                                        translate("editor", "0.00 for a free gift"))
        p.row(form, translate("editor", "Reward price"), self.reward_price_edit,
              p.problem_label("reward_price", "offerRewardPriceError"))

        self._page = {"upsell": upsell, "cross_sell": cross, "bundle": bundle,
                      "threshold": threshold}
        for page in self._page.values():
            self.pages.addWidget(page)

    def refresh(self, kind: str) -> None:
        """Show the page and help of `kind`; the product to upgrade to only when chosen."""
        self.show_page(kind)
        self.kind_help.setText(translate("editor", KIND_HELP[kind]) if kind in KIND_HELP
                               else "")
        self.upgrade_to_edit.setEnabled(self.upgrade_radio.isChecked())

    def show_page(self, kind: str) -> None:
        """Show the offer fields of `kind`; the other pages take no room."""
        current = self._page.get(kind, self._page["upsell"])
        for page in self._page.values():
            policy = QSizePolicy.Policy.Preferred if page is current \
                else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.pages.setCurrentWidget(current)
        self.pages.updateGeometry()

    def _set_upsell_mode(self, value: str) -> None:
        (self.upgrade_radio if value == "upgrade_to" else self.next_size_radio).setChecked(True)
        self.upgrade_to_edit.setEnabled(value == "upgrade_to")
