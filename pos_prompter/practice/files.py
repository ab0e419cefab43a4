"""Reading a scenario file a trainer wrote: YAML, checked whole against a store.

All or nothing, with the rule packs' kind of errors: YAML that cannot be read is one
InputError sentence with its line and column; anything else wrong refuses the whole file
(ValidationError, "scenario FILE refused, nothing was changed"), every problem named by
customer position, name and field.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import yaml

from pos_prompter.bootstrap import DuplicateKeyError, load_yaml, read_text
from pos_prompter.core.catalog import Catalog
from pos_prompter.core.errors import InputError, ValidationError
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said
from pos_prompter.core.scenario import Scenario, catalog_problems, parse_scenario


def _duplicate(exc: DuplicateKeyError) -> Said:
    where, inner = QT_TRANSLATE_NOOP("problems", "scenario"), list(exc.path)
    if len(inner) >= 2 and inner[0] == "customers" and isinstance(inner[1], int):
        where = QT_TRANSLATE_NOOP("scenario", "customer {position}").format(
            position=inner[1] + 1)
        inner = inner[2:]
    fieldname = ".".join([*(str(p) for p in inner), exc.key])
    first, again = exc.lines
    return QT_TRANSLATE_NOOP("scenario", "{where}, field {field}: {message}").format(
        where=where, field=fieldname, message=QT_TRANSLATE_NOOP(
            "scenario", "given twice (lines {first} and {again})").format(first=first,
                                                                          again=again))


def scenario_what(source: str) -> Said:
    """What a refused scenario names: 'scenario FILE' (ValidationError's `what`)."""
    return QT_TRANSLATE_NOOP("scenario", "scenario {source}").format(source=source)


def read_scenario_text(text: str, source: str, catalog: Catalog | None = None,
                       rule_ids: Collection[str] = ()) -> Scenario:
    """The scenario in `text`, checked against `catalog` and the store's rule ids when a
    catalog is given."""
    what = scenario_what(source)
    try:
        data = load_yaml(text.removeprefix("\ufeff"))
    except DuplicateKeyError as exc:
        raise ValidationError([_duplicate(exc)], what=what) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)  # PyYAML's own English words
        if mark:
            raise InputError(QT_TRANSLATE_NOOP(
                "scenario", "{source} is not valid YAML at line {line}, column {column}: "
                "{problem}").format(source=source, line=mark.line + 1,
                                    column=mark.column + 1, problem=problem)) from None
        raise InputError(QT_TRANSLATE_NOOP("scenario", "{source} is not valid YAML: {problem}")
                         .format(source=source, problem=problem)) from None
    try:
        scenario = parse_scenario(data)
    except ValidationError as exc:
        raise ValidationError(exc.problems, what=what) from None
    if catalog is not None:
        problems = catalog_problems(scenario, catalog, rule_ids)
        if problems:
            raise ValidationError(problems, what=what)
    return scenario


def read_scenario_file(path: Path, catalog: Catalog | None = None,
                       rule_ids: Collection[str] = ()) -> Scenario:
    return read_scenario_text(read_text(path, "scenario"), str(path), catalog, rule_ids)
