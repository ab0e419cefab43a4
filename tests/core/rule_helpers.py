"""One way to write a rule for the core tests: a dict as a rule pack holds it."""

from __future__ import annotations

from typing import Any

OFFERS: dict[str, dict[str, Any]] = {
    "upsell": {"next_size": True},
    "cross_sell": {"add": ["MUFFIN-B"]},
    "bundle": {"bundle": {"with": ["MUFFIN-B"], "price": "2.00"}},
    "threshold": {"threshold": {"order_total": "15.00", "within": "6.00", "reward": "MUG",
                                "reward_price": "6.00"}},
}


def make_rule(kind: str = "cross_sell", *, default_say: str = "{offer}?",
              **fields: Any) -> dict[str, Any]:
    """A rule dict on coffee scans (checkout for thresholds), with `fields` overridden;
    `when` is merged into the default trigger rather than replacing it."""
    when: dict[str, Any] = ({"event": "checkout"} if kind == "threshold"
                            else {"scanned": {"category": ["coffee"]}})
    raw: dict[str, Any] = {"id": fields.pop("id", "r"), "kind": kind, "title": "T",
                           "say": fields.pop("say", default_say), "offer": OFFERS[kind],
                           "when": {**when, **fields.pop("when", {})}}
    raw.update(fields)
    return raw
