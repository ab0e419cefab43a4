"""Practice mode at the till window (shared/spec/practice.md "What the trainee does").

`PracticeController` puts the scenario bar, the customer's speech bubble and the scorecard
on the till screen, gives the prompt card Offer (F6) and Explain (F5), and runs every till
action of a practice session through the `PracticeGame`, so the window scores exactly as
`simulate --training --scenario` does. A finished run is saved in the practice store under
the trainee signed in. The till stays the till: scanning, answering and paying work as at
the counter, and nothing here opens a dialog.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut

from pos_prompter.core.errors import UserError
from pos_prompter.core.order import Clock
from pos_prompter.core.scenario import Scenario
from pos_prompter.core.till_event import TillEvent
from pos_prompter.i18n import plural, say, say_error, translate
from pos_prompter.practice import library
from pos_prompter.practice.game import GameResult, Played, PracticeGame
from pos_prompter.practice.generated import generated_scenario
from pos_prompter.practice.runs import record_run
from pos_prompter.ui.practice.trainer_view import TrainerDoor
from pos_prompter.ui.practice.widgets import CustomerBubble, PracticeBar, ScoreCard

if TYPE_CHECKING:
    from pos_prompter.ui.till_window import TillWindow

logger = logging.getLogger(__name__)

Action = Callable[[], list[TillEvent]]

ENDLESS_ROUND = 5
"""Simulated customers per round of endless practice; each round is a scored run."""


FINAL_LINES = 12
"""At most this many lines on the final scorecard; the trainer's view has every note."""


def final_lines(result: GameResult) -> list[str]:
    """The session's scorecard: each customer's points, with what lost them."""
    lines: list[str] = []
    for c in result.customers:
        lines.append(translate("practice", "{name}: {points} of {possible}").format(
            name=c.name, points=c.score.points, possible=c.score.possible))
        lines += [f"    {say(tip)}" for tip in c.score.tips]  # core.scoring's, said here
    if len(lines) > FINAL_LINES:
        rest = len(lines) - FINAL_LINES + 1
        lines = [*lines[:FINAL_LINES - 1], "\N{HORIZONTAL ELLIPSIS} " + translate(
            "practice", "and {n} more lines in the trainer's view").format(n=rest)]
    return lines


