"""`pos-prompter import catalog` of a file that leaves out optional columns, as a real
subprocess: a price update file `sku,name,price` changes the prices and keeps every
barcode (the till still scans the products); `--dry-run` lists only the price."""

from __future__ import annotations

from pathlib import Path

from cli_support import query, run_subprocess

PRICES = ("sku,name,price\n"
          "LATTE-T,Latte Tall,3.45\n"
          "LATTE-G,Latte Grande,4.05\n"
          "TEA,Tea,2.00\n")


def revision(db: Path) -> str:
    return query(db, "SELECT value FROM settings WHERE key = 'publish_revision'")[0][0]


def test_a_price_only_file_keeps_barcodes_and_the_dry_run_shows_only_the_price(
        spec_store: Path, tmp_path: Path) -> None:
    prices = tmp_path / "prices.csv"
    prices.write_text(PRICES, encoding="utf-8")
    before = dict(query(spec_store, "SELECT code, sku FROM barcodes"))
    assert before["2100000000029"] == "LATTE-G"

    dry = run_subprocess("import", "catalog", prices, "--db", spec_store, "--dry-run")
    assert dry.code == 0, dry.err
    assert "1 added, 1 changed, 1 unchanged" in dry.out, dry.out
    changed = dry.out.split("changed:\n", 1)[1].splitlines()[0]
    assert changed == "  LATTE-G: price 3.95 \N{RIGHTWARDS ARROW} 4.05", dry.out

    done = run_subprocess("import", "catalog", prices, "--db", spec_store)
    assert done.code == 0, done.err
    assert done.out == "products: 1 added, 1 changed, 1 unchanged\n"
    assert dict(query(spec_store, "SELECT code, sku FROM barcodes")) == before
    assert query(spec_store, "SELECT price_cents, category, family, size_rank, size_label, "
                             "unit_qty, unit, active FROM products WHERE sku = 'LATTE-G'") == [
        (405, "coffee", "latte", 2, "Grande", "16", "oz", 1)]
    assert query(spec_store, "SELECT category, family, active FROM products "
                             "WHERE sku = 'TEA'") == [(None, None, 1)]
    audited = query(spec_store, "SELECT entity_id, before, after FROM audit_log "
                                "WHERE entity = 'product' AND action = 'change'")
    assert [row[0] for row in audited] == ["LATTE-G"]

    kept = revision(spec_store)
    again = run_subprocess("import", "catalog", prices, "--db", spec_store)
    assert again.out == "products: 0 added, 0 changed, 3 unchanged\n", again.err
    assert revision(spec_store) == kept


def test_an_empty_barcodes_cell_still_clears_them(spec_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "clear.csv"
    path.write_text("sku,name,price,barcodes\nLATTE-G,Latte Grande,3.95,\n", encoding="utf-8")
    result = run_subprocess("import", "catalog", path, "--db", spec_store)
    assert result.code == 0, result.err
    assert query(spec_store, "SELECT code FROM barcodes WHERE sku = 'LATTE-G'") == []
    assert query(spec_store, "SELECT category FROM products WHERE sku = 'LATTE-G'") == [
        ("coffee",)]
