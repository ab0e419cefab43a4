"""The app icon: the committed PNG sizes and .ico are the SVG as Qt draws it now
(packaging/render_icons.py), so a changed SVG cannot ship with stale PNGs."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("render_icons",
                                               ROOT / "packaging" / "render_icons.py")
assert _spec is not None
assert _spec.loader is not None
render_icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(render_icons)


def difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference of two same-size images' ARGB channels, 0..255."""
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    assert a.size() == b.size()
    total = sum(abs(x - y) for x, y in zip(a.constBits().tobytes(), b.constBits().tobytes(),
                                          strict=True))
    return total / (a.width() * a.height() * 4)


@pytest.mark.parametrize("size", render_icons.SIZES)
def test_committed_png_is_the_svg_drawn_at_its_size(qapp: object, size: int) -> None:
    committed = QImage(str(render_icons.png_path(size)))
    assert (committed.width(), committed.height()) == (size, size)
    assert committed.pixelColor(0, 0).alpha() == 0, "the tile's rounded corner is see-through"
    assert committed.pixelColor(size // 2, size - 1 - size // 16).name() != "#000000"
    assert difference(committed, render_icons.render(size)) < 1.0, (
        "run packaging/render_icons.py after changing the SVG")


def test_ico_holds_the_png_sizes_for_windows(tmp_path: Path, qapp: object) -> None:
    data = (render_icons.ICONS / "pos-prompter.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(render_icons.ICO_SIZES))
    for n, size in enumerate(render_icons.ICO_SIZES):
        side, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * n)
        assert side == (0 if size == 256 else size)
        image = QImage.fromData(data[offset:offset + length], "PNG")
        assert (image.width(), image.height()) == (size, size)
