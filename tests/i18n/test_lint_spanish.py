"""Lint's findings in Spanish (issue 14.3): the real `pos-prompter lint` and `import rules`
under LANG=es_ES.UTF-8 say every finding from the Spanish catalog, `--json` stays lint's
English for machines; and a scan of lint's source, so a new English-only finding fails."""

from __future__ import annotations

import ast
import csv
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from pos_prompter.i18n import build

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "pos_prompter" / "core"
CAFE_CATALOG = ROOT / "resources" / "demo" / "cafe" / "catalog.csv"
LINT_SOURCES = [*sorted(CORE.glob("lint*.py")), CORE / "read_aloud.py"]
"""Lint's checks, and read_aloud, which words lint's too-long findings."""
LANGUAGE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
WORDS = re.compile(r"[A-Za-z]{2,}")


def rule(rule_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": "r-" + rule_id, "kind": "cross_sell", "title": f"Title {rule_id}",
            "say": "One more?", "when": {"scanned": {"sku": ["AMER-T"]}},
            "offer": {"add": ["CROISSANT"]}, "priority": 50, **fields}


PACK = [  # the cafe demo's catalog: COOKIE-OAT 2.25, MUG-TRAVEL 18.00, BEANS-HOLIDAY inactive
    rule("unknown-offer", offer={"add": ["NOPE"]}, priority=1),
    rule("inactive-fallback", offer={"add": ["BEANS-HOLIDAY", "COOKIE-OAT"]}, priority=2),
    rule("inactive-offer", offer={"add": ["BEANS-HOLIDAY"]}, priority=3),
    rule("ghost-trigger", when={"scanned": {"sku": ["GHOST"]}}),
    rule("dead-trigger", when={"scanned": {"sku": ["BEANS-HOLIDAY", "MOCHA-T"]}}, priority=4),
    rule("dead-only", when={"scanned": {"sku": ["BEANS-HOLIDAY"]}}),
    rule("no-tag", when={"scanned": {"tag": ["nothing-has-it"], "sku": ["CHAI-T"]}}),
    rule("no-category", when={"scanned": {"category": ["no-such-shelf"]}}),
    rule("refs", when={"scanned": {"sku": ["CAPP-T"]},
                       "order": {"has": ["sku:GHOST2", "sku:BEANS-HOLIDAY", "category:nope"],
                                 "lacks": ["sku:GHOST3"]}}),
    rule("top-size", kind="upsell", when={"scanned": {"sku": ["LATTE-V"]}},
         offer={"next_size": True}),
    rule("to-self", kind="upsell", when={"scanned": {"sku": ["MOCHA-G"]}},
         offer={"upgrade_to": "MOCHA-G"}),
    rule("to-cheaper", kind="upsell", when={"scanned": {"sku": ["CHAI-V"]}},
         offer={"upgrade_to": "CHAI-T"}, max_offer_ratio="2"),
    rule("loop-a", kind="upsell", when={"scanned": {"sku": ["CAPP-V"]}},
         offer={"upgrade_to": "MOCHA-V"}),
    rule("loop-b", kind="upsell", when={"scanned": {"sku": ["MOCHA-V"]}},
         offer={"upgrade_to": "CAPP-V"}),
    rule("dearer", kind="bundle", when={"scanned": {"sku": ["COCOA-T"]}},
         offer={"bundle": {"with": ["COOKIE-OAT"], "price": "9.00"}}),
    rule("no-saving", kind="bundle", when={"scanned": {"sku": ["COCOA-G"]}},
         offer={"bundle": {"with": ["COOKIE-OAT"], "price": "2.25"}}),
    rule("reward", kind="threshold", when={"event": "checkout"},
         offer={"threshold": {"order_total": "10.00", "reward": "COOKIE-OAT",
                              "reward_price": "3.00"}}, say="Spend {gap} more?"),
    rule("ratio", max_offer_ratio="3", when={"scanned": {"sku": ["CINN-ROLL"]}}),
    rule("blocked", when={"scanned": {"category": ["bakery"]}}, offer={"add": ["MUG-TRAVEL"]}),
    rule("expired", when={"scanned": {"sku": ["LATTE-G"]}, "time": {"to": "2020-01-01"}}),
    rule("no-day", when={"scanned": {"sku": ["LATTE-G"]},
                         "time": {"from": "2030-01-05", "to": "2030-01-06", "days": ["mon"]}}),
    rule("placeholders", say="A {size} one for your {item}? {attach_rate} say yes.",
         when={"scanned": {"sku": ["CAPP-G"]}}),
    rule("checkout-item", kind="bundle", when={"event": "checkout"},
         offer={"bundle": {"with": ["COOKIE-OAT"], "price": "2.00"}}, say="With your {item}?"),
    rule("long", say=" ".join(["word"] * 30), why="x" * 130,
         when={"scanned": {"sku": ["CAPP-G"]}}),
    rule("twin-a", when={"scanned": {"sku": ["MOCHA-T"]}}, offer={"add": ["MUFFIN-BB"]},
         priority=60),
    rule("twin-b", when={"scanned": {"sku": ["MOCHA-T"]}}, offer={"add": ["CINN-ROLL"]},
         priority=60),
    rule("same-a", when={"scanned": {"sku": ["AMER-G"]}}, offer={"add": ["MUFFIN-BB"]},
         priority=70),
    rule("same-b", when={"scanned": {"category": ["coffee"]}}, offer={"add": ["MUFFIN-BB"]},
         priority=71),
]


