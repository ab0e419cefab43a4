"""The Results page of the workspace (issue 10): for a date range, what the prompts did.

Totals (orders, average order value, attach rate, acceptance, revenue and margin added),
three bar charts (acceptance by rule, revenue added by day, offers by hour of day), and the
tables by rule, clerk, hour and day, each rule's true uplift against its held-out orders
in plain sentences, and the clerks' leaderboard when the store turned it on. Export CSV
writes what is shown, in the CSV of `pos-prompter report --format csv`.

The report is read by `load_report` (pos_prompter.store.reports) in a worker thread on a
connection of its own (`StoreJob`), never on the UI thread: the till beside the workspace
keeps selling while it loads. The page says "Loading…" meanwhile; a range asked for while
a load runs is read right after it, and the older result is dropped (never two loads at
once, never an old range shown over a newer one). The page reads the report each time it
is shown, and when the range changes. Practice stores are refused, as the command does.

It follows the store live: the workspace's StoreWatcher (a file-system watcher and a
commit check, no polling) calls `store_changed` on every commit, a sale paid at any till
in this process or another, and a page on screen reads the report again (the report
tables are kept by triggers, so a read is cheap). Changes coalesce: one load at a time; a
change during a load asks for one more after it, and the load under way is still shown
(it is the same range, only a moment older). A hidden page reads when it is next shown.
A live reload does not say "Loading…", and the tables keep their selection and scroll
position (rows that are the same rule, clerk, hour or day change in place).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.errors import InputError
from pos_prompter.core.report_csv import report_csv
from pos_prompter.core.results import Period, Report, Row
from pos_prompter.i18n import QT_TRANSLATE_NOOP, plural, say_error, translate
from pos_prompter.store import Store
from pos_prompter.store.reports import is_practice_store, load_report
from pos_prompter.ui.charts import BarChart, day_label, month_name
from pos_prompter.ui.jobs import JobRunner, StoreJob, deliver_to, jobs_of
from pos_prompter.ui.widgets import (
    ElidedLabel,
    dialog_button,
    edit_day,
    open_file_chooser,
    optional_date_edit,
    plain_label,
    set_edit_day,
)
from pos_prompter.ui.workspace.report_models import (
    MoneyText,
    ReportTableModel,
    clerk_model,
    day_model,
    hour_model,
    leaderboard_model,
    percent,
    rule_model,
    uplift_model,
    whole_cents,
)

"""A date edit at this (its minimum) means "no bound"; it shows the special text 'any'."""
QUICK_RANGES = ((QT_TRANSLATE_NOOP("report", "Today"), "reportToday", 1),
                (QT_TRANSLATE_NOOP("report", "7 days"), "reportWeek", 7),
                (QT_TRANSLATE_NOOP("report", "30 days"), "reportMonth", 30),
                (QT_TRANSLATE_NOOP("report", "All"), "reportAll", None))
"""The quick buttons: text (in English: shown translated), object name, days up to and
including today (None: all)."""
DEFAULT_DAYS = 30
MAX_RULE_BARS = 12
"""The acceptance chart shows the rules with the most offers, at most this many."""
MAX_DAY_BARS = 14
MAX_WEEK_BARS = 16
"""More days than MAX_DAY_BARS are added up by 7 days, more weeks than this by month (a
bar must be wide enough for its label and value)."""
COLUMN_WIDTHS = {"rules": {0: 170, 1: -1, 9: 130}, "clerks": {0: 150, 7: 160},
                 "days": {0: 110, 7: 160}, "hours": {0: 120, 7: 160},
                 "uplift": {0: 170, 5: 220, 6: -1}, "leaderboard": {1: -1}}
"""Widths of some columns (-1: takes the room left); the others fit their header."""

REPORT_QSS = """
#reportTile {
    background: #f6f8fb;
    border: 1px solid #d5dbe3;
    border-radius: 6px;
}
#reportTileCaption { color: #5b6675; }
#reportTileValue { font-size: 18px; font-weight: bold; color: #1f2a37; }
"""

@dataclass(frozen=True)
class ReportData:
    """One report as read in the worker, with the currency to write its money in."""

    report: Report
    currency: str


def load_results(store: Store, period: Period) -> ReportData:
    """Read the report of the real store for `period` (refusing a practice store)."""
    conn = store.db.conn
    if is_practice_store(conn):
        raise InputError(translate("report", "this is a practice store, and practice runs "
                                   "never count in the results: open the workspace on the "
                                   "real store"))
    report = load_report(conn, period)
    return ReportData(report, str(store.get_setting("currency") or "USD"))


# ---------------------------------------------------------------------- charts' data


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def revenue_bars(days: Sequence[Row], period: Period
                 ) -> tuple[str, list[tuple[str, float]]]:
    """Revenue added per day of the period (every day, none left out; an open end: the
    first or last day with figures), per 7 days or per month when there are too many days
    for readable bars (a bar then says which days it adds up); and what a bar is. A bar's
    height is the only money here that is a float; from 10 up, whole units (the label on
    a bar must fit it: the tables have the cents)."""
    revenue = {dt.date.fromisoformat(str(r.key)): r.outcomes.revenue for r in days}
    if not revenue:
        return "day", []
    first, last = period.start or min(revenue), period.end or max(revenue)
    span = (last - first).days + 1
    if span <= MAX_DAY_BARS:
        unit, bucket = "day", (lambda d: d)
    elif span <= MAX_WEEK_BARS * 7:  # 7 days ending on the last: only the first is short
        unit, bucket = "week", (lambda d: last - dt.timedelta(days=(last - d).days // 7 * 7))
    else:
        unit, bucket = "month", (lambda d: d.replace(day=1))
    totals: dict[dt.date, int] = {}
    spans: dict[dt.date, tuple[dt.date, dt.date]] = {}
    day = first
    while day <= last:
        key = bucket(day)
        totals[key] = totals.get(key, 0) + revenue.get(day, 0)
        spans[key] = (spans.get(key, (day, day))[0], day)
        day += dt.timedelta(days=1)
    whole = max(totals.values()) >= 1000

    def label(key: dt.date) -> str:
        low, high = spans[key]
        if unit == "day":
            return day_label(low)
        if unit == "month" and low.day == 1 and (high + dt.timedelta(days=1)).day == 1:
            return f"{month_name(low.month)} {low.year}"
        if low.month == high.month:
            return f"{low.day}\N{EN DASH}{high.day} {month_name(high.month)}"
        return f"{day_label(low)}\N{EN DASH}{day_label(high)}"

    def height(cents: int) -> float:
        return float(round(Decimal(cents) / 100)) if whole else float(Decimal(cents) / 100)

    return unit, [(label(d), height(c)) for d, c in sorted(totals.items())]


def offer_bars(hours: Sequence[Row]) -> list[tuple[str, float]]:
    """Prompts shown per hour of day, every hour from the first to the last."""
    shown = {int(r.key): r.outcomes.shown for r in hours if isinstance(r.key, int)}
    if not any(shown.values()):
        return []
    busy = [h for h, n in shown.items() if n]
    return [(f"{h:02d}", float(shown.get(h, 0))) for h in range(min(busy), max(busy) + 1)]


def scale_top(values: Sequence[float]) -> float:
    """The top of a bar chart's scale: a round number at or above the largest value (1
    when there is nothing above zero), so small figures fill the chart too."""
    largest = max([*values, 0.0])
    if largest <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(largest))
    return float(next(m * power for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)
                      if m * power >= largest))


def acceptance_bars(rules: Sequence[Row]) -> list[tuple[str, float]]:
    """Acceptance rate (%) of the rules with the most offers, most offered first."""
    offered = sorted((r for r in rules if r.outcomes.shown),
                     key=lambda r: (-r.outcomes.shown, str(r.key)))[:MAX_RULE_BARS]
    return [(str(r.title or r.key), round((r.outcomes.acceptance_rate or 0) * 100, 1))
            for r in offered]


# ---------------------------------------------------------------------- the page


class ReportView(QWidget):
    """The Results tab (`reportView`) over the store file `store.path`.

    `today` is the day the quick ranges count back from (None: today); `debounce_ms` how
    long a date edit waits before the report is read again (0: at once).

    Signals:
        loaded(object): a report is shown; carries the `Report`.
        exported(str): a CSV file was written; carries its path.
    """

    loaded = Signal(object)
    exported = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None, *,
                 today: dt.date | None = None, debounce_ms: int = 300,
                 jobs: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportView")
        self.store = store
        self.jobs = jobs
        """Runs the loads (None: the runner handed down to this page's window, `jobs_of`)."""
        self.today = today
        self.money = MoneyText()
        self.file_dialog: QFileDialog | None = None
        self._data: ReportData | None = None
        self._job: StoreJob | None = None
        self._job_period: Period | None = None
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(debounce_ms, 0))
        self._timer.timeout.connect(self.load)
        self.setStyleSheet(REPORT_QSS)
        self._build()
        self.quick_range(DEFAULT_DAYS, load=False)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.from_date = optional_date_edit("reportFrom", self)
        self.to_date = optional_date_edit("reportTo", self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(translate("report", "From"), self))
        bar.addWidget(self.from_date)
        bar.addWidget(QLabel(translate("report", "to"), self))
        bar.addWidget(self.to_date)
        for text, name, days in QUICK_RANGES:
            bar.addWidget(dialog_button(translate("report", text), name, self,
                                        partial(self.quick_range, days)))
        self.status = ElidedLabel("reportStatus", self)  # a long range never widens the page
        bar.addWidget(self.status, 1)
        self.refresh_button = dialog_button(translate("report", "Refresh"), "reportRefresh",
                                            self, self.load)
        self.export_button = dialog_button(translate("report", "Export CSV…"), "reportExport",
                                           self, self.export_csv)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.export_button)
        self.from_date.dateChanged.connect(self._schedule)
        self.to_date.dateChanged.connect(self._schedule)

        tiles = QHBoxLayout()
        self.tiles: dict[str, QLabel] = {}
        for name, caption in (("orders", translate("report", "Paid orders")),
                              ("aov", translate("report", "Average order")),
                              ("attach", translate("report", "Attach rate")),
                              ("acceptance", translate("report", "Offers accepted")),
                              ("revenue", translate("report", "Revenue added")),
                              ("margin", translate("report", "Margin added"))):
            tiles.addWidget(self._tile(name, caption), 1)

        self.acceptance_chart = BarChart(self, object_name="acceptanceByRuleChart")
        self.revenue_chart = BarChart(self, object_name="revenueByDayChart")
        self.offers_chart = BarChart(self, object_name="offersByHourChart")
        charts = QWidget(self)
        charts_layout = QHBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        for chart in (self.acceptance_chart, self.revenue_chart, self.offers_chart):
            chart.setMinimumSize(220, 200)  # three side by side in a 1024-wide window
            charts_layout.addWidget(chart, 1)

        self.models: dict[str, ReportTableModel] = {
            "rules": rule_model(self.money, self), "clerks": clerk_model(self.money, self),
            "hours": hour_model(self.money, self), "days": day_model(self.money, self),
            "uplift": uplift_model(self.money, self), "leaderboard": leaderboard_model(self)}
        self.tables: dict[str, QTableView] = {}
        self.table_tabs = QTabWidget(self)
        self.table_tabs.setObjectName("reportTables")
        for key, title in (("rules", translate("report", "By rule")),
                           ("clerks", translate("report", "By clerk")),
                           ("hours", translate("report", "By hour")),
                           ("days", translate("report", "By day")),
                           ("uplift", translate("report", "True uplift")),
                           ("leaderboard", translate("report", "Leaderboard"))):
            self.tables[key] = self._table(key)
            self.table_tabs.addTab(self.tables[key], title)
        self.leaderboard_tab = self.table_tabs.indexOf(self.tables["leaderboard"])
        self.table_tabs.setTabVisible(self.leaderboard_tab, False)
        self.tables["uplift"].setWordWrap(True)  # the sentences; one row per rule with a
        self.tables["uplift"].verticalHeader().setSectionResizeMode(  # holdout: a few
            QHeaderView.ResizeMode.ResizeToContents)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("reportSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(charts)
        self.splitter.addWidget(self.table_tabs)
        self.splitter.setSizes([250, 350])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(tiles)
        layout.addWidget(self.splitter, 1)

    def _tile(self, name: str, caption: str) -> QFrame:
        tile = QFrame(self)
        tile.setObjectName("reportTile")
        caption_label = plain_label("reportTileCaption", tile, wrap=False)
        caption_label.setText(caption)
        value = plain_label("reportTileValue", tile, wrap=False)
        value.setAccessibleName(caption)
        value.setText("\N{EN DASH}")
        self.tiles[name] = value
        box = QVBoxLayout(tile)
        box.setContentsMargins(10, 6, 10, 6)
        box.setSpacing(2)
        box.addWidget(caption_label)
        box.addWidget(value)
        return tile

    def _table(self, key: str) -> QTableView:
        table = QTableView(self)
        table.setObjectName(f"report{key.capitalize()}Table")
        table.setModel(self.models[key])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fm = header.fontMetrics()
        widths = COLUMN_WIDTHS.get(key, {})
        for column, title in enumerate(self.models[key].headers):
            width = widths.get(column, max(84, fm.horizontalAdvance(title) + 34))
            if width < 0:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                header.setStretchLastSection(False)
            else:
                header.resizeSection(column, width)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        return table

    # ------------------------------------------------------------------ the range

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    def period(self) -> Period:
        """The range the edits show (raises InputError when it ends before it starts)."""
        period = Period(edit_day(self.from_date), edit_day(self.to_date))
        if period.start and period.end and period.start > period.end:
            raise InputError(translate("report", "the range starts on {start}, after it ends "
                                       "({end})").format(start=period.start, end=period.end))
        return period

    def set_range(self, start: dt.date | None, end: dt.date | None, *,
                  load: bool = True) -> None:
        """Show the range `start` to `end` (both included; None: no bound), and read its
        report now (`load`)."""
        for edit, day in ((self.from_date, start), (self.to_date, end)):
            edit.blockSignals(True)
            set_edit_day(edit, day)
            edit.blockSignals(False)
        if load:
            self.load()

    def quick_range(self, days: int | None, *, load: bool = True) -> None:
        """The last `days` days up to today, both included (None: all history)."""
        if days is None:
            self.set_range(None, None, load=load)
        else:
            today = self._today()
            self.set_range(today - dt.timedelta(days=days - 1), today, load=load)

    @Slot()
    def _schedule(self) -> None:
        if self._timer.interval() == 0:
            self.load()
        else:
            self._timer.start()

    # ------------------------------------------------------------------ loading

    @property
    def loading(self) -> bool:
        """A load is under way."""
        return self._job is not None

    @property
    def report(self) -> Report | None:
        """The report shown (None before the first arrives)."""
        return self._data.report if self._data is not None else None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.load()  # sales since it was last shown: cheap (the report tables), off-thread

    @Slot()
    def store_changed(self) -> None:
        """Something was committed to the store (a sale at a till, a publish): read the
        report again if the page is on screen (a hidden one reads when shown)."""
        if self.isVisible():
            self.load(live=True)

    @Slot()
    def load(self, live: bool = False) -> None:
        """Read the report of the range shown, in a worker thread. Asked while a load
        runs: this range is read right after it (that load's result is dropped unless it
        is of this range too). `live`: a reload for new sales, which keeps the status line
        as it is while a report is shown."""
        self._timer.stop()
        try:
            period = self.period()
        except InputError as exc:
            said = say_error(exc)
            self.status.set_full_text(said[:1].upper() + said[1:] + ".")
            return
        if self.store.path is None:
            self.status.set_full_text(translate("report", "This store has no file to read the "
                                                "results from."))
            return
        if not live or self._data is None:
            self.status.set_full_text(translate("report", "Loading…"))
        if self._job is not None:
            self._again = True
            return
        self._again = False
        job = StoreJob(self.store.path,  # no parent: the runner keeps it
                       lambda store, _progress: load_results(store, period))
        deliver_to(job, self, lambda me: me._job is job, ReportView._arrived,
                   lambda me, headline, problems: me._arrived(
                       None, problems[0] if problems else headline))
        self._job, self._job_period = job, period
        (self.jobs if self.jobs is not None else jobs_of(self)).launch(job)

    def _arrived(self, data: ReportData | None, problem: str = "") -> None:
        asked, self._job, self._job_period = self._job_period, None, None
        if self._again:  # asked again meanwhile: read now, showing this one if still wanted
            try:
                current: Period | None = self.period()
            except InputError:
                current = None
            if data is not None and asked == current:
                self._show(data)
            self.load(live=data is not None and asked == current)
            return
        if data is None:
            self.status.set_full_text(translate("report", "Could not read the results: "
                                                "{problem}").format(problem=problem))
            return
        self._show(data)

    # ------------------------------------------------------------------ showing

    def _show(self, data: ReportData) -> None:
        self._data = data
        report = data.report
        self.money.currency = data.currency
        for key in ("rules", "clerks", "hours", "days", "uplift"):
            self._set_rows(key, getattr(report, key))
        self._set_rows("leaderboard", report.leaderboard or [])
        self.table_tabs.setTabVisible(self.leaderboard_tab, report.leaderboard is not None)
        if report.leaderboard is not None:
            self.table_tabs.setTabToolTip(
                self.leaderboard_tab, translate(
                    "report", "Clerks with at least {n} paid orders in the range, by offers "
                    "made, then accepted.").format(n=report.leaderboard_min_orders))
        self._show_totals(report)
        self._show_charts(report)
        orders = report.totals.orders.orders if report.totals.orders else 0
        everything = report.period.start is None and report.period.end is None
        self.status.set_full_text(  # the range is in the date fields beside it
            plural(orders, translate("report", "{n} paid order in all history."),
                   translate("report", "{n} paid orders in all history."))
            if everything else
            plural(orders, translate("report", "{n} paid order in the range."),
                   translate("report", "{n} paid orders in the range.")))
        self.loaded.emit(report)

    def _set_rows(self, key: str, items: Sequence[object]) -> None:
        """Put `items` in table `key`, keeping its selected row (the same rule, clerk, hour
        or day) and its scroll position."""
        table, model = self.tables[key], self.models[key]
        chosen = table.selectionModel().selectedRows()
        item = model.item_at(chosen[0]) if chosen else None
        bars = (table.verticalScrollBar(), table.horizontalScrollBar())
        at = [bar.value() for bar in bars]
        if model.set_items(items):
            return  # changed in place: nothing moved
        table.doItemsLayout()  # the scroll range of the new rows, now
        row = None if item is None or model.key is None else model.row_of(model.key(item))
        if row is not None:
            table.selectRow(row)
        for bar, value in zip(bars, at, strict=True):
            bar.setValue(value)

    def _show_totals(self, report: Report) -> None:
        totals = report.totals
        orders = totals.orders
        aov = orders.average_order_value if orders else None
        outcomes = totals.outcomes
        margin = outcomes.margin_added
        self.tiles["orders"].setText(str(orders.orders if orders else 0))
        self.tiles["aov"].setText("\N{EN DASH}" if aov is None
                                  else self.money(whole_cents(aov * 100)))
        self.tiles["attach"].setText(percent(orders.attach_rate if orders else None))
        self.tiles["acceptance"].setText(
            translate("report", "{accepted} of {shown} ({rate})").format(
                accepted=outcomes.accepted, shown=outcomes.shown,
                rate=percent(outcomes.acceptance_rate)))
        self.tiles["revenue"].setText(self.money(outcomes.revenue))
        self.tiles["margin"].setText("\N{EN DASH}" if margin is None else self.money(margin))
        self.tiles["margin"].setToolTip(
            "" if margin is None else translate(
                "report", "On {known} of {accepted} accepted offers (the others' costs are not "
                "known).").format(known=outcomes.margin_accepted, accepted=outcomes.accepted))

    def _show_charts(self, report: Report) -> None:
        nothing = translate("report", "No offers in this range.")
        self.acceptance_chart.set_data(acceptance_bars(report.rules),
                                       title=translate("report", "Acceptance by rule"),
                                       unit="%", empty_text=nothing)
        unit, bars = revenue_bars(report.days, report.period)
        by_unit = {"day": translate("report", "Revenue added by day ({currency})"),
                   "week": translate("report", "Revenue added by week ({currency})"),
                   "month": translate("report", "Revenue added by month ({currency})")}
        self.revenue_chart.set_data(
            bars, title=by_unit[unit].format(currency=self.money.currency), unit="",
            maximum=scale_top([v for _l, v in bars]), empty_text=nothing)
        offers = offer_bars(report.hours)
        self.offers_chart.set_data(offers, title=translate("report", "Offers by hour of day"),
                                   unit="",
                                   maximum=scale_top([v for _l, v in offers]),
                                   empty_text=nothing)

    # ------------------------------------------------------------------ export

    def _chooser_closed(self) -> None:
        dialog, self.file_dialog = self.file_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def export_csv(self, path: Path | None = None) -> None:
        """Write the report shown as `pos-prompter report --format csv` writes it (one
        section per table) to `path`; without one, ask where (without blocking)."""
        if self._data is None:
            self.status.set_full_text(translate("report", "No results to export yet."))
            return
        if path is None:
            self.file_dialog = open_file_chooser(
                self, "reportExportFile", translate("report", "Export the results"),
                translate("audit", "CSV files (*.csv)"),
                self.export_csv, self._chooser_closed, save_as="results.csv", suffix="csv")
            return
        try:
            path.write_text(report_csv(self._data.report.to_json()), encoding="utf-8",
                            newline="")
        except OSError as exc:
            self.status.set_full_text(translate("audit", "Could not write {path} ({reason}).")
                                      .format(path=path, reason=exc.strerror))
            return
        self.status.set_full_text(translate("report", "Exported the results to {path}.")
                                  .format(path=path))
        self.exported.emit(str(path))
