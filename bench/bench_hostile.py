"""Hostile inputs of up to 1 MB refused by the real command line (issue 11: a refused hostile
input in under 5 s and 500 MB).

    .venv/bin/python bench/bench_hostile.py [--quick]

Into a temporary folder: a store made from the spec's example catalog and rules, and files
built to hurt (a 400-byte billion-laughs YAML pack; a pack of aliases just under the
expansion budget; 100,000 bad rules; 80,000 unknown fields; JSON nested 100,000 deep; a
field of a million characters; 5,000-digit numbers in a pack, a catalog, past orders and a
scan script; a catalog of a megabyte of bad prices). Each is given to its command in a
child process limited to 500 MB of address space (RLIMIT_AS), 3 runs: wall time and peak
memory (ru_maxrss of that child), the output's size, and the exit code, against
`pos-prompter --version` in the same run (the start-up every command pays). Targets: under
5 s and 500 MB for each; a refusal exits 1 or 2, never with "internal error".
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, run_sized, verdict

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "tests" / "cli" / "spec_examples"
LIMIT = 500 * 1024 * 1024
FULL = {"size": 1_000_000, "reps": 3}
QUICK = {"size": 100_000, "reps": 1}


def laughs() -> str:
    lines = ["settings:", '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"  {cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join([*lines, "  currency: *i", "version: 1", "rules: []"]) + "\n"


def near_budget(size: int) -> str:
    """Aliases that expand to just under the budget (10 values a character of the file): a
    1,000-item list used 9 times per 1,000 characters, the rest of the file a comment."""
    uses = size * 9 // 1000
    body = ("b: &b [" + ",".join(["x"] * 1000) + "]\nversion: 1\nrules: []\nc: ["
            + ",".join(["*b"] * uses) + "]\n")
    return body + "#" + "x" * max(size - len(body) - 2, 0) + "\n"


def files(size: int) -> dict[str, tuple[str, str, list[str]]]:
    """name -> (file name, text, command before the file)."""
    n = size // 10
    digits = "9" * 5000
    return {
        "billion laughs (400 B)": ("laughs.yaml", laughs(), ["lint"]),
        "aliases near the budget": ("budget.yaml", near_budget(size), ["lint"]),
        "bad rules": ("bad.yaml", "version: 1\nrules:\n" + "- {id: X}\n" * n, ["lint"]),
        "unknown fields": ("keys.yaml", "version: 1\nrules: []\n"
                           + "".join(f"k{i}: 1\n" for i in range(size // 12)), ["lint"]),
        "JSON nested deep": ("deep.json", "[" * (size // 2) + "]" * (size // 2), ["lint"]),
        "a field of 1 M characters": ("long.yaml", "version: 1\nrules:\n- id: '"
                                      + "x" * (size - 40) + "'\n", ["lint"]),
        "5,000-digit priority": ("prio.yaml", "version: 1\nrules:\n- id: r\n  priority: "
                                 + digits + "\n", ["lint"]),
        "5,000-digit price": ("cat.csv", f"sku,name,price\nA,A,{digits}\n",
                              ["import", "catalog"]),
        "bad prices (catalog)": ("cats.csv", "sku,name,price\n"
                                 + "".join(f"S{i},N,x\n" for i in range(size // 11)),
                                 ["import", "catalog"]),
        "5,000-digit order price": ("orders.csv", f"order_id,sku,qty,price\nO,LATTE-T,1,{digits}\n",
                                    ["import", "orders"]),
        "5,000-digit qty (script)": ("s.txt", f"scan LATTE-T\nqty {digits}\n", ["simulate"]),
        "year 1 (script)": ("t.txt", "time 0001-01-01T00:00\nscan LATTE-T\n", ["simulate"]),
    }


def run_child(args: list[str]) -> tuple[float, int, int, int, str]:
    """Wall seconds, peak KB (this child's ru_maxrss), exit code, output bytes and the
    first stderr line of one limited run."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "pos_prompter", *args], cwd=ROOT,
                                stdout=out, stderr=err, preexec_fn=limit)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        size = out.tell() + err.tell()
        err.seek(0)
        first = err.read(400).decode("utf-8", "replace").splitlines()[:1]
    return seconds, usage.ru_maxrss, proc.returncode, size, (first[0] if first else "")


def main(cfg: dict[str, Any]) -> int:
    header("hostile inputs refused by the command line", [
        f"inputs up to {cfg['size']:,} bytes, each in a child limited to 500 MB (RLIMIT_AS), "
        f"{cfg['reps']} run(s); baseline: pos-prompter --version"])
    folder = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    misses = 0
    try:
        db = folder / "spec.db"
        for argv in (["init", "--db", db], ["import", "catalog", SPEC / "catalog.csv", "--db", db],
                     ["import", "rules", SPEC / "rules.yaml", "--db", db]):
            subprocess.run([sys.executable, "-m", "pos_prompter", *map(str, argv)], cwd=ROOT,
                           check=True, capture_output=True)
        base = [run_child(["--version"])[0] for _ in range(cfg["reps"])]
        base_s = statistics.median(base)
        print(f"\n  {'input':28}{'bytes':>10}{'p50 s':>8}{'ratio':>8}{'peak MB':>9}"
              f"{'exit':>5}{'out B':>8}  first line")
        for name, (file_name, text, command) in files(cfg["size"]).items():
            path = folder / file_name
            path.write_text(text, encoding="utf-8")
            runs = []
            for _ in range(cfg["reps"]):
                store = folder / "run.db"
                shutil.copyfile(db, store)
                runs.append(run_child([*command, str(path), "--db", str(store)]))
            wall = statistics.median(r[0] for r in runs)
            peak_mb = max(r[1] for r in runs) / 1024
            code, size, first = runs[-1][2], runs[-1][3], runs[-1][4]
            print(f"  {name:28}{len(text.encode()):>10,}{wall:>8.2f}{wall / base_s:>7.1f}x"
                  f"{peak_mb:>9.0f}{code:>5}{size:>8,}  {first[:70]}")
            bad = wall >= 5 or peak_mb >= 500 or code not in (1, 2) or "internal error" in first
            misses += bad
        print()
        verdict("inputs over 5 s or 500 MB, or an internal error", misses, 1)
        print(f"  ratio: each input's p50 over --version's p50 ({base_s:.2f} s)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if misses else 0


def _run(cfg: dict[str, Any]) -> int:
    return main(cfg)


if __name__ == "__main__":
    runner: Callable[[dict[str, Any]], int] = _run
    sys.exit(run_sized(runner, QUICK, FULL, __doc__ or ""))
