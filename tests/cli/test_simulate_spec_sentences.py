"""Every sentence of rule-pack.md's "How prompts are raised and answered" and "What the engine
guarantees", through `pos-prompter simulate` (tests/core/test_session.py holds the same
sentences through the core API).

Each test builds a store from the spec's example catalog and a small rule pack written for its
sentence (imported with `import rules`), plays a short scan script and asserts on the JSON
Lines a clerk would see. Every script is played twice: first with `--dry-run`, then for real,
and the two must print the same thing. Money is worked out from the catalog's prices in
Decimal, never copied from the output.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cli_support import SPEC_DIR, RunCli, query

from pos_prompter.core.catalog import Product, Sku
from pos_prompter.core.engine import is_held_out
from pos_prompter.store import Store

CATALOG_CSV = SPEC_DIR / "catalog.csv"
with CATALOG_CSV.open(encoding="utf-8", newline="") as _f:
    PRICE: dict[str, Decimal] = {row["sku"]: Decimal(row["price"]) for row in csv.DictReader(_f)}
MONDAY_MORNING = "2026-11-23T08:15"
SPEC_SETTINGS = {"max_prompts_per_order": 2, "max_offer_ratio": 1.0}
# The spec's own threshold rule (rules.yaml): 15.00 unlocks the mug for 6.00, prompted 6.00 away.
MUG_AT_15 = {"order_total": "15.00", "within": "6.00", "reward": "MUG", "reward_price": "6.00"}


def price(*skus: str) -> Decimal:
    """What these catalog items cost together."""
    return sum((PRICE[s] for s in skus), Decimal(0))


def money(amount: Decimal) -> str:
    """A total as simulate prints it."""
    return f"{amount:.2f}"


# ---------------------------------------------------------------- rule packs


def rule(rule_id: str, kind: str, offer: dict[str, Any], *, say: str = "{offer}?",
         **fields: Any) -> dict[str, Any]:
    """A rule in rule-pack form. Scan rules trigger on coffee unless `when` says otherwise."""
    when = fields.pop("when", {"scanned": {"category": ["coffee"]}})
    return {"id": rule_id, "kind": kind, "title": rule_id, "when": when, "offer": offer,
            "say": say, **fields}


def size_up(rule_id: str = "size-up", **fields: Any) -> dict[str, Any]:
    return rule(rule_id, "upsell", {"next_size": True}, **fields)


def cross_sell(rule_id: str, *add: str, **fields: Any) -> dict[str, Any]:
    return rule(rule_id, "cross_sell", {"add": list(add)}, **fields)


def bundle(rule_id: str, items: list[str], bundle_price: str, **fields: Any) -> dict[str, Any]:
    return rule(rule_id, "bundle", {"bundle": {"with": items, "price": bundle_price}}, **fields)


def threshold(rule_id: str, offer: dict[str, str] | None = None, **fields: Any
              ) -> dict[str, Any]:
    fields.setdefault("when", {"event": "checkout"})
    return rule(rule_id, "threshold", {"threshold": offer or MUG_AT_15}, **fields)


@pytest.fixture
def shop(cli: RunCli, store_copy: Callable[[str], Path], tmp_path: Path
         ) -> Callable[..., Path]:
    """shop(rule, ..., max_prompts_per_order=2, max_offer_ratio=1.0): a new copy of the spec
    cafe with exactly these rules, imported as a pack file through the command line."""

    made: list[Path] = []

    def make(*rules: dict[str, Any], products: tuple[Product, ...] = (),
             **settings: Any) -> Path:
        db = shutil.copyfile(store_copy("spec"), tmp_path / f"shop-{len(made) + 1}.db")
        made.append(db)
        if products:  # beside the spec's catalog
            with Store.open(db) as store:
                store.catalog.import_products(list(products))
        pack = tmp_path / f"pack-{len(made)}.json"
        pack.write_text(json.dumps({"version": 1, "settings": {**SPEC_SETTINGS, **settings},
                                    "rules": list(rules)}, indent=2), encoding="utf-8")
        # Forced: some sentences need rules lint refuses to publish (a bundle dearer
        # than its items), to show what the engine does with them.
        result = cli("import", "rules", pack, "--db", db, "--force")
        assert result.code == 0, result.err
        return db

    return make


# ---------------------------------------------------------------- playing a script


@dataclass(frozen=True)
class Played:
    """What `simulate` printed, read as the JSON Lines a clerk sees."""

    events: list[dict[str, Any]]

    def of(self, order: int) -> Played:
        return Played([e for e in self.events if e["order"] == order])

    def kinds(self) -> list[str]:
        return [e["event"] for e in self.events]

    def prompts(self) -> list[str]:
        return [e["rule"] for e in self.events if e["event"] == "prompt"]

    def prompt(self, rule_id: str) -> dict[str, Any]:
        [shown] = [e for e in self.events if e["event"] == "prompt" and e["rule"] == rule_id]
        return shown

    def answers(self) -> list[tuple[str, str]]:
        return [(e["rule"], e["event"]) for e in self.events
                if e["event"] in ("accepted", "declined", "ignored")]

    def paid(self) -> list[str]:
        return [e["total"] for e in self.events if e["event"] == "paid"]

    def lines(self) -> list[tuple[str, str]]:
        """(sku, price) of every line event, in order."""
        return [(e["sku"], e["price"]) for e in self.events if e["event"] == "line"]

    def errors(self) -> list[str]:
        return [e["message"] for e in self.events if e["event"] == "error"]

    def orders(self) -> list[int]:
        return list(dict.fromkeys(e["order"] for e in self.events))

    def after(self, event: str, n: int = 0) -> dict[str, Any]:
        """The n-th event of this kind."""
        return [e for e in self.events if e["event"] == event][n]


@pytest.fixture
def simulate(cli: RunCli, tmp_path: Path) -> Callable[..., Played]:
    """simulate(db, "scan LATTE-T", "accept", "pay"): play these script lines, first with
    --dry-run and then for real; both must print the same."""

    def run(db: Path, *commands: str, clock: str | None = MONDAY_MORNING) -> Played:
        script = tmp_path / "script.txt"
        head = [f"time {clock}"] if clock else []
        script.write_text("\n".join([*head, *commands]) + "\n", encoding="utf-8")
        dry = cli("simulate", "--db", db, script, "--dry-run")
        real = cli("simulate", "--db", db, script)
        assert real.code == 0, real.err
        assert real.err == ""
        assert dry.code == 0, dry.err
        assert dry.out == real.out, "--dry-run must print what the real run prints"
        played = Played(real.events())
        for e in played.events:
            assert list(e)[:2] == ["event", "order"], e
            assert list(e)[-1] == "total", e
            Decimal(e["total"])  # a decimal string
            assert e["total"] == money(Decimal(e["total"])), e
        return played

    return run


def receipt(db: Path, order: int = 1) -> list[tuple[str, str, str]]:
    """The order's saved lines as the receipt shows them: (sku, unit price, origin)."""
    rows = query(db, "SELECT sku, unit_price_cents, origin FROM order_lines WHERE order_id = ? "
                     "ORDER BY line_no", (order,))
    return [(sku, money(Decimal(cents) / 100), origin) for sku, cents, origin in rows]


