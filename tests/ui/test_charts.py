"""The QPainter charts (pos_prompter.ui.charts) drawn for real, offscreen, and read back
pixel by pixel: where the points, the mark, the legend and the bars land, their colours,
and the words a screen reader gets."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from pos_prompter.ui.charts import (
    BACKGROUND,
    MARK_COLOR,
    MIN_TEXT_PX,
    BarChart,
    LineChart,
    Mark,
    Series,
    color,
)
from pos_prompter.ui.style import apply_base_look

DAY = dt.datetime(2026, 11, 2, 9, 0)
ANA = Series("Ana", [(DAY, 40), (DAY + dt.timedelta(days=3), 70),
                     (DAY + dt.timedelta(days=6), 100)])
BEN = Series("Ben", [(DAY + dt.timedelta(days=1), 20), (DAY + dt.timedelta(days=5), 60)])
SIZE = (640, 360)


@pytest.fixture
def line(qtbot: QtBot) -> Iterator[LineChart]:
    chart = LineChart()
    apply_base_look(chart)  # the till's type size, as in the trainer view
    qtbot.addWidget(chart)
    chart.resize(*SIZE)
    return chart


def picture(chart: LineChart | BarChart) -> QImage:
    return chart.grab().toImage()


def at(image: QImage, point: QPointF) -> QColor:
    return image.pixelColor(round(point.x()), round(point.y()))


def inside(outer: QRectF, inner: QRectF) -> bool:
    return outer.contains(inner)


def test_points_sit_at_their_date_and_score_in_their_series_colour(line: LineChart) -> None:
    line.set_data([ANA, BEN], Mark(80, "Pass mark 80%"), title="Scores over time")
    image = picture(line)
    plot = line.chart_geometry().plot

    for s, series in enumerate(line.series):
        for i in range(len(series.points)):
            point = line.point_at(s, i)
            assert at(image, point) == color(s), (series.name, i)
            assert plot.contains(point)
    assert line.point_at(0, 2).y() == pytest.approx(plot.top())  # 100% at the top
    assert line.point_at(0, 0).y() == pytest.approx(plot.bottom() - 0.4 * plot.height())
    xs = [line.point_at(0, i).x() for i in range(3)]
    assert xs[0] < xs[1] < xs[2], "later runs further right"
    assert xs[1] - xs[0] == pytest.approx(xs[2] - xs[1]), "3 days apart, twice"
    ben_first = line.point_at(1, 0).x()
    assert xs[0] < ben_first < xs[1], "Ben's day-1 run between Ana's day 0 and day 3"


def test_the_mark_is_a_line_across_the_plot_at_its_value(line: LineChart) -> None:
    line.set_data([ANA], Mark(80, "Pass mark 80%"))
    image = picture(line)
    plot = line.chart_geometry().plot
    y = round(line.y_for(80, plot))
    red = QColor(MARK_COLOR)
    across = [x for x in range(round(plot.left()), round(plot.right()))
              if any(image.pixelColor(x, y + d) == red for d in (-1, 0, 1))]
    assert across, "no mark drawn"
    assert across[0] - plot.left() < 12, "from one side of the plot..."
    assert plot.right() - across[-1] < 12, "...to the other"
    assert not any(image.pixelColor(x, round(line.y_for(50, plot))) == red
                   for x in range(round(plot.left()), round(plot.right())))
    assert "Pass mark 80%" in line.accessibleDescription()

    line.set_data([ANA], None)
    image = picture(line)
    assert not any(image.pixelColor(x, y) == red
                   for x in range(round(plot.left()), round(plot.right())))


def test_the_legend_names_each_series_in_its_colour_above_the_plot(line: LineChart) -> None:
    line.set_data([ANA, BEN], Mark(80, "Pass mark 80%"), title="Scores")
    image = picture(line)
    g = line.chart_geometry()

    assert [e.name for e in g.legend] == ["Ana", "Ben"]
    for i, entry in enumerate(g.legend):
        assert at(image, entry.swatch.center()) == color(i)
        assert entry.text.bottom() <= g.plot.top()
        assert inside(QRectF(line.rect()), entry.text)
        assert entry.swatch.right() < entry.text.left()
    assert not g.legend[0].text.intersects(g.legend[1].swatch)


def test_many_series_wrap_the_legend_into_rows_that_never_overlap(qtbot: QtBot) -> None:
    chart = LineChart()
    qtbot.addWidget(chart)
    chart.resize(360, 420)
    names = [f"Trainee number {n}" for n in range(10)]
    chart.set_data([Series(name, [(DAY, 10 * n)]) for n, name in enumerate(names)])
    g = chart.chart_geometry()

    assert len({round(e.text.top()) for e in g.legend}) > 2, "more than two rows"
    boxes = [e.swatch.united(e.text) for e in g.legend]
    for i, one in enumerate(boxes):
        assert inside(QRectF(chart.rect()), one)
        assert one.bottom() <= g.plot.top()
        for other in boxes[i + 1:]:
            assert not one.intersects(other)
    image = picture(chart)
    assert at(image, g.legend[9].swatch.center()) == color(9)
    assert color(9) == color(1), "colours are reused in order past the palette"


def test_one_run_is_a_dot_in_the_middle_of_a_day_wide_axis(line: LineChart) -> None:
    line.set_data([Series("Solo", [(DAY, 55)])])
    image = picture(line)
    plot = line.chart_geometry().plot
    point = line.point_at(0, 0)

    assert at(image, point) == color(0)
    assert point.x() == pytest.approx(plot.center().x())
    assert line.accessibleDescription() == "Solo: 1 point, 2 Nov, 55%."


def test_dates_along_the_bottom_in_order_and_never_overlapping(line: LineChart) -> None:
    days = [DAY + dt.timedelta(days=n) for n in range(50)]  # 2 Nov to 21 Dec
    line.set_data([Series("Ana", [(d, n % 100) for n, d in enumerate(days)])])
    g = line.chart_geometry()
    xs = [x for x, _label in g.ticks]

    assert g.ticks[0][1] in ("1 Nov", "2 Nov", "3 Nov")
    assert "Dec" in g.ticks[-1][1]
    assert xs == sorted(xs)
    assert g.plot.left() <= xs[0]
    assert xs[-1] <= g.plot.right()
    widest = max(line.fontMetrics().horizontalAdvance(label) for _x, label in g.ticks)
    assert min(b - a for a, b in itertools.pairwise(xs)) > widest, "labels overlap"
    assert len(g.ticks) >= 4, "still a useful number of dates"


def test_a_chart_spanning_new_year_says_the_years(line: LineChart) -> None:
    line.set_data([Series("Ana", [(dt.date(2026, 12, 20), 50), (dt.date(2027, 1, 10), 90)])])
    labels = [label for _x, label in line.chart_geometry().ticks]
    assert any(label.endswith("2026") for label in labels)
    assert any(label.endswith("2027") for label in labels)


def test_text_is_readable_at_a_tills_size(line: LineChart) -> None:
    line.set_data([ANA])
    assert line.text_font().pixelSize() >= MIN_TEXT_PX
    small = LineChart()
    font = small.font()
    font.setPixelSize(8)
    small.setFont(font)
    assert small.text_font().pixelSize() == MIN_TEXT_PX


def test_accessible_name_and_description_summarise_the_data(line: LineChart) -> None:
    line.set_data([ANA, BEN], Mark(80, "Pass mark 80%"), title="Scores over time")
    assert line.accessibleName() == "Scores over time"
    assert line.accessibleDescription() == (
        "Ana: 3 points, 2 Nov to 8 Nov, from 40% to 100%. "
        "Ben: 2 points, 3 Nov to 7 Nov, from 20% to 60%. Pass mark 80%.")
    assert line.toolTip() == line.accessibleDescription()


def test_no_data_says_so_and_draws_no_series(line: LineChart) -> None:
    line.set_data([Series("Ana", [])], Mark(80, "Pass mark 80%"), empty_text="No runs yet.")
    image = picture(line)
    assert line.series == []
    assert line.accessibleDescription() == "No runs yet."
    colours = {image.pixelColor(x, y).name() for x in range(0, SIZE[0], 7)
               for y in range(0, SIZE[1], 7)}
    assert color(0).name() not in colours
    assert MARK_COLOR not in colours
    assert BACKGROUND in colours


# ---------------------------------------------------------------------- bars


@pytest.fixture
def bars(qtbot: QtBot) -> BarChart:
    chart = BarChart()
    apply_base_look(chart)
    qtbot.addWidget(chart)
    chart.resize(*SIZE)
    return chart


def test_bars_are_as_tall_as_their_value_in_the_first_colour(bars: BarChart) -> None:
    bars.set_data([("Large latte", 25), ("Muffin + coffee", 50), ("Oat milk", 100)],
                  title="Acceptance by rule")
    image = picture(bars)
    g = bars.chart_geometry()

    assert len(g.bars) == 3
    for bar in g.bars:
        assert at(image, bar.center()) == color(0)
        assert bar.bottom() == pytest.approx(g.plot.bottom())
    heights = [bar.height() for bar in g.bars]
    assert heights[1] == pytest.approx(2 * heights[0])
    assert heights[2] == pytest.approx(g.plot.height())
    lefts = [bar.left() for bar in g.bars]
    assert lefts == sorted(lefts)
    assert not g.bars[0].intersects(g.bars[1])
    between = QPointF((g.bars[0].right() + g.bars[1].left()) / 2, g.bars[0].center().y())
    assert at(image, between) != color(0)
    assert bars.accessibleName() == "Acceptance by rule"
    assert bars.accessibleDescription() == (
        "Large latte 25%; Muffin + coffee 50%; Oat milk 100%.")


def test_values_over_100_get_a_round_scale_above_them(bars: BarChart) -> None:
    bars.set_data([("Mon", 130), ("Tue", 40)], unit="")
    assert bars.maximum == 150
    assert bars.y_ticks()[-1] <= 150
    assert bars.y_ticks()[0] == 0
    g = bars.chart_geometry()
    assert g.bars[0].height() == pytest.approx(g.plot.height() * 130 / 150)
    assert bars.accessibleDescription() == "Mon 130; Tue 40."


def test_a_bar_charts_mark_and_long_labels(bars: BarChart) -> None:
    bars.set_data([("A label far too long to fit under one narrow bar at all", 60),
                   ("B", 90)], mark=Mark(75, "Target 75%"))
    image = picture(bars)
    g = bars.chart_geometry()
    y = round(bars.y_for(75, g.plot))
    red = QColor(MARK_COLOR)
    assert any(image.pixelColor(x, y + d) == red
               for x in range(round(g.plot.left()), round(g.plot.right())) for d in (-1, 0, 1))
    assert bars.accessibleDescription().endswith("Target 75%.")
