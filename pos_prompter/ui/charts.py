"""Small charts drawn with QPainter, for the trainer view and the managers' reports.

`LineChart`: series of (date, value) points on a 0-100 scale, dates along the bottom, a
legend above, and a labelled horizontal mark (a pass mark, a target). `BarChart`: labelled
bars with their values written on them. Both are plain widgets (no chart library: see
bench/bench_chart_libs.py for why), readable at a till's 1024x700: text at the window's
font size, never under 13 px. Text is drawn literally (names come from the staff list and
scenario files, never rich text).

Each chart says what it shows in words too: its accessible name is its title and its
accessible description (`summary()`) tells every series or bar in one sentence each, for
screen readers and for people who would rather read the figures.

`set_data(...)` replaces everything shown; nothing is animated or polled. The geometry a
paint uses is computed by `chart_geometry()`, which tests (and anyone placing a tooltip)
can ask for.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from pos_prompter.i18n import QT_TRANSLATE_NOOP, plural, translate
from pos_prompter.i18n.formats import locale

PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#8c6d31", "#6a3d9a",
           "#555555")
"""Series colours: the Okabe-Ito set (told apart with the common colour blindnesses)
without its red and yellow (red is the mark's, yellow is unreadable on white), then brown,
purple and grey. More series than colours reuse them in order."""
MARK_COLOR = "#c62828"
TEXT = "#1f2a37"
AXIS = "#5b6675"
GRID = "#e3e7ed"
BACKGROUND = "#ffffff"
DARK_PALETTE = ("#56b4e9", "#e69f00", "#2bc48f", "#e08ec0", "#f0e442", "#c9a35a", "#b59be0",
                "#b0b0b0")
"""The series colours on the dark theme's background: the same set, lighter where it was
dark (sky blue first, the dark blue is unreadable on a dark background)."""
DARK_MARK_COLOR = "#ff8a80"
DARK_TEXT = "#e8edf3"
DARK_AXIS = "#aab6c3"
DARK_GRID = "#2b3644"
DARK_BACKGROUND = "#1b2430"
MIN_TEXT_PX = 13
POINT_RADIUS = 4.0

MONTHS = (QT_TRANSLATE_NOOP("charts", "Jan"), QT_TRANSLATE_NOOP("charts", "Feb"),
          QT_TRANSLATE_NOOP("charts", "Mar"), QT_TRANSLATE_NOOP("charts", "Apr"),
          QT_TRANSLATE_NOOP("charts", "May"), QT_TRANSLATE_NOOP("charts", "Jun"),
          QT_TRANSLATE_NOOP("charts", "Jul"), QT_TRANSLATE_NOOP("charts", "Aug"),
          QT_TRANSLATE_NOOP("charts", "Sep"), QT_TRANSLATE_NOOP("charts", "Oct"),
          QT_TRANSLATE_NOOP("charts", "Nov"), QT_TRANSLATE_NOOP("charts", "Dec"))
"""The months' short names in English (`month_name` says one in the current language)."""
NOTHING_YET = QT_TRANSLATE_NOOP("charts", "Nothing to show yet.")
"""What a chart without data says (in English) unless told otherwise."""

DateLike = dt.date | dt.datetime
Point = tuple[DateLike, float]


def color(index: int, dark: bool = False) -> QColor:
    """The colour of the `index`-th series (or bar), on a `dark` background or a light one."""
    colors = DARK_PALETTE if dark else PALETTE
    return QColor(colors[index % len(colors)])


@dataclass(frozen=True)
class ChartColors:
    """What a chart paints with, in the light or the dark theme (ui/style.py)."""
    text: QColor
    axis: QColor
    grid: QColor
    background: QColor
    mark: QColor
    dark: bool


def chart_colors(widget: QWidget) -> ChartColors:
    """The colours for `widget`'s theme: dark when its palette's window is dark (the till's
    and the workspace's dark themes set it)."""
    dark = widget.palette().color(widget.backgroundRole()).lightnessF() < 0.5
    if dark:
        return ChartColors(QColor(DARK_TEXT), QColor(DARK_AXIS), QColor(DARK_GRID),
                           QColor(DARK_BACKGROUND), QColor(DARK_MARK_COLOR), True)
    return ChartColors(QColor(TEXT), QColor(AXIS), QColor(GRID), QColor(BACKGROUND),
                       QColor(MARK_COLOR), False)


def _moment(when: DateLike) -> dt.datetime:
    if isinstance(when, dt.datetime):
        return when.replace(tzinfo=None)
    return dt.datetime(when.year, when.month, when.day)


def day_label(day: dt.date, *, year: bool = False) -> str:
    """23 Nov (23 Nov 2026 with `year`), the same in every locale."""
    text = f"{day.day} {month_name(day.month)}"
    return f"{text} {day.year}" if year else text


def month_name(month: int) -> str:
    """Month 1-12's short name ("Nov"; "nov" in Spanish)."""
    return translate("charts", MONTHS[month - 1])


def _number(value: float) -> str:
    """An axis or bar figure: whole, or to one decimal with the language's point."""
    if value == int(value):
        return str(int(value))
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", locale().decimalPoint())


@dataclass(frozen=True, slots=True)
class Series:
    """One line: a name for the legend and its points (any order; drawn by date)."""

    name: str
    points: Sequence[Point]


@dataclass(frozen=True, slots=True)
class Mark:
    """A labelled horizontal line across the plot at `value`, such as a pass mark."""

    value: float
    label: str


@dataclass(slots=True)
class LegendEntry:
    name: str
    swatch: QRectF
    text: QRectF
    color: QColor


@dataclass(slots=True)
class Geometry:
    """Where a chart draws, in widget coordinates."""

    plot: QRectF
    """The area inside the axes."""
    legend: list[LegendEntry] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    """x positions and labels along the bottom."""
    bars: list[QRectF] = field(default_factory=list)


class _Chart(QWidget):
    """What both charts share: white background, title, y axis with grid lines, the
    text for no data, fonts and the accessible text."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 220)
        self.title = ""
        self.empty_text = translate("charts", NOTHING_YET)
        self.unit = "%"
        self.maximum = 100.0

    def sizeHint(self) -> QSize:
        return QSize(560, 320)

    # ------------------------------------------------------------------ shared drawing

    @property
    def colors(self) -> ChartColors:
        """The colours of the theme the chart is shown in (its palette's)."""
        return chart_colors(self)

    def text_font(self) -> QFont:
        font = QFont(self.font())
        if font.pixelSize() > 0:
            font.setPixelSize(max(font.pixelSize(), MIN_TEXT_PX))
        else:
            font.setPixelSize(max(round(font.pointSizeF() * self.logicalDpiY() / 72),
                                  MIN_TEXT_PX))
        return font

    def title_font(self) -> QFont:
        font = self.text_font()
        font.setBold(True)
        return font

    def _title_height(self) -> float:
        return QFontMetricsF(self.title_font()).height() + 8 if self.title else 0.0

    def y_ticks(self) -> list[float]:
        """Grid values from 0 to `maximum`, at a round step (about five of them)."""
        top = self.maximum if self.maximum > 0 else 1.0
        raw = top / 5
        power = 10 ** math.floor(math.log10(raw))
        step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
        count = math.floor(top / step + 1e-9)
        return [round(i * step, 6) for i in range(count + 1)]

    def y_for(self, value: float, plot: QRectF) -> float:
        """The y of `value` in `plot` (0 at the bottom, `maximum` at the top)."""
        share = min(max(value / self.maximum, 0.0), 1.0) if self.maximum > 0 else 0.0
        return plot.bottom() - share * plot.height()

    def _axis_width(self) -> float:
        fm = QFontMetricsF(self.text_font())
        return max(fm.horizontalAdvance(_number(v) + self.unit) for v in self.y_ticks()) + 10

    def _paint_frame(self, p: QPainter, plot: QRectF) -> None:
        """Background, title, grid lines with their values, and the two axes."""
        p.fillRect(self.rect(), self.colors.background)
        fm = QFontMetricsF(self.text_font())
        if self.title:
            p.setFont(self.title_font())
            p.setPen(self.colors.text)
            p.drawText(QRectF(8, 4, self.width() - 16, self._title_height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                       | Qt.TextFlag.TextSingleLine, self.title)
        p.setFont(self.text_font())
        for value in self.y_ticks():
            y = self.y_for(value, plot)
            p.setPen(QPen(self.colors.grid, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(self.colors.axis)
            p.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 6, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       _number(value) + self.unit)
        p.setPen(QPen(self.colors.axis, 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.bottomLeft(), plot.topLeft())

    def _paint_empty(self, p: QPainter) -> None:
        p.fillRect(self.rect(), self.colors.background)
        p.setFont(self.text_font())
        p.setPen(self.colors.axis)
        p.drawText(QRectF(self.rect()).adjusted(16, 16, -16, -16),
                   Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)

    def _paint_mark(self, p: QPainter, plot: QRectF, mark: Mark | None) -> None:
        if mark is None:
            return
        y = self.y_for(mark.value, plot)
        p.setPen(QPen(self.colors.mark, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        fm = QFontMetricsF(self.text_font())
        width = fm.horizontalAdvance(mark.label) + 8
        below = y - fm.height() - 2 < plot.top()  # no room above: write it under the line
        # At the left: scores over time start low, so the space above the mark there is
        # the emptiest.
        box = QRectF(plot.left() + 6, y + 3 if below else y - fm.height() - 3,
                     width, fm.height())
        behind = QColor(self.colors.background)
        behind.setAlpha(220)
        p.fillRect(box, behind)
        p.setPen(self.colors.mark)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, mark.label)

    def _describe(self) -> None:
        self.setAccessibleName(self.title or self.empty_text)
        self.setAccessibleDescription(self.summary())
        self.setToolTip(self.summary())
        self.update()

    def summary(self) -> str:  # pragma: no cover - each chart says its own
        raise NotImplementedError


class LineChart(_Chart):
    """Values over time on a 0-`maximum` scale (100 by default), one line per series,
    each point a dot; a legend of the series above the plot, day labels below it, and an
    optional labelled mark across it."""

    def __init__(self, parent: QWidget | None = None, *,
                 object_name: str = "lineChart") -> None:
        super().__init__(object_name, parent)
        self.series: list[Series] = []
        self.mark: Mark | None = None
        self._describe()

    def set_data(self, series: Sequence[Series], mark: Mark | None = None, *,
                 title: str = "", empty_text: str | None = None,
                 maximum: float = 100.0, unit: str = "%") -> None:
        """Show `series` (those without points are left out) and `mark`."""
        self.series = [Series(s.name, sorted(s.points, key=lambda pt: _moment(pt[0])))
                       for s in series if s.points]
        self.mark = mark
        self.title = title
        self.empty_text = empty_text if empty_text is not None else translate("charts",
                                                                              NOTHING_YET)
        self.maximum, self.unit = maximum, unit
        self._describe()

    # ------------------------------------------------------------------ geometry

    def time_range(self) -> tuple[dt.datetime, dt.datetime]:
        """The first and last moment along the x axis: the data's, a little wider, and at
        least a day wide (so one run, or one day's runs, sit in the middle)."""
        moments = [_moment(when) for s in self.series for when, _v in s.points]
        first, last = min(moments), max(moments)
        if last - first < dt.timedelta(days=1):
            middle = first + (last - first) / 2
            return middle - dt.timedelta(hours=12), middle + dt.timedelta(hours=12)
        pad = (last - first) * 0.04
        return first - pad, last + pad

    def x_for(self, when: DateLike, plot: QRectF) -> float:
        start, end = self.time_range()
        share = (_moment(when) - start) / (end - start)
        return plot.left() + share * plot.width()

    def point_at(self, series: int, index: int) -> QPointF:
        """Where the `index`-th point (by date) of the `series`-th series is drawn."""
        plot = self.chart_geometry().plot
        when, value = self.series[series].points[index]
        return QPointF(self.x_for(when, plot), self.y_for(value, plot))

    def _legend(self, top: float, left: float) -> tuple[list[LegendEntry], float]:
        """The legend's entries, in rows across the widget; and the height they take."""
        fm = QFontMetricsF(self.text_font())
        entries: list[LegendEntry] = []
        x, y = left, top
        right = self.width() - 8
        swatch_w, gap = 22.0, 18.0
        for i, s in enumerate(self.series):
            name = fm.elidedText(s.name, Qt.TextElideMode.ElideRight,
                                 max(right - left - swatch_w - 6, 40))
            width = swatch_w + 6 + fm.horizontalAdvance(name)
            if x > left and x + width > right:
                x, y = left, y + fm.height() + 4
            swatch = QRectF(x, y + fm.height() / 2 - 5, swatch_w, 10)
            text = QRectF(x + swatch_w + 6, y, fm.horizontalAdvance(name) + 1, fm.height())
            entries.append(LegendEntry(name, swatch, text, color(i, self.colors.dark)))
            x += width + gap
        height = (y - top + fm.height() + 8) if entries else 0.0
        return entries, height

    def chart_geometry(self) -> Geometry:
        """The plot area, legend and x ticks for the current size and data."""
        fm = QFontMetricsF(self.text_font())
        top = self._title_height() + 4
        left = self._axis_width() + 8
        legend, legend_h = self._legend(top, left)
        plot = QRectF(left, top + legend_h + fm.height() / 2, 0, 0)
        plot.setRight(self.width() - 16)
        plot.setBottom(self.height() - fm.height() - 14)
        geometry = Geometry(plot, legend)
        if self.series:
            geometry.ticks = self._ticks(plot, fm)
        return geometry

    def _ticks(self, plot: QRectF, fm: QFontMetricsF) -> list[tuple[float, str]]:
        """Midnights along the x axis, every 1, 2, 7, 14... days: as many as fit."""
        start, end = self.time_range()
        moments = [_moment(when) for s in self.series for when, _v in s.points]
        year = min(moments).year != max(moments).year  # the data's years, not the padding's
        widest = fm.horizontalAdvance(day_label(dt.date(2026, 12, 28), year=year)) + 16
        first = (start + dt.timedelta(days=1)).date() if start.time() else start.date()
        days = max((end.date() - first).days + 1, 1)
        fits = max(int(plot.width() // widest), 1)
        step = next((s for s in (1, 2, 3, 7, 14, 28, 56, 91, 182, 365, 730)
                     if math.ceil(days / s) <= fits), 730)
        ticks = []
        day = first
        while _moment(day) <= end:
            ticks.append((self.x_for(day, plot), day_label(day, year=year)))
            day += dt.timedelta(days=step)
        return ticks

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            if not self.series:
                self._paint_empty(p)
                return
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            g = self.chart_geometry()
            self._paint_frame(p, g.plot)
            fm = QFontMetricsF(self.text_font())
            for x, label in g.ticks:
                p.setPen(QPen(self.colors.axis, 1))
                p.drawLine(QPointF(x, g.plot.bottom()), QPointF(x, g.plot.bottom() + 4))
                width = fm.horizontalAdvance(label) + 2
                left = min(max(x - width / 2, g.plot.left() - 4), self.width() - width - 2)
                p.drawText(QRectF(left, g.plot.bottom() + 6, width, fm.height()),
                           Qt.AlignmentFlag.AlignHCenter, label)
            self._paint_mark(p, g.plot, self.mark)
            for i, s in enumerate(self.series):
                points = [QPointF(self.x_for(when, g.plot), self.y_for(v, g.plot))
                          for when, v in s.points]
                p.setPen(QPen(color(i, self.colors.dark), 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                if len(points) > 1:
                    p.drawPolyline(points)
                p.setPen(QPen(self.colors.background, 1))
                p.setBrush(color(i, self.colors.dark))
                for point in points:
                    p.drawEllipse(point, POINT_RADIUS + 0.5, POINT_RADIUS + 0.5)
            for entry in g.legend:
                p.setPen(QPen(entry.color, 3))
                middle = entry.swatch.center().y()
                p.drawLine(QPointF(entry.swatch.left(), middle),
                           QPointF(entry.swatch.right(), middle))
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(entry.color)
                p.drawEllipse(entry.swatch.center(), POINT_RADIUS + 0.5, POINT_RADIUS + 0.5)
                p.setPen(self.colors.text)
                p.drawText(entry.text, Qt.AlignmentFlag.AlignLeft
                           | Qt.AlignmentFlag.AlignVCenter, entry.name)
        finally:
            p.end()

    def summary(self) -> str:
        """The chart in words: each series' runs, dates, first and last value; the mark."""
        if not self.series:
            return self.empty_text
        parts = []
        for s in self.series:
            first, last = s.points[0], s.points[-1]
            count = len(s.points)
            when = day_label(_moment(first[0]).date())
            if _moment(last[0]).date() != _moment(first[0]).date():
                when = translate("charts", "{first} to {last}").format(
                    first=when, last=day_label(_moment(last[0]).date()))
            values = (f"{_number(first[1])}{self.unit}" if count == 1 else
                      translate("charts", "from {first} to {last}").format(
                          first=f"{_number(first[1])}{self.unit}",
                          last=f"{_number(last[1])}{self.unit}"))
            parts.append(plural(count, translate("charts", "{name}: {n} point, {when}, {values}."),
                                translate("charts", "{name}: {n} points, {when}, {values}."),
                                name=s.name, when=when, values=values))
        if self.mark is not None:
            parts.append(f"{self.mark.label}.")
        return " ".join(parts)


class BarChart(_Chart):
    """One bar per label, its value written above it and its label (up to two lines)
    under it; scale 0 to `maximum` (by default 100, or a round number above the largest
    value when one is over 100)."""

    def __init__(self, parent: QWidget | None = None, *,
                 object_name: str = "barChart") -> None:
        super().__init__(object_name, parent)
        self.bars: list[tuple[str, float]] = []
        self.mark: Mark | None = None
        self._describe()

    def set_data(self, bars: Sequence[tuple[str, float]], *, title: str = "",
                 unit: str = "%", maximum: float | None = None, mark: Mark | None = None,
                 empty_text: str | None = None) -> None:
        self.bars = [(str(label), float(value)) for label, value in bars]
        self.title, self.unit, self.mark = title, unit, mark
        self.empty_text = empty_text if empty_text is not None else translate("charts",
                                                                              NOTHING_YET)
        largest = max([v for _l, v in self.bars] + [mark.value if mark else 0.0, 0.0])
        if maximum is None:
            maximum = 100.0 if largest <= 100 else _round_up(largest)
        self.maximum = maximum
        self._describe()

    def chart_geometry(self) -> Geometry:
        fm = QFontMetricsF(self.text_font())
        top = self._title_height() + fm.height() + 8  # room for the tallest value's label
        plot = QRectF(self._axis_width() + 8, top, 0, 0)
        plot.setRight(self.width() - 16)
        plot.setBottom(self.height() - 2 * fm.height() - 14)
        geometry = Geometry(plot)
        if self.bars:
            slot = plot.width() / len(self.bars)
            for i, (_label, value) in enumerate(self.bars):
                y = self.y_for(value, plot)
                geometry.bars.append(QRectF(plot.left() + i * slot + slot * 0.15, y,
                                            slot * 0.7, plot.bottom() - y))
        return geometry

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            if not self.bars:
                self._paint_empty(p)
                return
            g = self.chart_geometry()
            self._paint_frame(p, g.plot)
            fm = QFontMetricsF(self.text_font())
            slot = g.plot.width() / len(self.bars)
            for i, ((label, value), bar) in enumerate(zip(self.bars, g.bars, strict=True)):
                p.fillRect(bar, color(0, self.colors.dark))
                p.setPen(self.colors.text)
                cell = QRectF(g.plot.left() + i * slot, 0, slot, fm.height())
                p.drawText(cell.translated(0, bar.top() - fm.height() - 2),
                           Qt.AlignmentFlag.AlignHCenter, f"{_number(value)}{self.unit}")
                p.drawText(QRectF(cell.left() + 2, g.plot.bottom() + 6, slot - 4,
                                  2 * fm.height()),
                           Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                           _two_lines(label, fm, slot - 4))
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_mark(p, g.plot, self.mark)
        finally:
            p.end()

    def summary(self) -> str:
        if not self.bars:
            return self.empty_text
        text = "; ".join(f"{label} {_number(value)}{self.unit}" for label, value in self.bars)
        return text + "." + (f" {self.mark.label}." if self.mark else "")


def _round_up(value: float) -> float:
    """A round number at or above `value` (120, 250, 4000...)."""
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * power >= value)


def _two_lines(text: str, fm: QFontMetricsF, width: float) -> str:
    """`text` wrapped at spaces into at most two lines that fit `width`, the second elided."""
    words, first = text.split(), ""
    while words and fm.horizontalAdvance((first + " " + words[0]).strip()) <= width:
        first = (first + " " + words.pop(0)).strip()
    if not first:  # one long word: cut it
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    if not words:
        return first
    rest = fm.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)
    return f"{first}\n{rest}"
