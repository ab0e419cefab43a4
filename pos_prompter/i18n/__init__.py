"""Translations through Qt's system: `.ts` sources in resources/i18n/, `.qm` files built
by the set-up into this package (`python -m pos_prompter.i18n build`).

`translate(context, text)` is what every visible text goes through, in the window and on
the command line. It needs no QApplication: the loaded QTranslator is asked directly, so the
command line translates without starting a GUI. English is the source language: while it
is the language, nothing is loaded and Qt is not even imported (the command line's start
stays as it was). `use_language` loads another; `install` puts it (and Qt's own texts for
its standard buttons) on the QApplication, before any window.

Texts with values use named fields filled after translation, so a translator may move them:
`translate("cli", "Created {db}").format(db=path)`. Counted texts pick their form in Python
(`plural`), one form for 1 and one for the rest, which is what English and Spanish need.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos_prompter.core.language import SOURCE, choose_language, system_language
from pos_prompter.core.money import MoneyStyle, set_money_style
from pos_prompter.core.said import Said

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator

QM_PREFIX = "pos_prompter_"
"""A language's compiled catalog is QM_PREFIX + code + ".qm" in this package."""

_state: dict[str, Any] = {"language": SOURCE, "translator": None, "installed": []}


def translate(context: str, text: str) -> str:
    """`text` in the current language (itself when English or not in the catalog)."""
    translator = _state["translator"]
    if translator is None:
        return text
    found: str = translator.translate(context, text)
    return found or text


def say(text: object) -> str:
    """A sentence the core or store wrote (core.said.Said) in the current language, its
    parts filled in (a part that is a Said is said too); any other text as it is."""
    if not isinstance(text, Said):
        return str(text)
    if _state["translator"] is None:
        return str.__str__(text)
    fields = {name: say(value) if isinstance(value, Said) else value
              for name, value in text.fields.items()}
    template = translate(text.context, text.template) if text.context else text.template
    try:
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):  # a catalog text that lost a part: English
        return str.__str__(text)


def say_error(error: BaseException) -> str:
    """A refusal (UserError and kin) in the current language: its sentence as the core or
    store wrote it, said again here."""
    message = error.args[0] if len(error.args) == 1 else None
    return say(message) if isinstance(message, str) else str(error)


def plural(count: int, one: str, other: str, **fields: object) -> str:
    """The form of a counted text for `count` (both forms already translated), with
    `{n}` and `fields` filled in: plural(n, translate(c, "{n} rule"), translate(c, "{n} rules"))."""
    return (one if count == 1 else other).format(n=count, **fields)


def language() -> str:
    """The language texts are shown in now."""
    return str(_state["language"])


def qm_path(code: str) -> Path:
    """Where the compiled catalog of language `code` is (built by the set-up)."""
    from importlib.resources import files  # here: it imports tempfile, random and shutil,
    # which an English till's first screen never needs (issue 14.2)

    return Path(str(files("pos_prompter.i18n") / f"{QM_PREFIX}{code}.qm"))


def language_for(db: Path | None, *, environ: dict[str, str] | None = None) -> str:
    """The language for a run on the store at `db`: its `language` setting, else the
    system's (see core.language)."""
    setting = None
    if db is not None:
        from pos_prompter.store.settings_peek import peek_setting

        setting = peek_setting(db, "language")
    return choose_language(setting, system_language(environ))


def use_language(code: str) -> bool:
    """Show texts in `code` from now on, and money in its style; False (and English) when
    its catalog is missing, which only a set-up that did not build the translations
    leaves."""
    if code != SOURCE:
        from PySide6.QtCore import QTranslator

        translator = QTranslator()
        path = qm_path(code)
        if path.is_file() and translator.load(str(path)):
            _state.update(language=code, translator=translator)
            _translate_argparse(True)
            from pos_prompter.i18n.formats import money_style_for

            set_money_style(money_style_for(code))
            return True
    _state.update(language=SOURCE, translator=None)
    _translate_argparse(False)
    set_money_style(MoneyStyle())
    return code == SOURCE


def current_translator() -> QTranslator | None:
    """The loaded translator (None while English)."""
    translator: QTranslator | None = _state["translator"]
    return translator


def install(app: QCoreApplication) -> None:
    """Put the current language on `app` (call before any window is made): our catalog,
    so Qt's own `tr` calls find it too, and Qt's catalog for its standard texts (the
    buttons of a QDialogButtonBox, a QLineEdit's context menu)."""
    for old in _state["installed"]:
        app.removeTranslator(old)
    _state["installed"] = []
    ours = _state["translator"]
    if ours is None:  # English: nothing to put (and no Qt type named: issue 14.2)
        return
    from PySide6.QtCore import QLibraryInfo, QTranslator

    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{_state['language']}", folder):
        app.installTranslator(qt_own)
        _state["installed"].append(qt_own)
    app.installTranslator(ours)
    _state["installed"].append(ours)


def _translate_argparse(on: bool) -> None:
    """argparse's own texts ("usage:", "options", its errors) through our catalog."""
    import argparse
    import gettext

    if on:
        argparse._ = lambda text: (  # type: ignore[attr-defined]
            translate("argparse", text) if text else text)
        argparse.ngettext = lambda one, other, n: translate(  # type: ignore[attr-defined]
            "argparse", one if n == 1 else other)
    else:
        argparse._ = gettext.gettext  # type: ignore[attr-defined]
        argparse.ngettext = gettext.ngettext  # type: ignore[attr-defined]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """Marks `text` for the catalog where it is written (a table of names); it is
    translated where it is shown, with translate(context, text)."""
    return text
