"""The rule editor's "What if…" (issue 10 point 5, `pos-prompter whatif` on screen): the rule
as it stands in the form, saved or not, replayed over the store's past paid orders, and
what it would have done said in plain words.

The computation is the command line's: `draft_problems` and `run_whatif` of
pos_prompter.store.replay, on a pack of the one draft, in a worker thread (`StoreJob`, on a
connection of its own) with a progress bar and a Cancel; nothing heavy runs on the UI
thread, so the till beside the workspace keeps selling. The editor hands the panel its
current draft on every change (`set_draft`); a result shown for another draft (or another
number of days) is marked "changed since: run again".
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.errors import UserError
from pos_prompter.core.money import format_money, percent
from pos_prompter.core.rules import Rule, RulePack
from pos_prompter.core.whatif import DraftResult
from pos_prompter.core.whatif_window import DEFAULT_DAYS, MAX_DAYS, Window
from pos_prompter.i18n import QT_TRANSLATE_NOOP, plural, say, translate
from pos_prompter.i18n.formats import number
from pos_prompter.practice.practice_store import PRACTICE_MARK
from pos_prompter.store import Store
from pos_prompter.store.replay import draft_problems, run_whatif
from pos_prompter.ui.jobs import StoreJob, Work, deliver_to, jobs_of
from pos_prompter.ui.widgets import plain_label

Progress = Callable[[int, int], None]
Clock = Callable[[], dt.datetime]

STALE_TEXT = QT_TRANSLATE_NOOP("whatif", "Changed since: run again.")
CANCELLED_TEXT = QT_TRANSLATE_NOOP("whatif", "Cancelled: nothing was replayed.")
"""In English, as STALE_TEXT: shown translated."""
KIND_WORDS = {"upsell": QT_TRANSLATE_NOOP("whatif", "upsell"),
              "cross_sell": QT_TRANSLATE_NOOP("whatif", "cross-sell"),
              "bundle": QT_TRANSLATE_NOOP("whatif", "bundle"),
              "threshold": QT_TRANSLATE_NOOP("whatif", "threshold")}
"""A rule's kind as the result says it ("at the store's cross-sell acceptance rate")."""


class _Replay(StoreJob):
    """A replay on the window's JobRunner (no parent: a closed editor must not take a
    running thread). Told to stop by the runner (`JobRunner.close`, at quit) it sets its
    stop flag, so the replay ends at its next progress report instead of the application
    waiting for it (a replay of a busy store's every order takes a minute)."""

    def __init__(self, store_path: Path, work: Work, stop: threading.Event) -> None:
        super().__init__(store_path, work)
        self.stop = stop

    def requestInterruption(self) -> None:
        self.stop.set()
        super().requestInterruption()


class Cancelled(UserError):
    """The manager pressed Cancel: the replay stops at its next progress report."""


@dataclass(frozen=True)
class WhatIf:
    """One press of "What if…", as worked out on the worker thread: the draft's result,
    or (`result` None) why it was not replayed."""

    result: DraftResult | None
    refusal: str
    currency: str


def replay_draft(store: Store, rule: Rule, window: Window, progress: Progress | None = None,
                 cancelled: threading.Event | None = None) -> WhatIf:
    """What `pos-prompter whatif` says of a pack of `rule` over `window` (any thread): the
    same lint check first, then the same replay. `cancelled` set stops the replay."""
    path = store.path
    if (path is not None and path.stem.endswith(PRACTICE_MARK)) or store.get_setting("training"):
        return WhatIf(None, translate("whatif", "This is a practice store: practice runs are "
                                      "not sales, so there is nothing to replay. Open the "
                                      "workspace on the real store."), "")
    pack = RulePack((rule,))
    errors = [f for f in draft_problems(store, pack) if f.severity == "error"]
    if errors:
        first = errors[0]
        more = len(errors) - 1
        tail = " " + plural(more, translate("whatif", "({n} more problem after this one.)"),
                            translate("whatif", "({n} more problems after this one.)")
                            ) if more else ""
        text = translate("whatif", "Not tried: {problem} {fix}").format(
            problem=_sentence(first.message, upper=False), fix=_sentence(first.fix))
        return WhatIf(None, text + tail, "")

    def report(done: int, total: int) -> None:
        if cancelled is not None and cancelled.is_set():
            raise Cancelled("the what-if was cancelled")
        if progress is not None:
            progress(done, total)

    [result] = run_whatif(store, pack, window, progress=report)
    return WhatIf(result, "", pack.settings_over(store.load_settings()).currency)


def _sentence(text: str, *, upper: bool = True) -> str:
    """`text` as a sentence: a capital first (unless not `upper`), a full stop last."""
    text = text.strip()
    if upper:
        text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _plural(count: int | str, one: str, other: str) -> str:
    """A count (a number, or its text: "1,204", "0.4") with the form of its word, both
    forms translated: `{n}` in them is the count as given."""
    return (one if str(count) == "1" else other).format(n=count)


