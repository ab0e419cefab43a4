"""Reading rule packs (YAML or JSON, strictly: no key given twice, bounded shapes) and
writing them; reading a text file for a command. Imported only where a pack is read or
written: the till starts without PyYAML (bootstrap re-exports these names lazily)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.constructor import ConstructorError
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pos_prompter.core.bulk import gc_paused
from pos_prompter.core.data_limits import (
    MAX_DEPTH,
    ShapeError,
    check_json_depth,
    check_yaml_shape,
    construct_int,
    json_int,
    too_deep,
)
from pos_prompter.core.errors import InputError, ValidationError
from pos_prompter.core.excerpt import excerpt, field_name
from pos_prompter.core.rule_fields import where_said
from pos_prompter.core.rules import (
    RULE_ID_RE,
    Rule,
    RulePack,
    Settings,
    pack_to_dict,
    parse_pack,
)
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

if TYPE_CHECKING:
    from pos_prompter.store.base import Progress

_MERGE_TAG = "tag:yaml.org,2002:merge"

FILE_WORDS: dict[str, Said] = {
    "rule pack": QT_TRANSLATE_NOOP("problems", "rule pack"),
    "catalog": QT_TRANSLATE_NOOP("problems", "catalog"),
    "past orders": QT_TRANSLATE_NOOP("problems", "past orders"),
    "scan script": QT_TRANSLATE_NOOP("problems", "scan script"),
    "scenario": QT_TRANSLATE_NOOP("problems", "scenario"),
}
"""The kinds of file a command reads (`read_text`'s `what`), in the reader's language."""


class DuplicateKeyError(ConstructorError):
    """A YAML mapping gives one key twice. YAML allows each key once, but PyYAML's loader
    keeps the last one silently: a manager's typo (`active: false` then `active: true`)
    would change what a rule does without a word."""

    def __init__(self, node: MappingNode, first: Node, again: Node,
                 path: tuple[str | int, ...], item_id: Any) -> None:
        self.key = str(again.value)
        self.lines = (first.start_mark.line + 1, again.start_mark.line + 1)
        self.path = path
        """Keys and list positions (from 0) from the document down to the mapping."""
        self.item_id = item_id
        """The `id` of the outermost list item on `path` (a pack's rule), if it has one."""
        super().__init__("while constructing a mapping", node.start_mark,
                         f"found duplicate key {excerpt(self.key)} (first given at line "
                         f"{self.lines[0]})", again.start_mark)


def _path_to(root: Node, target: Node) -> list[tuple[str | int, Node]]:
    """The keys and list positions from `root` down to `target`, each with the node it
    leads to (only asked when a mapping has a duplicate key)."""
    stack: list[tuple[Node, list[tuple[str | int, Node]]]] = [(root, [])]
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        if node is target:
            return path
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            stack.extend((v, [*path, (str(k.value), v)]) for k, v in node.value
                         if isinstance(k, ScalarNode))
        elif isinstance(node, SequenceNode):
            stack.extend((v, [*path, (i, v)]) for i, v in enumerate(node.value))
    return []


def _scalar_value(node: Node, key: str) -> Any:
    """The text of a mapping node's first `key: scalar`, if it has one."""
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == key and isinstance(v, ScalarNode):
                return v.value
    return None


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SafeLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """libyaml's safe loader when PyYAML was built with it (about twice as fast on big
    packs; the same safe subset of YAML either way) that refuses a mapping giving one key
    twice (DuplicateKeyError). Keys a merge (`<<: *base`) brings in may be overridden."""

    _root: Node | None = None

    def construct_document(self, node: Node) -> Any:
        self._root = node
        try:
            return super().construct_document(node)
        finally:
            self._root = None

    def construct_mapping(self, node: Node, deep: bool = False) -> Any:
        own = [k for k, _v in node.value] if isinstance(node, MappingNode) else []
        mapping = super().construct_mapping(node, deep=deep)  # builds every key
        firsts: dict[Any, Node] = {}
        for key_node in own:
            if key_node.tag == _MERGE_TAG:
                continue
            key = self.constructed_objects[key_node]
            if key in firsts:
                assert isinstance(node, MappingNode)
                root = self._root
                path = _path_to(root, node) if root is not None else []
                item = next((n for step, n in path if isinstance(step, int)), None)
                raise DuplicateKeyError(node, firsts[key], key_node,
                                        tuple(step for step, _n in path),
                                        None if item is None else _scalar_value(item, "id"))
            firsts[key] = key_node
        return mapping


SafeLoader.add_constructor("tag:yaml.org,2002:int", construct_int)  # no 5,000-digit ints

_STR_TAG = "tag:yaml.org,2002:str"
_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in
                         ("null", "bool", "int", "float", "timestamp"))
"""Implicit scalar types the fast reader builds (with PyYAML's own constructors)."""


class _Unusual(Exception):
    """The YAML uses something the fast reader leaves to PyYAML's loader."""


def load_yaml(text: str) -> Any:
    """The data of a one-document YAML text, exactly as `yaml.load(text, SafeLoader)` gives
    it, about ten times faster on a 20,000-rule pack.

    PyYAML builds a node for every value and then constructs the data from the nodes in
    Python; rule packs use plain mappings, lists and scalars only, so the data is built
    straight from the parser's events. Anything else (anchors, aliases, explicit tags,
    merge keys, several documents) and every error goes through PyYAML's loader itself, so
    the result and the error message are the same either way. A mapping that gives one key
    twice raises DuplicateKeyError (SafeLoader). A text nested too deep, with aliases that
    expand too far or too long a number is refused (ShapeError, pos_prompter.core.data_limits)
    before PyYAML builds it."""
    with gc_paused():
        try:
            return _load_plain_yaml(text)
        except ShapeError:
            raise
        except Exception:  # PyYAML's own loader gives the answer, or the very same error
            pass
        check_yaml_shape(text, _BaseLoader)
        return yaml.load(text, SafeLoader)


def _load_plain_yaml(text: str) -> Any:
    """`load_yaml` for a text of plain mappings, sequences and untagged scalars; raises
    _Unusual (or the parser's own error) for anything else."""
    loader = SafeLoader(text)
    try:
        if loader.yaml_path_resolvers:
            raise _Unusual
        get = loader.get_event
        resolve, constructors = loader.resolve, loader.yaml_constructors
        tags: dict[str, str] = {}
        """plain scalar -> its implicit tag (it depends on the text only)"""

        def scalar(event: ScalarEvent) -> Any:
            if event.anchor is not None or event.tag is not None:
                raise _Unusual
            value = event.value
            if not event.implicit[0]:  # quoted or a block: a string
                return value
            tag = tags.get(value)
            if tag is None:
                tag = tags[value] = resolve(ScalarNode, value, event.implicit)
            if tag == _STR_TAG:
                return value
            if tag not in _SCALAR_TAGS:  # a merge key, "=", ...
                raise _Unusual
            # types-PyYAML: an event's marks may be libyaml's Mark (same fields), which the
            # stub of ScalarNode does not list.
            scalar_node = ScalarNode(
                tag, value, event.start_mark, event.end_mark,  # type: ignore[arg-type]
                event.style)
            return constructors[tag](loader, scalar_node)

        def node(event: Any, depth: int = 1) -> Any:
            kind = type(event)
            if kind is ScalarEvent:
                return scalar(event)
            if event.anchor is not None or event.tag is not None:
                raise _Unusual
            if depth > MAX_DEPTH:
                raise too_deep(event.start_mark)
            if kind is MappingStartEvent:
                mapping: dict[Any, Any] = {}
                while True:
                    event = get()
                    kind = type(event)
                    if kind is MappingEndEvent:
                        return mapping
                    if kind is not ScalarEvent:  # a list or mapping as a key
                        raise _Unusual
                    key = scalar(event)
                    if key in mapping:  # SafeLoader's DuplicateKeyError says where
                        raise _Unusual
                    mapping[key] = node(get(), depth + 1)
            if kind is SequenceStartEvent:
                items: list[Any] = []
                while True:
                    event = get()
                    if type(event) is SequenceEndEvent:
                        return items
                    items.append(node(event, depth + 1))
            raise _Unusual  # an alias

        if type(get()) is not StreamStartEvent or type(get()) is not DocumentStartEvent:
            raise _Unusual
        data = node(get())
        if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
            raise _Unusual
        return data
    finally:
        loader.dispose()


def read_text(path: Path, what: str) -> str:
    """The UTF-8 text of the `what` file at `path` (one of FILE_WORDS' kinds)."""
    kind = FILE_WORDS.get(what, what)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(QT_TRANSLATE_NOOP("problems", "{what} {path} does not exist").format(
            what=kind, path=path)) from None
    except IsADirectoryError:
        raise InputError(QT_TRANSLATE_NOOP("problems", "{what} {path} is a folder, not a file")
                         .format(what=kind, path=path)) from None
    except UnicodeDecodeError:
        raise InputError(QT_TRANSLATE_NOOP("problems", "{what} {path} is not UTF-8 text")
                         .format(what=kind, path=path)) from None
    except OSError as exc:
        raise InputError(QT_TRANSLATE_NOOP("problems", "{what} {path} cannot be read ({reason})")
                         .format(what=kind, path=path, reason=exc.strerror)) from None


class _JsonDuplicate(Exception):
    """A JSON object gives one key twice (json.loads would keep the last silently)."""

    def __init__(self, data: Any, obj: dict[str, Any], key: str) -> None:
        self.data, self.obj, self.key = data, obj, key


def _load_json(text: str) -> Any:
    """json.loads, refusing an object that gives one key twice (_JsonDuplicate)."""
    found: list[tuple[dict[str, Any], str]] = []

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs) and not found:  # the rare case: which key?
            seen: set[str] = set()
            for key, _value in pairs:
                if key in seen:
                    found.append((obj, key))
                    break
                seen.add(key)
        return obj

    check_json_depth(text)
    data = json.loads(text, object_pairs_hook=build, parse_int=json_int)
    if found:
        raise _JsonDuplicate(data, *found[0])
    return data


