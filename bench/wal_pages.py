"""Which b-trees each till commit touches: WAL pages per commit, by table and index.

    .venv/bin/python bench/wal_pages.py [--products N] [--rules M] [--scans S]

A diagnostic for issue 11's bytes written per scan. Builds a generated store (generate.py)
on disk, opens it as a till does (Store.open: WAL, synchronous=FULL, 1 KB pages for a new
store) and plays generate.py's scan plan through the real Till, one commit per action. After
each action it reads the frames the action appended to the -wal file (a frame's 24-byte
header starts with its page number; a non-zero second field marks the commit's last frame)
and, at the end, maps every page number to the table or index that owns it with SQLite's
`dbstat` virtual table (page 1 is the file header and sqlite_master; a page in no b-tree
is on the freelist). Prints the mean pages per commit by b-tree for each kind of action:
a scan with no prompt, a scan that shows a prompt, an accept, a decline, a checkout, a pay.
`--window` logs prompts as the till window does (seen_prompts.ShownWhenSeen: a prompt's
'shown' row goes with the next commit once its card was seen; here, once the action that
raised it returned), instead of with the scan that raised it, as `simulate` does.
`--history DAYS` first gives the store's report tables the rows of that many past days
(`seed_history`), as a till that has been selling that long has them.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import struct
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _tillstore import build_store, open_till, write_bytes
from generate import NOW, Step, make_plan

from pos_prompter.seen_prompts import ShownWhenSeen

WAL_HEADER = 32
FRAME_HEADER = 24


_SALT: dict[Path, bytes] = {}
"""The salt of each WAL as last read (a new one after a reset)."""


def read_frames(wal: Path, start: int, page_size: int) -> tuple[list[list[int]], int]:
    """The commits in the WAL from byte `start` on (from its first frame if a checkpoint
    reset it since the last read), each as its frames' page numbers, and the offset after
    the last commit."""
    data = wal.read_bytes()
    salt = data[16:24]
    if salt != _SALT.get(wal):  # a checkpoint reset the WAL: its frames start again
        _SALT[wal] = salt
        start = WAL_HEADER
    commits: list[list[int]] = []
    pages: list[int] = []
    pos = end = max(start, WAL_HEADER)
    frame = FRAME_HEADER + page_size
    while pos + frame <= len(data):
        page_no, commit_size = struct.unpack(">II", data[pos:pos + 8])
        if data[pos + 8:pos + 16] != salt:
            break  # a frame left from before the reset
        pages.append(page_no)
        pos += frame
        if commit_size:
            commits.append(pages)
            pages = []
            end = pos
    return commits, end


HISTORY_RULES = 200
"""Rules shown (or held out) on each past day of `seed_history`."""
HISTORY_CLERKS = 6


def seed_history(path: Path, days: int, seed: int = 11) -> int:
    """The report tables' rows of `days` past days before generate.NOW, as the triggers
    would have left them at a till selling that long: per day, HISTORY_RULES rules drawn
    from the store's (a row each in report_prompts and one or two in report_uplift),
    HISTORY_CLERKS clerks and the hours 07-20 (report_prompts and report_orders). The
    figures are made up; where the rows lie in each table is what counts. Returns the
    rows added."""
    import random

    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    try:
        rules = [r for (r,) in conn.execute("SELECT id FROM rules")]
        prompts, orders, uplift = [], [], []
        for back in range(days, 0, -1):
            day = (NOW.date() - timedelta(days=back)).isoformat()
            for rule in rng.sample(rules, min(HISTORY_RULES, len(rules))):
                prompts.append(("rule", day, rule, 5, 2))
                uplift.append((rule, "shown", day, 5, 5_000, 5_000_000))
                if rng.random() < 0.2:
                    uplift.append((rule, "held_out", day, 1, 1_000, 1_000_000))
            keys = [("clerk", f"clerk{c}") for c in range(HISTORY_CLERKS)]
            keys += [("hour", f"{h:02d}") for h in range(7, 21)]
            for dim, key in keys:
                prompts.append((dim, day, key, 50, 20))
                orders.append((dim, day, key, 40, 40_000, 10))
        conn.executemany("INSERT INTO report_prompts(dim, day, key, shown, accepted) "
                         "VALUES (?, ?, ?, ?, ?)", prompts)
        conn.executemany("INSERT INTO report_orders(dim, day, key, orders, total_cents, "
                         "attached) VALUES (?, ?, ?, ?, ?, ?)", orders)
        past = "report_uplift_past" if conn.execute(  # m015: past days, keyed by rule
            "SELECT 1 FROM sqlite_master WHERE name = 'report_uplift_past'").fetchone() \
            else "report_uplift"
        conn.executemany(f"INSERT INTO {past}(rule_id, grp, day, orders, total_cents, "
                         "squares) VALUES (?, ?, ?, ?, ?, ?)", uplift)
        conn.commit()  # in day order, as the triggers add them (no VACUUM packing them)
    finally:
        conn.close()
    return len(prompts) + len(orders) + len(uplift)


def play(path: Path, plan: Sequence[Step], *, window: bool = False,
         ) -> tuple[dict[str, list[list[str]]], int, int, int, int]:
    """Play `plan`; each kind of action's commits (their pages' b-trees), the page size,
    the bytes written (/proc/self/io) during the actions and with the close's checkpoint,
    and how many distinct pages the commits wrote. `window`: prompts logged as the till
    window logs them."""
    store, till = open_till(path)
    if window:
        till.shown_when_seen = ShownWhenSeen()
    conn = store.db.conn
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wal = Path(f"{path}-wal")
    offset = 0
    by_kind: dict[str, list[list[int]]] = defaultdict(list)
    before = write_bytes()

    def record(kind: str) -> None:
        nonlocal offset
        commits, offset = read_frames(wal, offset, page_size)
        assert len(commits) == 1, (kind, len(commits))
        by_kind[kind].extend(commits)
        till.prompt_seen()  # its card is on screen before the next action (window only)

    for step in plan:
        if step.action == "scan":
            assert step.product is not None
            till.scan(step.product.barcodes[0])
            record("scan, prompt shown" if till.prompt is not None else "scan, no prompt")
            if step.answer and till.prompt is not None:
                getattr(till, step.answer)()
                record(step.answer)
        elif step.action == "checkout":
            till.checkout()
            record("checkout")
            if step.answer and till.prompt is not None:
                till.accept()
                record("accept")
        else:
            till.pay()
            record("pay")
    during = write_bytes() - before
    owners = page_owners(conn)
    store.close()
    closed = write_bytes() - before
    named = {kind: [[owners.get(p, "(free page)") for p in commit] for commit in commits]
             for kind, commits in by_kind.items()}
    distinct = len({p for commits in by_kind.values() for c in commits for p in c})
    return named, page_size, during, closed, distinct


def page_owners(conn: sqlite3.Connection) -> dict[int, str]:
    """Every page of the store by the b-tree that owns it (dbstat)."""
    owners = {pageno: name for name, pageno in conn.execute("SELECT name, pageno FROM dbstat")}
    owners[1] = "page 1 (header, sqlite_master)"
    return owners


ORDER = ("scan, no prompt", "scan, prompt shown", "accept", "decline", "checkout", "pay")


def table(by_kind: dict[str, list[list[str]]]) -> list[str]:
    """A markdown table: mean pages per commit by b-tree (rows) and action kind (columns)."""
    kinds = [k for k in ORDER if k in by_kind] + sorted(set(by_kind) - set(ORDER))
    means: dict[str, dict[str, float]] = {}
    for kind in kinds:
        counts: Counter[str] = Counter()
        for commit in by_kind[kind]:
            counts.update(commit)
        for name, n in counts.items():
            means.setdefault(name, {})[kind] = n / len(by_kind[kind])
    names = sorted(means, key=lambda n: -sum(means[n].values()))
    lines = ["| b-tree | " + " | ".join(kinds) + " |",
             "| --- |" + " --- |" * len(kinds),
             "| commits | " + " | ".join(str(len(by_kind[k])) for k in kinds) + " |"]
    for name in names:
        lines.append(f"| {name} | " + " | ".join(
            f"{means[name].get(k, 0):.2f}" if means[name].get(k) else "" for k in kinds)
            + " |")
    lines.append("| **pages per commit** | " + " | ".join(
        f"**{sum(len(c) for c in by_kind[k]) / len(by_kind[k]):.2f}**" for k in kinds) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--rules", type=int, default=2_000)
    parser.add_argument("--scans", type=int, default=1_000)
    parser.add_argument("--sql", action="append", default=[],
                        help="a statement run on the store before playing (a what-if: "
                             "'DROP INDEX ...'); may be given again")
    parser.add_argument("--window", action="store_true",
                        help="log prompts as the till window does (shown once seen)")
    parser.add_argument("--history", type=int, default=0, metavar="DAYS",
                        help="report-table rows of this many past days first")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wal-pages-") as tmp:
        path = Path(tmp) / "store.db"
        ds, _built = build_store(path, args.products, args.rules)
        if args.history:
            seed_history(path, args.history)
        if args.sql:
            with sqlite3.connect(path) as conn:
                for statement in args.sql:
                    conn.execute(statement)
            conn.close()
        plan = make_plan(ds.shop, ds.rules, args.scans)
        with open(path, "rb+") as f:  # built pages on disk: each the run dirties counts
            os.fsync(f.fileno())
        by_kind, page_size, during, closed, distinct = play(path, plan,
                                                            window=args.window)
    how = "as the window logs them" if args.window else "as simulate logs them"
    past = f", report tables with {args.history} past days" if args.history else ""
    print(f"wal_pages: {args.products:,} products, {args.rules:,} rules, {args.scans:,} scans "
          f"of generate.py's plan, prompts {how}{past}; {page_size} B pages; mean WAL pages "
          "per commit")
    print()
    print("\n".join(table(by_kind)))
    every = [c for commits in by_kind.values() for c in commits]
    frames = sum(len(c) for c in every)
    print(f"\nall commits: {len(every):,}, {frames / len(every):.2f} pages each, "
          f"{frames * (page_size + FRAME_HEADER) / args.scans / 1024:.1f} KB of WAL per scan")
    print(f"distinct pages in those commits: {distinct:,} (each written again into the store "
          "at the next checkpoint)")
    print(f"written per scan (/proc/self/io write_bytes): {during / args.scans / 1024:.1f} KB "
          f"during the actions, {closed / args.scans / 1024:.1f} KB with the close's checkpoint")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
