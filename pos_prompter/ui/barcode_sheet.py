"""The printable barcode sheet: every active product's name, price and EAN symbol, in a grid
of labels on A4 or Letter pages, as a PDF (QPdfWriter + QPainter, vector bars).

The symbols come from pos_prompter.core.barcode; this module only measures and draws. Sizes
are in millimetres at 100% (actual size): a module (the narrowest bar) is 0.33 mm, the GS1
nominal size that every retail scanner reads, and each symbol keeps its quiet zones clear.
Works without a screen: `gui_application` makes an offscreen QGuiApplication when none
exists (the command line has none).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from pos_prompter.core.barcode import SheetEntry, Symbol
from pos_prompter.i18n import say, translate

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
RESOLUTION = 1200
"""Device units per inch of the PDF: coordinates are kept as reals in it, so this only sets
how finely text is measured."""

MODULE_MM = 0.33
"""The width of one module at 100%: GS1's nominal EAN size (magnification 1.0)."""
BAR_MM = {"EAN-13": 22.85, "EAN-8": 18.23}
"""Bar height at 100% (GS1 nominal), guard bars excepted."""
GUARD_EXTRA_MODULES = 5
"""Guard bars reach this much further down, between the groups of digits."""
MARGIN_MM = 10.0
CELL_MIN_WIDTH_MM = 60.0
CELL_HEIGHT_MM = 40.0
FOOTER_MM = 8.0
RULER_MM = 50.0
"""The footer's line of known length, to check that the sheet was printed at actual size."""


def gui_application() -> QGuiApplication:
    """The running Qt application, or a new offscreen one (nothing here needs a screen)."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    return QGuiApplication(["pos-prompter", "-platform", "offscreen"])


@dataclass(frozen=True)
class Grid:
    """How labels fill a page: columns x rows cells of `cell_w` x `cell_h` mm."""

    page_w: float
    page_h: float
    columns: int
    rows: int
    cell_w: float
    cell_h: float

    @classmethod
    def for_page(cls, size: QPageSize) -> Grid:
        page = size.size(QPageSize.Unit.Millimeter)
        usable_w = page.width() - 2 * MARGIN_MM
        usable_h = page.height() - 2 * MARGIN_MM - FOOTER_MM
        columns = max(1, math.floor(usable_w / CELL_MIN_WIDTH_MM))
        rows = max(1, math.floor(usable_h / CELL_HEIGHT_MM))
        return cls(page.width(), page.height(), columns, rows, usable_w / columns,
                   CELL_HEIGHT_MM)

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def pages(self, count: int) -> int:
        return max(1, math.ceil(count / self.per_page))


class _Painter:
    """QPainter calls in millimetres on the PDF's device units."""

    def __init__(self, painter: QPainter) -> None:
        self.p = painter
        self.scale = RESOLUTION / 25.4

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        s = self.scale
        return QRectF(x * s, y * s, w * s, h * s)

    def text(self, x: float, y: float, w: float, h: float, flags: Qt.AlignmentFlag | int,
             text: str, font: QFont) -> None:
        self.p.setFont(font)
        self.p.drawText(self.rect(x, y, w, h), int(flags), text)

    def advance(self, text: str, font: QFont) -> float:
        """The width of `text` in mm."""
        self.p.setFont(font)
        return self.p.fontMetrics().horizontalAdvance(text) / self.scale

    def elide(self, text: str, font: QFont, width: float) -> str:
        self.p.setFont(font)
        return self.p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                               int(width * self.scale))


def name_lines(pen: _Painter, name: str, width: float) -> tuple[list[str], QFont]:
    """The name on one line at 10 pt when it fits, else on two at 8 pt (the second cut with
    an ellipsis only if even that is too little): a label never shows a wrong name."""
    big = _font(10, bold=True)
    if pen.advance(name, big) <= width:
        return [name], big
    small = _font(8, bold=True)
    words = name.split()
    first = words[0]
    for i in range(1, len(words)):
        longer = " ".join(words[: i + 1])
        if pen.advance(longer, small) > width:
            rest = " ".join(words[i:])
            break
        first = longer
    else:
        rest = ""
    lines = [pen.elide(first, small, width)]
    if rest:
        lines.append(pen.elide(rest, small, width))
    return lines, small