def _env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in LANGUAGE_VARS and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(values)
    return env


def _run(*args: object, lang: str = "es_ES.UTF-8") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pos_prompter", *map(str, args)],
                          capture_output=True, encoding="utf-8", env=_env(LANG=lang),
                          timeout=120, check=False)


def _spanish_pieces() -> list[str]:
    """The literal parts of every Spanish translation (split at its {fields})."""
    root = ET.parse(build.ts_path("es")).getroot()
    pieces = {part.casefold() for message in root.iter("message")
              for part in re.split(r"\{[a-z_]*\}", message.findtext("translation") or "")
              if len(part.strip()) >= 2}
    return sorted(pieces, key=len, reverse=True)


FIELDS = ("{attach_rate}", "{size}", "{item}", "{offer}", "{delta}", "{price}", "{gap}",
          "{qty_diff}", "{unit}", "{per_unit_saving}", "{saving}", "offer.add",
          "when.scanned.tag", "when.scanned.category", "category:nope", "say", "why", "mon",
          "category", "tag")  # when.scanned.{what}: a field, as the pack writes it
"""What findings name of a rule's own words (fields, placeholders, days), as the pack writes
them: taken out after the catalog's sentences, which name fields too."""


def english_left(text: str, data: list[str], pieces: list[str]) -> list[str]:
    """The words of `text` that are neither the catalog's Spanish nor the pack's data (its
    names first, so a name is not read as Spanish; its fields last)."""
    rest = text.casefold()
    for item in sorted(data, key=len, reverse=True):
        rest = rest.replace(item.casefold(), " ")
    for piece in pieces:
        rest = rest.replace(piece, " ")
    for field in FIELDS:
        rest = rest.replace(field, " ")
    return WORDS.findall(rest)


def data_of(pack: list[dict[str, Any]]) -> list[str]:
    """The names findings give as the pack and catalog write them: rule ids and titles,
    SKUs, product names, tags and categories."""
    data: set[str] = set()
    with CAFE_CATALOG.open(encoding="utf-8") as rows:
        data.update(row["name"] for row in csv.DictReader(rows))
    for raw in pack:
        data.update((raw["id"], raw["title"]))
        text = yaml.safe_dump(raw)
        data.update(re.findall(r"[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*", text))
    data.update({"nothing-has-it", "no-such-shelf", "nope"})
    return sorted(d for d in data if d)


