"""`pos-prompter import catalog FILE.csv --db PATH` (shared/spec/catalog.md)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from cli_support import SPEC_DIR, RunCli, query

import pos_prompter.cli.commands
from pos_prompter.core.catalog import gtin_check_digit

SPEC_CATALOG = SPEC_DIR / "catalog.csv"


def spec_rows() -> int:
    return len(SPEC_CATALOG.read_text("utf-8").strip().splitlines()) - 1


def products(db: Path) -> dict[str, tuple[str, int]]:
    return {sku: (name, price) for sku, name, price
            in query(db, "SELECT sku, name, price_cents FROM products")}


def test_import_good_catalog(cli: RunCli, empty_store: Path) -> None:
    result = cli("import", "catalog", SPEC_CATALOG, "--db", empty_store)
    assert result.code == 0, result.err
    assert result.out == f"products: {spec_rows()} added, 0 changed, 0 unchanged\n"
    assert result.err == ""
    assert products(empty_store)["LATTE-T"] == ("Latte Tall", 345)
    assert query(empty_store, "SELECT sku FROM barcodes WHERE code = '2100000000012'") == [
        ("LATTE-T",)]


def test_reimport_is_a_no_op(cli: RunCli, spec_store: Path) -> None:
    before = products(spec_store)
    result = cli("import", "catalog", SPEC_CATALOG, "--db", spec_store)
    assert result.code == 0, result.err
    assert result.out == f"products: 0 added, 0 changed, {spec_rows()} unchanged\n"
    assert products(spec_store) == before


def test_changed_file_updates_in_place(cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    text = SPEC_CATALOG.read_text("utf-8").replace("Latte Grande,3.95", "Latte Grande,4.05")
    text += "SCONE,Cheese Scone,2.95,,bakery,,,,,,\n"
    changed = tmp_path / "catalog.csv"
    changed.write_text(text, encoding="utf-8")
    result = cli("import", "catalog", changed, "--db", spec_store)
    assert result.code == 0, result.err
    assert result.out == f"products: 1 added, 1 changed, {spec_rows() - 1} unchanged\n"
    assert products(spec_store)["LATTE-G"] == ("Latte Grande", 405)
    assert products(spec_store)["SCONE"] == ("Cheese Scone", 295)


def test_reimport_keeps_order_history(cli: RunCli, spec_store: Path) -> None:
    script = SPEC_DIR / "02-decline-not-repeated.txt"
    assert cli("simulate", "--db", spec_store, script).code == 0
    lines_before = query(spec_store, "SELECT * FROM order_lines")
    assert lines_before
    assert cli("import", "catalog", SPEC_CATALOG, "--db", spec_store).code == 0
    assert query(spec_store, "SELECT * FROM order_lines") == lines_before


def test_bad_rows_refuse_the_whole_file(cli: RunCli, spec_store: Path, tmp_path: Path) -> None:
    before = products(spec_store)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "sku,name,price,barcodes\n"
        "LATTE-T,Latte Tall,9.99,\n"            # a good change: must not be stored either
        "NEW-1,New thing,1.234,\n"              # line 3: three decimals
        "NEW 2,,2.00,\n"                        # line 4: bad sku, empty name
        "NEW-3,Third,3.00,2100000000013\n",     # line 5: wrong check digit
        encoding="utf-8")
    result = cli("import", "catalog", bad, "--db", spec_store)
    result.assert_clean_error(1, "nothing was changed", "line 3, column price",
                              "line 4, column sku", "line 4, column name",
                              "line 5, column barcodes")
    assert result.out == ""
    assert products(spec_store) == before


def test_unknown_column_is_refused(cli: RunCli, empty_store: Path, tmp_path: Path) -> None:
    bad = tmp_path / "typo.csv"
    bad.write_text("sku,name,price,catgory\nA,Apple,1.00,fruit\n", encoding="utf-8")
    cli("import", "catalog", bad, "--db", empty_store).assert_clean_error(1, "catgory")
    assert products(empty_store) == {}


def test_at_most_50_problems_are_listed(cli: RunCli, empty_store: Path,
                                        tmp_path: Path) -> None:
    bad = tmp_path / "many.csv"
    bad.write_text("sku,name,price\n" + "".join(f"P{i},Thing,free\n" for i in range(80)),
                   encoding="utf-8")
    result = cli("import", "catalog", bad, "--db", empty_store)
    result.assert_clean_error(1, "line 2, column price")
    listed = [ln for ln in result.err.splitlines() if re.match(r"\s+line \d+", ln)]
    assert len(listed) == 50
    assert products(empty_store) == {}


def test_barcode_taken_by_another_product_is_refused(cli: RunCli, spec_store: Path,
                                                     tmp_path: Path) -> None:
    bad = tmp_path / "steal.csv"
    bad.write_text("sku,name,price,barcodes\nTEA,Tea,2.00,2100000000012\n", encoding="utf-8")
    cli("import", "catalog", bad, "--db", spec_store).assert_clean_error(
        1, "2100000000012", "LATTE-T")
    assert "TEA" not in products(spec_store)


def test_missing_file_exits_2(cli: RunCli, empty_store: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    cli("import", "catalog", missing, "--db", empty_store).assert_clean_error(
        2, str(missing), "does not exist")


def test_not_utf8_exits_2(cli: RunCli, empty_store: Path, tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("sku,name,price\nCREME,Crème brûlée,4.50\n".encode("latin-1"))
    cli("import", "catalog", latin1, "--db", empty_store).assert_clean_error(2, "not UTF-8")
    assert products(empty_store) == {}


def test_missing_store_exits_2(cli: RunCli, tmp_path: Path) -> None:
    cli("import", "catalog", SPEC_CATALOG, "--db", tmp_path / "none.db").assert_clean_error(
        2, "there is no store", "init")


def big_catalog(path: Path, n: int) -> Path:
    rows = []
    for i in range(n):
        body = f"29{i:010d}"
        rows.append(f"BIG-{i},Big thing {i},{i % 90 + 1}.25,{body}{gtin_check_digit(body)}\n")
    path.write_text("sku,name,price,barcodes\n" + "".join(rows), encoding="utf-8")
    return path


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_large_import_shows_progress_on_a_terminal(
        cli: RunCli, empty_store: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    n = pos_prompter.cli.commands.PROGRESS_MIN_PRODUCTS * 2 + 500
    source = big_catalog(tmp_path / "big.csv", n)
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    result = cli("import", "catalog", source, "--db", empty_store)
    assert result.code == 0
    assert result.out == f"products: {n} added, 0 changed, 0 unchanged\n"
    shown = terminal.getvalue()
    assert shown.startswith("\r")
    assert shown.endswith("100%\n")
    assert shown.count("\r") >= 3


def test_progress_is_silent_when_not_a_terminal(cli: RunCli, empty_store: Path,
                                                tmp_path: Path) -> None:
    n = pos_prompter.cli.commands.PROGRESS_MIN_PRODUCTS + 1
    result = cli("import", "catalog", big_catalog(tmp_path / "big.csv", n), "--db", empty_store)
    assert result.code == 0
    assert result.err == ""


def test_dry_run_lists_the_changes_and_writes_nothing(cli: RunCli, spec_store: Path,
                                                     tmp_path: Path) -> None:
    lines = SPEC_CATALOG.read_text("utf-8").splitlines()
    header = lines[0].split(",")
    sku_col, price_col = header.index("sku"), header.index("price")
    row = next(i for i, line in enumerate(lines) if line.split(",")[sku_col] == "LATTE-T")
    cells = lines[row].split(",")
    cells[price_col] = "3.95"
    lines[row] = ",".join(cells)
    new = [""] * len(header)
    new[sku_col], new[header.index("name")], new[price_col] = "TEA-NEW", "Rooibos", "2.80"
    lines.append(",".join(new))
    changed = tmp_path / "next.csv"
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = spec_store.read_bytes()

    result = cli("import", "catalog", changed, "--db", spec_store, "--dry-run")
    assert result.code == 0, result.err
    out = result.out.splitlines()
    assert out[0] == (f"next.csv: products 1 added, 1 changed, {spec_rows() - 1} unchanged "
                      "(dry run: nothing was changed)")
    assert out[out.index("added:") + 1] == "  TEA-NEW"
    assert out[out.index("changed:") + 1] == "  LATTE-T: price 3.45 \N{RIGHTWARDS ARROW} 3.95"
    assert spec_store.read_bytes() == before
    assert products(spec_store)["LATTE-T"] == ("Latte Tall", 345)
