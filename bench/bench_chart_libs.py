"""Which chart library for the trainer view and the managers' reports: cost and look.

    python3 bench/bench_chart_libs.py                  # 7 runs of each, screenshots, PyPI checks
    python3 bench/bench_chart_libs.py --quick          # 2 runs of each, no PyPI checks
    python3 bench/bench_chart_libs.py --python python3.11 --root /tmp/chartbench

Candidates, each in its own scratch venv under --root (never the project's .venv; nothing is
added to pyproject.toml), all with the PySide6-Essentials version that /work/main/.venv has
(or --qt VERSION):
- none:       a QPainter-drawn chart widget of our own (below: about 120 lines), no install
- qtcharts:   Qt Charts, from PySide6-Addons pinned to exactly the Essentials version
- pyqtgraph:  pyqtgraph (pulls numpy)
- matplotlib: matplotlib's QtAgg backend (pulls numpy, pillow, fonttools, contourpy, ...)
- baseline:   a bare QWidget, in the Essentials-only venv

1. Install size: `du -sb` of the venv's site-packages with Essentials only, and after adding
   the candidate; the wheels' download size (pip download into a folder, then installed
   from it with --no-index), what the candidate adds over Essentials + shiboken6.
2. Start-up: one fresh process per run (QT_QPA_PLATFORM=offscreen), timed by this parent
   from just before Popen to the child's "ready" line: the interpreter, `import PySide6`,
   QApplication, importing the chart library, a first chart of 5 lines x 30 points (dates
   on x, score 0-100 on y, a dashed pass mark at 80, a legend) in a 1024x700 widget,
   shown and grabbed into a QPixmap. The baseline does the same with a bare QWidget.
   One untimed warm-up run of each (OS file cache, matplotlib's font cache), then rounds
   of all five in a rotating order; median of --runs, ratio against the baseline. The
   child also reports its own split: library import, and chart build + grab.
3. Look: /tmp/charts/NAME.png (the line chart) and NAME-bars.png (acceptance by rule).
4. Maintenance: the newest version on PyPI (`pip index versions`) and its month (from the
   local package list, if there), and whether the candidate resolves to wheels on CPython
   3.11, 3.12 and 3.13 (pip's --dry-run resolver with --python-version; nothing installed).

The child side of this file (--child) imports only the standard library at the top, so the
baseline and the candidates pay the same for the script itself.
"""

from __future__ import annotations

import os
import sys
import time

T0 = time.perf_counter()

W, H = 1024, 700
PASS_MARK = 80
NAMES = ("Ana", "Ben", "Chloe", "Dev", "Eli")
COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b")
RULES = ("Large latte", "Muffin + coffee", "Oat milk", "Extra shot", "Cookie at till",
         "Combo meal", "Water bottle", "Gift card")


def practice_data() -> tuple[list[int], list[tuple[str, list[float]]]]:
    """30 practice days (epoch seconds, UTC midnight) and 5 trainees' scores, deterministic."""
    import random

    day0 = 1_790_812_800  # 2026-10-01 00:00 UTC
    days = [day0 + i * 86_400 for i in range(30)]
    rng = random.Random(7)
    lines = []
    for name in NAMES:
        score = rng.uniform(35, 60)
        ys = []
        for _ in days:
            score = min(100.0, max(0.0, score + rng.uniform(-6, 9)))
            ys.append(round(score, 1))
        lines.append((name, ys))
    return days, lines


def bar_data() -> list[tuple[str, float]]:
    import random

    rng = random.Random(11)
    return [(rule, round(rng.uniform(8, 65), 1)) for rule in RULES]


# ---------------------------------------------------------------- child: one chart per library


def build_baseline(kind: str):
    from PySide6.QtWidgets import QWidget

    return QWidget()


def build_label(kind: str):
    """For reading the figures: a QWidget with one line of text, i.e. the baseline plus
    the first text drawn (font database, glyphs), which any chart, and the till, pays."""
    from PySide6.QtWidgets import QLabel

    return QLabel(f"pass mark {PASS_MARK}")


