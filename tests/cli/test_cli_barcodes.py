"""`pos-prompter barcodes --db PATH -o sheet.pdf`: the printable barcode sheet, checked as a
person with a scanner would: the real command line in a subprocess writes the PDF, PDFium
(the engine QtPdf wraps) renders its pages at 300 dpi, and zxing-cpp scans them. Every
active product's code must be found, under its own name and price, and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
import zxingcpp
from cli_support import DEMO_ROOT, RunCli, build_store, run_subprocess
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from pos_prompter.core.barcode import symbol_problem
from pos_prompter.core.catalog import parse_catalog_csv
from pos_prompter.core.money import format_money
from pos_prompter.store import Store

DPI = 300
MM = 72 / 25.4
"""PDF points per millimetre."""
PAGE_POINTS = {"a4": (595, 842), "letter": (612, 792)}


@dataclass(frozen=True)
class Scanned:
    """One symbol the decoder found, and the label text printed above it (its words joined
    by single spaces: a long name is on two lines)."""

    code: str
    page: int
    label: str


def scan_pdf(path: Path) -> tuple[list[Scanned], list[tuple[float, float]], str]:
    """Every symbol zxing-cpp reads on the rendered pages, each page's size in points, and
    the whole text of the PDF."""
    found: list[Scanned] = []
    sizes: list[tuple[float, float]] = []
    text = []
    pdf = pdfium.PdfDocument(path)
    try:
        for number, page in enumerate(pdf, start=1):
            width, height = page.get_size()
            sizes.append((width, height))
            bitmap = page.render(scale=DPI / 72, grayscale=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_Grayscale8)
            textpage = page.get_textpage()
            text.append(textpage.get_text_range())
            # The page is already at print resolution: a scanner sees no downscaled copy
            # (at 300 dpi halved, two pixels a module, zxing now and then misreads one).
            for result in zxingcpp.read_barcodes(image, try_downscale=False):
                code = result.text if len(result.text) != 12 else "0" + result.text
                left = result.position.top_left.x * 72 / DPI
                right = result.position.top_right.x * 72 / DPI
                top = height - result.position.top_left.y * 72 / DPI
                middle = (left + right) / 2
                # The label's name and price line, just above the bars, inside the cell.
                label = textpage.get_text_bounded(left=middle - 30 * MM, right=middle + 30 * MM,
                                                  bottom=top, top=top + 11.5 * MM)
                found.append(Scanned(code, number, " ".join(label.split())))
            page.close()
    finally:
        pdf.close()
    return found, sizes, "\n".join(text)


def narrowest_bars(path: Path) -> set[float]:
    """The widths in mm of the PDF's narrowest bars (filled paths taller than 15 mm)."""
    pdf = pdfium.PdfDocument(path)
    widths: list[float] = []
    try:
        for page in pdf:
            for obj in page.get_objects():
                if obj.type == pdfium_raw.FPDF_PAGEOBJ_PATH:
                    left, bottom, right, top = obj.get_bounds()
                    if top - bottom > 15 * MM and right - left < 5 * MM:
                        widths.append((right - left) / MM)
    finally:
        pdf.close()
    return {round(w, 3) for w in widths if w < min(widths) * 1.5}


def active_products(db: Path) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """{code: (name, price)} of the store's active products, and the inactive ones' codes."""
    with Store.open(db) as store:
        currency = store.load_settings().currency
        catalog = store.catalog.load()
        active = {code: (p.name, format_money(p.price, currency))
                  for p in catalog if p.active for code in p.barcodes}
        inactive = [code for p in catalog if not p.active for code in p.barcodes]
    return active, inactive


@pytest.mark.parametrize("demo", ["cafe", "shoes", "electronics"])
def test_every_demo_catalog_code_is_a_valid_ean(demo: str) -> None:
    products = parse_catalog_csv((DEMO_ROOT / demo / "catalog.csv").read_text("utf-8"))
    codes = [code for p in products for code in p.barcodes]
    assert len(codes) == len(products)  # one each: every demo product can be on the sheet
    assert [c for c in codes if symbol_problem(c) is not None or len(c) != 13] == []


@pytest.mark.slow  # about 1-2 s each: a demo store, a subprocess, two pages rendered and scanned
@pytest.mark.parametrize(("demo", "paper", "pages"),
                         [("cafe", "a4", 2), ("electronics", "letter", 2)])