def _json_path(data: Any, target: object) -> list[tuple[str | int, Any]]:
    """The keys and list positions from `data` down to the object `target`."""
    stack: list[tuple[Any, list[tuple[str | int, Any]]]] = [(data, [])]
    while stack:
        value, path = stack.pop()
        if value is target:
            return path
        if isinstance(value, dict):
            stack.extend((v, [*path, (k, v)]) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, [*path, (i, v)]) for i, v in enumerate(value))
    return []


def _duplicate_refusal(path: tuple[str | int, ...], key: str, item_id: Any,
                       lines: tuple[int, int] | None) -> ValidationError:
    """A pack that gives a field twice is refused, naming the rule (id or position), the
    field and the lines: a typo must not silently change what the pack says."""
    where, inner = "pack", path
    if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
        rule_id = item_id if key != "id" or len(path) > 2 else None
        where = (f"rule {rule_id}" if isinstance(rule_id, str) and RULE_ID_RE.match(rule_id)
                 else f"rule #{path[1] + 1}")
        inner = path[2:]
    elif path[:1] == ("settings",):
        where, inner = "settings", path[1:]
    fieldname = ".".join([*(f"#{p + 1}" if isinstance(p, int) else field_name(p) for p in inner),
                          field_name(key)])
    if not lines:
        twice = QT_TRANSLATE_NOOP("problems", "is given twice; give each field once, with the "
                                              "value you mean")
    elif lines[0] == lines[1]:
        twice = QT_TRANSLATE_NOOP("problems", "is given twice (twice on line {line}); give "
                                              "each field once, with the value you mean").format(
            line=lines[0])
    else:
        twice = QT_TRANSLATE_NOOP("problems", "is given twice (lines {first} and {second}); "
                                              "give each field once, with the value you "
                                              "mean").format(first=lines[0], second=lines[1])
    return ValidationError([QT_TRANSLATE_NOOP("problems", "{where}, field {field}: {message}")
                            .format(where=where_said(where), field=fieldname, message=twice)],
                           what=FILE_WORDS["rule pack"])


