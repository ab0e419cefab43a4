"""English sentences the core writes (it imports no Qt, so it cannot translate), said again
in the current language: each sentence the core can write is an English pattern with named
parts (products, amounts) and the catalog text those parts fill. A sentence no pattern
knows is shown as the core wrote it.

One table per kind of sentence (the engine's skip reasons, the rule form's problems, lint's
findings); the UI modules that hold them (ui/workspace/skip_words.py, ...) only list them.
"""

from __future__ import annotations

import re

from pos_prompter.core.language import SOURCE
from pos_prompter.i18n import language, translate


class SaidAgain:
    """A table of (English pattern, catalog text) for one translation context."""

    def __init__(self, context: str, table: tuple[tuple[str, str], ...], *,
                 flags: re.RegexFlag = re.DOTALL) -> None:
        self.context = context
        self._compiled = tuple((re.compile(rf"\A{pattern}\Z", flags), text)
                               for pattern, text in table)

    def match(self, text: str) -> tuple[str, dict[str, str]] | None:
        """The catalog text (in English) of the first pattern `text` matches, with the
        parts it names; None when no pattern knows it."""
        for pattern, template in self._compiled:
            found = pattern.match(text)
            if found is not None:
                return template, found.groupdict()
        return None

    def __call__(self, text: str) -> str:
        """`text` in the current language (as it is in English, or when no pattern knows
        it)."""
        if language() == SOURCE:
            return text
        said = self.match(text)
        if said is None:
            return text
        template, fields = said
        return translate(self.context, template).format(**fields)