def test_a_scanner_finds_every_active_demo_product_under_its_name_and_price(
        store_copy: Callable[[str], Path], tmp_path: Path, demo: str, paper: str,
        pages: int) -> None:
    db = store_copy(demo)
    sheet = tmp_path / "sheet.pdf"
    result = run_subprocess("barcodes", "--db", db, "-o", sheet, "--paper", paper)
    assert result.code == 0, result.err
    active, inactive = active_products(db)
    paper_name = {"a4": "A4", "letter": "Letter"}[paper]
    assert result.out == f"Wrote {sheet}: {len(active)} products on {pages} {paper_name} pages\n"
    assert result.err == ""
    scanned, sizes, _text = scan_pdf(sheet)
    assert [(round(w), round(h)) for w, h in sizes] == [PAGE_POINTS[paper]] * pages
    assert sorted(s.code for s in scanned) == sorted(active)  # each once, nothing else
    assert not set(inactive) & {s.code for s in scanned}
    for s in scanned:
        name, price = active[s.code]
        assert name in s.label, (s.code, s.label)
        assert price in s.label, (s.code, s.label)
    assert {s.page for s in scanned} == set(range(1, pages + 1))
    assert narrowest_bars(sheet) == {0.33}  # one module at 100%, the GS1 nominal size


CATALOG = """sku,name,price,barcodes,active
MUG-1,Travel Mug,12.50,,true
96385074,Sticker Pack,1.99,,true
40063813,Tea Towel,7.25,,true
CUP,Paper Cup,0.10,036000291452,true
PIN,Enamel Pin,4.00,96385074,true
OLD,Old Mug,9.00,5901234123457,false
LONG-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX,\
Extra Large Insulated Stainless Steel Travel Mug,1234.50,55123457,true
"""


@pytest.mark.slow  # near 2 s: a subprocess, a page rendered and scanned
def test_products_without_an_ean_are_listed_with_a_note_not_drawn(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(CATALOG, encoding="utf-8")
    db = build_store(tmp_path / "shop.db", catalog=catalog)
    sheet = tmp_path / "sheet.pdf"
    result = run_subprocess("barcodes", "--db", db, "-o", sheet)
    assert result.code == 0, result.err
    assert result.out == (f"Wrote {sheet}: 6 products, 3 of them without a symbol (listed "
                          "with a note) on 1 A4 page\n")
    assert result.err.splitlines() == [
        "note: 96385074 (Sticker Pack): no EAN-13/EAN-8 barcode, and its SKU 96385074 scans "
        "as Enamel Pin (PIN): give it a barcode of its own",
        "note: 40063813 (Tea Towel): no EAN-13/EAN-8 barcode: type SKU 40063813 at the till",
        "note: MUG-1 (Travel Mug): no EAN-13/EAN-8 barcode: type SKU MUG-1 at the till",
    ]
    scanned, _sizes, text = scan_pdf(sheet)
    # The UPC-A code is drawn as its EAN-13, which scans back as the same product.
    labels = {s.code: s.label for s in scanned}
    long_label = labels.pop("55123457")
    assert labels == {"0036000291452": "Paper Cup $0.10 CUP",
                      "96385074": "Enamel Pin $4.00 PIN"}
    # The long name whole (on two lines), the 64-character SKU cut short of the price.
    assert long_label.startswith("Extra Large Insulated Stainless Steel Travel Mug $1,234.50 "
                                 "LONG-XXX"), long_label
    assert long_label.endswith("\N{HORIZONTAL ELLIPSIS}"), long_label
    flat = " ".join(text.split())
    for words in ("Travel Mug $12.50 MUG-1 no EAN-13/EAN-8 barcode: type SKU MUG-1 at the till",
                  "Tea Towel $7.25 40063813 no EAN-13/EAN-8 barcode: type SKU 40063813",
                  "Sticker Pack $1.99 96385074 no EAN-13/EAN-8 barcode, and its SKU"):
        assert words in flat, flat
    assert "Old Mug" not in flat


def test_a_missing_store_or_no_active_products_is_one_sentence(
        cli: RunCli, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.pdf"
    cli("barcodes", "--db", tmp_path / "nope.db", "-o", sheet).assert_clean_error(
        2, "nope.db")
    cli("barcodes", "--db", build_store(tmp_path / "empty.db"), "-o", sheet) \
        .assert_clean_error(2, "empty.db has no active products: there is nothing to print")
    cli("barcodes", "--db", tmp_path / "empty.db", "-o", tmp_path).assert_clean_error(
        2, "it is a folder")
    assert cli("barcodes", "--db", tmp_path / "empty.db").code == 2  # -o is required
    assert not sheet.exists()


def test_an_unwritable_output_is_one_sentence_and_no_file(
        cli: RunCli, qapp: QApplication, spec_store: Path, tmp_path: Path) -> None:
    # In this process the sheet is drawn with pytest-qt's application (qapp), not a new one.
    sheet = tmp_path / "no such folder" / "sheet.pdf"
    cli("barcodes", "--db", spec_store, "-o", sheet).assert_clean_error(
        2, f"cannot write the sheet to {sheet}")
    assert not sheet.parent.exists()
