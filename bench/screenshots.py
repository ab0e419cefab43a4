"""The README's "What it looks like" pictures, from the real app on a temporary cafe demo
store, offscreen on a 1024x768 screen:

    .venv/bin/python bench/screenshots.py [OUTPUT_FOLDER]   (default docs/screenshots)

- till-light.png, till-dark.png: the till at 1280x800 in each theme (ui/style.py), after
  the scans of resources/screenshots/make_screenshot.py (a muffin, a declined size-up of a
  hot chocolate, a cookie, then a Tall latte whose size-up is up), on a Monday morning;
- till-1024.png: the same till at 1024x768, light;
- workspace-1024.png: the 1024x768 screen once a manager signed in: the workspace at its
  narrowest on the left, the till beside it, its card under its order (window_place.py).

Each PNG is saved at the strongest compression; the script says each file's size and fails
over MAX_BYTES.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1024, 768)
MAX_BYTES = 200_000
SIZES = {"till-light.png": (1280, 800), "till-dark.png": (1280, 800),
         "till-1024.png": SCREEN}
MANAGER, MANAGER_PASSWORD = "manager", "demo-manager-pass"  # resources/demo/README.md


def _offscreen_screen(folder: Path) -> None:
    """An offscreen screen of SCREEN's size, before Qt loads."""
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "till", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ.pop("POS_PROMPTER_THEME", None)


def main(output: Path) -> int:
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _offscreen_screen(folder)
        sys.path.insert(0, str(ROOT / "resources" / "screenshots"))
        import make_screenshot as shots  # the README's other pictures: same scans, helpers
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtGui import QImage, QPainter

        from pos_prompter import app as till_app
        from pos_prompter.bootstrap import DEFAULT_CLERK, init_store
        from pos_prompter.core.order import FixedClock
        from pos_prompter.store.auth import StaffStore
        from pos_prompter.ui.style import DARK, LIGHT

        qapp = till_app.application()
        store = init_store(folder / "store.db", demo="cafe")
        saved: list[Path] = []
        try:
            window = till_app.build_window(store, clock=FixedClock(shots.MORNING),
                                           clerk=DEFAULT_CLERK)
            window.show()
            for code in shots.SCANS:
                if code == "decline":
                    window.decline_prompt()
                else:
                    window.scan_text(code)
            shots.read_out(window)
            for file, size in SIZES.items():
                window.set_theme(DARK if "dark" in file else LIGHT)
                window.setGeometry(0, 0, *size)
                shots.save(window, output / file)
                saved.append(output / file)
            window.set_theme(LIGHT)
            opened = QEventLoop()
            window.workspace_opened.connect(lambda _w: QTimer.singleShot(300, opened.quit))
            window.open_workspace(StaffStore(store).sign_in(MANAGER, MANAGER_PASSWORD),
                                  demo_password=False)
            opened.exec()
            workspace = window.workspace
            assert workspace is not None
            shots.settle()
            screen = QImage(*SCREEN, QImage.Format.Format_RGB32)
            screen.fill(0x303841)
            painter = QPainter(screen)
            for shown in (workspace, window):
                painter.drawImage(shown.geometry().topLeft(), shown.grab().toImage())
            painter.end()
            file = output / "workspace-1024.png"
            if not screen.save(str(file), "PNG", 0):
                raise OSError(f"could not write {file}")
            saved.append(file)
            workspace.close()
            shots.dispose(window)
        finally:
            store.close()
        qapp.processEvents()
    too_big = [f.name for f in saved if f.stat().st_size > MAX_BYTES]
    for file in saved:
        sys.stderr.write(f"saved {file} ({file.stat().st_size / 1000:.0f} KB)\n")
    if too_big:
        sys.stderr.write(f"over {MAX_BYTES / 1000:.0f} KB: {', '.join(too_big)}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
