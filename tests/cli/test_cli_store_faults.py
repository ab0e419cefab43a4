"""The real command line on a store file it cannot use as usual (issue 11, points 7 and 8):
an empty file, a text file, a SQLite database of no store are one sentence and exit 2 for
every command, left byte for byte as they were; on a read-only folder or file the commands
that only read work, those that write are one sentence; a full disk, a file-size limit and
a store locked by another writer are one sentence each, with nothing half-saved. Each
fault is real (fault_support): read-only mounts or permissions, a tmpfs that fills up,
RLIMIT_FSIZE, a second SQLite connection holding the write lock."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from cli_support import SPEC_DIR, Result, build_store, query, run_subprocess
from fault_support import digest, fill, listing, read_only, run_limited, small_disk

SCRIPT = SPEC_DIR / "01-upsell-then-bundle.txt"
WRITE_COMMANDS = {
    "settings-change": ["settings", "store_name=Corner"],
    "import-rules": ["import", "rules", str(SPEC_DIR / "rules.yaml"), "--force"],
    "import-catalog": ["import", "catalog", str(SPEC_DIR / "catalog.csv")],
    "staff-disable": ["staff", "disable", "clerk"],
}
READ_COMMANDS = {  # what each prints of the cafe demo store
    "settings": (["settings"], "currency = "),
    "export-rules": (["export", "rules"], "rules:"),
    "staff-list": (["staff", "list"], "manager"),
    "audit": (["audit"], "cli:"),
    "report": (["report"], "Size up espresso drinks"),
    "lint": (["lint"], "0 errors"),
    "simulate-dry-run": (["simulate", str(SCRIPT), "--dry-run"], '"event"'),
}


def cli(db: Path, argv: list[str]) -> Result:
    return run_subprocess(*argv, "--db", db)


def one_sentence(result: Result, *needles: str) -> None:
    result.assert_clean_error(2, *needles)
    assert len(result.err.strip().splitlines()) == 1, result.err


@pytest.fixture(scope="module")
def cafe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cafe demo store, built once; tests copy it."""
    return build_store(tmp_path_factory.mktemp("cafe") / "cafe.db", demo="cafe")


@pytest.fixture
def shop(cafe: Path, tmp_path: Path) -> Path:
    """A copy of the cafe store in a folder of its own."""
    path = tmp_path / "shop" / "store.db"
    path.parent.mkdir()
    path.write_bytes(cafe.read_bytes())
    return path


# ---------------------------------------------------------------- files that are no store


ALL_COMMANDS = {**{name: argv for name, (argv, _) in READ_COMMANDS.items()},
                **WRITE_COMMANDS}


@pytest.mark.parametrize("argv", ALL_COMMANDS.values(), ids=ALL_COMMANDS.keys())
def test_an_empty_file_is_one_sentence_for_every_command_and_stays_empty(
        tmp_path: Path, argv: list[str]) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(b"")

    result = cli(path, argv)

    one_sentence(result, str(path), "empty (0 bytes)", f"pos-prompter init --db {path}")
    assert listing(tmp_path) == {"store.db": digest(path)}
    assert path.stat().st_size == 0


def test_init_leaves_an_empty_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(b"")
    one_sentence(cli(path, ["init", "--demo", "cafe"]), str(path), "already exists")
    assert listing(tmp_path) == {"store.db": digest(path)}


def _text(path: Path) -> None:
    path.write_text("sku,name,price\nLATTE,Latte,3.45\n", encoding="utf-8")


