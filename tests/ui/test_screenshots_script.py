"""The README's "What it looks like" pictures are made by bench/screenshots.py from the real
app: run it into a folder of the test's own and check it made each picture, small enough
to keep in the repository."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
PICTURES = {"till-light.png": (1280, 800), "till-dark.png": (1280, 800),
            "till-1024.png": (1024, 768), "workspace-1024.png": (1024, 768)}


@pytest.mark.slow
def test_the_screenshot_script_makes_each_picture_under_200_kb(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "screenshots.py"),
                           str(tmp_path)], capture_output=True, text=True, timeout=180,
                          check=False)
    assert done.returncode == 0, done.stderr
    for name, size in PICTURES.items():
        picture = tmp_path / name
        assert picture.stat().st_size < 200_000, name
        image = QImage(str(picture))
        assert (image.width(), image.height()) == size, name
    light, dark = QImage(str(tmp_path / "till-light.png")), QImage(str(tmp_path / "till-dark.png"))
    assert light.pixelColor(5, 400).lightness() > 200, "the light till is light"
    assert dark.pixelColor(5, 400).lightness() < 60, "the dark till is dark"
