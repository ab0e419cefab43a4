"""What-if's reads (pos_prompter.core.whatif replays them): the paid orders of a window with
their lines, and the acceptance rate of the store's prompts by kind. Read-only; a Qt page
may call `run_whatif` from a worker thread with a connection of its own."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from pos_prompter.core.lint import Finding
from pos_prompter.core.rules import Rule, RulePack, Scanned
from pos_prompter.core.whatif import (
    REPLAYED_ORIGINS,
    DraftResult,
    KindRate,
    Progress,
    ReplayLine,
    ReplayOrder,
    draft_findings,
    draft_rules,
    draft_triggers,
    whatif,
)
from pos_prompter.core.whatif_window import Window
from pos_prompter.store import paid_skus
from pos_prompter.store.store import Store

if TYPE_CHECKING:  # an annotation only: sqlite-utils costs a command ~150 ms to import
    from sqlite_utils import Database


def _text(when: dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


_IN_WINDOW = "o.status = 'paid' AND o.closed_at >= :since AND o.closed_at <= :until"

_MATCHING = """
    SELECT p.sku FROM products p
    WHERE p.sku IN (SELECT value FROM json_each(:skus))
       OR p.category IN (SELECT value FROM json_each(:categories))
       OR EXISTS (SELECT 1 FROM json_each(p.tags) g
                  WHERE g.value IN (SELECT value FROM json_each(:tags)))"""

_TRIGGERED = f"""
    AND o.id IN (SELECT t.order_id FROM paid_skus t
                 WHERE t.day IN (SELECT value FROM json_each(:days))
                   AND t.sku IN ({_MATCHING}) AND t.origin IN ('scan', 'upsell')
                 UNION ALL
                 SELECT t.order_id FROM order_lines t
                 WHERE t.order_id IN {paid_skus.TAIL}
                   AND t.sku IN ({_MATCHING}) AND t.origin IN ('scan', 'upsell'))"""
"""Orders with a line the drafts may trigger on: the catalog's products that match (one
pass over the products), then their rows of each day of the window in paid_skus, and the
lines of the last paid orders, not in it yet (paid_skus.py)."""


def _params(window: Window, triggers: Scanned | None) -> dict[str, str]:
    params = {"since": _text(window.since), "until": _text(window.until)}
    if triggers is not None:
        params["days"] = paid_skus.days_between(window.since, window.until)
        params.update(skus=json.dumps(sorted(triggers.skus)),
                      categories=json.dumps(sorted(triggers.categories)),
                      tags=json.dumps(sorted(triggers.tags)))
    return params


def paid_orders(db: Database, window: Window, triggers: Scanned | None = None) -> int:
    """How many paid orders the window has (with a line of `triggers`, when given)."""
    sql = f"SELECT COUNT(*) FROM orders o WHERE {_IN_WINDOW}"
    if triggers is not None:
        sql += _TRIGGERED
    return int(db.execute(sql, _params(window, triggers)).fetchone()[0])


def replay_orders(db: Database, window: Window,
                  triggers: Scanned | None = None) -> Iterator[ReplayOrder]:
    """The window's paid orders, oldest first, each with the lines the customer brought in
    their order; only those with a line of `triggers` when given. Streamed: one order at a
    time is held, whatever the window's size."""
    origins = ", ".join(f"'{o}'" for o in sorted(REPLAYED_ORIGINS))
    sql = f"""
        SELECT o.id, o.opened_at, o.closed_at, o.customer, l.sku, l.qty, l.unit_price_cents
        FROM orders o JOIN order_lines l ON l.order_id = o.id AND l.origin IN ({origins})
        WHERE {_IN_WINDOW}{_TRIGGERED if triggers is not None else ""}
        ORDER BY o.closed_at, o.id, l.line_no"""
    rows = db.execute(sql, _params(window, triggers))
    for order_id, group in itertools.groupby(rows, key=lambda r: r[0]):
        first, *rest = list(group)
        lines = tuple(ReplayLine(r[4], int(r[5]), int(r[6])) for r in (first, *rest))
        yield ReplayOrder(order_id=int(order_id),
                          opened_at=dt.datetime.fromisoformat(first[1]),
                          closed_at=dt.datetime.fromisoformat(first[2]),
                          customer=first[3], lines=lines)


def kind_rates(db: Database, window: Window) -> dict[str, KindRate]:
    """Accepted / shown of the store's prompt events of each kind answered in the window."""
    rows = db.execute(
        "SELECT kind, SUM(status = 'shown'), SUM(status = 'accepted') FROM prompt_events "
        "WHERE at >= ? AND at <= ? AND status IN ('shown', 'accepted') GROUP BY kind",
        [_text(window.since), _text(window.until)])
    return {kind: KindRate(kind, int(shown), int(accepted), window.days)
            for kind, shown, accepted in rows}


def run_whatif(store: Store, pack: RulePack, window: Window, *,
               progress: Progress | None = None) -> list[DraftResult]:
    """The what-if of `pack` over the store's paid orders of `window`, read in one
    consistent snapshot (a sale paid meanwhile is in it whole or not at all)."""
    drafts: Sequence[Rule] = draft_rules(pack)
    triggers = draft_triggers(drafts)
    with store.snapshot() as db:
        catalog = store.catalog.load()
        store_rules = store.rules.load()
        settings = pack.settings_over(store.load_settings())
        considered = paid_orders(db, window)
        to_replay = considered if triggers is None else paid_orders(db, window, triggers)
        rates = kind_rates(db, window)
        return whatif(replay_orders(db, window, triggers), catalog=catalog,
                      store_rules=store_rules, settings=settings, drafts=drafts,
                      window=window, orders_considered=considered, rates=rates,
                      to_replay=to_replay, progress=progress)


def draft_problems(store: Store, pack: RulePack,
                   today: dt.date | None = None) -> list[Finding]:
    """Lint's findings on the pack's drafts beside the store's rules and catalog (errors
    first): with an error among them the drafts cannot be replayed."""
    with store.snapshot():
        catalog = store.catalog.load()
        store_rules = store.rules.load()
        settings = pack.settings_over(store.load_settings())
    return draft_findings(draft_rules(pack), store_rules, catalog, settings, today)
