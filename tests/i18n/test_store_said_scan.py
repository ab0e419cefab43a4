"""No sentence for people left in English only in the store, the sign-in rules and the
set-up (issue 14.3): every text of two words or more in pos_prompter/store/*,
core/auth.py and bootstrap.py is marked with core.said's QT_TRANSLATE_NOOP, unless it is
for machines or developers (SQL, a docstring, a log line, a programming error's message,
the few listed in MACHINE_TEXTS with why). So a new English-only refusal, finding or
problem, raised or returned or put on a list, fails here, found in the syntax tree."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from pos_prompter.i18n import build

SENTENCE = re.compile(r"[A-Za-z]{2,}\s+\(?[A-Za-z]{2,}")
WORD = re.compile(r"(?:^|\s)[A-Za-z]{3,}(?:\s|$)")
"""An f-string with a word in it is a sentence too ("{n} added")."""
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|WHERE|ORDER BY|GROUP BY|"
                 r"ON CONFLICT|CASE WHEN|JOIN|FROM|VALUES|DROP|ATTACH|DETACH|ROLLBACK|"
                 r"ESCAPE|LIKE|IS NOT|PRIMARY KEY|AND|IN|BEGIN IMMEDIATE|UNION ALL|"
                 r"ALTER TABLE|CASE|WHEN|select\s+\w+\s+from)\b|^\s*-- ", re.MULTILINE)
"""SQL is written with its keywords in capitals here; a piece of it may be a comment."""
DEVELOPER_ERRORS = {"ValueError", "TypeError", "AssertionError", "AttributeError",
                    "NotImplementedError", "RuntimeError", "KeyError", "MigrationError"}
"""Exceptions that say a programming error, in the developers' English."""
LOGGERS = {"logger", "logging", "log"}
MACHINE_TEXTS = {
    ("backup.py", "*** in database"): "a prefix of SQLite's own report, matched",
    ("light_db.py", "query() can only be used with SQL that returns rows - use execute() for "
                    "other statements"): "sqlite-utils' own message to a developer",
    ("schema_steps.py", "Migration '' is already registered in set ''"):
        "a developer's mistake in the schema steps",
}
"""Texts of two words that no person reads, by module and literal words."""


def modules() -> list[Path]:
    root = build.ROOT / "pos_prompter"
    return [*sorted((root / "store").glob("*.py")), root / "core" / "auth.py",
            root / "bootstrap.py"]


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _words(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "" for v in node.values)
    return None


def english_sentences(path: Path) -> list[str]:
    """`file:line: text` of each two-word text in `path` that is not marked for the
    catalog and not for machines or developers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    spared: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):  # docstrings, and a text alone after an assignment
            for statement in body:
                if isinstance(statement, ast.Expr) and _words(statement.value) is not None:
                    spared.add(id(statement.value))
        if isinstance(node, ast.Call):
            owner = node.func.value if isinstance(node.func, ast.Attribute) else None
            marked = _name(node.func) == "QT_TRANSLATE_NOOP"
            logged = isinstance(owner, ast.Name) and owner.id in LOGGERS
            developer = _name(node.func) in DEVELOPER_ERRORS
            if marked or logged or developer:
                spared.update(id(sub) for arg in node.args for sub in ast.walk(arg))
        if isinstance(node, ast.Assert) and node.msg is not None:
            spared.update(id(sub) for sub in ast.walk(node.msg))
        if isinstance(node, ast.JoinedStr):  # its pieces are read with it
            spared.update(id(value) for value in node.values)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        text = _words(node) if isinstance(node, ast.expr) else None
        if text is None or id(node) in spared or SQL.search(text):
            continue
        one_word = isinstance(node, ast.JoinedStr) and WORD.search(text)
        if not (SENTENCE.search(text) or one_word):
            continue
        if (path.name, text) not in MACHINE_TEXTS:
            found.append((node.lineno, f"{path.name}:{node.lineno}: {text[:70]!r}"))
    return [line for _number, line in sorted(found)]


def test_the_store_s_sentences_are_all_marked_for_the_catalog() -> None:
    scanned = modules()
    assert len(scanned) > 20
    left = [line for path in scanned for line in english_sentences(path)]
    assert not left, "English-only sentences for people:\n" + "\n".join(left)


def test_the_scan_finds_raised_returned_and_listed_english(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""A module\'s docstring, never read by a person at the till."""\n'
        "def f(path, problems, exc):\n"
        "    '''A docstring.'''\n"
        "    if not path:\n"
        "        raise StoreError(f'{path} is gone for good')\n"
        "    problems.append('a barcode is given twice')\n"
        "    logger.warning('could not read the store %s', path)\n"
        "    raise ValueError(f'not a catalog column: {exc}')\n"
        "    db.execute('SELECT name FROM staff WHERE id = ?', [1])\n"
        "    ok = QT_TRANSLATE_NOOP('store', '{path} is gone for good').format(path=path)\n"
        "    return f'{path} cannot be read ({exc})' if exc else 'PIN'\n", encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in english_sentences(sample)] == [
        "' is gone for good'", "'a barcode is given twice'", "' cannot be read ()'"]