class PracticeController(QObject):
    """Practice mode on one till window.

    Signals:
        started(object): a scenario began (the `Scenario`).
        customer_said(str, str): the customer answered a step: rule id and "accept",
            "decline" or "why".
        customer_scored(object): a customer paid: their scorecard event's data (dict).
        finished(object): the session's score is out and saved (the `GameResult`).
    """

    started = Signal(object)
    customer_said = Signal(str, str)
    customer_scored = Signal(object)
    finished = Signal(object)

    def __init__(self, window: TillWindow) -> None:
        super().__init__(window)
        self.window = window
        self.till = window.till
        self.game: PracticeGame | None = None
        self.endless_seed: int | None = None
        """The seed of the endless round being played (None: a chosen scenario)."""
        self._clock: Clock | None = None
        self.bar = PracticeBar()
        self.bubble = CustomerBubble()
        self.card = ScoreCard()
        window.add_practice_widgets(self.bar, self.bubble, self.card)
        self.bar.start_clicked.connect(self.start_chosen)
        self.bar.endless_clicked.connect(self.start_endless)
        self.bar.stop_clicked.connect(self.stop)
        self.trainer = TrainerDoor(self)
        """The Trainer… button's sign-in and the trainer view."""
        self.bar.trainer_clicked.connect(self.trainer.open)
        panel = window.prompt_panel
        panel.offer_clicked.connect(self.offer)
        panel.explain_clicked.connect(self.explain)
        self.shortcuts = []
        for key, slot in ((Qt.Key.Key_F6, self.offer), (Qt.Key.Key_F5, self.explain)):
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setAutoRepeat(False)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        window.action_watcher = self.watch
        self.refresh_scenarios()

    # ---------------------------------------------------------------- choosing

    @property
    def running(self) -> bool:
        return self.game is not None and not self.game.over

    def refresh_scenarios(self) -> None:
        """The scenarios the trainee can pick: built-in and imported."""
        try:
            entries = library.available(self.till.store)
        except UserError as exc:
            entries = []
            self.window.show_message(translate("practice", "Scenarios could not be read "
                                               "({problem}).").format(problem=say_error(exc)),
                                     "error")
        self.bar.set_scenarios([(e.id, e.title, e.level) for e in entries])

    @Slot(str)
    def start_chosen(self, scenario_id: str) -> None:
        if not scenario_id:
            self.window.show_message(translate("practice", "There is no scenario to start: a "
                                               "trainer imports them (pos-prompter practice "
                                               "import)."), "error")
            return
        try:
            scenario = library.load(self.till.store, scenario_id)
        except UserError as exc:
            self.window.show_message(translate("practice", "Could not start {id} "
                                               "({problem}).").format(
                id=scenario_id, problem=say_error(exc)), "error")
            return
        self.endless_seed = None
        self.start(scenario)

    @Slot()
    def start_endless(self) -> None:
        """Endless practice: rounds of simulated customers from the store's own rules,
        one after another, each scored and saved."""
        self.endless_seed = int(time.time()) % 10**9
        self._start_round()

    def _start_round(self) -> None:
        assert self.endless_seed is not None
        try:
            scenario = generated_scenario(self.till.store, ENDLESS_ROUND, self.endless_seed)
        except UserError as exc:
            self.endless_seed = None
            self.window.show_message(translate("practice", "Could not make simulated "
                                               "customers ({problem}).").format(
                problem=say_error(exc)), "error")
            return
        self.start(scenario)

    def start(self, scenario: Scenario) -> bool:
        """Begin `scenario` at this till. Refused (False, said on screen) while another
        runs, while an order with lines is open (it would mix with the customer's), or
        while nobody is signed in."""
        window = self.window
        if self.running:
            window.show_message(translate("practice", "A practice session is running: Stop "
                                          "it first."), "error")
            return False
        if self.till.lines:
            window.show_message(translate("practice", "Pay or clear the open order before "
                                          "the first customer steps up."), "error")
            return False
        if self.till.needs_sign_in:
            window.show_message(translate("practice", "Sign in with your PIN first: the run "
                                          "is saved under your name."), "error")
            return False
        self._clock = self.till.clock
        self.game = PracticeGame(self.till, scenario)
        self.card.hide()
        window.prompt_panel.set_practice(True)
        label = (translate("practice", "Endless practice") if self.endless_seed is not None
                 else scenario.title)
        self.bar.set_running(label + ": " + plural(
            len(scenario.customers), translate("practice", "{n} customer"),
            translate("practice", "{n} customers")))
        self._act("start the scenario", self.game.start)
        self.started.emit(scenario)
        return True

    @Slot()
    def stop(self) -> None:
        """The trainee stops: whoever is at the counter is scored as far as they got, the
        rest add their items to what was possible, and the run is saved."""
        if self.game is None or self.game.over:
            return
        self.endless_seed = None
        self._act("end the practice session", self.game.finish)

    # ---------------------------------------------------------------- the trainee

    @Slot()
    def offer(self) -> None:
        self._step("offer", lambda game: game.offer())

    @Slot()
    def explain(self) -> None:
        self._step("explain", lambda game: game.explain())

    def _step(self, what: str, step: Callable[[PracticeGame], Played]) -> None:
        if not self.running:
            self.window.show_message(
                translate("practice", "Offer (F6 offer, F5 explain) is for practice with "
                           "customers: pick a scenario and Start.") if what == "offer" else
                 translate("practice", "Explain (F6 offer, F5 explain) is for practice with "
                           "customers: pick a scenario and Start."))
            return
        assert self.game is not None
        self._act(what, lambda: step(self.game))  # type: ignore[arg-type]

    def watch(self, action: Action) -> Action:
        """The window's hook on every till action: during a session the game watches it
        (and scores scanning on, paying, answering)."""
        game = self.game
        if game is None or game.over:
            return action

        def watched() -> list[TillEvent]:
            if self.card.isVisible() and not self.card.final:
                self.card.hide()  # the last customer's card goes as the next is served
            played = game.do(action)
            self._show(played.practice)
            return played.till

        return watched

    def _act(self, what: str, step: Callable[[], Played]) -> None:
        """A step of the game itself (start, offer, explain, stop), shown as the window
        shows any action: errors in statusMessage, the focus back on scanInput."""

        def run() -> list[TillEvent]:
            played = step()
            self._show(played.practice)
            return played.till

        self.window.run_action(what, run)

    # ---------------------------------------------------------------- showing

    def _show(self, events: list[TillEvent]) -> None:
        game = self.game
        for ev in events:
            data = ev.data
            if ev.event == "customer":
                self.bubble.say(translate("practice", "{name} · customer {position} of "
                                          "{customers}").format(
                    name=data["name"], position=data["position"], customers=data["customers"]),
                    str(data.get("says") or translate("practice", "Hello!")))
            elif ev.event == "customer_says" and game is not None and game.turn is not None:
                self.bubble.say(game.turn.customer.name, say(data["says"]), answering=True)
                if data["answer"] == "why":  # what the trainee reads next, in view
                    self.window.prompt_panel.show_why()
                self.customer_said.emit(str(data["rule"]), str(data["answer"]))
            elif ev.event == "scorecard":
                self.card.show_customer(str(data["customer"]), int(data["points"]),
                                        int(data["possible"]),
                                        [say(note) for note in data["notes"]])
                self.customer_scored.emit(dict(data))
            elif ev.event == "score" and game is not None and game.result is not None:
                self._finished(game.result)

    def _finished(self, result: GameResult) -> None:
        score = result.score
        lines = final_lines(result)
        self.card.show_final(result.scenario.title, score.points, score.possible,
                             score.score, score.passed, result.scenario.pass_score, lines)
        if self._clock is not None:
            self.till.clock = self._clock  # the till's own clock again
        self.window.prompt_panel.set_practice(False)
        self.bubble.hide()
        self.bar.set_running(None)
        try:
            record_run(self.till.store, result)
        except UserError as exc:
            logger.exception("practice run not saved")
            self.window.show_message(translate("practice", "The run could not be saved "
                                               "({problem}).").format(problem=say_error(exc)),
                                     "error")
        self.finished.emit(result)
        if self.endless_seed is not None:  # the next round steps up as this one ends
            self.endless_seed += 1
            QTimer.singleShot(0, self, self._next_round)

    @Slot()
    def _next_round(self) -> None:
        if self.endless_seed is not None and not self.running:
            self._start_round()
