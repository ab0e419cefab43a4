"""Opening practice mode at chain size: the practice store made, refreshed, and the practice
till's cold start, each against a baseline measured in the same run.

    .venv/bin/python bench/bench_practice_open.py                # 100,000 products, 20,000 rules
    .venv/bin/python bench/bench_practice_open.py --quick        # 2,000 products, 200 rules
    .venv/bin/python bench/bench_practice_open.py --db DIR/s.db  # on a copy of that store

Issue 9's target: opening practice mode, practice store refresh included, in under 2 s on the
store of 100,000 products and 20,000 rules (generated as bench_workspace_open.py does, or a
copy of --db). The real store is a file in a temporary folder; its practice store is the
`.training.db` beside it (pos_prompter/practice/practice_store.py).

(a) The first time: `ensure_practice_store(real)` with no practice store (it and its -wal
    and -shm deleted before each run, untimed), against `copy_store(real, copy)` (the copy
    deleted before each run): SQLite's backup of the whole file, the least a copy costs.
(b) A refresh: `refresh_practice_store(real)` on a practice store holding 50 practice runs
    (each refresh is checked to keep all 50), against the same `copy_store`. Twice: with
    nothing published in the real store since the last refresh (its catalog and rules are
    not copied again, only staff and settings), and after a publish (a setting changed in
    the real store before each run, untimed: everything is copied).
(c) Cold start to a practice till ready to scan, in a fresh process, refresh included:
    `refresh_practice_store(real)`, then what `pos-prompter --training --db REAL` does before
    `app.exec()`: `application()`, `open_store(real, training=True)`,
    `build_window(store, training=True)` (the practice bar, bubble and scorecard), until the
    window is exposed, painted once and the scan field has the focus (bench/_startup.py, the
    condition bench_startup.py uses). Against the real till's cold start on the real store
    (_startup.CHILD_TILL), in the same run. Both with the store's clerk selling. Twice, as
    in (b): nothing published since the last refresh, and after a publish.

Runs alternate ours / baseline (rotating which goes first in (a) and (b)); (c) starts with
one untimed warm-up of each. With 10 runs, p99 is the slowest run. Times in ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _startup import CHILD_COMMON, CHILD_TILL, READY, child_env, run_child  # noqa: E402
from _stats import header, report, summary, verdict  # noqa: E402

from pos_prompter.practice.practice_store import (  # noqa: E402
    ensure_practice_store,
    practice_store_path,
    refresh_practice_store,
)
from pos_prompter.store import Store  # noqa: E402
from pos_prompter.store.practice import PracticeStore, RunRecord  # noqa: E402
from pos_prompter.store.store import copy_store  # noqa: E402

TARGET_S = 2.0
RUNS_KEPT = 50
FULL = {"products": 100_000, "rules": 20_000, "runs": 10, "starts": 10}
QUICK = {"products": 2_000, "rules": 200, "runs": 3, "starts": 2}

CHILD_PRACTICE = CHILD_COMMON + READY + """\
from pathlib import Path

from pos_prompter.practice.practice_store import refresh_practice_store

real = Path(sys.argv[1])
t = time.perf_counter()
refreshed = refresh_practice_store(real)
refresh_ms = (time.perf_counter() - t) * 1e3
copied = int(refreshed.catalog_copied)

from pos_prompter.app import application, build_window, open_store
from pos_prompter.bootstrap import DEFAULT_CLERK

app = application()
store = open_store(real, training=True)
window = build_window(store, training=True, clerk=DEFAULT_CLERK)
if window.practice is None or store.get_setting("training") is not True:
    sys.exit("not practice mode")
wait_ready(app, window, window.scan_input,
           note=f" refresh {refresh_ms:.3f} kept {refreshed.runs_kept} copied {copied}")
