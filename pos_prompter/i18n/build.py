"""Build and refresh the translations: `python -m pos_prompter.i18n build` compiles each
resources/i18n/pos_prompter_<code>.ts into this package's pos_prompter_<code>.qm (what the
set-up runs; a .qm newer than its .ts is left as it is); `... update` re-reads the
translated modules (TRANSLATED) with lupdate so new texts appear in the .ts, unfinished,
for a translator. Qt's own lrelease and lupdate come with PySide6-Essentials."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent.parent
TS_DIR = ROOT / "resources" / "i18n"
LANGUAGES = ("es",)
"""Languages with a .ts of their own (English is the source)."""

TRANSLATED: tuple[str, ...] = (
    "pos_prompter/i18n/argparse_texts.py",
    "pos_prompter/i18n/core_texts.py",
    "pos_prompter/i18n/audit_words.py",
    "pos_prompter/i18n/qt_texts.py",
    "pos_prompter/cli",
    "pos_prompter/ui/clerk_sign_in.py",
    "pos_prompter/ui/clerk_words.py",
    "pos_prompter/ui/customer_type.py",
    "pos_prompter/ui/prompt_panel.py",
    "pos_prompter/ui/status_line.py",
    "pos_prompter/ui/store_guard.py",
    "pos_prompter/ui/practice",
    "pos_prompter/ui/workspace/sign_in.py",
    "pos_prompter/ui/workspace/audit_view.py",
    "pos_prompter/ui/workspace/import_dialog.py",
    "pos_prompter/ui/workspace/suggestion_list.py",
    "pos_prompter/ui/workspace/whatif_panel.py",
    "pos_prompter/ui/workspace/window.py",
    "pos_prompter/ui/workspace/file_actions.py",
    "pos_prompter/ui/workspace/demo_banner.py",
    "pos_prompter/ui/workspace/discard_box.py",
    "pos_prompter/ui/workspace/rules",
    "pos_prompter/ui/workspace/preview.py",
    "pos_prompter/ui/workspace/product_picker.py",
    "pos_prompter/ui/workspace/field_touch.py",
    "pos_prompter/ui/workspace/rules_layout.py",
    "pos_prompter/ui/workspace/office_style.py",
    "pos_prompter/ui/workspace/page_table.py",
    "pos_prompter/ui/workspace/page_tabs.py",
    "pos_prompter/ui/workspace/page_work.py",
    "pos_prompter/ui/workspace/layout_memory.py",
    "pos_prompter/ui/workspace/workspace_load.py",
    "pos_prompter/ui/workspace/settings_page.py",
    "pos_prompter/ui/workspace/settings_form.py",
    "pos_prompter/ui/workspace/catalog_page.py",
    "pos_prompter/ui/workspace/staff_page.py",
    "pos_prompter/ui/workspace/report_view.py",
    "pos_prompter/ui/workspace/report_models.py",
    "pos_prompter/ui/charts.py",
    "pos_prompter/ui/till_window.py",
    "pos_prompter/ui/till_screen.py",
    "pos_prompter/ui/till_messages.py",
    "pos_prompter/ui/till_manager.py",
    "pos_prompter/ui/till_loads.py",
    "pos_prompter/ui/till_keys.py",
    "pos_prompter/ui/widgets.py",
    "pos_prompter/ui/order_model.py",
    "pos_prompter/ui/order_columns.py",
    "pos_prompter/ui/threshold_mark.py",
    "pos_prompter/ui/store_info.py",
    "pos_prompter/ui/barcode_sheet.py",
    "pos_prompter/ui/jobs.py",
    "pos_prompter/app.py",
)
"""The modules (files or folders) whose every visible text goes through translate():
lupdate reads these, and tests/i18n check them. It grows as areas are translated."""

MARKED: tuple[str, ...] = ("pos_prompter/core", "pos_prompter/store", "pos_prompter/till.py",
                          "pos_prompter/pack_files.py", "pos_prompter/imports.py",
                          "pos_prompter/practice", "pos_prompter/bootstrap.py")
"""Modules that write sentences for people without showing them (core.said marks each):
lupdate reads them too, and the window and command line say them (pos_prompter.i18n.say)."""

LUPDATE_SOURCES: tuple[str, ...] = TRANSLATED + MARKED
"""Everything lupdate reads for the catalog."""


def ts_path(code: str) -> Path:
    return TS_DIR / f"pos_prompter_{code}.ts"


def qt_tool(name: str) -> str:
    """The path of Qt's `name` (lrelease, lupdate) as PySide6 ships it, else one on PATH."""
    import PySide6

    exe = name + (".exe" if sys.platform == "win32" else "")
    shipped = Path(PySide6.__file__).resolve().parent / exe
    if shipped.is_file():
        return str(shipped)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"error: Qt's {name} is missing (it comes with PySide6-Essentials)")
    return found