def _no_tables(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()


def _other_program(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts(name TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("make", "needle"), [
    (_text, "it is not a SQLite database"),
    (_no_tables, "without pos-prompter's tables"),
    (_other_program, "a SQLite database of another program"),
], ids=["text", "sqlite-without-tables", "other-program"])
@pytest.mark.parametrize("argv", [["settings"], ["lint"]], ids=["settings", "lint"])
def test_a_file_that_is_no_store_is_one_sentence_and_left_as_it_was(
        tmp_path: Path, make, needle: str, argv: list[str]) -> None:
    path = tmp_path / "store.db"
    make(path)
    before = listing(tmp_path)

    one_sentence(cli(path, argv), str(path), "not a", needle)
    assert listing(tmp_path) == before


# ---------------------------------------------------------------- read-only


@pytest.mark.parametrize(("argv", "shows"), READ_COMMANDS.values(),
                         ids=READ_COMMANDS.keys())
def test_a_read_only_folder_still_answers_commands_that_only_read(
        shop: Path, argv: list[str], shows: str) -> None:
    before = listing(shop.parent)
    with read_only(shop.parent):
        result = cli(shop, argv)
    assert result.code in (0, 1), result  # lint and simulate may find things: exit 1
    assert "error" not in result.err, result.err
    assert shows in result.out, result.out[:400]
    assert listing(shop.parent) == before


@pytest.mark.parametrize("argv", WRITE_COMMANDS.values(), ids=WRITE_COMMANDS.keys())
def test_a_read_only_folder_refuses_each_write_in_one_sentence(
        shop: Path, argv: list[str]) -> None:
    before = listing(shop.parent)
    with read_only(shop.parent):
        result = cli(shop, argv)
    one_sentence(result, str(shop), "is read-only", "nothing was saved")
    assert listing(shop.parent) == before


def test_a_read_only_store_file_is_read_without_a_wal_left_and_refuses_a_write(
        shop: Path) -> None:
    before = listing(shop.parent)
    with read_only(shop):
        shown = cli(shop, ["settings"])
        refused = cli(shop, ["settings", "store_name=Corner"])
    assert shown.code == 0, shown
    assert "store_name = cafe" in shown.out
    one_sentence(refused, str(shop), "is read-only")
    assert listing(shop.parent) == before  # no -wal or -shm beside it


# ---------------------------------------------------------------- full disk, size limit


def big_catalog(path: Path, count: int = 20000) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        out = csv.writer(file)
        out.writerow(["sku", "name", "price"])
        out.writerows([f"P{i:06d}", f"Product number {i} with a fairly long name", "1.25"]
                      for i in range(count))
    return path


def whole(db: Path) -> tuple[str, int, list[tuple[object, ...]]]:
    """The store's integrity, product count and settings, read behind the app's back."""
    return (query(db, "PRAGMA integrity_check")[0][0],
            query(db, "SELECT count(*) FROM products")[0][0],
            query(db, "SELECT key, value FROM settings ORDER BY key"))


@pytest.mark.slow
def test_a_full_disk_is_one_sentence_nothing_half_saved_and_reads_go_on(
        cafe: Path, tmp_path: Path) -> None:
    catalog = big_catalog(tmp_path / "big.csv")
    with small_disk(tmp_path / "disk", 2048) as disk:
        db = disk / "store.db"
        db.write_bytes(cafe.read_bytes())
        before = whole(db)
        stored = digest(db)
        filler = fill(disk, leave=300 * 1024)  # room to open the store, not to import

        result = cli(db, ["import", "catalog", str(catalog)])
        one_sentence(result, f"the disk is full where {db} is kept", "nothing was saved")
        assert "disk I/O error" not in result.err

        filler.unlink()
        filler = fill(disk)  # quite full: the store cannot even make its -shm file
        shown = cli(db, ["settings"])
        assert shown.code == 0, shown
        assert "store_name = cafe" in shown.out
        linted = cli(db, ["lint"])  # an in-memory copy, read past the -wal left empty
        assert linted.code == 0, linted
        one_sentence(cli(db, ["settings", "store_name=Corner"]), "is full")
        assert digest(db) == stored  # never written

        filler.unlink()
        assert whole(db) == before
        assert cli(db, ["settings", "store_name=Corner"]).code == 0  # space again
        assert query(db, "SELECT value FROM settings WHERE key = 'store_name'") == \
            [('"Corner"',)]


@pytest.mark.slow
def test_a_file_size_limit_is_one_sentence_and_nothing_half_saved(
        shop: Path, tmp_path: Path) -> None:
    catalog = big_catalog(tmp_path / "big.csv")
    before = whole(shop)
    stored = digest(shop)

    result = run_limited(["import", "catalog", str(catalog), "--db", str(shop)],
                         fsize=shop.stat().st_size + 256 * 1024)

    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: a file-size limit (ulimit -f) stopped the save "
                                    f"to {shop}: nothing was saved"), result.stderr
    assert digest(shop) == stored
    assert whole(shop) == before


# ---------------------------------------------------------------- locked


@pytest.mark.slow
def test_a_store_locked_by_another_writer_is_read_but_a_write_waits_then_says_busy(
        shop: Path) -> None:
    holder = sqlite3.connect(shop, isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode=WAL")
        holder.execute("BEGIN IMMEDIATE")  # another program's write, never finished
        shown = cli(shop, ["settings"])
        refused = cli(shop, ["settings", "store_name=Corner"])
    finally:
        holder.rollback()
        holder.close()
    assert shown.code == 0, shown
    one_sentence(refused, str(shop), "is busy", "nothing was saved")
    assert query(shop, "SELECT value FROM settings WHERE key = 'store_name'") == [('"cafe"',)]


@pytest.mark.slow
def test_a_disk_that_fills_during_simulate_keeps_every_event_it_printed(
        cafe: Path, tmp_path: Path) -> None:
    script = tmp_path / "many.txt"
    script.write_text("scan LATTE-T\nscan MUFFIN-BB\npay\n" * 300, encoding="utf-8")
    with small_disk(tmp_path / "disk", 2048) as disk:
        db = disk / "store.db"
        db.write_bytes(cafe.read_bytes())
        filler = fill(disk, leave=120 * 1024)  # some orders fit, not 300

        result = cli(db, ["simulate", str(script)])

        filler.unlink()
        assert result.code == 2, result
        assert result.err.startswith(f"error: {script} line "), result.err
        assert f"the disk is full where {db} is kept" in result.err
        events = result.events()
        paid = [e["order"] for e in events if e["event"] == "paid"]
        lines = {e["order"]: e["line"] for e in events if e["event"] == "line"}
        assert 0 < len(paid) < 300, len(paid)
        assert query(db, "PRAGMA integrity_check") == [("ok",)]
        assert [r[0] for r in query(db, "SELECT id FROM orders WHERE status = 'paid' "
                                        "ORDER BY id")] == paid
        for order, shown in lines.items():  # every line printed is in the store
            assert query(db, "SELECT count(*) FROM order_lines WHERE order_id = ?",
                         (order,))[0][0] >= shown


@pytest.mark.parametrize("argv", [["practice", "refresh"], ["--training", "simulate", str(SCRIPT)]],
                         ids=["practice-refresh", "training-simulate"])
@pytest.mark.parametrize("make", [lambda path: path.write_bytes(b""), _text],
                         ids=["empty", "text"])
def test_practice_on_a_file_that_is_no_store_says_what_it_is_and_makes_nothing(
        tmp_path: Path, argv: list[str], make) -> None:
    path = tmp_path / "store.db"
    make(path)
    before = listing(tmp_path)
    result = cli(path, argv)
    one_sentence(result, str(path), "not a usable store")
    assert "damaged" not in result.err  # it never was a store
    assert listing(tmp_path) == before  # no practice store beside it
