"""No English-only sentence for people in the engine, the order and till logic and the
phrases they write (issue 14.3, L3): each module's syntax tree is read, so a new sentence
written as a plain literal or f-string (a refusal raised, a skip reason, a till error event,
an evidence line, a sentence returned) fails here instead of showing English to a Spanish
reader. Their sentences go through core.said's QT_TRANSLATE_NOOP."""

from __future__ import annotations

import ast
from pathlib import Path

from said_scan import SENTENCE, english_sentences

from pos_prompter.i18n import build

MODULES = ("core/engine.py", "core/rule_words.py", "core/uplift.py", "core/session.py",
           "core/order.py", "core/read_aloud.py", "core/reward_progress.py", "till.py",
           "seen_prompts.py")
SAID_BY = {"Skip", "_error", "Prompt"}
"""Calls whose first argument (or `reason`/`message` keyword) is a sentence for people."""
SAID_KEYWORDS = {"message", "reason"}
SAID_LISTS = {"evidence", "needs", "parts"}
"""Lists of sentences for people: what is appended to them is one."""
INTERNAL = {
    "order.py": ("order line index out of range", "is not after the order's last line",
                 "is not in the order as given", "is not in the order"),
}
"""Broken invariants of core.order (a bug, never a person's doing): they are for the log
and a bug report, in English."""


def _text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return f"{_text(node.left) or ''}{_text(node.right) or ''}" or None
    if isinstance(node, ast.IfExp):
        return f"{_text(node.body) or ''} {_text(node.orelse) or ''}".strip() or None
    return None


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else \
        func.attr if isinstance(func, ast.Attribute) else ""


def said_plainly(path: Path) -> list[str]:
    """`file:line: text` of each sentence given to a skip, an error event, an evidence
    list or a `return`, as a literal or f-string (not through QT_TRANSLATE_NOOP)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    values: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in SAID_BY:
                values += node.args[:1]
            values += [k.value for k in node.keywords if k.arg in SAID_KEYWORDS]
            owner = node.func.value if isinstance(node.func, ast.Attribute) else None
            if name in ("append", "extend") and _name(owner or node.func) in SAID_LISTS:
                values += node.args
        elif isinstance(node, ast.Return) and node.value is not None:
            values.append(node.value)
        elif isinstance(node, ast.Dict):
            values += [v for k, v in zip(node.keys, node.values, strict=True)
                       if isinstance(k, ast.Constant) and k.value in SAID_KEYWORDS]
    found = []
    for value in values:
        text = _text(value)
        if text is not None and SENTENCE.search(text):
            found.append(f"{path.name}:{value.lineno}: {text[:60]!r}")
    return sorted(set(found))


def _allowed(line: str) -> bool:
    name = line.split(":", 1)[0]
    return any(internal in line for internal in INTERNAL.get(name, ()))


def test_the_engine_s_and_till_s_sentences_all_go_through_said() -> None:
    left = []
    for module in MODULES:
        path = build.ROOT / "pos_prompter" / module
        left += [line for line in english_sentences(path) + said_plainly(path)
                 if not _allowed(line)]
    assert not left, "sentences for people without QT_TRANSLATE_NOOP:\n" + "\n".join(left)


def test_the_scan_finds_each_way_of_writing_english(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(x):\n"
        "    a = Skip(f'the order total is below {x}')\n"
        "    b = Skip(QT_TRANSLATE_NOOP('skip', 'the rule is inactive'))\n"
        "    c = self._event('error', message='no open order')\n"
        "    evidence.append(f'{x} at its usual price')\n"
        "    d = {'message': 'empty scan'}\n"
        "    e = till._error('ok')\n"
        "    raise ValueError(f'line {x} is not in the order')\n"
        "    return 'at checkout' if x else 'any item'\n", encoding="utf-8")
    found = [line.split(": ", 1)[1] for line in said_plainly(sample)]
    assert found == ["'the order total is below '", "'no open order'",
                     "' at its usual price'", "'empty scan'", "'at checkout any item'"]
    assert [line.split(": ", 1)[1] for line in english_sentences(sample)] == [
        "'line  is not in the order'"]