@pytest.fixture(scope="module")
def cafe(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A cafe demo store (no sales) and the pack above, beside it."""
    build.build()
    folder = tmp_path_factory.mktemp("lint-es")
    db, pack = folder / "cafe.db", folder / "pack.yaml"
    assert _run("init", "--db", db, "--demo", "cafe", "--no-history", lang="C").returncode == 0
    pack.write_text(yaml.safe_dump({"version": 1, "rules": PACK}), encoding="utf-8")
    return db, pack


@pytest.mark.slow
def test_pos_prompter_lint_says_every_finding_in_spanish(cafe: tuple[Path, Path]) -> None:
    db, pack = cafe
    english = json.loads(_run("lint", "--db", db, pack, "--format", "json").stdout)
    assert len({f["code"] for f in english}) >= 25, sorted({f["code"] for f in english})
    shown = _run("lint", "--db", db, pack)
    assert shown.returncode == 1, shown.stderr
    lines = shown.stdout.splitlines()
    assert len(lines) == len(english) + 1, "one line per finding, then the count"
    assert lines[-1].endswith("avisos"), lines[-1]
    pieces, data = _spanish_pieces(), data_of(PACK)
    for line, finding in zip(lines[:-1], english, strict=True):
        assert finding["message"] not in line, line
        assert finding["fix"] not in line, line
        assert english_left(line, data, pieces) == [], (finding["code"], line)


def test_json_stays_lint_s_english_for_machines(cafe: tuple[Path, Path]) -> None:
    db, pack = cafe
    shown = json.loads(_run("lint", "--db", db, pack, "--format", "json").stdout)
    english = json.loads(_run("lint", "--db", db, pack, "--format", "json", lang="C").stdout)
    money = re.compile(r"[\d.,\xa0$]+")  # amounts follow the language's money style
    assert [{k: money.sub("", v) for k, v in f.items()} for f in shown] == \
        [{k: money.sub("", v) for k, v in f.items()} for f in english]
    assert any(f["message"].startswith("offer.add names NOPE, not in the catalog")
               for f in shown)


@pytest.mark.slow
def test_import_rules_says_its_warnings_in_spanish(cafe: tuple[Path, Path],
                                                   tmp_path: Path) -> None:
    db, _pack = cafe
    warned = [rule("expired", when={"scanned": {"sku": ["LATTE-G"]},
                                    "time": {"to": "2020-01-01"}})]
    pack = tmp_path / "warned.yaml"
    pack.write_text(yaml.safe_dump({"version": 1, "rules": warned}), encoding="utf-8")
    dry = _run("import", "rules", pack, "--db", db, "--dry-run", "--merge")
    assert dry.returncode == 0, dry.stderr
    assert "aviso: regla r-expired: when.time.to es 2020-01-01, en el pasado" in dry.stdout
    done = _run("import", "rules", pack, "--db", db, "--merge")
    assert done.returncode == 0, done.stderr
    [line] = [s for s in done.stderr.splitlines() if "expired" in s]
    assert line.startswith("aviso: regla r-expired: when.time.to es 2020-01-01")
    assert english_left(line, data_of(warned), _spanish_pieces()) == [], line


# ---------------------------------------------------------------- the source scan


def _is_marked(call: ast.AST) -> bool:
    return isinstance(call, ast.Call) and isinstance(call.func, ast.Name) \
        and call.func.id == "QT_TRANSLATE_NOOP"


def _literal_words(node: ast.expr) -> str:
    """The words written in a string or f-string (its fields left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(v.value for v in node.values
                        if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return ""


def english_sentences(source: str, name: str = "<source>") -> list[str]:
    """`name:line: text` of each sentence for people written without QT_TRANSLATE_NOOP: a
    finding's message or fix given as a literal or f-string (to add(...) or Finding(...)), a
    refusal raised with one, and any f-string with words or literal of two words or more
    that is neither a docstring nor a marked text."""
    tree = ast.parse(source)
    marked: set[int] = set()
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):  # its words are the f-string's, looked at whole
            docstrings.update(id(v) for v in node.values)
        if _is_marked(node):
            marked.update(id(arg) for arg in node.args)  # type: ignore[attr-defined]
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            docstrings.update(id(s.value) for s in node.body
                              if isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            told = {"add": node.args[2:4], "Finding": node.args[3:5]}.get(node.func.id, [])
            for arg in told:
                if isinstance(arg, ast.Constant | ast.JoinedStr | ast.BinOp):
                    found.append(f"{name}:{arg.lineno}: {node.func.id}() given "
                                 f"{ast.unparse(arg)[:60]}")
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and any(
                _literal_words(arg) for arg in node.exc.args):
            found.append(f"{name}:{node.lineno}: raised with {ast.unparse(node.exc)[:60]}")
        if id(node) in marked or id(node) in docstrings:
            continue
        if isinstance(node, ast.JoinedStr) and re.search(r"[A-Za-z]{2,}\s|\s[A-Za-z]{2,}",
                                                          _literal_words(node)):
            found.append(f"{name}:{node.lineno}: {ast.unparse(node)[:60]}")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}", node.value):
            found.append(f"{name}:{node.lineno}: {node.value[:60]!r}")
    return sorted(set(found))


@pytest.mark.parametrize("path", LINT_SOURCES, ids=lambda p: p.name)
def test_every_finding_lint_writes_is_marked_for_the_catalog(path: Path) -> None:
    assert english_sentences(path.read_text(encoding="utf-8"), path.name) == []


def test_the_scan_finds_an_english_only_finding() -> None:
    source = '''
def check(rule, add):
    """A docstring is no finding."""
    add("warning", "new-code", f"{rule.id} is wrong", "fix it")
    add("error", "other", QT_TRANSLATE_NOOP("lint", "{rule} is wrong").format(rule=1),
        QT_TRANSLATE_NOOP("lint", "fix it"))
    tail = " and it never fires"
    raise UserError(f"no rule {rule.id}")
'''
    found = english_sentences(source)
    assert found == [
        "<source>:4: 'fix it'",
        "<source>:4: add() given 'fix it'",
        "<source>:4: add() given f'{rule.id} is wrong'",
        "<source>:4: f'{rule.id} is wrong'",
        "<source>:7: ' and it never fires'",
        "<source>:8: f'no rule {rule.id}'",
        "<source>:8: raised with UserError(f'no rule {rule.id}')"], found
