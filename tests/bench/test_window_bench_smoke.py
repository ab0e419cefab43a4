"""The window and start-up benchmarks still run: each with --quick, in its own process,
offscreen. They time nothing here; they must finish and print their ratio lines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("script", ["bench_window.py", "bench_startup.py"])
def test_the_benchmark_runs_and_prints_its_ratios(script: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--quick"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    ratios = [line for line in done.stdout.splitlines()
              if line.strip().startswith("ratio (ours / baseline): p50")]
    assert len(ratios) == 2, done.stdout
