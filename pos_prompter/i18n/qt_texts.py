"""Texts of Qt's own widgets that Qt's Spanish catalog (qtbase_es, installed by
i18n.install) leaves in English, in the contexts Qt asks for them: our catalog is installed
after Qt's, so it is asked first and fills the gaps. The file chooser (ui/widgets.py's
open_file_chooser, Qt's own dialog on every platform) showed "&Look in:", "Files of &type:"
and a drive's type "Drive" in English inside a Spanish window. Nothing imports this module:
lupdate reads it (build.TRANSLATED), and tests/ui/test_qt_texts_spanish.py checks the
dialog."""

from __future__ import annotations

from pos_prompter.i18n import QT_TRANSLATE_NOOP

FILE_DIALOG = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
)