def _font(points: float, *, bold: bool = False, mono: bool = False) -> QFont:
    font = QFont("DejaVu Sans Mono" if mono else "DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.Monospace if mono else QFont.StyleHint.SansSerif)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def draw_symbol(pen: _Painter, symbol: Symbol, left: float, top: float) -> float:
    """Bars and digits with the left quiet zone's edge at (left, top) mm; the height used."""
    x0 = left + symbol.quiet_left * MODULE_MM
    bar_h = BAR_MM[symbol.kind]
    guard_h = bar_h + GUARD_EXTRA_MODULES * MODULE_MM
    black = QColor(Qt.GlobalColor.black)
    for bar in symbol.bars:
        pen.p.fillRect(pen.rect(x0 + bar.start * MODULE_MM, top, bar.width * MODULE_MM,
                                guard_h if bar.guard else bar_h), black)
    digit_font = _font(8.5, mono=True)
    for group in symbol.digits:
        width = (len(group.text) * 7 + 2) * MODULE_MM
        centre = x0 + group.centre * MODULE_MM
        pen.text(centre - width / 2, top + bar_h + 0.2, width, 3.4,
                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, group.text,
                 digit_font)
    return guard_h + 1.8


def _draw_cell(pen: _Painter, entry: SheetEntry, price: str, x: float, y: float,
               grid: Grid) -> None:
    pen.p.setPen(QPen(QColor(200, 200, 200), 0))
    pen.p.drawRect(pen.rect(x, y, grid.cell_w, grid.cell_h))
    pen.p.setPen(QColor(Qt.GlobalColor.black))
    inner_x, inner_w = x + 3, grid.cell_w - 6
    lines, font = name_lines(pen, entry.name, inner_w)
    line_h = 6.6 / len(lines)
    for i, line in enumerate(lines):
        pen.text(inner_x, y + 0.5 + i * line_h, inner_w, line_h, Qt.AlignmentFlag.AlignLeft
                 | Qt.AlignmentFlag.AlignVCenter, line, font)
    pen.text(inner_x, y + 7.1, inner_w, 4.4, Qt.AlignmentFlag.AlignLeft
             | Qt.AlignmentFlag.AlignVCenter, price, _font(10))
    pen.p.setPen(QColor(90, 90, 90))
    sku_w = inner_w - pen.advance(price, _font(10)) - 3  # a 64-character SKU stays clear
    pen.text(inner_x, y + 7.1, inner_w, 4.4, Qt.AlignmentFlag.AlignRight
             | Qt.AlignmentFlag.AlignVCenter, pen.elide(entry.sku, _font(7), sku_w), _font(7))
    pen.p.setPen(QColor(Qt.GlobalColor.black))
    top = y + 12
    if entry.symbol is not None:
        width = entry.symbol.width * MODULE_MM
        draw_symbol(pen, entry.symbol, x + (grid.cell_w - width) / 2, top)
        return
    pen.text(inner_x, top + 2, inner_w, grid.cell_h - 16, Qt.AlignmentFlag.AlignLeft
             | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, say(entry.note or ""),
             _font(9))


def _draw_footer(pen: _Painter, grid: Grid, title: str, page: int, pages: int) -> None:
    y = grid.page_h - MARGIN_MM - FOOTER_MM + 2
    pen.p.fillRect(pen.rect(MARGIN_MM, y, RULER_MM, 0.3), QColor(Qt.GlobalColor.black))
    for at in (0.0, RULER_MM - 0.3):
        pen.p.fillRect(pen.rect(MARGIN_MM + at, y - 1, 0.3, 2.3), QColor(Qt.GlobalColor.black))
    pen.text(MARGIN_MM, y + 1.5, RULER_MM + 100, 4, Qt.AlignmentFlag.AlignLeft
             | Qt.AlignmentFlag.AlignTop,
             translate("barcodes", "this line is 50 mm: print at 100% (actual size), not fit "
                                   "to page"), _font(7))
    pages_text = translate("barcodes", "page {page} of {pages}").format(page=page, pages=pages)
    pen.text(MARGIN_MM, y - 1, grid.page_w - 2 * MARGIN_MM, 4, Qt.AlignmentFlag.AlignRight
             | Qt.AlignmentFlag.AlignTop, f"{title}  \N{MIDDLE DOT}  {pages_text}", _font(7))


def sheet_pdf(entries: Sequence[SheetEntry], prices: Sequence[str], *, paper: str,
              title: str) -> tuple[bytes, int]:
    """The PDF of the labels (one per entry, `prices` as the store writes them) and its page
    count. Needs a QGuiApplication (gui_application)."""
    size = QPageSize(PAPERS[paper])
    grid = Grid.for_page(size)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("pos-prompter")
    pages = grid.pages(len(entries))
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("Qt could not start drawing the PDF")
    try:
        pen = _Painter(painter)
        for page in range(pages):
            if page:
                writer.newPage()
            chunk = range(page * grid.per_page, min(len(entries), (page + 1) * grid.per_page))
            for slot, i in enumerate(chunk):
                row, column = divmod(slot, grid.columns)
                _draw_cell(pen, entries[i], prices[i], MARGIN_MM + column * grid.cell_w,
                           MARGIN_MM + row * grid.cell_h, grid)
            _draw_footer(pen, grid, title, page + 1, pages)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data()), pages
