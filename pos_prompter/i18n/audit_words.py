"""The audit log's codes said for people, in the window (ui/workspace/audit_view.py) and on
the command line (`pos-prompter audit`): what changed (a rule, a setting...), how (added,
changed, removed) and by whom when it was the program itself. The log keeps its codes
(store/audit.py) and the CSV export writes them as they are, for machines; a change of a
row's fields ("price_cents 450 -> 475") is the row's own field names and values: data."""

from __future__ import annotations

from typing import Final

from pos_prompter.i18n import QT_TRANSLATE_NOOP, translate
from pos_prompter.store.audit import SYSTEM, AuditEntry

CONTEXT: Final = "audit"

ENTITY_WORDS: Final = {"rule": QT_TRANSLATE_NOOP("audit", "rule"),
                       "setting": QT_TRANSLATE_NOOP("audit", "setting"),
                       "product": QT_TRANSLATE_NOOP("audit", "product"),
                       "staff": QT_TRANSLATE_NOOP("audit", "staff")}
"""One entry's entity; the English is the code itself."""

ACTION_WORDS: Final = {"add": QT_TRANSLATE_NOOP("audit", "add"),
                       "change": QT_TRANSLATE_NOOP("audit", "change"),
                       "remove": QT_TRANSLATE_NOOP("audit", "remove")}

WHOLE_ROW: Final = {"add": QT_TRANSLATE_NOOP("audit", "added"),
                    "remove": QT_TRANSLATE_NOOP("audit", "removed")}
"""store.audit.AuditEntry.summary()'s words for a row added or removed whole."""

ACTOR_WORDS: Final = {SYSTEM: QT_TRANSLATE_NOOP("audit", "system")}
"""Who changed something when nobody did: the program (its migrations, its set-up)."""


def _word(words: dict[str, str], code: str) -> str:
    word = words.get(code)
    return translate(CONTEXT, word) if word else code


def entity_text(entity: str) -> str:
    """'rule' as the reader's language says it; an unknown code as it is."""
    return _word(ENTITY_WORDS, entity)


def action_text(action: str) -> str:
    return _word(ACTION_WORDS, action)


def actor_text(actor: str) -> str:
    """A person's name or 'cli:USER' as it is; the program itself said in words."""
    return _word(ACTOR_WORDS, actor)


def change_text(entry: AuditEntry) -> str:
    """The entry's one-line change: 'added'/'removed' said in words, a change of fields
    as the log wrote it."""
    whole = WHOLE_ROW.get(entry.action)
    return translate(CONTEXT, whole) if whole else entry.summary()
