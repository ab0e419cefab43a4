"""Simulated customers of a store (the generator is pure, in core.simulated; this reads
what it needs from a store): `practice generate` and the window's Endless practice."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from pos_prompter.core.scenario import MAX_TEXT, Scenario
from pos_prompter.core.simulated import Together, generate, short_says
from pos_prompter.i18n import say
from pos_prompter.store import Store
from pos_prompter.store.history import StoreHistory


def history_together(store: Store) -> Together | None:
    """How often two items went together in the store's paid orders, as the engine's
    evidence counts it (StoreHistory: the 90 days up to the store's last paid order, so
    the same store gives the same shares whatever today's date is). None without any
    paid order."""
    closed = [o["closed_at"] for o in store.sales.orders() if o["status"] == "paid"
              and o["closed_at"]]
    if not closed:
        return None
    now = dt.datetime.fromisoformat(max(closed)) + dt.timedelta(seconds=1)
    history: StoreHistory = store.sales.history()

    def together(trigger_sku: str, offer_sku: str) -> Decimal | None:
        rate = history.attach_rate(trigger_sku, offer_sku, now)
        return None if rate is None else rate.share

    return together


def generated_scenario(store: Store, customers: int, seed: int,
                       start: dt.datetime | None = None) -> Scenario:
    """`customers` simulated customers of `store` (its catalog, rules and sales), written in
    the current language: its title and what each customer says are data from here on (a
    file, a practice run's record), in the language of the trainer who asked for them."""
    scenario = generate(store.catalog.load(), store.rules.load(), store.load_settings(),
                        customers=customers, seed=seed, together=history_together(store),
                        start=start)
    return in_language(scenario)


def in_language(scenario: Scenario) -> Scenario:
    """`scenario` with its generated sentences said in the current language (plain text)."""
    people = []
    for customer in scenario.customers:
        says = say(customer.says)
        if len(says) > MAX_TEXT:  # the catalog's words are longer than English's
            says = say(short_says(len(customer.items)))
        people.append(dataclasses.replace(customer, says=says))
    return dataclasses.replace(scenario, title=say(scenario.title), customers=tuple(people))
