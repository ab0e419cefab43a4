"""The translation sources and their build: every text of the translated areas is in the
Spanish .ts, translated, with the same placeholders; the .ts is what lupdate makes of the
source today; the build compiles it into the package."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pos_prompter import i18n
from pos_prompter.i18n import build

FIELDS = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)[sr]|%[sr]|%%")


def messages(ts: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(context, source, translation, its type) of every message in a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation.text,
                          translation.get("type")))
    return found


def test_every_text_of_the_translated_areas_has_a_finished_spanish_translation() -> None:
    found = messages(build.ts_path("es"))
    assert len(found) > 300, "the command line alone has over 300 texts"
    unfinished = [(c, s) for c, s, t, kind in found if kind is not None or not t]
    assert not unfinished, f"untranslated in pos_prompter_es.ts: {unfinished[:10]}"


def test_translations_keep_every_placeholder_of_their_source() -> None:
    wrong = [(s, t) for _, s, t, _ in messages(build.ts_path("es"))
             if sorted(FIELDS.findall(s)) != sorted(FIELDS.findall(t or ""))]
    assert not wrong, f"a placeholder is lost or added: {wrong[:5]}"


def test_the_ts_holds_exactly_what_lupdate_finds_in_the_translated_modules(
        tmp_path: Path) -> None:
    """A text added to a translated module and not to the .ts (or one gone from the code)
    fails here: `python -m pos_prompter.i18n update`, then translate the new entries."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(build.ts_path("es"), fresh)
    subprocess.run([build.qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-extensions", "py", *[str(build.ROOT / p) for p in build.LUPDATE_SOURCES],
                    "-target-language", "es", "-ts", str(fresh)], check=True)
    assert messages(fresh) == messages(build.ts_path("es"))


def test_build_compiles_the_ts_into_the_package_and_skips_an_up_to_date_one(
        built_catalogs: None) -> None:
    target = i18n.qm_path("es")
    assert target.parent == Path(build.__file__).parent
    assert target.read_bytes()[:16] == bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
    assert build.build() == [], "an up-to-date .qm is not rebuilt"


def test_build_main_says_how_to_call_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert build.main(["nonsense"]) == 2
    assert "usage: python -m pos_prompter.i18n build" in capsys.readouterr().err


def test_fill_puts_translations_into_unfinished_entries_only_unless_told(
        tmp_path: Path) -> None:
    """A list of translations kept from earlier never writes over one changed since."""
    ts = tmp_path / "x.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<TS version="2.1" language="es">\n'
                  "<context><name>core</name>\n"
                  "<message><source>new text</source>"
                  '<translation type="unfinished"></translation></message>\n'
                  "<message><source>old text</source>"
                  "<translation>texto mejorado</translation></message>\n"
                  "</context>\n</TS>\n", encoding="utf-8")
    wanted = {("core", "new text"): "texto nuevo", ("core", "old text"): "texto viejo"}
    assert build.fill_ts(ts, wanted) == 1
    assert [(s, t) for _, s, t, _ in messages(ts)] == [("new text", "texto nuevo"),
                                                       ("old text", "texto mejorado")]
    assert build.fill_ts(ts, wanted, replace=True) == 2
    assert [(s, t) for _, s, t, _ in messages(ts)][1] == ("old text", "texto viejo")
