"""Rule lint (pos_prompter.core.lint): one test per check, on tiny catalogs and packs built
here, plus the demo stores and the spec's example pack, which must lint clean."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from pos_prompter.core.catalog import Catalog, parse_catalog_csv
from pos_prompter.core.lint import Finding, has_errors, lint
from pos_prompter.core.rules import Settings, parse_pack
from pos_prompter.resources import DEMOS

SPEC_DIR = Path(__file__).parent / "spec_examples"
DEMO_ROOT = Path(__file__).resolve().parents[2] / "resources" / "demo"
TODAY = dt.date(2026, 11, 23)  # a Monday

CATALOG = """\
sku,name,price,category,tags,family,size_rank,size_label,unit_qty,unit,active
LATTE-T,Latte Tall,3.00,coffee,hot-drink,latte,1,Tall,12,oz,true
LATTE-G,Latte Grande,3.50,coffee,hot-drink,latte,2,Grande,16,oz,true
LATTE-V,Latte Venti,4.00,coffee,hot-drink,latte,3,Venti,20,oz,true
FLAT-W,Flat White,3.00,coffee,hot-drink,,,,,,true
FLAT-D,Flat White Double,3.00,coffee,hot-drink,,,,,,true
MUFFIN,Blueberry Muffin,2.50,bakery,sweet,,,,,,true
COOKIE,Oat Cookie,2.00,bakery,sweet,,,,,,true
SCONE,Cheese Scone,2.75,bakery,,,,,,,false
BEANS,Espresso Beans,9.00,retail,,,,,,,true
MUG,Travel Mug,12.00,retail,,,,,,,true
EGGNOG,Eggnog Latte,4.50,seasonal,festive,,,,,,false
"""


def catalog(text: str = CATALOG) -> Catalog:
    return Catalog(parse_catalog_csv(text))


def rule(rid: str = "r", **fields: Any) -> dict[str, Any]:
    """A valid cross-sell rule on lattes, with `fields` replacing its defaults."""
    base: dict[str, Any] = {
        "id": rid, "kind": "cross_sell", "title": rid,
        "when": {"scanned": {"sku": ["LATTE-T"]}},
        "offer": {"add": ["MUFFIN"]}, "say": "A {offer} for {price}?", "priority": 1,
    }
    base.update(fields)
    return base


def run(*rules: dict[str, Any], settings: dict[str, Any] | None = None,
        cat: Catalog | None = None, today: dt.date = TODAY) -> list[Finding]:
    data: dict[str, Any] = {"version": 1, "rules": list(rules)}
    if settings is not None:
        data["settings"] = settings
    pack = parse_pack(data)
    return lint(pack.rules, cat or catalog(), pack.settings or Settings(), today=today)


def codes(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return [(f.rule_id, f.severity, f.code) for f in findings]


def only(findings: list[Finding], code: str, rule_id: str | None = None) -> Finding:
    """The one finding with `code` (for `rule_id`), failing with the whole list otherwise."""
    found = [f for f in findings if f.code == code and (rule_id is None or f.rule_id == rule_id)]
    assert len(found) == 1, findings
    return found[0]


def says(finding: Finding, *message: str, fix: str) -> None:
    """The finding names the problem (every word of `message`) and how to fix it."""
    for needle in message:
        assert needle in finding.message, (needle, finding)
    assert fix in finding.fix, (fix, finding)


# ---------------------------------------------------------------- products offered


def test_a_clean_rule_has_no_findings() -> None:
    assert run(rule()) == []


def test_unknown_offered_sku_is_an_error() -> None:
    f = only(run(rule(offer={"add": ["MUFFLN", "COOKIE"]})), "unknown-offer")
    assert (f.rule_id, f.severity) == ("r", "error")
    says(f, "offer.add", "MUFFLN", "not in the catalog", fix="correct the SKU")


@pytest.mark.parametrize(("kind", "offer"), [
    ("upsell", {"upgrade_to": "EGGNOG"}),
    ("bundle", {"bundle": {"with": ["MUFFIN", "SCONE"], "price": "3.00"}}),
    ("threshold", {"threshold": {"order_total": "20.00", "reward": "SCONE",
                                 "reward_price": "0.00"}}),
    ("cross_sell", {"add": ["SCONE"]}),
])
def test_inactive_offered_sku_is_an_error(kind: str, offer: dict[str, Any]) -> None:
    findings = run(rule(kind=kind, offer=offer, say="Interested?"))
    f = only(findings, "inactive-offer")
    assert (f.rule_id, f.severity) == ("r", "error")
    says(f, "not for sale", "can never make its offer", fix="active again")


def test_inactive_cross_sell_candidate_with_a_fallback_is_a_warning() -> None:
    f = only(run(rule(offer={"add": ["SCONE", "MUFFIN"]})), "inactive-offer")
    assert f.severity == "warning"
    says(f, "SCONE", "next candidate", fix="remove SCONE from offer.add")


# ---------------------------------------------------------------- triggers


def test_unknown_trigger_sku_among_others_is_a_warning() -> None:
    f = only(run(rule(when={"scanned": {"sku": ["LATTE-T", "LATE-G"]}})), "unknown-trigger")
    assert (f.rule_id, f.severity) == ("r", "warning")
    says(f, "when.scanned.sku", "LATE-G", "not in the catalog", fix="correct the SKU")
    assert "never fire" not in f.message


def test_unknown_trigger_sku_that_is_the_only_trigger_is_an_error() -> None:
    f = only(run(rule(when={"scanned": {"sku": ["LATE-G"]}})), "unknown-trigger")
    assert f.severity == "error"
    says(f, "LATE-G", "can never fire", fix="import the product")


def test_inactive_trigger_sku() -> None:
    only_trigger = only(run(rule(when={"scanned": {"sku": ["EGGNOG"]}})), "inactive-trigger")
    assert only_trigger.severity == "error"
    says(only_trigger, "EGGNOG", "not for sale", "can never fire", fix="active again")
    with_category = run(rule(when={"scanned": {"sku": ["EGGNOG"], "category": ["coffee"]}}))
    assert only(with_category, "inactive-trigger").severity == "warning"


def test_trigger_category_or_tag_no_active_product_has_is_a_warning() -> None:
    findings = run(rule(when={"scanned": {"category": ["seasonal"], "tag": ["hot-drnk"]}}))
    tagged = [f for f in findings if f.code == "unmatched-trigger"]
    assert [(f.rule_id, f.severity) for f in tagged] == [("r", "warning")] * 2
    says(tagged[0], "when.scanned.category", "seasonal", "no active product",
         fix="check the spelling")
    says(tagged[1], "when.scanned.tag", "hot-drnk", fix="check the spelling")
    # A live trigger beside it: still a warning, without the "cannot fire" tail.
    live = only(run(rule(when={"scanned": {"category": ["seasonal", "coffee"]}})),
                "unmatched-trigger")
    assert live.severity == "warning"
    assert "cannot fire" not in live.message


def test_unknown_skus_in_has_and_lacks_are_warnings() -> None:
    findings = run(rule(when={"scanned": {"sku": ["LATTE-T"]},
                              "order": {"has": ["sku:MUFIN"], "lacks": ["sku:COOKEE"]}}))
    refs = [f for f in findings if f.code == "unknown-ref"]
    assert [(f.rule_id, f.severity) for f in refs] == [("r", "warning")] * 2
    has = next(f for f in refs if "when.order.has" in f.message)
    says(has, "sku:MUFIN", "never fires", fix="correct the SKU in when.order.has")
    lacks = next(f for f in refs if "when.order.lacks" in f.message)
    says(lacks, "sku:COOKEE", "always true", fix="correct the SKU in when.order.lacks")


def test_has_a_product_nobody_can_scan_is_a_warning() -> None:
    findings = run(rule(when={"scanned": {"sku": ["LATTE-T"]},
                              "order": {"has": ["sku:SCONE", "tag:festive"]}}))
    inactive = only(findings, "inactive-ref")
    assert inactive.severity == "warning"
    says(inactive, "sku:SCONE", "never fires", fix="active again")
    says(only(findings, "unmatched-ref"), "tag:festive", "no active product",
         fix="when.order.has")


# ---------------------------------------------------------------- upsells


def upsell(rid: str, trigger: dict[str, Any], offer: dict[str, Any],
           **fields: Any) -> dict[str, Any]:
    return rule(rid, kind="upsell", when={"scanned": trigger}, offer=offer,
                say="Make it a {size} for {delta} more?", **fields)


def test_upgrade_to_one_of_its_own_triggers() -> None:
    findings = run(upsell("r", {"category": ["coffee"]}, {"upgrade_to": "LATTE-V"}))
    f = only(findings, "upgrade-to-self")
    assert (f.rule_id, f.severity) == ("r", "warning")
    says(f, "LATTE-V", "also triggers the rule", fix="products below LATTE-V only")
    alone = only(run(upsell("r", {"sku": ["LATTE-V"]}, {"upgrade_to": "LATTE-V"})),
                 "upgrade-to-self")
    assert "never fires" in alone.message


def test_upgrade_to_a_cheaper_product_never_fires() -> None:
    f = only(run(upsell("r", {"sku": ["LATTE-V", "LATTE-G"]}, {"upgrade_to": "LATTE-T"})),
             "upgrade-to-cheaper")
    assert (f.rule_id, f.severity) == ("r", "warning")
    says(f, "LATTE-T", "$3.00", "LATTE-G", "never offered", fix="dearer product")


def test_upsell_loop_a_to_b_and_back_is_an_error_on_both_rules() -> None:
    findings = run(upsell("up", {"sku": ["FLAT-W"]}, {"upgrade_to": "FLAT-D"}),
                   upsell("down", {"sku": ["FLAT-D"]}, {"upgrade_to": "FLAT-W"}))
    assert codes(findings) == [("down", "error", "upsell-loop"), ("up", "error", "upsell-loop")]
    up = only(findings, "upsell-loop", "up")
    says(up, "FLAT-W → FLAT-D (this rule) → FLAT-W (down)", fix="remove the upgrade")
    assert "down" in up.fix


def test_upsell_loop_of_three_rules_and_through_next_size() -> None:
    findings = run(upsell("ab", {"sku": ["FLAT-W"]}, {"upgrade_to": "FLAT-D"}),
                   upsell("bc", {"sku": ["FLAT-D"]}, {"upgrade_to": "LATTE-T"}),
                   upsell("ca", {"sku": ["LATTE-T"]}, {"upgrade_to": "FLAT-W"}))
    assert sorted(f.rule_id for f in findings if f.code == "upsell-loop") == ["ab", "bc", "ca"]
    says(only(findings, "upsell-loop", "ab"),
         "FLAT-W → FLAT-D (this rule) → LATTE-T (bc) → FLAT-W (ca)", fix="bc, ca")
    # next_size goes up the ladder; an upgrade_to back down closes the loop.
    sized = run(upsell("size-up", {"category": ["coffee"]}, {"next_size": True}),
                upsell("back", {"sku": ["LATTE-V"]}, {"upgrade_to": "LATTE-G"}))
    assert {f.rule_id for f in sized if f.code == "upsell-loop"} == {"size-up", "back"}


def test_an_inactive_rule_closes_no_loop() -> None:
    findings = run(upsell("up", {"sku": ["FLAT-W"]}, {"upgrade_to": "FLAT-D"}),
                   upsell("down", {"sku": ["FLAT-D"]}, {"upgrade_to": "FLAT-W"}, active=False))
    assert [f for f in findings if f.code == "upsell-loop"] == []


def test_next_size_on_the_largest_size_or_no_family_never_fires() -> None:
    f = only(run(upsell("r", {"sku": ["LATTE-V", "FLAT-W"]}, {"next_size": True})),
             "next-size-top")
    assert (f.rule_id, f.severity) == ("r", "warning")
    says(f, "largest", "no size family", "never fires", fix="trigger it on smaller sizes")
    assert run(upsell("r", {"sku": ["LATTE-V", "LATTE-G"]}, {"next_size": True})) == []


# ---------------------------------------------------------------- between rules


def test_two_rules_that_always_fire_together_at_the_same_priority() -> None:
    when = {"scanned": {"category": ["coffee"]}, "order": {"lacks": ["category:bakery"]}}
    findings = run(rule("muffin", when=when, priority=5),
                   rule("cookie", when=when, offer={"add": ["COOKIE"]}, priority=5))
    assert codes(findings) == [("cookie", "warning", "fire-together"),
                               ("muffin", "warning", "fire-together")]
    says(only(findings, "fire-together", "cookie"), "muffin", "priority 5",
         "decided by kind and id only", fix="higher priority")


@pytest.mark.parametrize("change", [
    {"priority": 6},
    {"active": False},
    {"when": {"scanned": {"category": ["coffee"]}, "order": {"lacks": ["category:retail"]}}},
    {"kind": "upsell", "offer": {"next_size": True}, "say": "Bigger?"},
])
def test_rules_that_differ_do_not_fire_together(change: dict[str, Any]) -> None:
    when = {"scanned": {"category": ["coffee"]}, "order": {"lacks": ["category:bakery"]}}
    base = rule("muffin", when=when, priority=5)
    other = {**rule("cookie", when=when, offer={"add": ["COOKIE"]}, priority=5), **change}
    assert [f for f in run(base, other) if f.code == "fire-together"] == []


# ---------------------------------------------------------------- time windows


def test_a_date_window_in_the_past_never_fires_again() -> None:
    window = {"scanned": {"sku": ["LATTE-T"]},
              "time": {"from": "2025-12-01", "to": "2025-12-24"}}
    f = only(run(rule(when=window)), "expired")
    assert (f.rule_id, f.severity) == ("r", "warning")
    says(f, "2025-12-24", "in the past", fix="move when.time.to forward")
    assert run(rule(when=window), today=dt.date(2025, 12, 24)) == []


def test_a_date_window_without_any_of_its_days() -> None:
    # 2026-12-01 is a Tuesday, 2026-12-03 a Thursday.
    window = {"scanned": {"sku": ["LATTE-T"]},
              "time": {"days": ["sat", "sun"], "from": "2026-12-01", "to": "2026-12-03"}}
    f = only(run(rule(when=window)), "no-day-in-window")
    assert f.severity == "warning"
    says(f, "2026-12-01", "2026-12-03", "never fires", fix="when.time.days")
    window["time"]["days"] = ["thu"]
    assert run(rule(when=window)) == []


# ---------------------------------------------------------------- prices


def test_a_ratio_above_2_on_the_rule() -> None:
    f = only(run(rule(max_offer_ratio=2.5)), "ratio-above-2")
    assert (f.rule_id, f.severity) == ("r", "warning")
    says(f, "max_offer_ratio is 2.5", "Ford to Ferrari", fix="2 or less")
    assert run(rule(max_offer_ratio=2)) == []


def test_a_ratio_above_2_in_the_store_settings_applies_to_every_rule() -> None:
    findings = run(rule("a"), rule("b", when={"scanned": {"sku": ["LATTE-G"]}}),
                   settings={"max_offer_ratio": 3})
    assert codes(findings) == [("a", "warning", "ratio-above-2"),
                               ("b", "warning", "ratio-above-2")]
    says(findings[0], "store's max_offer_ratio", fix="max_offer_ratio=1.0")
    # The rule's own ratio wins over the store's.
    assert run(rule(max_offer_ratio=1.5), settings={"max_offer_ratio": 3}) == []


def test_an_offer_the_ratio_always_blocks() -> None:
    cheap = {"scanned": {"sku": ["LATTE-T", "LATTE-V"]}}
    f = only(run(rule(when=cheap, offer={"add": ["BEANS"]})), "ratio-blocks")
    assert (f.rule_id, f.severity) == ("r", "warning")
    says(f, "always blocked by the price ratio", "$9.00", "LATTE-V", "1.0x",
         fix="at least 2.25")
    # Raised enough for the dearest trigger: shown with it (and above 2, said so).
    raised = run(rule(when=cheap, offer={"add": ["BEANS"]}, max_offer_ratio=2.25))
    assert codes(raised) == [("r", "warning", "ratio-above-2")]
    # The cheapest candidate decides: a muffin gets through, so the rule can be shown.
    assert run(rule(when=cheap, offer={"add": ["BEANS", "MUFFIN"]})) == []


def test_ratio_blocks_an_upsell_and_a_checkout_threshold() -> None:
    sized = upsell("r", {"sku": ["LATTE-T"]}, {"upgrade_to": "LATTE-V"}, max_offer_ratio=0.25)
    says(only(run(sized), "ratio-blocks"), "$1.00 added to LATTE-T at $3.00",
         fix="at least 0.34")
    threshold = rule(kind="threshold", when={"event": "checkout"}, say="{gap} to go",
                     offer={"threshold": {"order_total": "10.00", "reward": "MUG",
                                          "reward_price": "11.00"}})
    says(only(run(threshold), "ratio-blocks"), "order of at most $9.99", fix="at least 1.11")


def test_a_reward_price_above_the_rewards_own_price() -> None:
    threshold = rule(kind="threshold", when={"event": "checkout"}, say="{gap} to go",
                     offer={"threshold": {"order_total": "30.00", "reward": "MUFFIN",
                                          "reward_price": "3.00"}})
    f = only(run(threshold), "reward-price-above")
    assert (f.rule_id, f.severity) == ("r", "warning")
    says(f, "$3.00", "MUFFIN", "$2.50", fix="$2.50 or less")


def test_a_bundle_dearer_than_its_items_is_an_error() -> None:
    bundle = rule(kind="bundle", say="Both for {price}?",
                  offer={"bundle": {"with": ["MUFFIN", "COOKIE"], "price": "4.60"}})
    f = only(run(bundle), "bundle-dearer")
    assert (f.rule_id, f.severity) == ("r", "error")
    says(f, "$4.60", "$4.50", "pay more than buying them separately", fix="below $4.50")


def test_a_bundle_that_saves_nothing_is_a_warning() -> None:
    bundle = rule(kind="bundle", say="Both for {price}?",
                  offer={"bundle": {"with": ["MUFFIN", "COOKIE"], "price": "4.50"}})
    f = only(run(bundle), "bundle-no-saving")
    assert f.severity == "warning"
    says(f, "saves the customer nothing", fix="below $4.50")


# ---------------------------------------------------------------- texts


def test_a_placeholder_with_no_value_for_the_kind() -> None:
    f = only(run(rule(say="A {size} {offer}?")), "placeholder-no-value")
    assert (f.rule_id, f.severity) == ("r", "warning")
    says(f, "say uses {size}", "cross_sell", "renders empty", fix="remove {size} from say")
    both = run(rule(say="A {size} {offer}?", why="{saving} off"))
    assert codes(both) == [("r", "warning", "placeholder-no-value")] * 2
    says(both[1], "why uses {saving}", fix="remove {saving} from why")


def test_item_has_no_value_at_checkout() -> None:
    checkout = rule(when={"event": "checkout"}, say="With your {item}, a {offer}?")
    says(only(run(checkout), "placeholder-no-value"), "{item}", "checkout cross_sell",
         fix="remove {item}")


def test_attach_rate_renders_empty_without_sales_history() -> None:
    f = only(run(rule(why="{attach_rate} of latte buyers take one")), "attach-rate-history")
    assert (f.rule_id, f.severity) == ("r", "warning")
    says(f, "{attach_rate}", "20 past orders", fix="import past sales")


def test_long_texts_scroll_the_card() -> None:
    assert run(rule(say="x" * 160, why="y" * 120)) == []
    findings = run(rule(say="x" * 161, why="y" * 121))
    says(only(findings, "say-too-long"), "161 characters", "more than 160", "one breath",
         fix="shorten say")
    says(only(findings, "why-too-long"), "121 characters", "more than 120", "one breath",
         fix="shorten why")
    assert {f.severity for f in findings} == {"warning"}


def test_texts_of_too_many_words_cannot_be_read_out_in_one_breath() -> None:
    """Short words pass the character limit yet make a speech: words count too."""
    assert run(rule(say=" ".join(["so"] * 25), why=" ".join(["so"] * 20))) == []
    findings = run(rule(say=" ".join(["so"] * 26), why=" ".join(["so"] * 21)))
    says(only(findings, "say-too-long"), "26 words", "more than 25", fix="25 words")
    says(only(findings, "why-too-long"), "21 words", "more than 20", fix="20 words")


# ---------------------------------------------------------------- the whole list


def test_findings_are_sorted_errors_first_then_rule_and_code() -> None:
    rules = [rule("b", offer={"add": ["NOPE"]}, say="x" * 200, priority=2),
             rule("a", say="{size}" + "x" * 200, priority=1),
             rule("c", kind="bundle", say="?", priority=3,
                  offer={"bundle": {"with": ["MUFFIN"], "price": "9.00"}})]
    findings = run(*rules)
    assert codes(findings) == [
        ("b", "error", "unknown-offer"),
        ("c", "error", "bundle-dearer"),
        ("a", "warning", "placeholder-no-value"),
        ("a", "warning", "say-too-long"),
        ("b", "warning", "say-too-long"),
        ("c", "warning", "ratio-blocks"),
    ]
    assert run(*reversed(rules)) == findings
    assert has_errors(findings)
    assert not has_errors(findings[2:])


def test_every_finding_says_what_and_how_to_fix() -> None:
    findings = run(rule("a", offer={"add": ["NOPE"]}, say="{gap}", max_offer_ratio=5),
                   rule("b", when={"scanned": {"sku": ["EGGNOG"]}}))
    assert findings
    for f in findings:
        assert f.message
        assert f.fix
        assert f.message != f.fix
        assert f.rule_id in str(f)
        assert f.fix in str(f)
    with pytest.raises(dataclasses.FrozenInstanceError):
        findings[0].severity = "warning"  # type: ignore[misc]


# ---------------------------------------------------------------- shipped packs


def pack_findings(folder: Path) -> list[Finding]:
    cat = catalog((folder / "catalog.csv").read_text(encoding="utf-8"))
    pack = parse_pack(yaml.safe_load((folder / "rules.yaml").read_text(encoding="utf-8")))
    return lint(pack.rules, cat, pack.settings or Settings(), today=TODAY)


@pytest.mark.parametrize("name", DEMOS)
def test_the_demo_stores_lint_clean(name: str) -> None:
    findings = pack_findings(DEMO_ROOT / name)
    assert [str(f) for f in findings] == []


def test_the_spec_example_pack_lints_clean() -> None:
    assert [str(f) for f in pack_findings(SPEC_DIR)] == []
