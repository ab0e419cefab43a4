"""Bounds on the shape of a YAML or JSON file before it is built: how deep it nests, how
far its aliases expand, how long a number may be.

A 548-byte YAML file of nested aliases stands for billions of values; a JSON file of
100,000 `[` overflows the parser's stack; a 5,000-digit number cannot even be turned into
text again. Each is refused here with one sentence (a `yaml.MarkedYAMLError`, so every
reader of YAML reports it as it reports a syntax error, with its line and column), in time
and memory proportional to the file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.error import Mark, MarkedYAMLError
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    ScalarEvent,
)
from yaml.nodes import ScalarNode

from pos_prompter.core.said import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from yaml._yaml import Mark as LibyamlMark

MAX_DEPTH = 50
"""Lists and mappings inside each other: a rule pack needs 5, a scenario about as many."""
MAX_NUMBER_DIGITS = 30
"""Characters of a whole number in a file: no count, price or rank needs more."""
MIN_ALIAS_BUDGET = 100_000
def alias_budget(text: str) -> int:
    """How many values a text may stand for once its aliases are expanded: ten per
    character, and at least 100,000 (a pack that reuses `<<: *defaults` on every rule is
    far below it; nested aliases that double at each step are far above)."""
    return max(MIN_ALIAS_BUDGET, 10 * len(text))


class ShapeError(MarkedYAMLError):
    """A YAML or JSON text refused for its shape (too deep, too many expanded aliases, too
    long a number). `problem` is the sentence; `problem_mark` where it is, when known."""

    def __init__(self, problem: str, mark: Mark | LibyamlMark | None = None) -> None:
        # types-PyYAML: parser events may carry libyaml's Mark (same fields), which the
        # stub of MarkedYAMLError does not list.
        super().__init__(problem=problem, problem_mark=mark)  # type: ignore[arg-type]


def too_deep(mark: Mark | LibyamlMark | None = None) -> ShapeError:
    return ShapeError(QT_TRANSLATE_NOOP("problems", "lists and mappings are nested more than "
                                                    "{most} deep").format(most=MAX_DEPTH), mark)


def check_yaml_shape(text: str, loader: type[Any]) -> None:
    """Walk the parser's events once (no nodes, no data) and refuse a document nested more
    than MAX_DEPTH deep or whose aliases expand beyond `alias_budget(text)` values. Syntax
    errors are left to the real load, which reports them."""
    budget = alias_budget(text)
    sizes: dict[str | None, int] = {}
    """anchor -> how many values the anchored node stands for, expanded"""
    stack: list[list[Any]] = []
    """open lists and mappings: [values so far, anchor]"""
    total = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, CollectionStartEvent):
                if len(stack) >= MAX_DEPTH:
                    raise too_deep(event.start_mark)
                stack.append([1, event.anchor])
                continue
            if isinstance(event, CollectionEndEvent):
                size, anchor = stack.pop()
            elif isinstance(event, AliasEvent):
                size, anchor = sizes.get(event.anchor, 1), None
            elif isinstance(event, ScalarEvent):
                size, anchor = 1, event.anchor
            else:
                continue
            if anchor is not None:
                sizes[anchor] = size
            if stack:
                stack[-1][0] += size
            total += 0 if stack else size
            if size > budget or (stack and stack[-1][0] > budget) or total > budget:
                raise ShapeError(QT_TRANSLATE_NOOP(
                    "problems", "its aliases (*name) expand to more than {most} values; write "
                    "the values out, or repeat less").format(most=f"{budget:,}"),
                    event.start_mark)
    except ShapeError:
        raise
    except yaml.YAMLError:
        return  # the real load reports it, with PyYAML's own words


def _too_long(length: int) -> str:
    return QT_TRANSLATE_NOOP("problems", "a number of {length} characters is too long (at most "
                                         "{most})").format(length=f"{length:,}",
                                                           most=MAX_NUMBER_DIGITS)


def construct_int(loader: Any, node: ScalarNode) -> int:
    """PyYAML's int, refusing a number longer than MAX_NUMBER_DIGITS characters (it would
    pass int() up to 4,300 digits and then fail far from the file)."""
    if isinstance(node.value, str) and len(node.value) > MAX_NUMBER_DIGITS:
        raise ShapeError(_too_long(len(node.value)), node.start_mark)
    return int(SafeConstructor.construct_yaml_int(loader, node))


def json_int(text: str) -> int:
    """json.loads' parse_int, refusing a number longer than MAX_NUMBER_DIGITS."""
    if len(text) > MAX_NUMBER_DIGITS:
        raise ShapeError(_too_long(len(text)))
    return int(text)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def check_json_depth(text: str) -> None:
    """Refuse a JSON text nested more than MAX_DEPTH deep (json.loads would raise
    RecursionError past about 1,000). Brackets inside strings do not count."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub("", text)):
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise too_deep()
        else:
            depth -= 1