def orders_script(count: int, *per_order: str) -> list[str]:
    return [cmd for _ in range(count) for cmd in per_order]


# ================================================================ raised and answered


def test_a_scan_raises_the_rules_whose_scanned_matches_that_line(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """Events: a **scan** (a line added; the rules whose `when.scanned` matches that line)."""
    db = shop(cross_sell("by-sku", "COOKIE", when={"scanned": {"sku": ["MUFFIN-B"]}}),
              cross_sell("by-category", "COOKIE"),
              cross_sell("by-tag", "MUFFIN-B", when={"scanned": {"tag": ["vegan"]}}),
              max_offer_ratio=2)
    played = simulate(db, "scan MUFFIN-B", "decline", "pay",
                      "scan LATTE-T", "decline", "pay",
                      "scan COOKIE", "decline", "pay",
                      "scan MUG", "pay",
                      # A later line does not raise the rules of an earlier one.
                      "scan LATTE-T", "decline", "scan MUG", "pay")
    assert [played.of(o).prompts() for o in played.orders()] == [
        ["by-sku"], ["by-category"], ["by-tag"], [], ["by-category"]]
    assert played.of(1).kinds() == ["line", "prompt", "declined", "paid"]
    assert played.of(4).lines() == [("MUG", money(PRICE["MUG"]))]
    assert played.paid() == [money(PRICE["MUFFIN-B"]), money(PRICE["LATTE-T"]),
                             money(PRICE["COOKIE"]), money(PRICE["MUG"]),
                             money(price("LATTE-T", "MUG"))]


def test_checkout_raises_the_checkout_rules(shop: Callable[..., Path],
                                            simulate: Callable[..., Played]) -> None:
    """... and **checkout** (the clerk goes to payment; rules with `event: checkout`)."""
    db = shop(cross_sell("till-cookie", "COOKIE", when={"event": "checkout"}))
    played = simulate(db, "scan BEANS-250", "checkout", "accept", "pay")
    assert played.kinds() == ["line", "checkout", "prompt", "accepted", "line", "paid"]
    added = [e for e in played.events if e["event"] == "line"][-1]
    assert (added["sku"], added["price"]) == ("COOKIE", money(PRICE["COOKIE"]))
    prompt = played.prompt("till-cookie")
    assert prompt["offer"]["sku"] == "COOKIE"
    assert prompt["total"] == money(PRICE["BEANS-250"])
    assert played.paid() == [money(price("BEANS-250", "COOKIE"))]


def test_scanning_goes_on_after_checkout_and_the_order_is_open_until_paid(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """Scanning may go on after checkout: the customer adds items, and the order is open
    again until it is paid."""
    db = shop(size_up(), threshold("mug"), max_prompts_per_order=3)
    assert Decimal("15.00") - PRICE["COOKIE"] > Decimal("6.00"), "set-up: too far at first"
    played = simulate(db, "scan COOKIE", "checkout",        # 13.05 short: nothing to say
                      "scan BEANS-250",                     # the order is open again
                      "scan LATTE-T", "decline",            # scan rules fire after checkout
                      "checkout", "decline",                # checkout rules fire again
                      "pay", "scan COOKIE", "pay")
    first = played.of(1)
    assert first.kinds() == ["line", "checkout", "line", "line", "prompt", "declined",
                             "checkout", "prompt", "declined", "paid"]
    assert first.prompts() == ["size-up", "mug"]
    total = price("COOKIE", "BEANS-250", "LATTE-T")
    assert first.prompt("mug")["total"] == money(total)
    assert first.paid() == [money(total)]
    assert played.orders() == [1, 2], "after pay the next scan starts a new order"


def test_the_rules_of_one_event_wait_in_a_queue_and_are_shown_one_at_a_time(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """The rules that fire on one event wait in a queue and are shown one at a time."""
    db = shop(size_up(priority=9), cross_sell("cookie", "COOKIE", priority=5),
              bundle("muffin-deal", ["MUFFIN-B"], "2.00", priority=1), max_prompts_per_order=3)
    played = simulate(db, "scan LATTE-T", "decline", "decline", "decline", "pay")
    assert played.kinds() == ["line", "prompt", "declined", "prompt", "declined", "prompt",
                              "declined", "paid"]
    assert played.prompts() == ["size-up", "cookie", "muffin-deal"]


def test_queue_order_upsells_of_the_line_then_priority_then_kind_then_rule_id(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """Order: upsells of the line first (by priority), then the others by priority; ties go
    bundle, cross_sell, threshold, then rule id."""
    scan_threshold = {"event": "scan", "scanned": {"category": ["coffee"]}}
    # Each rule offers an item of its own: an item the customer declined is not offered
    # again by another rule (issue 13, point 4), and every answer here is a decline.
    extra = (Product(Sku("SCONE"), "Plain Scone", 225), Product(Sku("TOTE"), "Tote Bag", 800))
    db = shop(bundle("z-low", ["SCONE"], "1.00", priority=0),
              threshold("t-tie", {"order_total": "20.00", "reward": "TOTE",
                                  "reward_price": "0.00"}, priority=5, when=scan_threshold),
              cross_sell("c-tie", "MUG", priority=5),
              cross_sell("a-tie", "BEANS-250", priority=5),
              bundle("b-tie", ["MUFFIN-B"], "2.00", priority=5),
              cross_sell("x-top", "COOKIE", priority=100),
              size_up("u-low", priority=1),
              rule("u-high", "upsell", {"upgrade_to": "LATTE-V"}, priority=2),
              max_prompts_per_order=20, max_offer_ratio=10, products=extra)
    played = simulate(db, "scan LATTE-T", *["decline"] * 8, "pay")
    assert played.prompts() == ["u-high", "u-low", "x-top", "b-tie", "a-tie", "c-tie", "t-tie",
                                "z-low"]
    assert played.errors() == []
    assert played.paid() == [money(PRICE["LATTE-T"])]


def test_an_answer_checks_the_queue_again_against_the_order_as_it_now_is(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """When a prompt is answered, what is still queued is checked again against the order as
    it now is."""
    db = shop(cross_sell("first", "COOKIE", priority=3),
              cross_sell("second", "COOKIE", "MUFFIN-B", priority=2),
              bundle("no-bakery-yet", ["BEANS-250"], "3.00", priority=1,
                     when={"scanned": {"category": ["coffee"]},
                           "order": {"lacks": ["category:bakery"]}}),
              max_prompts_per_order=5)
    played = simulate(db, "scan LATTE-T", "accept", "decline", "pay",
                      "scan LATTE-T", "decline", "decline", "decline", "pay")
    accepted = played.of(1)
    # The cookie is in the order now: "second" falls to its next candidate, and the bundle
    # that needs an order without bakery drops out.
    assert accepted.prompts() == ["first", "second"]
    assert accepted.prompt("second")["offer"]["sku"] == "MUFFIN-B"
    assert accepted.paid() == [money(price("LATTE-T", "COOKIE"))]
    declined = played.of(2)
    assert declined.prompts() == ["first", "second", "no-bakery-yet"]
    # The customer said no to the cookie: "second" goes on to its next candidate (an item
    # declined in the order is not offered again, issue 13 point 4), and with no bakery
    # item bought, the bundle still applies.
    assert declined.prompt("second")["offer"]["sku"] == "MUFFIN-B"


def test_the_clock_at_the_answer_judges_what_is_still_queued(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """When a prompt is answered, what is still queued is checked again against the order as
    it now is (and the till's clock as it now is)."""
    db = shop(size_up(priority=9),
              cross_sell("morning", "COOKIE", when={"scanned": {"category": ["coffee"]},
                                                    "time": {"hours": "06:00-11:00"}}))
    played = simulate(db, "time 2026-11-23T10:59", "scan LATTE-T", "time 2026-11-23T11:00",
                      "decline", "pay",
                      "time 2026-11-23T10:58", "scan LATTE-T", "time 2026-11-23T10:59",
                      "decline", "decline", "pay", clock=None)
    assert played.of(1).prompts() == ["size-up"]
    assert played.of(2).prompts() == ["size-up", "morning"]


def test_after_an_accepted_upsell_the_queue_is_computed_on_the_upgraded_product(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """... after an upsell is accepted, the cross-sells for that line are computed on the
    upgraded product."""
    bundle_price = Decimal("3.90")
    # Set-up: the bundle is above 1.0 x a Tall but not above 1.0 x a Grande.
    assert PRICE["LATTE-T"] < bundle_price <= PRICE["LATTE-G"]
    db = shop(size_up(priority=10),
              bundle("muffin-deal", ["MUFFIN-B"], money(bundle_price), priority=5,
                     say="{item} + {offer} for {price}"))
    played = simulate(db, "scan LATTE-T", "accept", "accept", "pay",
                      "scan LATTE-T", "decline", "pay")
    upgraded = played.of(1)
    assert upgraded.prompts() == ["size-up", "muffin-deal"]
    deal = upgraded.prompt("muffin-deal")
    assert deal["say"].startswith("Latte Grande + Blueberry Muffin for ")
    assert deal["total"] == money(PRICE["LATTE-G"])
    assert deal["offer"]["delta"] == money(bundle_price)
    assert [e["total"] for e in upgraded.events if e["event"] == "accepted"] == [
        money(PRICE["LATTE-G"]), money(PRICE["LATTE-G"] + bundle_price)]
    assert upgraded.paid() == [money(PRICE["LATTE-G"] + bundle_price)]
    # Declined, the bundle is judged on the Tall the customer kept: over the price ratio.
    kept = played.of(2)
    assert kept.prompts() == ["size-up"]
    assert kept.paid() == [money(PRICE["LATTE-T"])]


def test_a_queued_rule_whose_scanned_no_longer_matches_drops_out(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """(a rule whose `scanned` no longer matches drops out)."""
    db = shop(size_up(priority=10),
              cross_sell("tall-cookie", "COOKIE", when={"scanned": {"sku": ["LATTE-T"]}}))
    played = simulate(db, "scan LATTE-T", "accept", "pay",
                      "scan LATTE-T", "decline", "accept", "pay")
    upgraded = played.of(1)
    assert upgraded.prompts() == ["size-up"]
    assert upgraded.kinds() == ["line", "prompt", "accepted", "paid"]
    assert upgraded.paid() == [money(PRICE["LATTE-G"])]
    kept = played.of(2)
    assert kept.prompts() == ["size-up", "tall-cookie"]
    assert kept.paid() == [money(price("LATTE-T", "COOKIE"))]


def test_a_new_scan_records_the_prompt_on_screen_as_ignored(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """A new scan while a prompt is up records that prompt as **ignored** ..."""
    db = shop(size_up())
    played = simulate(db, "scan LATTE-T", "scan COOKIE", "accept", "pay")
    assert played.kinds() == ["line", "prompt", "ignored", "line", "error", "paid"]
    ignored = played.after("ignored")
    assert ignored["rule"] == "size-up"
    assert ignored["total"] == money(PRICE["LATTE-T"]), "recorded before the cookie is added"
    assert played.errors() == ["no prompt on screen to accept"]
    assert played.paid() == [money(price("LATTE-T", "COOKIE"))]


def test_a_new_scan_drops_the_rest_of_the_earlier_queue(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """... and drops the rest of the earlier queue."""
    db = shop(size_up(priority=10), cross_sell("cookie", "COOKIE"), max_prompts_per_order=5)
    played = simulate(db, "scan LATTE-T", "scan BEANS-250", "decline", "pay")
    assert played.prompts() == ["size-up"]
    assert played.answers() == [("size-up", "ignored")]
    assert played.kinds() == ["line", "prompt", "ignored", "line", "error", "paid"]
    assert played.paid() == [money(price("LATTE-T", "BEANS-250"))]


def test_paying_with_a_prompt_up_records_it_as_ignored(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """... paying with a prompt up does the same."""
    db = shop(size_up(priority=10), cross_sell("cookie", "COOKIE"))
    played = simulate(db, "scan LATTE-T", "pay", "scan COOKIE", "pay")
    assert played.of(1).kinds() == ["line", "prompt", "ignored", "paid"]
    assert played.answers() == [("size-up", "ignored")]
    assert played.prompts() == ["size-up"], "the cookie offer queued behind it is dropped"
    assert played.paid() == [money(PRICE["LATTE-T"]), money(PRICE["COOKIE"])]
    assert played.orders() == [1, 2]


def test_accepting_an_upsell_replaces_the_trigger_line(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """Accepting an upsell replaces the trigger line."""
    db = shop(size_up())
    played = simulate(db, "scan LATTE-T", "accept", "scan COOKIE", "void LATTE-T", "pay")
    prompt = played.prompt("size-up")
    assert prompt["offer"]["sku"] == "LATTE-G"
    assert prompt["offer"]["delta"] == money(PRICE["LATTE-G"] - PRICE["LATTE-T"])
    assert played.after("accepted")["total"] == money(PRICE["LATTE-G"])
    assert played.lines() == [("LATTE-T", money(PRICE["LATTE-T"])),
                              ("COOKIE", money(PRICE["COOKIE"]))]
    assert played.errors() == ["no line with LATTE-T to void"], "the Tall is gone"
    assert played.paid() == [money(price("LATTE-G", "COOKIE"))]
    assert receipt(db) == [("LATTE-G", money(PRICE["LATTE-G"]), "upsell"),
                           ("COOKIE", money(PRICE["COOKIE"]), "scan")]


def test_accepting_a_cross_sell_adds_its_item_at_its_catalog_price(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """... a cross_sell adds its item at its catalog price."""
    db = shop(cross_sell("cookie", "COOKIE"))
    played = simulate(db, "scan LATTE-T", "accept", "void COOKIE", "pay")
    assert played.prompt("cookie")["offer"] == {
        "sku": "COOKIE", "skus": ["COOKIE"], "price": money(PRICE["COOKIE"]),
        "delta": money(PRICE["COOKIE"])}
    assert played.after("accepted")["total"] == money(price("LATTE-T", "COOKIE"))
    assert played.after("void")["total"] == money(PRICE["LATTE-T"])
    assert receipt(db) == [("LATTE-T", money(PRICE["LATTE-T"]), "scan")]
    # The same order without the void, as the receipt keeps it.
    db2 = shop(cross_sell("cookie", "COOKIE"))
    simulate(db2, "scan LATTE-T", "accept", "pay")
    assert receipt(db2) == [("LATTE-T", money(PRICE["LATTE-T"]), "scan"),
                            ("COOKIE", money(PRICE["COOKIE"]), "cross_sell")]


@pytest.mark.parametrize("bundle_price", ["3.00", "0.01", "1.00", "2.99", "4.35"])
def test_accepting_a_bundle_adds_its_items_for_the_bundle_price(
        shop: Callable[..., Path], simulate: Callable[..., Played], bundle_price: str) -> None:
    """... a bundle adds its `with` items for `price` together (receipt lines show how that is
    split)."""
    items = ["MUFFIN-B", "COOKIE"]
    together = Decimal(bundle_price)
    db = shop(bundle("pair", items, bundle_price, say="{offer} for {price}, save {saving}"))
    played = simulate(db, "scan LATTE-V", "accept", "void COOKIE", "void MUFFIN-B", "pay")
    prompt = played.prompt("pair")
    assert prompt["offer"]["skus"] == items
    assert prompt["offer"]["delta"] == money(together)
    assert money(price(*items) - together) in prompt["say"]
    accepted = Decimal(played.after("accepted")["total"])
    assert accepted == PRICE["LATTE-V"] + together
    # Voiding the bundle lines one by one shows each line's share of the bundle price.
    after_cookie = Decimal(played.after("void", 0)["total"])
    after_muffin = Decimal(played.after("void", 1)["total"])
    shares = {"COOKIE": accepted - after_cookie, "MUFFIN-B": after_cookie - after_muffin}
    assert after_muffin == PRICE["LATTE-V"]
    assert sum(shares.values()) == together
    for sku, share in shares.items():
        fair = together * PRICE[sku] / price(*items)
        assert abs(share - fair) <= Decimal("0.01"), (sku, share, fair)
    # The receipt of the same sale, paid with the bundle.
    db2 = shop(bundle("pair", items, bundle_price))
    simulate(db2, "scan LATTE-V", "accept", "pay")
    assert receipt(db2) == [("LATTE-V", money(PRICE["LATTE-V"]), "scan"),
                            ("MUFFIN-B", money(shares["MUFFIN-B"]), "bundle"),
                            ("COOKIE", money(shares["COOKIE"]), "bundle")]


def test_a_threshold_prompt_tells_the_customer_the_gap(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """... a threshold prompt tells the customer the gap."""
    db = shop(threshold("mug", say="You're {gap} away from the mug for {price}."))
    played = simulate(db, "scan BEANS-250", "checkout", "decline", "pay")
    prompt = played.prompt("mug")
    gap = Decimal(MUG_AT_15["order_total"]) - PRICE["BEANS-250"]
    assert money(gap) in prompt["say"]
    assert money(Decimal(MUG_AT_15["reward_price"])) in prompt["say"]
    assert prompt["offer"]["sku"] == "MUG"
    assert prompt["offer"]["delta"] == money(Decimal(MUG_AT_15["reward_price"]))
    assert played.paid() == [money(PRICE["BEANS-250"])], "declined: no reward"


def test_accepting_a_threshold_arms_the_reward_added_once_the_total_is_reached(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """... accepting it arms the reward: once the order total without the reward reaches
    `order_total`, the reward line is added at `reward_price`."""
    db = shop(threshold("mug"))
    reward_price = Decimal(MUG_AT_15["reward_price"])
    # Set-up: beans + one muffin are short of 15.00, beans + two muffins exactly 15.00.
    assert price("BEANS-250", "MUFFIN-B", "MUFFIN-B") == Decimal(MUG_AT_15["order_total"])
    played = simulate(db, "scan BEANS-250", "checkout", "accept", "scan MUFFIN-B",
                      "scan MUFFIN-B", "scan COOKIE", "pay")
    assert played.kinds() == ["line", "checkout", "prompt", "accepted", "line", "line", "line",
                              "line", "paid"]
    assert played.after("accepted")["total"] == money(PRICE["BEANS-250"]), "nothing added yet"
    reward = [e for e in played.events if e.get("reward")]
    assert len(reward) == 1
    assert (reward[0]["event"], reward[0]["sku"], reward[0]["price"], reward[0]["reward"]) == (
        "line", "MUG", money(reward_price), "mug")
    goods = price("BEANS-250", "MUFFIN-B", "MUFFIN-B")
    assert reward[0]["total"] == money(goods + reward_price)
    assert played.lines()[3] == ("MUG", money(reward_price)), "added right after the 2nd muffin"
    assert played.paid() == [money(goods + PRICE["COOKIE"] + reward_price)]
    assert receipt(db)[3] == ("MUG", money(reward_price), "reward")


def test_the_reward_is_removed_when_the_total_falls_below_again(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """(and removed if the total falls below again)."""
    db = shop(threshold("mug"))
    reward_price = Decimal(MUG_AT_15["reward_price"])
    played = simulate(db, "scan BEANS-250", "checkout", "accept", "scan MUFFIN-B",
                      "scan MUFFIN-B", "void MUFFIN-B", "scan COOKIE", "scan COOKIE", "pay")
    voids = [e for e in played.events if e["event"] == "void"]
    assert [(e["sku"], e.get("reward")) for e in voids] == [("MUFFIN-B", None), ("MUG", "mug")]
    assert voids[-1]["total"] == money(price("BEANS-250", "MUFFIN-B"))
    # One cookie is still short; the second brings it back over: the reward is added again.
    assert price("BEANS-250", "MUFFIN-B", "COOKIE") < Decimal(MUG_AT_15["order_total"])
    rewards = [e for e in played.events if e["event"] == "line" and e.get("reward")]
    assert len(rewards) == 2
    goods = price("BEANS-250", "MUFFIN-B", "COOKIE", "COOKIE")
    assert rewards[1]["total"] == money(goods + reward_price)
    assert played.paid() == [money(goods + reward_price)]


def test_an_order_already_past_the_total_gets_no_threshold_prompt_and_no_reward(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """An order that is already past the total gets no threshold prompt and no reward."""
    db = shop(threshold("mug"))
    assert price("BEANS-250", "BEANS-250") > Decimal(MUG_AT_15["order_total"])
    played = simulate(db, "scan BEANS-250", "scan BEANS-250", "checkout", "accept", "pay")
    assert played.kinds() == ["line", "line", "checkout", "error", "paid"]
    assert played.paid() == [money(price("BEANS-250", "BEANS-250"))]
    assert [sku for sku, _, _ in receipt(db)] == ["BEANS-250", "BEANS-250"]


# ================================================================ guarantees


def test_a_rule_is_shown_at_most_once_per_order(shop: Callable[..., Path],
                                                simulate: Callable[..., Played]) -> None:
    """A rule is shown at most once per order."""
    db = shop(size_up(), max_prompts_per_order=10)
    played = simulate(db, "scan LATTE-T", "accept", "scan LATTE-T", "scan LATTE-G", "pay",
                      "scan LATTE-T", "accept", "pay")
    assert played.of(1).prompts() == ["size-up"]
    assert played.of(1).paid() == [money(price("LATTE-G", "LATTE-T", "LATTE-G"))]
    assert played.of(2).prompts() == ["size-up"], "the next order sees it again"


def test_a_declined_rule_is_not_offered_again_in_that_order(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """... a declined rule is not offered again in that order."""
    db = shop(size_up(), cross_sell("cookie", "COOKIE"), max_prompts_per_order=10)
    played = simulate(db, "scan LATTE-T", "decline", "decline", "scan LATTE-T",
                      "checkout", "scan LATTE-G", "accept", "pay")
    assert played.prompts() == ["size-up", "cookie"]
    assert played.answers() == [("size-up", "declined"), ("cookie", "declined")]
    assert played.errors() == ["no prompt on screen to accept"]
    assert played.paid() == [money(price("LATTE-T", "LATTE-T", "LATTE-G"))]


def test_never_more_prompts_than_max_prompts_per_order(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """Never more than `max_prompts_per_order` prompts in one order."""
    rules = (size_up(priority=9), cross_sell("cookie", "COOKIE", priority=5),
             bundle("muffin-deal", ["MUFFIN-B"], "2.00"), threshold("mug"))
    script = ("scan LATTE-T", "decline", "decline", "decline", "scan BEANS-250", "checkout",
              "decline", "pay")
    by_cap = {cap: simulate(shop(*rules, max_prompts_per_order=cap), *script).prompts()
              for cap in (0, 1, 2, 4)}
    assert by_cap == {0: [], 1: ["size-up"], 2: ["size-up", "cookie"],
                      4: ["size-up", "cookie", "muffin-deal", "mug"]}


def test_a_held_out_rule_does_not_count_against_the_cap(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """... a rule held out for this order does not count."""
    db = shop(cross_sell("held", "COOKIE", priority=5, holdout=0.5),
              cross_sell("other", "MUFFIN-B", priority=1), max_prompts_per_order=1)
    orders = 20
    played = simulate(db, *orders_script(orders, "scan LATTE-T", "decline", "pay"))
    held = {o for o in range(1, orders + 1) if is_held_out(o, "held", Decimal("0.5"))}
    assert 0 < len(held) < orders, "set-up: both groups are in the script"
    for order in range(1, orders + 1):
        assert played.of(order).prompts() == (["other"] if order in held else ["held"]), order
    assert played.errors() == []


def test_never_offers_an_item_already_in_the_order_a_cross_sell_takes_the_next_candidate(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """Never offers an item that is already in the order (cross_sell ...)."""
    db = shop(cross_sell("treat", "COOKIE", "MUFFIN-B", when={"scanned": {"sku": ["LATTE-T"]}}))
    played = simulate(db, "scan COOKIE", "scan LATTE-T", "accept", "pay",
                      "scan COOKIE", "scan MUFFIN-B", "scan LATTE-T", "pay")
    first = played.of(1)
    assert first.prompt("treat")["offer"]["sku"] == "MUFFIN-B"
    assert first.paid() == [money(price("COOKIE", "LATTE-T", "MUFFIN-B"))]
    assert played.of(2).prompts() == [], "every candidate is in the order"


def test_never_offers_a_bundle_with_an_item_already_in_the_order(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """Never offers an item that is already in the order (... bundle ...)."""
    db = shop(bundle("pair", ["COOKIE", "MUFFIN-B"], "3.00"))
    played = simulate(db, "scan MUFFIN-B", "scan LATTE-V", "pay",
                      "scan LATTE-V", "decline", "pay")
    assert played.of(1).prompts() == []
    assert played.of(2).prompts() == ["pair"]


def test_never_offers_a_threshold_reward_already_in_the_order(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """Never offers an item that is already in the order (... threshold reward)."""
    db = shop(threshold("free-cookie", {"order_total": "15.00", "within": "14.00",
                                        "reward": "COOKIE", "reward_price": "0.00"}))
    played = simulate(db, "scan COOKIE", "checkout", "pay",
                      "scan MUFFIN-B", "checkout", "decline", "pay")
    assert played.of(1).prompts() == []
    assert played.of(2).prompts() == ["free-cookie"]


@pytest.mark.parametrize(("rule_ratio", "shown"), [(None, False), (3, False), (4, True)])
def test_an_offer_above_the_price_ratio_is_not_shown(
        shop: Callable[..., Path], simulate: Callable[..., Played],
        rule_ratio: int | None, shown: bool) -> None:
    """An offer whose added price is above `max_offer_ratio` x the trigger line's price is not
    shown ("don't upsell a Ford to a Ferrari"); a rule's own `max_offer_ratio` overrides the
    store guardrail."""
    fields = {} if rule_ratio is None else {"max_offer_ratio": rule_ratio}
    db = shop(cross_sell("mug", "MUG", **fields))
    played = simulate(db, "scan LATTE-T", "decline", "pay")
    limit = Decimal(rule_ratio or SPEC_SETTINGS["max_offer_ratio"]) * PRICE["LATTE-T"]
    assert (PRICE["MUG"] <= limit) is shown, "set-up"
    assert played.prompts() == (["mug"] if shown else [])
    assert played.paid() == [money(PRICE["LATTE-T"])]


@pytest.mark.parametrize("extra", ["0.00", "0.01"])
def test_an_offer_exactly_at_the_price_ratio_is_shown(
        shop: Callable[..., Path], simulate: Callable[..., Played], extra: str) -> None:
    """An offer whose added price is above `max_offer_ratio` x the trigger line's price is not
    shown (at the limit it is: "price an offer ADDS <= ratio x trigger line price")."""
    at = PRICE["LATTE-T"] + Decimal(extra)
    db = shop(bundle("pair", ["MUFFIN-B"], money(at)))
    played = simulate(db, "scan LATTE-T", "decline", "pay")
    assert played.prompts() == (["pair"] if extra == "0.00" else [])


@pytest.mark.parametrize(("ratio", "shown"), [(0.1, False), (0.15, True)])
def test_the_ratio_weighs_what_an_upsell_adds_not_its_price(
        shop: Callable[..., Path], simulate: Callable[..., Played], ratio: float,
        shown: bool) -> None:
    """An offer whose added price is above `max_offer_ratio` x the trigger line's price is not
    shown (an upsell adds the difference between the sizes)."""
    delta = PRICE["LATTE-G"] - PRICE["LATTE-T"]
    assert (delta <= Decimal(str(ratio)) * PRICE["LATTE-T"]) is shown, "set-up"
    db = shop(size_up(), max_offer_ratio=ratio)
    played = simulate(db, "scan LATTE-T", "decline", "pay")
    assert played.prompts() == (["size-up"] if shown else [])


@pytest.mark.parametrize(("cookies", "shown"), [(3, False), (4, True)])
def test_checkout_rules_measure_the_ratio_against_the_order_total(
        shop: Callable[..., Path], simulate: Callable[..., Played], cookies: int,
        shown: bool) -> None:
    """For checkout rules the trigger price is the order total."""
    reward = {"order_total": "15.00", "within": "10.00", "reward": "MUG", "reward_price": "6.00"}
    db = shop(threshold("mug", reward))
    total = PRICE["COOKIE"] * cookies
    # Set-up: every line (one cookie) is far below the reward price; the order total decides.
    assert PRICE["COOKIE"] < Decimal(reward["reward_price"])
    assert (Decimal(reward["reward_price"]) <= total) is shown
    assert Decimal(reward["order_total"]) - total <= Decimal(reward["within"])
    played = simulate(db, *["scan COOKIE"] * cookies, "checkout", "decline", "pay")
    assert played.prompts() == (["mug"] if shown else [])
    assert played.paid() == [money(total)]


def test_inactive_products_are_never_offered(
        cli: RunCli, shop: Callable[..., Path], simulate: Callable[..., Played],
        tmp_path: Path) -> None:
    """Inactive products ... are never prompted."""
    db = shop(size_up(priority=10),
              rule("to-grande", "upsell", {"upgrade_to": "LATTE-G"}, priority=9,
                   when={"scanned": {"sku": ["LATTE-T"]}}),
              bundle("muffin-deal", ["MUFFIN-B"], "2.00", priority=5),
              cross_sell("treat", "MUFFIN-B", "COOKIE", priority=4),
              threshold("mug-for-muffin", {"order_total": "15.00", "within": "15.00",
                                           "reward": "MUFFIN-B", "reward_price": "0.00"}),
              max_prompts_per_order=10)
    with CATALOG_CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    off = {"LATTE-G", "MUFFIN-B"}
    catalog = tmp_path / "catalog-off.csv"
    with catalog.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, [*rows[0], "active"])
        writer.writeheader()
        writer.writerows({**row, "active": "false" if row["sku"] in off else "true"}
                         for row in rows)
    result = cli("import", "catalog", catalog, "--db", db)
    assert result.code == 0, result.err
    played = simulate(db, "scan LATTE-T", "decline", "accept", "checkout", "decline", "pay",
                      "scan MUFFIN-B", "pay")
    first = played.of(1)
    # The Grande is off: the size-up goes to the next active size; the explicit upgrade to
    # the Grande, the muffin bundle and the muffin reward are not offered; the cross-sell
    # takes its next candidate.
    assert first.prompts() == ["size-up", "treat"]
    assert first.prompt("size-up")["offer"]["sku"] == "LATTE-V"
    assert first.prompt("size-up")["offer"]["delta"] == money(PRICE["LATTE-V"] - PRICE["LATTE-T"])
    assert first.prompt("treat")["offer"]["sku"] == "COOKIE"
    assert first.paid() == [money(price("LATTE-T", "COOKIE"))]
    # At checkout the muffin reward is off: nothing to decline. An inactive product cannot
    # be scanned either: no line, no order.
    assert played.errors() == ["no prompt on screen to decline",
                               "Blueberry Muffin (MUFFIN-B) is not for sale",
                               "nothing to pay: the order is empty"]
    assert played.orders() == [1, None]


def test_rules_outside_their_time_window_are_not_prompted_a_window_wrapping_midnight(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """... rules outside their time window ... are never prompted (`hours` "may wrap
    midnight ("22:00-02:00")")."""
    db = shop(cross_sell("late", "COOKIE", when={"scanned": {"category": ["coffee"]},
                                                 "time": {"hours": "22:00-02:00"}}))
    clocks = {"2026-11-23T21:59": False, "2026-11-23T22:00": True, "2026-11-23T23:30": True,
              "2026-11-24T00:00": True, "2026-11-24T01:30": True, "2026-11-24T02:00": False,
              "2026-11-24T03:00": False, "2026-11-24T12:00": False}
    script = [cmd for clock in clocks for cmd in (f"time {clock}", "scan LATTE-T", "pay")]
    played = simulate(db, *script, clock=None)
    fired = {clock: played.of(order).prompts() == ["late"]
             for order, clock in enumerate(clocks, start=1)}
    assert fired == clocks
    assert played.answers() == [("late", "ignored")] * sum(clocks.values())


def test_rules_outside_their_days_and_dates_are_not_prompted(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """... rules outside their time window ... are never prompted (`days`, `from`, `to`; a
    window that wraps midnight belongs to the evening it starts, docs/decisions.md)."""
    db = shop(cross_sell("friday-night", "COOKIE",
                         when={"scanned": {"category": ["coffee"]},
                               "time": {"hours": "22:00-02:00", "days": ["fri"],
                                        "from": "2026-11-27", "to": "2026-12-04"}}))
    clocks = {"2026-11-27T23:00": True,    # Friday night
              "2026-11-28T01:00": True,    # Saturday 01:00 is still Friday night
              "2026-11-27T01:00": False,   # Friday 01:00 is Thursday night
              "2026-11-28T23:00": False,   # Saturday night
              "2026-11-20T23:00": False,   # a Friday before `from`
              "2026-12-05T01:00": True,    # Friday 4 Dec (the last day) night
              "2026-12-11T23:00": False}   # a Friday after `to`
    script = [cmd for clock in clocks for cmd in (f"time {clock}", "scan LATTE-T", "pay")]
    played = simulate(db, *script, clock=None)
    fired = {clock: played.of(order).prompts() == ["friday-night"]
             for order, clock in enumerate(clocks, start=1)}
    assert fired == clocks


HOLDOUT_ORDERS = 200


def test_holdout_orders_are_never_prompted_and_the_share_is_kept(
        shop: Callable[..., Path], simulate: Callable[..., Played]) -> None:
    """... holdout orders are never prompted (`holdout`: "share of orders that never see this
    rule"); the holdout draw is a hash of order id and rule id."""
    share = Decimal("0.25")
    db = shop(cross_sell("quarter", "COOKIE", holdout=float(share)))
    played = simulate(db, *orders_script(HOLDOUT_ORDERS, "scan LATTE-T", "pay"))
    orders = range(1, HOLDOUT_ORDERS + 1)
    seen = {o for o in orders if played.of(o).prompts() == ["quarter"]}
    held = set(orders) - seen
    assert all(played.of(o).kinds() == ["line", "paid"] for o in held)
    assert abs(Decimal(len(held)) / HOLDOUT_ORDERS - share) < Decimal("0.07"), len(held)
    # The draw is the order id and the rule id, nothing else.
    assert held == {o for o in orders if is_held_out(o, "quarter", share)}
    # The control group is logged in the store (not printed: the clerk sees nothing).
    logged = query(db, "SELECT order_id FROM prompt_events WHERE status = 'held_out'")
    assert {o for (o,) in logged} == held


def test_a_holdout_of_zero_never_holds_out(shop: Callable[..., Path],
                                           simulate: Callable[..., Played]) -> None:
    """... holdout orders are never prompted (a holdout of 0 holds no order out)."""
    db = shop(cross_sell("everyone", "COOKIE", holdout=0))
    played = simulate(db, *orders_script(HOLDOUT_ORDERS, "scan LATTE-T", "pay"))
    assert played.prompts() == ["everyone"] * HOLDOUT_ORDERS
    assert query(db, "SELECT count(*) FROM prompt_events WHERE status = 'held_out'") == [(0,)]


def test_same_order_same_clock_same_rules_same_prompts(
        cli: RunCli, shop: Callable[..., Path], tmp_path: Path) -> None:
    """Same order, same clock, same rules: same prompts, in the same order (deterministic; the
    holdout draw is a hash of order id and rule id, not a random call)."""
    db = shop(size_up(priority=10, holdout=0.5), cross_sell("cookie", "COOKIE", holdout=0.5),
              bundle("muffin-deal", ["MUFFIN-B"], "2.00", holdout=0.3), threshold("mug"),
              max_prompts_per_order=3)
    copy = shutil.copyfile(db, tmp_path / "copy.db")
    script = tmp_path / "many.txt"
    script.write_text("\n".join(["time 2026-11-23T08:15", *orders_script(
        40, "scan LATTE-T", "accept", "decline", "scan BEANS-250", "checkout", "accept",
        "scan COOKIE", "pay")]) + "\n", encoding="utf-8")
    first = cli("simulate", "--db", db, script)
    second = cli("simulate", "--db", copy, script)
    assert first.code == second.code == 0, (first.err, second.err)
    assert first.out == second.out
    events = first.events()
    prompts = [e["rule"] for e in events if e["event"] == "prompt"]
    assert len(set(prompts)) == 4, "set-up: every rule shows somewhere"
    held = "SELECT order_id, rule_id FROM prompt_events WHERE status = 'held_out' ORDER BY id"
    assert query(db, held) == query(copy, held)
    assert query(db, held), "set-up: some orders are held out"


def test_dry_run_prints_what_the_real_run_prints(
        cli: RunCli, shop: Callable[..., Path], tmp_path: Path) -> None:
    """`--dry-run` writes nothing, so it prints the same as the real run (scan-script.md) and
    can be run again with the same result."""
    db = shop(size_up(priority=10, holdout=0.5), bundle("muffin-deal", ["MUFFIN-B"], "2.00"),
              threshold("mug"))
    script = tmp_path / "day.txt"
    script.write_text("\n".join(["time 2026-11-23T22:15", *orders_script(
        10, "scan BEANS-250", "checkout", "accept", "scan LATTE-T", "accept", "scan MUFFIN-B",
        "scan MUFFIN-B", "void MUFFIN-B", "pay")]) + "\n", encoding="utf-8")
    dry = [cli("simulate", "--db", db, script, "--dry-run") for _ in range(2)]
    real = cli("simulate", "--db", db, script)
    assert real.code == 0, real.err
    assert dry[0].out == dry[1].out == real.out
    assert any(e.get("reward") for e in real.events()), "set-up: rewards come and go"
    again = cli("simulate", "--db", db, script, "--dry-run")
    assert again.out != real.out, "the store now has 10 orders: the next ones are 11..20"
    assert {e["order"] for e in again.events()} == set(range(11, 21))

