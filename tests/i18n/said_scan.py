"""Sentences for people that the core and its readers write without core.said: a refusal
raised with an English literal or f-string (`raise InputError(f"...")`,
`ValidationError(["..."])`), or a problem added or appended as one (`problems.add(where,
field, "must be ...")`). Each is found by reading the module's syntax tree, so a new
English-only sentence fails the test that scans its module.

A sentence is a text of at least two words; field names and codes ("when.order.has",
"rule #3") are not sentences."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from pos_prompter.i18n import build

SENTENCE = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")
LONG_PIECE = 12
PROBLEM_CALLS = {"add", "append", "problem", "extend", "insert"}
"""Calls that put a problem or finding on a list."""


def _words(node: ast.expr) -> str | None:
    """The literal words of a string, f-string or string sum (None for anything else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return f"{_words(node.left) or ''}{_words(node.right) or ''}" or None
    if isinstance(node, ast.IfExp):
        return f"{_words(node.body) or ''} {_words(node.orelse) or ''}".strip() or None
    return None


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def english_sentences(path: Path) -> list[str]:
    """`file:line: text` of each sentence for people written without QT_TRANSLATE_NOOP."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []

    def check(values: Iterable[ast.expr]) -> None:
        for value in values:
            if isinstance(value, ast.List | ast.Tuple):
                check(value.elts)
                continue
            text = _words(value)
            if text is not None and SENTENCE.search(text):
                found.append(f"{path.name}:{value.lineno}: {text[:60]!r}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            if _name(node.exc.func).endswith("Error"):
                check(node.exc.args[:1])
        elif isinstance(node, ast.Call):
            name = _name(node.func)
            if name.endswith("Error") and name[:1].isupper():
                check(node.args[:1])
            elif name in PROBLEM_CALLS and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                owner_name = _name(owner) if isinstance(owner, ast.Name | ast.Attribute) else ""
                if "problem" in owner_name.lower() or "finding" in owner_name.lower():
                    check(node.args)
    return sorted(set(found))


def spanish_pieces() -> list[str]:
    """The literal parts of every Spanish translation (split at its {fields}), longest
    first, folded."""
    root = ET.parse(build.ts_path("es")).getroot()
    pieces = set()
    for message in root.iter("message"):
        for part in re.split(r"\{[a-z_]*\}", message.findtext("translation") or ""):
            if len(part.strip()) >= 2:
                pieces.add(part.casefold())
    return sorted(pieces, key=len, reverse=True)


def english_left(text: str, data: Iterable[str] = ()) -> list[str]:
    """The words of `text` that are neither Spanish from the catalog nor `data` (paths,
    values quoted, codes). Long Spanish pieces go first, then the data as whole words, then
    the short pieces (a short piece such as "total" would cut a code in two)."""
    pieces = spanish_pieces()
    rest = text.casefold()
    for piece in pieces:  # long pieces first: they may hold a code (when.order.has) too
        if len(piece) >= LONG_PIECE:
            rest = rest.replace(piece, " ")
    for item in sorted(data, key=len, reverse=True):  # whole words only: "id", not "ido"
        rest = re.sub(rf"(?<!\w){re.escape(item.casefold())}(?!\w)", " ", rest)
    for piece in pieces:
        rest = rest.replace(piece, " ")
    return re.findall(r"[a-z]{2,}", rest)
