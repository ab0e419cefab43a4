"""PyInstaller runtime hook, in place of PyInstaller's own for PySide6 (pyi_rth_pyside6).

Runs before the app's first line, at every start of the built app. It tells Qt where the
app's plugins are, as PyInstaller's hook does, and nothing more: that hook also imported
PySide6.QtCore at every start, only to find that PySide6 had already made the embedded
qt.conf it would have made (PySide6's wheels make their own as QtCore loads). The import
cost every command ~60 ms before its first line (`pos-prompter --help`, `report`,
`simulate`: none of them shows a window); the window imports QtCore itself.

Left out with reason: the QML import path (the app has no QML), the PATH entry for
QtNetwork's OpenSSL on Windows (QtNetwork is not in the app), the guard against a second Qt
binding (the spec collects PySide6 alone).
"""

import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(
    sys._MEIPASS,  # type: ignore[attr-defined]  # (set by PyInstaller)
    *(("PySide6",) if sys.platform.startswith("win") else ("PySide6", "Qt")), "plugins")
