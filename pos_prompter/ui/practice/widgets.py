"""What practice mode adds to the till screen: the customer's speech bubble, the
scorecard, and the bar where a trainee picks a scenario. Display only: the
`PracticeController` decides what they show. None takes the keyboard focus, so the
scanner keeps typing into scanInput."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.scenario import LEVELS
from pos_prompter.i18n import translate
from pos_prompter.ui.widgets import plain_label, touch_button


def level_text(level: int) -> str:
    """A scenario's level as a word in the chosen language: "easy", "fácil"."""
    word = LEVELS.get(level)
    return translate("core", word) if word else str(level)  # i18n.core_texts lists them

PRACTICE_QSS = """
#customerBubble {
    background: #ffffff;
    border: 2px solid #7a8ca3;
    border-radius: 18px;
}
#customerBubble[speaking="true"] {
    border-color: #2f7d4a;
}
#customerWho {
    color: #4b5b70;
    font-size: 13px;
    font-weight: bold;
}
#customerWords {
    font-size: 19px;
}
#scoreCard {
    background: #eef6ff;
    border: 2px solid #3a6ea5;
    border-radius: 10px;
}
#scoreCard[passed="false"] {
    background: #fff3f0;
    border-color: #c0392b;
}
#scoreTitle {
    font-size: 18px;
    font-weight: bold;
}
#scoreFigure {
    font-size: 30px;
    font-weight: bold;
}
#scoreNotes {
    font-size: 14px;
}
#practiceBar {
    background: #fff8dc;
    border-bottom: 1px solid #e2cf8a;
}
#promptOffer, #promptExplain, #practiceBar QPushButton, #scoreClose {
    background: #ffffff;
    color: #1f2a37;
    border: 1px solid #a9b3bf;
}
#promptOffer {
    border: 2px solid #2e7d32;
    color: #1b5e20;
}
#promptOffer:pressed, #promptExplain:pressed, #practiceBar QPushButton:pressed {
    background: #e9edf2;
}
"""


BAR_HEIGHT = 44
"""The practice bar's buttons: tappable, yet leaving the prompt card its room at 700 px."""


def _restyle(widget: QWidget, name: str, value: str) -> None:
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class CustomerBubble(QFrame):
    """customerBubble: who is at the counter and what they just said."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerBubble")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.who = plain_label("customerWho", self, wrap=False)
        self.words = plain_label("customerWords", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 12)
        layout.setSpacing(4)
        layout.addWidget(self.who)
        layout.addWidget(self.words)
        self.hide()

    def say(self, who: str, words: str, *, answering: bool = False) -> None:
        self.who.setText(who)
        self.words.setText(f"\N{LEFT DOUBLE QUOTATION MARK}{words}"
                           f"\N{RIGHT DOUBLE QUOTATION MARK}")
        self.setAccessibleName(translate("practice", "{who} says: {words}").format(
            who=who, words=words))
        _restyle(self, "speaking", "true" if answering else "false")
        self.show()

    @property
    def text(self) -> str:
        return self.words.text()


class ScoreCard(QFrame):
    """scoreCard: a customer's points and notes when they pay, and the whole session's
    score at the end. It stays until the next customer's first scan (or the trainee
    closes it); it never blocks the till."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreCard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # As tall as its notes need: the order above it gives way.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.title = plain_label("scoreTitle", self)
        self.figure = plain_label("scoreFigure", self, wrap=False)
        self.notes = plain_label("scoreNotes", self)
        self.close_button = touch_button(translate("practice", "Close"), "scoreClose", self)
        self.close_button.setMinimumHeight(40)
        self.close_button.clicked.connect(self._close)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.figure)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.final = False
        self.hide()

    def show_customer(self, name: str, points: int, possible: int,
                      notes: Sequence[str]) -> None:
        self.final = False
        self.title.setText(translate("practice", "{name}: {points} of {possible} points").format(
            name=name, points=points, possible=possible))
        self.figure.setText(f"{points}/{possible}")
        self._notes(notes)
        _restyle(self, "passed", "true")
        self.show()

    def show_final(self, title: str, points: int, possible: int, score: int, passed: bool,
                   pass_score: int, lines: Sequence[str]) -> None:
        self.final = True
        verdict = (translate("practice", "Passed") if passed
                   else translate("practice", "Not passed yet"))
        self.title.setText(translate("practice", "{title}: {verdict} ({points} of {possible} "
                                     "points; {pass_score}% to pass)").format(
            title=title, verdict=verdict, points=points, possible=possible,
            pass_score=pass_score))
        self.figure.setText(f"{score}%")
        self._notes(lines)
        _restyle(self, "passed", "true" if passed else "false")
        self.show()

    def _notes(self, notes: Sequence[str]) -> None:
        """One bullet a note; a note indented with spaces is a sub-point of the one above."""
        self.notes.setText("\n".join(
            f"      \N{EN DASH} {n.strip()}" if n.startswith(" ") else f"\N{BULLET} {n}"
            for n in notes))
        self.setAccessibleDescription(self.notes.text())
        # Wrapped text changed: its height for the card's width must be asked again, or
        # the card keeps the height of the last notes and cuts these off.
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
        self.updateGeometry()

    def _close(self) -> None:
        self.hide()
        self.closed.emit()


class PracticeBar(QFrame):
    """The row under the PRACTICE banner: pick a scenario and start it, or endless
    simulated customers; stop; the trainer's view."""

    start_clicked = Signal(str)
    """The chosen scenario's id."""
    endless_clicked = Signal()
    stop_clicked = Signal()
    trainer_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceBar")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.choice = QComboBox(self)
        self.choice.setObjectName("scenarioChoice")
        self.choice.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.choice.setMinimumHeight(BAR_HEIGHT)
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.start_button = touch_button(translate("practice", "Start"), "practiceStart", self)
        self.endless_button = touch_button(translate("practice", "Endless practice"),
                                           "practiceEndless", self)
        self.stop_button = touch_button(translate("practice", "Stop"), "practiceStop", self)
        self.trainer_button = touch_button(translate("practice", "Trainer…"), "trainerButton",
                                           self)
        for button in (self.start_button, self.endless_button, self.stop_button,
                       self.trainer_button):
            button.setMinimumHeight(BAR_HEIGHT)
        self.status = plain_label("practiceStatus", self, wrap=False)
        self.start_button.clicked.connect(
            lambda: self.start_clicked.emit(str(self.choice.currentData() or "")))
        self.endless_button.clicked.connect(self.endless_clicked)
        self.stop_button.clicked.connect(self.stop_clicked)
        self.trainer_button.clicked.connect(self.trainer_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 4, 16, 4)
        layout.setSpacing(8)
        layout.addWidget(self.choice)
        layout.addWidget(self.start_button)
        layout.addWidget(self.endless_button)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.stop_button)
        layout.addWidget(self.trainer_button)
        self.set_running(None)

    def set_scenarios(self, entries: Sequence[tuple[str, str, int]]) -> None:
        """(id, title, level) of each scenario the trainee may pick."""
        self.choice.clear()
        for sid, title, level in entries:
            self.choice.addItem(f"{title} ({level_text(level)})", sid)
        self.start_button.setEnabled(bool(entries))

    def set_running(self, text: str | None) -> None:
        """What is being practised (None: nothing, pick one)."""
        running = text is not None
        self.choice.setVisible(not running)
        self.start_button.setVisible(not running)
        self.endless_button.setVisible(not running)
        self.stop_button.setVisible(running)
        self.status.setText(text or translate("practice", "Pick a scenario, or practise with "
                                              "endless simulated customers."))
