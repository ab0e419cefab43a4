"""The scenarios a trainee can play on a practice store: the built-in ones of its demo
(resources/demo/<demo>/scenarios/*.yaml, where the store's setting `demo` names the demo)
and those a trainer imported, which live in the practice store and replace a built-in of
the same id.

Import is all or nothing (pos_prompter.practice.files): a file with any problem, including
an item this store does not sell or an answer for a rule it does not have, changes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal

from pos_prompter.bootstrap import read_text
from pos_prompter.core.errors import InputError, UserError, ValidationError
from pos_prompter.core.said import QT_TRANSLATE_NOOP
from pos_prompter.core.scenario import Scenario, catalog_problems
from pos_prompter.practice.files import read_scenario_text, scenario_what
from pos_prompter.resources import DEMOS, demo_dir
from pos_prompter.store import Store
from pos_prompter.store.practice import PracticeStore

logger = logging.getLogger(__name__)

Source = Literal["built-in", "imported"]
SCENARIO_FOLDER = "scenarios"


@dataclass(frozen=True, slots=True)
class ScenarioEntry:
    """One line of `practice list`."""

    id: str
    title: str
    level: int
    customers: int
    source: Source


def _builtin_folder(store: Store, root: Path | None) -> Traversable | None:
    """The folder of the store's demo scenarios (`root`/<demo>/scenarios for tests)."""
    demo = store.get_setting("demo")
    if not isinstance(demo, str):
        return None
    if root is not None:
        return root / demo / SCENARIO_FOLDER
    if demo not in DEMOS:
        return None
    return demo_dir(demo) / SCENARIO_FOLDER


def builtin_scenarios(store: Store, *, root: Path | None = None) -> dict[str, Scenario]:
    """The built-in scenarios of the store's demo, by id, in file-name order. A file that
    cannot be read is left out (and logged): it is a bug of the shipped files."""
    folder = _builtin_folder(store, root)
    if folder is None or not folder.is_dir():
        return {}
    found: dict[str, Scenario] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        try:
            scenario = read_scenario_text(entry.read_text(encoding="utf-8"),
                                          f"built-in {entry.name}")
        except (UserError, OSError, UnicodeDecodeError) as exc:
            logger.warning("built-in scenario %s cannot be read: %s", entry.name, exc)
            continue
        found.setdefault(scenario.id, scenario)
    return found


def imported_scenarios(store: Store) -> dict[str, Scenario]:
    """The scenarios a trainer imported into the practice store, by id."""
    practice = PracticeStore(store)
    found: dict[str, Scenario] = {}
    for stored in practice.scenarios():
        text = practice.scenario_text(stored.id) or ""
        try:
            found[stored.id] = read_scenario_text(text, f"imported {stored.id}")
        except UserError as exc:  # written by a later version, say
            logger.warning("imported scenario %s cannot be read: %s", stored.id, exc)
    return found


def _all(store: Store, root: Path | None) -> dict[str, tuple[Scenario, Source]]:
    merged: dict[str, tuple[Scenario, Source]] = {
        sid: (s, "built-in") for sid, s in builtin_scenarios(store, root=root).items()}
    merged.update((sid, (s, "imported")) for sid, s in imported_scenarios(store).items())
    return merged


def available(store: Store, *, root: Path | None = None) -> list[ScenarioEntry]:
    """Every scenario the practice store `store` offers, easiest first, then by id."""
    entries = [ScenarioEntry(s.id, s.title, s.level, len(s.customers), source)
               for s, source in _all(store, root).values()]
    return sorted(entries, key=lambda e: (e.level, e.id))


def load(store: Store, scenario_id: str, *, root: Path | None = None) -> Scenario:
    """The scenario `scenario_id`, checked against the store's catalog and rules as they
    are now (a refresh may have taken away a product it names)."""
    found = _all(store, root).get(scenario_id)
    if found is None:
        raise InputError(QT_TRANSLATE_NOOP(
            "scenario", "there is no scenario {id} in this practice store ('pos-prompter "
            "practice list' shows them)").format(id=repr(scenario_id)))
    scenario = found[0]
    problems = catalog_problems(scenario, store.catalog.load(),
                                {rule.id for rule in store.rules.load()})
    if problems:
        raise ValidationError(problems, what=scenario_what(scenario_id))
    return scenario


def import_file(store: Store, path: Path, *, actor: str | None = None,
                root: Path | None = None) -> tuple[Scenario, bool]:
    """Add the scenario file `path` to the practice store `store`, or replace the one of
    its id (built-in or imported): all or nothing. Returns it and whether it replaced
    one."""
    text = read_text(path, "scenario")
    scenario = read_scenario_text(text, str(path), store.catalog.load(),
                                  {rule.id for rule in store.rules.load()})
    replaced = scenario.id in _all(store, root)
    PracticeStore(store).save_scenario(scenario, text, actor=actor)
    return scenario, replaced
