"""A CSV whose header has 200,000 empty columns is refused at once, in at most 51 lines of
stderr (the summary and the spec's 50 problems), by both imports that read CSV (issue 11,
point 6: it took 12.8 s and printed 30 MB)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import query, run_subprocess

WIDE = 200_000


@pytest.mark.parametrize(("what", "header"), [("catalog", "sku,name,price"),
                                          ("orders", "order_id,sku,qty")])
def test_a_wide_header_is_refused_in_at_most_51_lines(what: str, header: str,
                                                      spec_store: Path, tmp_path: Path) -> None:
    source = tmp_path / "wide.csv"
    source.write_text(header + "," * WIDE + "\nA1,LATTE-T,1\n", encoding="utf-8")
    before = query(spec_store, "SELECT count(*) FROM products")
    result = run_subprocess("import", what, source, "--db", spec_store)
    result.assert_clean_error(1, "(50 problems):", "line 1, column '': unknown column")
    assert len(result.err.splitlines()) <= 51
    assert result.out == ""
    assert query(spec_store, "SELECT count(*) FROM products") == before
    assert query(spec_store, "SELECT count(*) FROM orders") == [(0,)]
