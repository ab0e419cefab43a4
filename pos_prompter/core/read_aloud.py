"""How much text a clerk can read out at the counter in one breath.

The prompt card's `say` is read to the customer and its `why` is the one reason the clerk
gives if asked; both must fit one breath, or the clerk skips them or reads them as a list.
Limits (docs/decisions.md, "read out in one breath"):

- `say`: at most 25 words and 160 characters (a question and its price, two short sentences).
- `why`: at most 20 words and 120 characters (one sentence; the manager's own reasoning, such
  as which setting holds the offer back, belongs in the pack's comments, not on the card).

A placeholder such as `{offer}` counts as one word and by its written length: what it renders
to varies by product, so the limit is on what the manager wrote.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said


@dataclass(frozen=True)
class Limit:
    words: int
    chars: int


LIMITS: dict[str, Limit] = {"say": Limit(words=25, chars=160), "why": Limit(words=20, chars=120)}


def word_count(text: str) -> int:
    return len(text.split())


def too_long(field: str, text: str) -> tuple[Said, Said] | None:
    """(message, fix) when `text` in `field` ("say" or "why") is too long to read out, else None."""
    limit = LIMITS[field]
    words, chars = word_count(text), len(text)
    if words <= limit.words and chars <= limit.chars:
        return None
    message = (QT_TRANSLATE_NOOP("lint", "{field} is {n} words, more than {most}: too long for "
                                 "the clerk to read out in one breath").format(
                   field=field, n=words, most=limit.words) if words > limit.words else
               QT_TRANSLATE_NOOP("lint", "{field} is {n} characters, more than {most}: too "
                                 "long for the clerk to read out in one breath").format(
                   field=field, n=chars, most=limit.chars))
    fix = (QT_TRANSLATE_NOOP("lint", "shorten {field} to {words} words and {chars} characters "
                             "or fewer (move the reason to why)") if field == "say" else
           QT_TRANSLATE_NOOP("lint", "shorten {field} to {words} words and {chars} characters "
                             "or fewer (one sentence the clerk can say; keep your own notes "
                             "out of it)"))
    return message, fix.format(field=field, words=limit.words, chars=limit.chars)
