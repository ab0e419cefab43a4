"""Render the app icon's PNG sizes (and the Windows .ico) from resources/icons/pos-prompter.svg.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

The PNGs and the .ico are committed, so a build needs neither this script nor QtSvg; run it
again after changing the SVG. tests/packaging/test_icons.py checks they match the SVG.
"""

from __future__ import annotations

import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "pos-prompter.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 256)


def png_path(size: int, folder: Path = ICONS) -> Path:
    return folder / f"pos-prompter-{size}.png"


def render(size: int):  # -> QImage (Qt is imported here only)
    """The SVG drawn at `size` x `size` pixels, on a transparent background."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise ValueError(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def write_all(folder: Path = ICONS) -> list[Path]:
    """Write every PNG size and pos-prompter.ico into `folder`; the paths written."""
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    written = []
    for size in SIZES:
        path = png_path(size, folder)
        if not render(size).save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
        written.append(path)
    ico = folder / "pos-prompter.ico"
    ico.write_bytes(ico_bytes([png_path(size, folder).read_bytes() for size in ICO_SIZES],
                              ICO_SIZES))
    written.append(ico)
    return written


def ico_bytes(pngs: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """A Windows .ico holding the given PNGs (PNG entries: Windows Vista and later)."""
    import struct

    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in zip(sizes, pngs, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


if __name__ == "__main__":
    for written in write_all():
        sys.stdout.write(f"{written.relative_to(ICONS.parent.parent)}\n")