def build_none(kind: str):
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
    from PySide6.QtWidgets import QWidget

    class Chart(QWidget):
        """What our own widget would be: axes, grid, lines or bars, a pass mark, a legend."""

        def __init__(self) -> None:
            super().__init__()
            self.setAutoFillBackground(True)
            palette = self.palette()
            palette.setColor(self.backgroundRole(), QColor("white"))
            self.setPalette(palette)

        def paintEvent(self, event) -> None:
            p = QPainter(self)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            font = QFont(self.font())
            font.setPointSize(11)
            p.setFont(font)
            fm = QFontMetrics(font)
            left, right, top = fm.horizontalAdvance("100") + 16, 16, fm.height() * 2 + 16
            bottom = fm.height() * (3 if kind == "bars" else 2) + 8
            plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
            ymax = 100.0

            def y_at(v: float) -> float:
                return plot.bottom() - v / ymax * plot.height()

            p.setPen(QPen(QColor("#dddddd"), 1))
            for v in range(0, 101, 20):
                p.drawLine(QPointF(plot.left(), y_at(v)), QPointF(plot.right(), y_at(v)))
                p.setPen(QColor("#333333"))
                p.drawText(QRectF(0, y_at(v) - fm.height() / 2, left - 8, fm.height()),
                           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(v))
                p.setPen(QPen(QColor("#dddddd"), 1))
            p.setPen(QPen(QColor("#333333"), 1))
            p.drawLine(plot.bottomLeft(), plot.bottomRight())
            p.drawLine(plot.bottomLeft(), plot.topLeft())
            if kind == "bars":
                self.paint_bars(p, fm, plot, y_at)
            else:
                self.paint_lines(p, fm, plot, y_at, top)
            p.end()

        def paint_lines(self, p, fm, plot, y_at, top) -> None:
            import datetime as dt

            days, lines = practice_data()
            span = days[-1] - days[0]

            def x_at(t: float) -> float:
                return plot.left() + (t - days[0]) / span * plot.width()

            for t in days[::7]:
                label = dt.datetime.fromtimestamp(t, dt.UTC).strftime("%-d %b")
                p.setPen(QColor("#333333"))
                p.drawLine(QPointF(x_at(t), plot.bottom()), QPointF(x_at(t), plot.bottom() + 4))
                p.drawText(QRectF(x_at(t) - 40, plot.bottom() + 6, 80, fm.height()),
                           Qt.AlignmentFlag.AlignHCenter, label)
            for (_name, ys), color in zip(lines, COLORS, strict=True):
                p.setPen(QPen(QColor(color), 2))
                p.drawPolyline([QPointF(x_at(t), y_at(v)) for t, v in zip(days, ys, strict=True)])
            p.setPen(QPen(QColor("#d62728"), 2, Qt.PenStyle.DashLine))
            mark = y_at(PASS_MARK)
            p.drawLine(QPointF(plot.left(), mark), QPointF(plot.right(), mark))
            p.drawText(QPointF(plot.left() + 6, y_at(PASS_MARK) - 4), f"pass mark {PASS_MARK}")
            x = plot.left()
            for name, color in zip(NAMES, COLORS, strict=True):
                p.fillRect(QRectF(x, top / 2 - 5, 18, 10), QColor(color))
                p.setPen(QColor("#333333"))
                p.drawText(QPointF(x + 24, top / 2 + fm.ascent() / 2 - 1), name)
                x += 24 + fm.horizontalAdvance(name) + 20

        def paint_bars(self, p, fm, plot, y_at) -> None:
            data = bar_data()
            slot = plot.width() / len(data)
            for i, (rule, value) in enumerate(data):
                x = plot.left() + i * slot
                bar = QRectF(x + slot * 0.15, y_at(value), slot * 0.7, plot.bottom() - y_at(value))
                p.fillRect(bar, QColor(COLORS[0]))
                p.setPen(QColor("#333333"))
                p.drawText(QRectF(x, y_at(value) - fm.height() - 2, slot, fm.height()),
                           Qt.AlignmentFlag.AlignHCenter, f"{value:g}%")
                p.drawText(QRectF(x, plot.bottom() + 6, slot, fm.height() * 2),
                           Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, rule)
            p.drawText(QPointF(plot.left(), fm.height() + 4), "Acceptance by rule (%)")

    return Chart()


