"""Issue 14, point 4 at 200% scaling (QT_SCALE_FACTOR=2) on a 2048x1536 screen: 1024x768
logical pixels. The real till in a process of its own (till_touch_scaled.py), in both
themes: every control a finger's size with a name, every key on screen, nothing clipped or
overlapping, text at 4.5:1 or better (touch_check.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_prompter.ui.style import DARK, LIGHT

HERE = Path(__file__).parent
SCREEN = {"screens": [{"name": "till", "x": 0, "y": 0, "width": 2048, "height": 1536,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


@pytest.mark.slow
@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_the_till_at_200_percent_keeps_every_control_whole(
        tmp_path: Path, cafe_store_path: Path, theme: str) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN), encoding="utf-8")
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               PYTHONPATH=os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]))
    env.pop("POS_PROMPTER_THEME", None)
    done = subprocess.run([sys.executable, str(HERE / "till_touch_scaled.py"),
                           str(cafe_store_path), theme], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["screen"] == [1024, 768]
    assert found["ratio"] == 2
    assert found["window"] == [1024, 768]
    assert found["prompt"]
    assert found["touch"] == []
    assert found["layout"] == []
    assert found["keys"] == []
    assert found["contrast"] == {}
