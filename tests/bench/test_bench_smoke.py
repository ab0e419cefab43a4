"""Smoke runs of the benchmarks (bench/): each runs with --quick, exits 0 and prints its
ratios. They check that the benchmarks still run against the code, not how fast it is."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"

pytestmark = pytest.mark.slow


def run(*args: str, timeout: float = 40) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout, check=False)


@pytest.mark.parametrize("name", ["bench_engine", "bench_store", "bench_simulate", "bench_lint",
                                  "bench_rule_list", "bench_reload",
                                  "bench_workspace_reload", "bench_workspace_open",
                                  "bench_practice_generate", "bench_practice_open",
                                  "bench_report", "bench_whatif", "bench_suggest",
                                  "bench_import_orders", "bench_scan_writes",
                                  "bench_long_order", "bench_suggest_gap", "bench_hostile",
                                  "bench_rule_list_uplift", "bench_backup",
                                  "bench_catalog_page", "bench_report_layout",
                                  "bench_attach_rate"])
def test_bench_runs_quick_and_prints_ratios(name: str) -> None:
    result = run(str(BENCH / f"{name}.py"), "--quick")
    assert result.returncode == 0, result.stderr[-3000:]
    assert any("ratio" in line for line in result.stdout.splitlines()), result.stdout[-3000:]
    assert "machine: nproc" in result.stdout


def test_generate_writes_files_the_importers_accept(tmp_path: Path) -> None:
    out = tmp_path / "gen"
    result = run(str(BENCH / "generate.py"), "--out", str(out), "--products", "300",
                 "--rules", "60", "--scans", "50")
    assert result.returncode == 0, result.stderr[-3000:]
    db = tmp_path / "store.db"
    outputs = []
    for args in (["init"], ["import", "catalog", str(out / "catalog.csv")],
                 ["import", "rules", str(out / "rules.yaml")],
                 ["simulate", str(out / "script.txt"), "--dry-run"]):
        step = run("-m", "pos_prompter", *args, "--db", str(db))
        assert step.returncode == 0, (args, step.stderr[-3000:])
        outputs.append(step.stdout)
    assert "products: 300 added" in outputs[1]
    assert "rules: 60 added" in outputs[2]
    assert '"event":"prompt"' in outputs[3]
    assert '"event":"error"' not in outputs[3]


def test_soak_kill_runs_quick_and_loses_nothing() -> None:
    result = run(str(BENCH / "soak_kill.py"), "--quick", timeout=120)
    assert result.returncode == 0, (result.stdout[-3000:], result.stderr[-3000:])
    assert "machine: nproc" in result.stdout
    assert " kills, " in result.stdout
    assert "events acknowledged, 0 events lost" in result.stdout


def test_wal_pages_maps_each_commit_s_pages_to_b_trees() -> None:
    result = run(str(BENCH / "wal_pages.py"), "--products", "2000", "--rules", "200",
                 "--scans", "100")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "| order_lines |" in result.stdout, result.stdout
    assert "| orders |" in result.stdout
    assert "**pages per commit**" in result.stdout


def test_till_memory_prints_rss_of_both_windows_and_the_growth() -> None:
    result = run(str(BENCH / "bench_till_memory.py"), "--quick", timeout=180)
    assert result.returncode == 0, (result.stdout[-3000:], result.stderr[-3000:])
    out = result.stdout
    assert "machine: nproc" in out
    done = {line.split(":", 1)[0].strip(): json.loads(line.split(":", 1)[1])
            for line in out.splitlines() if line.strip().startswith("last run, ")}
    till, bare = done["last run, till"], done["last run, bare"]
    assert till["scans"] == bare["scans"] == bare["rows"] == 300  # the whole plan, both
    assert till["paid"] == bare["paid"] > 0
    assert till["prompts"] > 0
    assert till["accepted"] > 0
    assert till["declined"] > 0
    for figure in ("ready RSS", "ready peak", "100 scans RSS", "100 scans peak",
                   "growth 2nd 100 /1,000", "growth 3rd 100 /1,000"):
        assert any(line.strip().startswith(figure) and line.count(" MB") >= 2
                   for line in out.splitlines()), (figure, out[-3000:])
    assert "ratio (ours / bare PySide6): RSS ready " in out
