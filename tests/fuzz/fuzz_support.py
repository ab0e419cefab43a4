"""Inputs for the fuzz tests: the cafe demo's own files, and hypothesis strategies that
mutate them (lines dropped, repeated, swapped, cut or garbled; fields replaced by hostile
values: huge numbers, unicode, NULs, deep nesting, YAML aliases) or give raw text."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from hypothesis import strategies as st

CAFE = Path(__file__).resolve().parents[2] / "resources" / "demo" / "cafe"
RULES_YAML = (CAFE / "rules.yaml").read_text(encoding="utf-8")
RULES_JSON = json.dumps(yaml.safe_load(RULES_YAML), indent=1)
CATALOG_CSV = (CAFE / "catalog.csv").read_text(encoding="utf-8")
SCENARIO_YAML = (CAFE / "scenarios" / "cafe-first-morning.yaml").read_text(encoding="utf-8")
SCRIPT_TXT = (CAFE / "demo-morning-rush.txt").read_text(encoding="utf-8")
ORDERS_CSV = (
    "order_id,sku,qty,price,time\n"
    "A1,LATTE-T,1,4.25,2026-11-02T08:10\nA1,CROISSANT,2,,2026-11-02T08:10\n"
    "A2,COCOA-T,1,3.75,2026-11-02T09:30\nB-7,MUG-TRAVEL,1,18.00,2026-11-03T15:01\n"
    "B-7,COOKIE-OAT,3,2.25,2026-11-03T15:01\n")
# ---------------------------------------------------------------------- hostile pieces

DIGITS = st.integers(min_value=20, max_value=6000).map(lambda n: "9" * n)
NESTED = st.integers(min_value=40, max_value=3000).flatmap(
    lambda n: st.sampled_from(["[" * n + "]" * n, "{a: " * n + "1" + "}" * n,
                               "- " * n + "x", '{"a":' * n + "1" + "}" * n]))
LAUGHS = st.just("&a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"&{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
    f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
    for i in range(8)))
ODD = st.sampled_from([
    "", " ", "-1", "0", "-0.00", "1e309", "NaN", "inf", "0x10", "1_000", "\uff11\uff12",
    "\u0663", "½",
    "0001-01-01T00:00", "9999-12-31T23:59", "2026-02-30T08:00", "25:61", "true", "null",
    "~", "[]", "{}", "'", '"', ",", "\t", "\x00", "\ufeff", "\u202e", "é" * 300,
    "💥" * 50, "a,b,\"c", "&x y", "*y", "!!python/object:os.system", "<<: *x", "? [a]",
    "--- ", "...", "%YAML 1.1", "#", "\\", "\r", "\u2028", "scan", "LATTE-T", "CROISSANT",
])
HOSTILE = st.one_of(ODD, DIGITS, DIGITS.map(lambda d: d + ".99"), DIGITS.map(lambda d: "-" + d),
                    st.text(max_size=40), NESTED, st.integers().map(str),
                    st.decimals(allow_nan=True, allow_infinity=True).map(str))


PLAUSIBLE = st.sampled_from([
    "1", "2", "3", "12", "0", "0.50", "3.10", "4.85", "18.00", "0.2", "1.5", "LATTE-G",
    "LATTE-T", "COOKIE-OAT", "MUG-TRAVEL", "CROISSANT", "2100000000029", "coffee", "bakery",
    "sweet|vegan", "true", "false", "2026-11-23T09:00", "2026-11-24T15:30", "06:00-11:00",
    "upsell", "cross_sell", "bundle", "threshold", "accept", "decline", "oz", "member",
    "Grande", "[LATTE-G]", "{category: [coffee]}", "fine", "scan", "pay", "",
])
"""Values a manager might really type: more of the inputs read, so the checks past the
first are fuzzed too."""


@st.composite
def mutated(draw: st.DrawFn, base: str, *, sep: str | None = None,
            gentle: bool = False) -> str:
    """`base` with a few line edits, and (with `sep`) fields of its lines replaced by
    hostile values; `gentle`: one or two fields replaced by plausible values, or data lines
    dropped, so that more of the inputs read and the checks past the first are reached."""
    lines = base.splitlines()
    values = PLAUSIBLE if gentle else HOSTILE
    for _ in range(draw(st.integers(min_value=1, max_value=2 if gentle else 6))):
        if not lines:
            lines = [draw(values)]
        at = draw(st.integers(min_value=1 if gentle and len(lines) > 1 else 0,
                              max_value=len(lines) - 1))
        op = draw(st.sampled_from(["field", "field", "drop"] if gentle else [
            "drop", "repeat", "swap", "cut", "garble", "field", "field", "field", "insert",
            "many"]))
        if op == "drop":
            del lines[at]
        elif op == "repeat":
            lines.insert(at, lines[at])
        elif op == "swap":
            other = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif op == "cut":
            lines[at] = lines[at][:draw(st.integers(min_value=0, max_value=len(lines[at])))]
        elif op == "garble":
            chars = list(lines[at])
            for _ in range(draw(st.integers(min_value=1, max_value=4))):
                where = draw(st.integers(min_value=0, max_value=len(chars)))
                chars[where:where + 1] = draw(st.text(min_size=0, max_size=3))
            lines[at] = "".join(chars)
        elif op == "field":
            lines[at] = _replace_field(draw, lines[at], sep, values)
        elif op == "insert":
            lines.insert(at, draw(HOSTILE))
        else:  # the same line many times over: long files
            lines[at:at + 1] = [lines[at]] * draw(st.integers(min_value=2, max_value=3000))
    ending = draw(st.sampled_from(["\n", "\r\n", "", "\n\n"]))
    return ("\r\n" if ending == "\r\n" else "\n").join(lines) + ending.strip("\r")


def _replace_field(draw: st.DrawFn, line: str, sep: str | None,
                   values: st.SearchStrategy[str]) -> str:
    value = draw(values)
    if sep == ",":
        cells = line.split(",")
        at = draw(st.integers(min_value=0, max_value=len(cells)))
        cells[at:at + 1] = [value]
        if values is HOSTILE and draw(st.booleans()):
            cells.extend([""] * draw(st.integers(min_value=0, max_value=200)))
        return ",".join(cells)
    if sep == ":" and ":" in line:
        key = line.split(":", 1)[0]
        if key.strip().startswith('"') and values is PLAUSIBLE:  # JSON: a JSON value
            return f"{key}: {json.dumps(value)}{',' if line.endswith(',') else ''}"
        return f"{key}: {value}"
    words = line.split(" ")
    at = draw(st.integers(min_value=0, max_value=len(words)))
    words[at:at + 1] = [value]
    return " ".join(words)


RAW = st.one_of(st.text(max_size=400), st.binary(max_size=400).map(
    lambda b: b.decode("utf-8", "replace")), NESTED, LAUGHS)
