"""No visible literal left outside translate() in the translated modules (build.TRANSLATED,
a list that grows area by area)."""

from __future__ import annotations

from pathlib import Path

from source_scan import untranslated

from pos_prompter.i18n import build


def _modules() -> list[Path]:
    found = []
    for item in build.TRANSLATED:
        path = build.ROOT / item
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def test_translated_modules_show_no_text_without_translate() -> None:
    modules = _modules()
    assert len(modules) >= 13
    left = [line for module in modules for line in untranslated(module)]
    assert not left, "visible texts not through translate():\n" + "\n".join(left)


def test_the_scan_finds_literals_and_f_strings_and_spares_option_names(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "out(f'Created {db}')\n"
        "note('no scenarios yet')\n"
        "parser.add_argument('--db', help='the store file')\n"
        "parser.add_argument('--db', help=translate('cli', 'the store file'))\n"
        "label = QLabel('Total')\n"
        "button.setText(translate('ui', 'Pay') + ' (Enter)')\n"
        "out(translate('cli', 'ok') + '\\n')\n", encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in untranslated(sample)] == [
        "'Created '", "'no scenarios yet'", "'the store file'", "'Total'", "' (Enter)'"]
