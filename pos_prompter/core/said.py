"""Sentences the core and the store write for people, kept with their catalog text and
parts, so that the window and the command line can say them in the reader's language.

The core imports no Qt, so it cannot translate. Instead a sentence is written as

    QT_TRANSLATE_NOOP("store", "there is no one called {name!r} on the staff list").format(
        name=name)

which is the English sentence itself (a `Said` is a `str`: it prints, compares, joins and
is stored as the English it always was), remembering its context, its catalog text and its
parts. `pos_prompter.i18n.say` looks the catalog text up in the current language and fills
the parts in. lupdate finds the text by the marker's name, as it does in the UI's modules
(the core and store are read by lupdate: pos_prompter.i18n.build.MARKED).

A part that is itself a `Said` (a "PIN" or "password", a nested problem) is said in the
reader's language too. Any other part is shown as the core wrote it: amounts are already in
the language's money style (core.money follows the chosen language), names are the
manager's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Said(str):
    """An English sentence that remembers its catalog text (`template`), translation
    `context` and named `fields`."""

    template: str
    context: str
    fields: Mapping[str, object]

    def __new__(cls, context: str, template: str,
                fields: Mapping[str, object] | None = None) -> Said:
        parts = dict(fields or {})
        return _said(cls, context, template, parts)

    def format(self, *args: object, **fields: Any) -> Said:
        """The sentence with its named parts filled in (still a Said). Positional parts are
        not allowed: a translator may move the parts, so each has a name."""
        if args:
            raise TypeError("a said sentence takes named parts only")
        return _said(Said, self.context, self.template, fields)  # the engine's hot path

    def __reduce__(self) -> tuple[Any, ...]:  # pickled across processes whole
        return (Said, (self.context, self.template, dict(self.fields)))


def _said(cls: type[Said], context: str, template: str, fields: dict[str, object]) -> Said:
    said = str.__new__(cls, template.format_map(fields) if fields else template)
    attributes = said.__dict__
    attributes["template"] = template
    attributes["context"] = context
    attributes["fields"] = fields
    return said


def QT_TRANSLATE_NOOP(context: str, text: str) -> Said:  # the name lupdate knows
    """Mark `text` for the catalog under `context`; fill its parts with `.format(...)`."""
    return Said(context, text)


def joined(parts: list[Said | str], separator: str = "; ") -> Said | str:
    """Sentences joined into one, each still said in the reader's language."""
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    fields = {f"p{index}": part for index, part in enumerate(parts)}
    template = separator.join("{" + name + "}" for name in fields)
    return Said("", template, fields)


__all__ = ["QT_TRANSLATE_NOOP", "Said", "joined"]