def build(force: bool = False) -> list[Path]:
    """Compile every .ts that is newer than its .qm; the .qm files written."""
    written = []
    for code in LANGUAGES:
        source, target = ts_path(code), PACKAGE / f"pos_prompter_{code}.qm"
        if not source.is_file():  # an installed package: its .qm came with it
            continue
        if (not force and target.is_file()
                and target.stat().st_mtime_ns >= source.stat().st_mtime_ns):
            continue
        part = target.with_name(f".{target.name}.{os.getpid()}.part")
        subprocess.run([qt_tool("lrelease"), "-silent", str(source), "-qm", str(part)],
                       check=True)
        part.replace(target)  # atomic: a till starting meanwhile reads old or new, whole
        written.append(target)
    return written


def update() -> None:
    """Add the translated modules' new texts to each .ts (unfinished), drop gone ones."""
    sources = [str(ROOT / item) for item in LUPDATE_SOURCES]
    for code in LANGUAGES:
        subprocess.run([qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations",
                        "none", "-extensions", "py", *sources, "-target-language", code,
                        "-ts", str(ts_path(code))], check=True)


def fill(code: str, entries: Path, *, replace: bool = False) -> int:
    """Update the .ts of `code`, put in the translations listed in `entries` (JSON lines of
    {"context", "source", "translation"}) and build the .qm; the entries filled. Only
    unfinished entries are filled unless `replace`: a list kept from earlier never writes
    over a translation someone has changed since. Several engineers may run it at once: a
    lock beside the .ts makes them take turns."""
    import fcntl
    import json

    wanted = {}
    for line in entries.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            wanted[(entry["context"], entry["source"])] = entry["translation"]
    target = ts_path(code)
    with open(TS_DIR / f".{target.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        update()
        filled = fill_ts(target, wanted, replace=replace)
        update()  # lupdate writes the file back in its own layout
        build()
    return filled


def fill_ts(target: Path, wanted: dict[tuple[str, str], str], *, replace: bool = False) -> int:
    """Put the translations `wanted` ((context, source) -> text) into the .ts `target`: its
    unfinished entries, or any entry when `replace`; how many were filled."""
    import xml.etree.ElementTree as ElementTree

    tree = ElementTree.parse(target)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = wanted.get((name, message.findtext("source") or ""))
            element = message.find("translation")
            if translation is None or element is None:
                continue
            if not replace and element.get("type") != "unfinished" and element.text:
                continue
            element.text = translation
            element.attrib.pop("type", None)
            filled += 1
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return filled


def main(argv: list[str]) -> int:
    if argv[:1] == ["fill"] and len(argv) in (3, 4) and argv[3:] in ([], ["--replace"]):
        count = fill(argv[1], Path(argv[2]), replace="--replace" in argv)
        sys.stdout.write(f"filled {count} entries\n")
        return 0
    if argv[:1] == ["build"]:
        for path in build(force="--force" in argv):
            sys.stdout.write(f"built {path}\n")
        return 0
    if argv[:1] == ["update"]:
        update()
        return 0
    sys.stderr.write("usage: python -m pos_prompter.i18n build [--force] | update"
                     " | fill LANGUAGE ENTRIES.jsonl [--replace]\n")
    return 2