def _about(count: Decimal) -> str:
    """Expected accepts for people: whole above ten, else to a tenth ("about 0.4")."""
    if count >= 10:
        return number(int(count.quantize(Decimal(1), rounding=ROUND_HALF_EVEN)))
    tenth = count.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
    return str(int(tenth)) if tenth == tenth.to_integral_value() else str(tenth)


def result_text(r: DraftResult, currency: str) -> str:
    """The result in a manager's words: how often, and what it would bring at the rate of
    the store's prompts of its kind (which rate, from how many prompts)."""
    span = _plural(r.window.days, translate("whatif", "Over the last {n} day"),
                   translate("whatif", "Over the last {n} days"))
    if r.orders_considered == 0:
        return translate("whatif", "{span} the store has no paid orders to replay this rule "
                         "over.").format(span=span)
    orders = _plural(number(r.orders_considered), translate("whatif", "{n} order"),
                     translate("whatif", "{n} orders"))
    word = KIND_WORDS.get(r.kind)
    kind = translate("whatif", word) if word else r.kind.replace("_", "-")
    if r.would_show == 0:
        text = translate("whatif", "{span} this rule would not have been shown on any of the "
                         "{orders}.").format(span=span, orders=orders)
    else:
        text = translate("whatif", "{span} this rule would have been shown on {shown} of "
                         "{orders}").format(span=span, shown=number(r.would_show), orders=orders)
        accepts, revenue = r.expected_accepts, r.expected_revenue
        if accepts is None or revenue is None:
            rate = say(r.rate.sentence())
            text += translate("whatif", ". {rate}, so there is no rate to expect revenue "
                              "from.").format(rate=f"{rate[0].upper()}{rate[1:]}")
        else:
            rate = percent(Decimal(r.rate.accepted) / Decimal(r.rate.shown))
            text += translate("whatif", "; at the store's {kind} acceptance rate ({rate}, from "
                              "{prompts}) that is about {accepts} and {revenue} more "
                              "revenue.").format(
                kind=kind, rate=rate,
                prompts=_plural(number(r.rate.shown), translate("whatif", "{n} prompt"),
                                translate("whatif", "{n} prompts")),
                accepts=_plural(_about(accepts), translate("whatif", "{n} accept"),
                                translate("whatif", "{n} accepts")),
                revenue=format_money(revenue, currency))
    also = []
    if r.held_out:
        also.append(translate("whatif", "held out (its control group) on {orders}").format(
            orders=_plural(number(r.held_out), translate("whatif", "{n} order"),
                           translate("whatif", "{n} orders"))))
    if r.kept_quiet_by_cap:
        also.append(translate("whatif", "kept quiet on {orders} that had already had as many "
                              "prompts as an order may have").format(
            orders=_plural(number(r.kept_quiet_by_cap), translate("whatif", "{n} more order"),
                           translate("whatif", "{n} more orders"))))
    if also:
        text += translate("whatif", " It would also have been {list}.").format(
            list=translate("whatif", ", and ").join(also))
    return text