window.close()
store.close()
"""
"""Practice mode after a refresh: the ready line also says how long the refresh took (ms),
how many practice runs it kept and whether it copied the catalog and rules (1) or found
them unchanged (0)."""


def remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        p.unlink(missing_ok=True)


def timed_ms(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1e3


def make_real(path: Path, products: int, rules: int, db: Path | None) -> str:
    if db is not None:
        copy_store(db, path)
        return f"copied from {db}"
    from bench_workspace_reload import make_store

    make_store(path, products, rules)
    return "generated"


def publish(real: Path) -> None:
    """A published change in the real store (a setting), so the next refresh copies all."""
    with Store.open(real) as store:
        store.set_settings({"bench_publish": store.publish_revision()})


def counts(path: Path) -> tuple[int, int]:
    with Store.open(path) as store, store.snapshot():
        return (store.db.execute("SELECT COUNT(*) FROM products").fetchone()[0],
                store.db.execute("SELECT COUNT(*) FROM rules").fetchone()[0])


def record_runs(practice: Path, n: int) -> None:
    """`n` finished practice runs in the practice store, as the window saves them."""
    start = dt.datetime(2026, 11, 23, 9, 0)
    with Store.open(practice) as store:
        runs = PracticeStore(store)
        for i in range(n):
            runs.record_run(RunRecord(
                trainee="clerk", scenario_id=f"bench-{i % 5}", scenario_title="Bench",
                started_at=start + dt.timedelta(minutes=10 * i), seconds=300, points=8,
                possible=10, score=80, pass_score=70, passed=True,
                details=[{"customer": "c1", "points": 8, "possible": 10}]))


def alternate(runs: int, ours: Callable[[], float],
              base: Callable[[], float]) -> tuple[list[float], list[float]]:
    """`runs` timings of each, alternating, rotating which goes first; a full collection
    (untimed) before each."""
    a: list[float] = []
    b: list[float] = []
    for rep in range(runs):
        order = [(ours, a), (base, b)] if rep % 2 == 0 else [(base, b), (ours, a)]
        for fn, into in order:
            gc.collect()
            into.append(fn())
    return a, b


def run(cfg: dict[str, int], db: Path | None, quick: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-practice-open-") as tmp:
        real = Path(tmp) / "store.db"
        t0 = time.perf_counter()
        made = make_real(real, cfg["products"], cfg["rules"], db)
        made_s = time.perf_counter() - t0
        products, rules = counts(real)
        practice = practice_store_path(real)
        copy = Path(tmp) / "copy.db"
        header("opening practice mode: the practice store made, refreshed, and the practice "
               "till's cold start", [
                   f"{products:,} products, {rules:,} rules ({made}, {made_s:.1f} s; "
                   f"{real.stat().st_size / 1e6:.0f} MB); {cfg['runs']} runs of (a) and (b), "
                   f"{cfg['starts']} cold starts of each in (c), alternating",
                   "baselines: copy_store of the same file for (a) and (b), the real till's "
                   "cold start for (c)"])
        env = child_env()

        # (a) the first time
        def create() -> float:
            remove(practice)
            return timed_ms(lambda: ensure_practice_store(real))

        def backup() -> float:
            remove(copy)
            return timed_ms(lambda: copy_store(real, copy))

        made_ms, copy_a = alternate(cfg["runs"], create, backup)
        if counts(practice) != (products, rules):
            raise RuntimeError(f"the practice store has {counts(practice)}, not the real "
                               f"store's {(products, rules)}")
        report("(a) the practice store made the first time: ensure_practice_store", "ms",
               made_ms, copy_a, "copy_store (backup)")

        # (b) a refresh keeping the practice runs: nothing published, then after a publish
        record_runs(practice, RUNS_KEPT)
        kept: list[int] = []

        def refresh(after_publish: bool) -> float:
            if after_publish:
                publish(real)
            t = time.perf_counter()
            result = refresh_practice_store(real)
            ms = (time.perf_counter() - t) * 1e3
            if result.created or result.products != products:
                raise RuntimeError(f"not a refresh of {products} products: {result}")
            if result.catalog_copied is not after_publish:
                raise RuntimeError(f"catalog copied {result.catalog_copied} "
                                   f"{'after' if after_publish else 'without'} a publish")
            kept.append(result.runs_kept)
            return ms

        refresh_practice_store(real)  # whatever (a) left: from here on, nothing new
        same_ms, copy_b = alternate(cfg["runs"], lambda: refresh(False), backup)
        report(f"(b) a refresh of the practice store holding {RUNS_KEPT} practice runs, "
               "nothing published since the last: refresh_practice_store", "ms", same_ms,
               copy_b, "copy_store (backup)")
        published_ms, copy_b2 = alternate(cfg["runs"], lambda: refresh(True), backup)
        report("(b) the same after a publish in the real store (all copied)", "ms",
               published_ms, copy_b2, "copy_store (backup)")
        if set(kept) != {RUNS_KEPT}:
            raise RuntimeError(f"a refresh lost practice runs: kept {kept}")
        print(f"  practice runs kept by every refresh: {RUNS_KEPT} of {RUNS_KEPT}")

        # (c) cold start to the practice till, refresh included: nothing published since
        # the last refresh, and after a publish; the real till's cold start between them
        arg = [str(real)]
        run_child(CHILD_PRACTICE, arg, env)  # warm-ups, not counted
        run_child(CHILD_TILL, arg, env)
        ways = {False: Starts(), True: Starts()}
        till = Starts()
        for _ in range(cfg["starts"]):
            for after_publish, starts in ways.items():
                if after_publish:
                    publish(real)
                wall, inside, rest = run_child(CHILD_PRACTICE, arg, env)
                note = dict(zip(rest[::2], rest[1::2], strict=True))
                if int(note["kept"]) != RUNS_KEPT:
                    raise RuntimeError(f"the practice till's refresh kept {note['kept']} runs")
                if bool(int(note["copied"])) is not after_publish:
                    raise RuntimeError(f"the practice till's refresh copied {note['copied']}")
                starts.add(wall, inside, float(note["refresh"]))
                wall, inside, _ = run_child(CHILD_TILL, arg, env)
                till.add(wall, inside)
        for after_publish, starts in ways.items():
            what = "after a publish in the real store" if after_publish else \
                "nothing published since the last refresh"
            report(f"(c) cold start to the practice till ready to scan, refresh included, "
                   f"{what} (from Popen to the child's 'ready' line)", "ms", starts.wall,
                   till.wall, "real till")
            report("    the same, counted in the child from the first line of its script (no "
                   "interpreter start)", "ms", starts.inside, till.inside, "real till")
            print(f"  of which the refresh in the child: p50 "
                  f"{summary(starts.refresh)['p50']:.0f} ms, p99 "
                  f"{summary(starts.refresh)['p99']:.0f} ms; practice runs kept: {RUNS_KEPT}")

        print(f"\nIssue 9: opening practice mode, refresh included, under {TARGET_S:g} s at "
              f"{products:,} products / {rules:,} rules"
              + (" (--quick: a small store, not the issue's size)" if quick else ""))
        for after_publish, starts in ways.items():
            what = "after a publish" if after_publish else "nothing published"
            p50, p99 = summary(starts.wall)["p50"] / 1e3, summary(starts.wall)["p99"] / 1e3
            verdict(f"(c) practice till cold start incl. refresh, {what}, p50 (s)", p50,
                    TARGET_S)
            verdict(f"(c) practice till cold start incl. refresh, {what}, p99 (s)", p99,
                    TARGET_S)
            print(f"  => {what}: {'under' if p50 < TARGET_S else 'NOT under'} {TARGET_S:g} s "
                  f"at p50 ({p50:.2f} s), {'under' if p99 < TARGET_S else 'NOT under'} at "
                  f"p99 ({p99:.2f} s)")
        print(f"  (the real till alone: p50 {summary(till.wall)['p50'] / 1e3:.2f} s, p99 "
              f"{summary(till.wall)['p99'] / 1e3:.2f} s)")
    return 0


@dataclass
class Starts:
    """Cold starts of one kind: ms from Popen, ms inside the child, ms of its refresh."""

    wall: list[float] = field(default_factory=list)
    inside: list[float] = field(default_factory=list)
    refresh: list[float] = field(default_factory=list)

    def add(self, wall: float, inside: float, refresh: float | None = None) -> None:
        self.wall.append(wall)
        self.inside.append(inside)
        if refresh is not None:
            self.refresh.append(refresh)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="2,000 products, 200 rules, 3 runs, 2 cold starts")
    parser.add_argument("--db", type=Path, help="measure on a copy of this store instead")
    parser.add_argument("--runs", type=int, help="runs of (a) and (b) per way (default 10)")
    parser.add_argument("--starts", type=int, help="cold starts per way in (c) (default 10)")
    args = parser.parse_args(argv)
    cfg = dict(QUICK if args.quick else FULL)
    cfg["runs"] = args.runs or cfg["runs"]
    cfg["starts"] = args.starts or cfg["starts"]
    t0 = time.perf_counter()
    code = run(cfg, args.db, args.quick)
    print(f"\n(total {time.perf_counter() - t0:.1f} s)")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