def build_qtcharts(kind: str):
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QChart,
        QChartView,
        QDateTimeAxis,
        QLineSeries,
        QValueAxis,
    )
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPainter, QPen

    chart = QChart()
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    ay = QValueAxis()
    ay.setRange(0, 100)
    ay.setTickCount(6)
    ay.setLabelFormat("%d")
    chart.addAxis(ay, Qt.AlignmentFlag.AlignLeft)
    if kind == "bars":
        data = bar_data()
        bars = QBarSet("acceptance %")
        bars.append([v for _, v in data])
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        ax = QBarCategoryAxis()
        ax.append([rule for rule, _ in data])
        chart.addAxis(ax, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(ax)
        series.attachAxis(ay)
        chart.setTitle("Acceptance by rule (%)")
    else:
        days, lines = practice_data()
        ax = QDateTimeAxis()
        ax.setFormat("d MMM")
        ax.setTickCount(6)
        chart.addAxis(ax, Qt.AlignmentFlag.AlignBottom)
        for (name, ys), color in zip(lines, COLORS, strict=True):
            s = QLineSeries()
            s.setName(name)
            s.setPen(QPen(QColor(color), 2))
            for t, v in zip(days, ys, strict=True):
                s.append(t * 1000.0, v)
            chart.addSeries(s)
            s.attachAxis(ax)
            s.attachAxis(ay)
        mark = QLineSeries()
        mark.setName(f"pass mark {PASS_MARK}")
        mark.setPen(QPen(QColor("#d62728"), 2, Qt.PenStyle.DashLine))
        mark.append(days[0] * 1000.0, PASS_MARK)
        mark.append(days[-1] * 1000.0, PASS_MARK)
        chart.addSeries(mark)
        mark.attachAxis(ax)
        mark.attachAxis(ay)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    return view


def build_pyqtgraph(kind: str):
    import pyqtgraph as pg
    from PySide6.QtCore import Qt

    pg.setConfigOptions(antialias=True, background="w", foreground="#333333")
    if kind == "bars":
        data = bar_data()
        w = pg.PlotWidget(title="Acceptance by rule (%)")
        w.addItem(pg.BarGraphItem(x=list(range(len(data))), height=[v for _, v in data],
                                  width=0.7, brush=COLORS[0]))
        w.getAxis("bottom").setTicks([[(i, rule) for i, (rule, _) in enumerate(data)]])
    else:
        days, lines = practice_data()
        w = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        w.addLegend(offset=(10, 10))
        for (name, ys), color in zip(lines, COLORS, strict=True):
            w.plot(days, ys, pen=pg.mkPen(color, width=2), name=name)
        w.addItem(pg.InfiniteLine(pos=PASS_MARK, angle=0, label=f"pass mark {PASS_MARK}",
                                  pen=pg.mkPen("#d62728", width=2, style=Qt.PenStyle.DashLine)))
    w.setYRange(0, 100)
    w.showGrid(y=True, alpha=0.3)
    return w


def build_matplotlib(kind: str):
    import matplotlib

    matplotlib.use("QtAgg")
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    fig = Figure(layout="constrained")
    canvas = FigureCanvasQTAgg(fig)
    ax = fig.add_subplot()
    if kind == "bars":
        data = bar_data()
        ax.bar([rule for rule, _ in data], [v for _, v in data], color=COLORS[0])
        ax.set_title("Acceptance by rule (%)")
        ax.tick_params(axis="x", labelrotation=20)
    else:
        import datetime as dt

        import matplotlib.dates as mdates

        days, lines = practice_data()
        dates = [dt.datetime.fromtimestamp(t, dt.UTC) for t in days]
        for (name, ys), color in zip(lines, COLORS, strict=True):
            ax.plot(dates, ys, label=name, color=color, linewidth=2)
        ax.axhline(PASS_MARK, color="#d62728", linestyle="--", linewidth=2,
                   label=f"pass mark {PASS_MARK}")
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
        ax.legend(loc="lower right")
    ax.set_ylim(0, 100)
    ax.grid(axis="y", alpha=0.3)
    return canvas


BUILDERS = {"baseline": build_baseline, "label": build_label, "none": build_none,
            "qtcharts": build_qtcharts, "pyqtgraph": build_pyqtgraph,
            "matplotlib": build_matplotlib}
LIBRARY = {"baseline": None, "label": None, "none": None, "qtcharts": "PySide6.QtCharts",
           "pyqtgraph": "pyqtgraph", "matplotlib": "matplotlib.backends.backend_qtagg"}


def child(name: str, kind: str, shot: str) -> None:
    import importlib

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    t1 = time.perf_counter()
    if LIBRARY[name]:
        importlib.import_module(LIBRARY[name])
    t2 = time.perf_counter()
    widget = BUILDERS[name](kind)
    widget.resize(W, H)
    widget.show()
    pixmap = widget.grab()
    t3 = time.perf_counter()
    if pixmap.isNull() or pixmap.width() != W * pixmap.devicePixelRatio():
        sys.exit(f"bad grab: {pixmap.width()}x{pixmap.height()}")
    print(f"ready {(t3 - T0) * 1e3:.2f} {(t2 - t1) * 1e3:.2f} {(t3 - t2) * 1e3:.2f}", flush=True)
    if shot:
        pixmap.save(shot)
    del app


# ---------------------------------------------------------------- parent: venvs, runs, report


CANDIDATES = ("none", "qtcharts", "pyqtgraph", "matplotlib")
EXTRA = {"qtcharts": ["PySide6-Addons=={qt}"], "pyqtgraph": ["pyqtgraph"],
         "matplotlib": ["matplotlib"]}
PACKAGE = {"qtcharts": "PySide6-Addons", "pyqtgraph": "pyqtgraph", "matplotlib": "matplotlib"}


def sh(*cmd: str, **kw) -> str:
    import subprocess

    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def site_packages(venv) -> object:
    return next((venv / "lib").glob("python3*/site-packages"))


def du(path) -> int:
    return int(sh("du", "-sb", str(path)).split()[0])


def make_venv(root, python: str, name: str, reqs: list[str]) -> dict:
    """A venv with `reqs` installed from wheels downloaded into root/wheels-NAME;
    reused when its stamp says the same requirements are in."""
    import json

    venv, wheels = root / f"venv-{name}", root / f"wheels-{name}"
    stamp = venv / "bench-stamp.json"
    if stamp.exists() and json.loads(stamp.read_text())["reqs"] == reqs:
        return json.loads(stamp.read_text())
    sh(python, "-m", "venv", "--clear", str(venv))
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    before = du(site_packages(venv))
    sh(*pip, "download", "--only-binary=:all:", "-d", str(wheels), *reqs)
    sh(*pip, "install", "--no-index", "--find-links", str(wheels), *reqs)
    info = {"reqs": reqs, "before": before, "after": du(site_packages(venv)),
            "wheels": {f.name: f.stat().st_size for f in wheels.iterdir()},
            "python": str(venv / "bin" / "python")}
    stamp.write_text(json.dumps(info))
    return info


def installed(info: dict) -> list[str]:
    out = sh(info["python"], "-m", "pip", "--disable-pip-version-check", "list", "--format=freeze")
    return [p for p in out.split() if not p.startswith(("pip==", "setuptools=="))]


def run_child(python: str, name: str, kind: str = "lines", shot: str = "") -> list[float]:
    import subprocess

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    proc = subprocess.Popen([python, __file__, "--child", name, kind, shot], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("ready "):
            wall = (time.perf_counter() - start) * 1e3
            break
    else:
        raise SystemExit(f"{name}: no ready line: {proc.stderr.read() if proc.stderr else ''}")
    proc.wait(timeout=60)
    own = [float(x) for x in line.split()[1:]]
    return [wall, *own]


def maintenance(python: str, root, qt: str) -> None:
    """Newest version on PyPI and whether each candidate resolves on CPython 3.11-3.13."""
    import json
    import re
    import subprocess
    from pathlib import Path

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    listed = {}
    tsv = Path("/work/.library/env/packages/pypi.tsv")
    if tsv.exists():
        for row in tsv.read_text(encoding="utf-8").splitlines():
            cols = row.split("\t")
            listed[norm(cols[0])] = cols[1:3]
    print("\nMaintenance (PyPI, this platform's wheels; pip --dry-run resolves, installs nothing)")
    print(f"  {'package':20}{'newest':>8}{'month':>9}{'requires':>16}   "
          "resolves with Essentials (project's pin) on CPython 3.11 / 3.12 / 3.13 to")
    pip = [python, "-m", "pip", "--disable-pip-version-check"]
    for name in ("PySide6-Essentials", *PACKAGE.values()):
        out = sh(*pip, "index", "versions", name)
        newest = out.split("(")[1].split(")")[0] if "(" in out else "?"
        version, month = listed.get(norm(name), ["", ""])
        month = month if version == newest else "?"
        got, requires = [], "?"
        for py in ("3.11", "3.12", "3.13"):
            ess = f"PySide6-Essentials=={qt}" if py == "3.11" else "PySide6-Essentials>=6.8"
            report = root / f"resolve-{name}-{py}.json"
            try:
                sh(*pip, "-q", "install", "--dry-run", "--ignore-installed", "--only-binary=:all:",
                   "--python-version", py, "--target", str(root / "never"), "--report",
                   str(report), ess, name)
            except subprocess.CalledProcessError as error:  # the resolver said no: the answer
                got.append("NO: " + (error.stderr.strip().splitlines() or ["?"])[-1][:60])
                continue
            meta = {norm(i["metadata"]["name"]): i["metadata"]
                    for i in json.loads(report.read_text())["install"]}
            requires = meta[norm(name)].get("requires_python") or "-"
            numpy = f", numpy {meta['numpy']['version']}" if "numpy" in meta else ""
            got.append(f"{meta[norm(name)]['version']} (Qt {meta['pyside6-essentials']['version']}"
                       f"{numpy})")
        print(f"  {name:20}{newest:>8}{month:>9}{requires:>16}   " + " / ".join(got))


def mib(n: float) -> str:
    return f"{n / 2**20:.1f} MiB"


def main() -> int:
    import argparse
    import statistics
    import subprocess
    from pathlib import Path

    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here))
    from _stats import header

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default="python3.11", help="interpreter for the venvs")
    parser.add_argument("--qt", help="PySide6-Essentials version (default: the project venv's)")
    parser.add_argument("--root", default="/tmp/chartbench", help="venvs and wheels go here")
    parser.add_argument("--shots", default="/tmp/charts", help="screenshots go here")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="2 runs, no PyPI checks")
    args = parser.parse_args()
    runs = 2 if args.quick else args.runs
    qt = args.qt or subprocess.run(
        [str(here.parent / ".venv" / "bin" / "python"), "-c",
         "import importlib.metadata as m; print(m.version('PySide6-Essentials'))"],
        capture_output=True, text=True, check=True).stdout.strip()
    root, shots = Path(args.root), Path(args.shots)
    root.mkdir(parents=True, exist_ok=True)
    shots.mkdir(parents=True, exist_ok=True)
    header("Chart libraries for the trainer view: install size, start-up, look",
           [f"PySide6-Essentials {qt} in scratch venvs under {root} ({args.python}); "
            f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}",
            f"start-up: fresh process to a {W}x{H} chart of 5 lines x 30 points grabbed, "
            f"median of {runs} runs, rotating order, after one warm-up of each"])

    ess = [f"PySide6-Essentials=={qt}"]
    venvs = {"baseline": make_venv(root, args.python, "essentials", ess)}
    venvs["none"] = venvs["label"] = venvs["baseline"]
    for name in EXTRA:
        reqs = ess + [r.format(qt=qt) for r in EXTRA[name]]
        venvs[name] = make_venv(root, args.python, name, reqs)
    base = venvs["baseline"]

    print("\nInstall size (site-packages, du -sb; wheels as downloaded)")
    print(f"  {'':12}{'site-packages':>16}{'added':>14}{'wheels added':>16}   packages added")
    print(f"  {'Essentials':12}{mib(base['after']):>16}{mib(base['after'] - base['before']):>14}"
          f"{mib(sum(base['wheels'].values())):>16}   {' '.join(installed(base))}")
    for name in ("none", *EXTRA):
        v = venvs[name]
        added = [p for p in installed(v) if p not in installed(base)]
        wheels = sum(s for f, s in v["wheels"].items() if f not in base["wheels"])
        print(f"  {name:12}{mib(v['after']):>16}{mib(v['after'] - base['after']):>14}"
              f"{mib(wheels):>16}   {' '.join(added) or '-'}")

    names = ["baseline", "label", *CANDIDATES]
    for name in names:  # warm-up, and the screenshots (saving is after the timed part)
        run_child(venvs[name]["python"], name, "lines", str(shots / f"{name}.png"))
        if name in CANDIDATES:
            run_child(venvs[name]["python"], name, "bars", str(shots / f"{name}-bars.png"))
    samples: dict[str, list[list[float]]] = {n: [] for n in names}
    for i in range(runs):
        order = names[i % len(names):] + names[:i % len(names)]
        for name in order:
            samples[name].append(run_child(venvs[name]["python"], name))

    def med(name: str, k: int) -> float:
        return statistics.median(s[k] for s in samples[name])

    print(f"\nStart-up to a first chart grabbed, ms (median of {runs} fresh processes)")
    print(f"  {'':12}{'wall':>9}{'min':>9}{'max':>9}{'vs base':>10}{'added':>9}"
          f"{'lib import':>12}{'build+grab':>12}")
    for name in names:
        walls = [s[0] for s in samples[name]]
        print(f"  {name:12}{med(name, 0):>9.0f}{min(walls):>9.0f}{max(walls):>9.0f}"
              f"{med(name, 0) / med('baseline', 0):>9.2f}x{med(name, 0) - med('baseline', 0):>9.0f}"
              f"{med(name, 2):>12.0f}{med(name, 3):>12.0f}")
    print("  ratio (candidate / bare QWidget baseline) in the 'vs base' column; 'label' is the "
          "baseline with one QLabel (first text drawn), for reading the figures")
    print(f"  screenshots: {shots}/NAME.png (lines) and NAME-bars.png (bars)")
    if not args.quick:
        maintenance(args.python, root, qt)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:5])
    else:
        sys.exit(main())