class WhatIfPanel(QWidget):
    """"What if…" for the editor's draft: a button, the number of days (the command line's
    default), progress and Cancel while it runs, and the result or why it did not run.

    `set_draft(rule, problem)`: the form's rule (None while the form has problems, the
    first of them in `problem`). `clock` says "now" (the window's end).

    Signals:
        started(object): a replay is about to start; carries its `StoreJob` (for whoever
            follows it: its `progressed` is emitted on the worker thread).
        replayed(object): a result arrived and shows (the core `DraftResult`).
        refused(str): nothing was replayed (form problems, lint errors, a practice store, a
            failure); carries the sentence shown.
    """

    started = Signal(object)
    replayed = Signal(object)
    refused = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None, *,
                 clock: Clock = dt.datetime.now) -> None:
        super().__init__(parent)
        self.setObjectName("whatIfPanel")
        self.store = store
        self.clock = clock
        self.job: StoreJob | None = None
        """The replay running, if any."""
        self.stop: threading.Event | None = None
        """Set to stop the replay that runs (Cancel, another run, the panel deleted)."""
        self._draft: Rule | None = None
        self._problem = ""
        self._asked: tuple[Rule, int] | None = None
        """The draft and days of the replay running, or of the result shown."""
        self.result: DraftResult | None = None
        self._build()

    def _build(self) -> None:
        self.button = QPushButton(translate("whatif", "What if…"), self)
        self.button.setObjectName("whatIfButton")
        self.button.setAutoDefault(False)
        self.button.setToolTip(translate("whatif", "Replay the rule as it stands in the form "
                                         "over past paid orders (nothing is published): how "
                                         "often it would have been shown, and what it would "
                                         "have brought in"))
        self.button.clicked.connect(self.run)
        self.days_box = QSpinBox(self)
        self.days_box.setObjectName("whatIfDays")
        self.days_box.setRange(1, MAX_DAYS)
        self.days_box.setValue(DEFAULT_DAYS)
        self.days_box.setSuffix(translate("whatif", " days"))
        self.days_box.valueChanged.connect(self._show_stale)
        days_label = QLabel(translate("whatif", "over the last"), self)
        days_label.setBuddy(self.days_box)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("whatIfProgress")
        self.progress.setRange(0, 100)
        self.progress.setFormat(translate("whatif", "Replaying past orders…") + " %p%")
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.cancel_button = QPushButton(translate("whatif", "Cancel"), self)
        self.cancel_button.setObjectName("whatIfCancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.result_label = plain_label("whatIfResult", self)
        self.result_label.hide()
        self.stale_label = plain_label("whatIfStale", self)
        self.stale_label.setProperty("hint", True)
        self.stale_label.setText(translate("whatif", STALE_TEXT))
        self.stale_label.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.button)
        top.addWidget(days_label)
        top.addWidget(self.days_box)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.result_label)
        layout.addWidget(self.stale_label)

    # ------------------------------------------------------------------ the draft

    @property
    def busy(self) -> bool:
        return self.job is not None

    @property
    def days(self) -> int:
        return self.days_box.value()

    @property
    def stale(self) -> bool:
        """What shows (or runs) was worked out for another draft, or another span."""
        return self._asked is not None and self._asked != (self._draft, self.days)

    def set_draft(self, rule: Rule | None, problem: str = "") -> None:
        """The form's rule as it now stands (None: it has problems; `problem`, the first)."""
        self._draft = rule
        self._problem = problem
        self._show_stale()

    def clear(self) -> None:
        """Another rule is in the form: forget the result, drop a replay that runs."""
        self._drop_job()
        self._asked = None
        self.result = None
        self.result_label.hide()
        self._show_stale()

    @Slot()
    def _show_stale(self) -> None:
        self.stale_label.setVisible(not self.result_label.isHidden() and self.stale)

    # ------------------------------------------------------------------ running

    @Slot()
    def run(self) -> None:
        """Replay the draft in a worker thread; with form problems, say the first instead."""
        self._drop_job()
        rule = self._draft
        if rule is None:
            problem = self._problem or translate("whatif", "the rule is not complete")
            self._refuse(translate("whatif", "Not tried: fix the form first: {problem}").format(
                problem=_sentence(problem, upper=False)))
            return
        if self.store.path is None:
            self._refuse(translate("whatif", "This store has no file to replay orders from."))
            return
        window = Window.last_days(self.days, self.clock())
        cancel = threading.Event()
        job = _Replay(self.store.path,
                      lambda store, progress: replay_draft(store, rule, window, progress,
                                                           cancel), cancel)
        job.progressed.connect(self._on_progress)
        deliver_to(job, self, lambda me: me.job is job, WhatIfPanel._done,
                   lambda me, headline, problems: me._refuse(
                       translate("whatif", "Could not replay the orders: {problem}").format(
                           problem=problems[0] if problems else headline)))
        self.job, self.stop = job, cancel
        self._asked = (rule, self.days)
        self.progress.setRange(0, 0)  # busy until the first count
        self.progress.show()
        self.cancel_button.show()
        self.button.setEnabled(False)
        self.result_label.setText(_plural(
            self.days, translate("whatif", "Replaying the paid orders of the last {n} day…"),
            translate("whatif", "Replaying the paid orders of the last {n} days…")))
        self.result_label.show()
        self._show_stale()
        self.started.emit(job)
        self.destroyed.connect(cancel.set)  # a closed editor's replay stops too
        jobs_of(self).launch(job)

    @Slot()
    def cancel(self) -> None:
        """Stop the replay: its outcome is dropped; its thread stops at its next report."""
        if self.job is None:
            return
        self._drop_job()
        self._asked = None
        self.result = None
        self.result_label.setText(translate("whatif", CANCELLED_TEXT))
        self._show_stale()

    def _drop_job(self) -> None:
        if self.stop is not None:
            self.stop.set()
        self.job, self.stop = None, None
        self.progress.hide()
        self.cancel_button.hide()
        self.button.setEnabled(True)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.job is None:
            return
        self.progress.setRange(0, 100)
        self.progress.setValue(100 if total <= 0 else min(100, done * 100 // total))

    def _done(self, outcome: WhatIf) -> None:
        self._drop_job()
        if outcome.result is None:
            self._refuse(outcome.refusal)
            return
        self.result = outcome.result
        self.result_label.setText(result_text(outcome.result, outcome.currency))
        self.result_label.show()
        self._show_stale()
        self.replayed.emit(outcome.result)

    def _refuse(self, text: str) -> None:
        self._drop_job()
        self._asked = None
        self.result = None
        self.result_label.setText(text)
        self.result_label.show()
        self._show_stale()
        self.refused.emit(text)