def _unreadable(exc: yaml.YAMLError | json.JSONDecodeError, source: str) -> Said:
    """Why a pack's text cannot be read, and where (PyYAML's and json's own words for a
    syntax error: they are English)."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if isinstance(exc, ShapeError):
        said = (QT_TRANSLATE_NOOP("problems", "{source} is refused at line {line}, column "
                                              "{column}: {problem}") if mark else
                QT_TRANSLATE_NOOP("problems", "{source} is refused: {problem}"))
    else:
        said = (QT_TRANSLATE_NOOP("problems", "{source} is not valid YAML/JSON at line {line}, "
                                              "column {column}: {problem}") if mark else
                QT_TRANSLATE_NOOP("problems", "{source} is not valid YAML/JSON: {problem}"))
    if mark:
        return said.format(source=source, line=mark.line + 1, column=mark.column + 1,
                           problem=problem)
    return said.format(source=source, problem=problem)


def parse_pack_text(text: str, source: str, progress: Progress | None = None) -> RulePack:
    """A rule pack from YAML or JSON text (JSON is YAML, but its errors read better). A
    mapping that gives one key twice is refused (ValidationError), never the last kept."""
    data: Any
    with gc_paused():
        try:
            data = _load_json(text) if source.endswith(".json") else load_yaml(text)
        except DuplicateKeyError as exc:
            raise _duplicate_refusal(exc.path, exc.key, exc.item_id, exc.lines) from None
        except _JsonDuplicate as exc:
            steps = _json_path(exc.data, exc.obj)
            item = next((v for step, v in steps if isinstance(step, int)), None)
            raise _duplicate_refusal(tuple(step for step, _v in steps), exc.key,
                                     item.get("id") if isinstance(item, dict) else None,
                                     None) from None
        except (yaml.YAMLError, json.JSONDecodeError) as exc:
            raise InputError(_unreadable(exc, source)) from None
        return parse_pack(data, progress=progress)


def load_pack_file(path: Path, progress: Progress | None = None) -> RulePack:
    return parse_pack_text(read_text(path, "rule pack"), str(path), progress)


def export_text(rules: list[Rule], settings: Settings, *, as_json: bool) -> str:
    """The store's rules as a pack: YAML, or JSON (indent 2). Import reads either back,
    and exporting that again gives the same bytes (`export rules`, the workspace)."""
    data = pack_to_dict(rules, settings)
    if as_json:
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
