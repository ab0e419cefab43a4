"""The core modules whose English a Spanish walk through the app found (issue 14.3) write
their sentences through core.said, so a new English-only one fails here: report's period
(core/results.py) and a practice customer's answers (core/customer_turn.py)."""

from __future__ import annotations

from said_scan import english_sentences

from pos_prompter import i18n
from pos_prompter.core import customer_turn
from pos_prompter.core.said import Said
from pos_prompter.i18n import build

MODULES = ("core/results.py", "core/customer_turn.py")


def test_their_refusals_go_through_said() -> None:
    left = [line for module in MODULES
            for line in english_sentences(build.ROOT / "pos_prompter" / module)]
    assert not left, "sentences for people without QT_TRANSLATE_NOOP:\n" + "\n".join(left)


def test_every_customer_answer_is_said_in_spanish(built_catalogs: None) -> None:
    lines = [*customer_turn.YES_LINES, *customer_turn.NO_LINES, *customer_turn.WHY_LINES]
    assert len(lines) == 11
    assert all(isinstance(line, Said) for line in lines)
    assert i18n.use_language("es")
    try:
        spanish = [i18n.say(line) for line in lines]
    finally:
        i18n.use_language("en")
    untranslated = [str(line) for line, said in zip(lines, spanish, strict=True) if said == line]
    assert not untranslated, untranslated
