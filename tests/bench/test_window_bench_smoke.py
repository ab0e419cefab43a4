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
@pytest.mark.parametrize(("script", "reports"), [
    # against bare Qt (slot, painted), bare Qt + commit (slot, painted), and at 60 Hz
    ("bench_window.py", 5),
    # the app, counted inside the child, the command, the till to its rules in force, the
    # bare window with Qt's enums built, the till against that
    ("bench_startup.py", 6),
])
def test_the_benchmark_runs_and_prints_its_ratios(script: str, reports: int) -> None:
    done = run_bench(script, "--quick")
    ratios = [line for line in done.stdout.splitlines()
              if line.strip().startswith("ratio (ours / baseline): p50")]
    assert len(ratios) == reports, done.stdout
    if script == "bench_startup.py":  # the Qt enums' toll, printed apart
        assert "The till against that window" in done.stdout, done.stdout


@pytest.mark.slow
def test_the_window_bench_floor_measures_two_more_tills() -> None:
    done = run_bench("bench_window.py", "--scans", "20", "--floor")
    floors = [line for line in done.stdout.splitlines()
              if line.strip().startswith("pos-prompter, no fsync")]
    assert len(floors) == 2, done.stdout
    assert all("x bare Qt to slot end" in line for line in floors), done.stdout


def run_bench(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / script), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.mark.slow
def test_the_startup_bench_times_a_store_it_is_given(tmp_path: Path) -> None:
    """`--db PATH`: a copy of that store (here a store over DEFER_PRODUCTS products is
    not built; any store does), the given file left as it was."""
    from pos_prompter.bootstrap import init_store

    store = tmp_path / "given.db"
    init_store(store, demo="shoes").close()
    before = store.read_bytes()

    done = run_bench("bench_startup.py", "--runs", "1", "--db", str(store))

    assert sum(line.strip().startswith("ratio (ours / baseline): p50")
               for line in done.stdout.splitlines()) == 6, done.stdout
    assert store.read_bytes() == before
    missing = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_startup.py"),
                              "--runs", "1", "--db", str(tmp_path / "none.db")],
                             cwd=ROOT, capture_output=True, text=True, timeout=60,
                             check=False)
    assert missing.returncode != 0  # the store given is the one timed


@pytest.mark.slow
def test_the_startup_bench_times_another_checkout_in_the_same_rounds(tmp_path: Path) -> None:
    """`--against DIR`: the till of another checkout (here this one again) is timed in the
    same rounds and set against this one's; a folder that is no checkout is refused."""
    done = run_bench("bench_startup.py", "--runs", "1", "--against", str(ROOT))

    assert "This checkout's till against the other's" in done.stdout
    assert sum(line.strip().startswith("ratio (ours / baseline): p50")
               for line in done.stdout.splitlines()) == 9, done.stdout
    refused = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_startup.py"),
                              "--runs", "1", "--against", str(tmp_path)],
                             cwd=ROOT, capture_output=True, text=True, timeout=60,
                             check=False)
    assert refused.returncode != 0
    assert "not a pos-prompter checkout" in refused.stdout + refused.stderr
