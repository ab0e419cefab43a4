"""Small helpers the benchmarks share: robust summaries and a ratio against a baseline."""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any


def quantile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def summary(samples: Sequence[float]) -> dict[str, float]:
    return {"n": len(samples), "p50": statistics.median(samples), "p99": quantile(samples, 0.99),
            "max": max(samples)}


def report(title: str, unit: str, ours: Sequence[float], baseline: Sequence[float],
           baseline_name: str, name: str = "pos-prompter") -> dict[str, float]:
    """Print ours (`name`) and the baseline side by side with the ratios; return the
    figures."""
    a, b = summary(ours), summary(baseline)
    ratio50, ratio99 = a["p50"] / b["p50"], a["p99"] / b["p99"]
    print(f"\n{title}")
    print(f"  {'':28}{'n':>6}{'p50':>12}{'p99':>12}{'max':>12}")
    for row, s in ((name, a), (baseline_name, b)):
        print(f"  {row:28}{s['n']:>6}{s['p50']:>10.3f}{unit:>2}{s['p99']:>10.3f}{unit:>2}"
              f"{s['max']:>10.3f}{unit:>2}")
    print(f"  ratio (ours / baseline): p50 {ratio50:.2f}x, p99 {ratio99:.2f}x")
    return {"p50": a["p50"], "p99": a["p99"], "base_p50": b["p50"], "base_p99": b["p99"],
            "ratio_p50": ratio50, "ratio_p99": ratio99}


# ---------------------------------------------------------------- added for the bench_*.py


def machine() -> str:
    """One line about this machine: CPUs, CPU model, load, Python, platform."""
    import os
    import platform

    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    model = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next((ln.split(":", 1)[1].strip() for ln in f
                          if ln.startswith("model name")), model)
    except OSError:
        pass
    load = "/".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"nproc {cpus} ({model}), load {load}, Python {platform.python_version()} "
            f"({platform.python_implementation()}), {platform.platform()}")


def code_state() -> str:
    """Which code was measured: the commit, and whether pos_prompter/ had local changes
    (other work in progress changes the figures)."""
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, text=True,
                              capture_output=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "pos_prompter"],
                               cwd=root, text=True, capture_output=True,
                               check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"commit {head}" + (f", {len(dirty)} files changed in pos_prompter/ since"
                                if dirty else ", pos_prompter/ as committed")


def header(title: str, lines: Sequence[str]) -> None:
    """The short header every benchmark prints: what is measured, and on what."""
    print(f"== {title}")
    for line in lines:
        print(f"   {line}")
    print(f"   machine: {machine()}")
    print(f"   code: {code_state()}")


def ratio_of(a: Sequence[float], b: Sequence[float]) -> dict[str, float]:
    """p50 and p99 of `a` over those of `b`."""
    sa, sb = summary(a), summary(b)
    return {"p50": sa["p50"] / sb["p50"], "p99": sa["p99"] / sb["p99"]}


def verdict(what: str, value: float, limit: float) -> str:
    """One line: a figure against its target (below `limit` passes)."""
    mark = "ok  " if value < limit else "MISS"
    line = f"  [{mark}] {what}: {value:.2f} (target < {limit:g})"
    print(line)
    return line


def seconds(samples: Sequence[float]) -> str:
    """Median and spread of a few wall-clock samples, in seconds."""
    if len(samples) == 1:
        return f"{samples[0]:.3f} s"
    return (f"{statistics.median(samples):.3f} s (min {min(samples):.3f}, "
            f"max {max(samples):.3f}, n={len(samples)})")


def run_sized(run: Callable[[dict[str, Any]], int], quick: dict[str, Any],
              full: dict[str, Any], doc: str, argv: list[str] | None = None) -> int:
    """The command line of a bench with two sizes: `--quick` for a smoke run, otherwise
    the full one; prints the total time and returns the bench's exit code."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    code = run(dict(quick if args.quick else full))
    print(f"\n(total {time.perf_counter() - t0:.1f} s)")
    return code
