"""A short, cut quote of a value an error message refuses.

A message must never print what it refuses in full: a 5,000-digit price would fill the
screen, and a rule pack of nested YAML aliases (548 bytes) stands for billions of values,
so even `repr()` of it runs out of memory. `excerpt` walks at most a few dozen items of a
value, whatever its size or shape, and says how long the whole is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

LIMIT = 80
"""Characters of the value an excerpt shows at most (plus "…" and the whole's size): a
64-character SKU or rule id, one over its limit, is still shown whole."""

_ELLIPSIS = "…"
_DEPTH = 21
"""Containers shown inside one another at most. The character budget already bounds the
walk (each container and item costs two characters of it); this bound only has to be deep
enough that any value whose repr() fits in half the limit is shown whole (20 nested lists
are 40 characters)."""
_LOG10_2 = math.log10(2)


def _int_text(value: int) -> str | None:
    """The digits of a small int, or None when it is too long to show (str() of an int of
    more than 4,300 digits even raises)."""
    if value.bit_length() > 128:
        return None
    return str(value)


def _digits(value: int) -> int:
    """How many decimal digits |value| has, without converting it to text."""
    n = abs(value)
    if n == 0:
        return 1
    guess = int(n.bit_length() * _LOG10_2)  # digits - 1 or digits
    return guess + 1 if n >= 10 ** guess else guess


class _Budget:
    def __init__(self, chars: int) -> None:
        self.left = chars
        self.cut = False


def _walk(value: Any, budget: _Budget, depth: int) -> str:
    """A repr-like text of `value` using at most `budget.left` characters (about)."""
    if budget.left <= 0:
        budget.cut = True
        return _ELLIPSIS
    if isinstance(value, str):
        keep = max(budget.left - 2, 1)
        quoted = repr(value[:keep])
        while len(quoted) > budget.left + 2 and keep > 1:  # escapes: \x00 is 4 characters
            keep //= 2
            quoted = repr(value[:keep])
        if keep < len(value):
            budget.cut = True
            quoted = quoted[:-1] + _ELLIPSIS + quoted[-1]
        budget.left -= len(quoted)
        return quoted
    if isinstance(value, bool) or value is None:
        text = repr(value)
    elif isinstance(value, int):
        shown = _int_text(value)
        if shown is None or len(shown) > budget.left:
            budget.cut = True
            shown = QT_TRANSLATE_NOOP("problems", "<a {n}-digit number>").format(
                n=f"{_digits(value):,}")
        text = shown
    elif isinstance(value, (list, tuple, set, frozenset, Mapping)):
        return _walk_items(value, budget, depth)
    else:
        try:
            text = repr(value)
        except Exception:  # a hostile __repr__ must not hide the real message
            text = f"<{type(value).__name__}>"
        if len(text) > budget.left:
            budget.cut = True
            text = text[:max(budget.left, 1)] + _ELLIPSIS
    budget.left -= len(text)
    return text


def _walk_items(value: Any, budget: _Budget, depth: int) -> str:
    if isinstance(value, Mapping):
        opening, closing = "{", "}"
    elif isinstance(value, list):
        opening, closing = "[", "]"
    elif isinstance(value, tuple):
        opening, closing = "(", ")"
    else:
        opening, closing = "{", "}"
    budget.left -= 2
    if depth >= _DEPTH:
        if len(value):
            budget.cut = True
            return f"{opening}{_ELLIPSIS}{closing}"
        return opening + closing
    parts: list[str] = []
    for i, item in enumerate(value.items() if isinstance(value, Mapping) else value):
        if budget.left <= 0 or i >= 8:
            budget.cut = True
            parts.append(_ELLIPSIS)
            break
        if isinstance(value, Mapping):
            key, val = item
            parts.append(f"{_walk(key, budget, depth + 1)}: {_walk(val, budget, depth + 1)}")
        else:
            parts.append(_walk(item, budget, depth + 1))
        budget.left -= 2
    return opening + ", ".join(parts) + closing


def _size(value: Any) -> str:
    """The whole's size, for a value the excerpt had to cut (said in the reader's
    language)."""
    if isinstance(value, str):
        return _characters(len(value))
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return QT_TRANSLATE_NOOP("problems", "{n} digits").format(n=f"{_digits(value):,}")
    if isinstance(value, Mapping):
        n = len(value)
        return (QT_TRANSLATE_NOOP("problems", "a mapping of {n} field") if n == 1 else
                QT_TRANSLATE_NOOP("problems", "a mapping of {n} fields")).format(n=f"{n:,}")
    if isinstance(value, (list, tuple, set, frozenset)):
        n = len(value)
        return (QT_TRANSLATE_NOOP("problems", "a list of {n} item") if n == 1 else
                QT_TRANSLATE_NOOP("problems", "a list of {n} items")).format(n=f"{n:,}")
    return type(value).__name__


def _characters(n: int) -> Said:
    return QT_TRANSLATE_NOOP("problems", "{n} characters").format(n=f"{n:,}")


def excerpt(value: Any, limit: int = LIMIT) -> str:
    """`value` as repr() would show it when that is short; otherwise its first `limit` or so
    characters, "…", and the whole's size in brackets: `'99999…' (5,000 characters)`.

    Never builds the whole text: a huge int, string, or a structure that repeats itself
    through aliases costs no more than a short one."""
    budget = _Budget(limit)
    text = _walk(value, budget, 0)
    if not budget.cut:
        return text
    size = _size(value)
    return _sized(text, size) if size else text


def _sized(text: str, size: str) -> Said:
    """An excerpt cut short with the whole's size in brackets."""
    return Said("", "{text} ({size})", {"text": text, "size": size})  # no words: no catalog


def field_name(key: Any) -> str:
    """A field's name as a message names it: plain when it is a short text, else cut."""
    if isinstance(key, str) and len(key) <= LIMIT and key.isprintable():
        return key
    return excerpt(key)


def cut(text: str, limit: int = LIMIT) -> str:
    """A text as it is when short, else its first `limit` characters, "…" and its length."""
    if len(text) <= limit:
        return text
    return _sized(f"{text[:limit]}{_ELLIPSIS}", _characters(len(text)))
