"""Placeholders in `say` and `why`: which are allowed, which a text uses, and rendering.

Text that managers write is data, never code: `say` and `why` may use only the
placeholders in PLACEHOLDERS, substituted by plain string replacement, never `str.format`
on user input.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping

from pos_prompter.core.excerpt import field_name
from pos_prompter.core.rule_model import PLACEHOLDERS
from pos_prompter.core.said import QT_TRANSLATE_NOOP


def placeholder_problems(text: str) -> list[str]:
    """Why `text` is not a safe template: unknown names, attribute/index access, format specs."""
    problems: list[str] = []
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        return [QT_TRANSLATE_NOOP("problems", "is not a valid template ({reason}); write a "
                                  "literal brace as {open} or {close}").format(
            reason=exc, open="{{", close="}}")]
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            known = ", ".join("{" + n + "}" for n in PLACEHOLDERS)
            problems.append(QT_TRANSLATE_NOOP(
                "problems", "placeholder {name} is not allowed (allowed: {known})").format(
                name="{" + field_name(name) + "}", known=known))
        elif spec or conversion:
            problems.append(QT_TRANSLATE_NOOP(
                "problems", "placeholder {name} may not have a format or conversion").format(
                name="{" + name + "}"))
    return problems


@functools.lru_cache(maxsize=4096)
def text_problems(text: str) -> tuple[str, ...]:
    """placeholder_problems, once per text: a pack repeats the same `say` on many rules."""
    return tuple(placeholder_problems(text))


def placeholders_used(text: str) -> set[str]:
    try:
        return {name for _l, name, _s, _c in string.Formatter().parse(text) if name}
    except ValueError:
        return set()


def render(text: str, values: Mapping[str, str]) -> str:
    """Fill a validated template. Placeholders without a value for this prompt render empty.

    Walks the parsed template and concatenates: user text is never passed to str.format.
    """
    out: list[str] = []
    for literal, name, _spec, _conv in string.Formatter().parse(text):
        out.append(literal)
        if name is not None:
            out.append(values.get(name, ""))
    return "".join(out)
