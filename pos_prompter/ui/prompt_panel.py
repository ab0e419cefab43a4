"""The prompt card: what to say, why, the evidence, and two big buttons.

It lives inside the till window (never a dialog) and never takes the keyboard focus, so
the scanner keeps typing into the scan field while a prompt is up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.i18n import QT_TRANSLATE_NOOP, say, translate
from pos_prompter.ui.answer_gate import ANSWER_DELAY_MS, AnswerGate
from pos_prompter.ui.viewports import own_viewport
from pos_prompter.ui.widgets import ElidedLabel, plain_label, touch_button

if TYPE_CHECKING:
    from pos_prompter.core.engine import Prompt

KIND_LABELS = {"upsell": QT_TRANSLATE_NOOP("prompt_panel", "Upsell"),
               "cross_sell": QT_TRANSLATE_NOOP("prompt_panel", "Cross-sell"),
               "bundle": QT_TRANSLATE_NOOP("prompt_panel", "Bundle"),
               "threshold": QT_TRANSLATE_NOOP("prompt_panel", "Reward")}
"""The tag of each kind of prompt (translated where it is shown)."""


def why_text(prompt: Prompt) -> str:
    """The manager's why (their own words, never translated), then the computed evidence
    as a list (core.said sentences, said in the window's language)."""
    parts = [prompt.why.strip()] if prompt.why.strip() else []
    parts += [f"\N{BULLET} {say(line)}" for line in prompt.evidence]
    return "\n".join(parts)


class PromptText(QScrollArea):
    """The card's text (say, why, evidence): as tall as it needs to be, and scrollable
    (by finger too) when a manager wrote more than the card has room for, so the buttons
    below it always stay on screen."""

    MIN_HEIGHT = 90

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptText")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidgetResizable(True)
        viewport = own_viewport(self)  # before the content, which Qt puts in it
        self.setWidget(content)
        self._content = content
        viewport.setAutoFillBackground(False)
        content.setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
        self._width = -1

    def sizeHint(self) -> QSize:
        content = self._content
        width = max(self.width(), 1)
        height = (content.heightForWidth(width) if content.hasHeightForWidth()
                  else content.sizeHint().height())
        if height < 0:
            height = content.sizeHint().height()
        return QSize(super().sizeHint().width(), height + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.MIN_HEIGHT)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:  # wrapped text: height follows width
            self._width = event.size().width()
            self.updateGeometry()


class PromptPanel(QFrame):
    """The non-modal prompt card; hidden when there is no prompt.

    Signals:
        accept_clicked: the Accept button was tapped.
        decline_clicked: the Decline button was tapped.
        offer_clicked: practice: the Offer button was tapped (read the script out).
        explain_clicked: practice: the Explain button was tapped (read the why).
    """

    accept_clicked = Signal()
    decline_clicked = Signal()
    offer_clicked = Signal()
    explain_clicked = Signal()

    def __init__(self, parent: QWidget | None = None, *,
                 answer_delay_ms: int = ANSWER_DELAY_MS) -> None:
        super().__init__(parent)
        self.setObjectName("promptPanel")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._prompt: Prompt | None = None

        self.kind_tag = plain_label("promptKind", self, wrap=False)
        self.kind_tag.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.title = ElidedLabel("promptTitle", self)
        self.delta = plain_label("promptDelta", self, wrap=False)
        self.delta.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        content = QWidget()
        content.setObjectName("promptTextContent")
        self.say = plain_label("promptSay", content)
        self.why_caption = plain_label("promptWhyCaption", content, wrap=False)
        self.why_caption.setText(translate("prompt_panel", "WHY"))
        self.why = plain_label("promptWhy", content)
        text_layout = QVBoxLayout(content)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.setSpacing(8)
        text_layout.addWidget(self.say)
        text_layout.addWidget(self.why_caption)
        text_layout.addWidget(self.why)
        text_layout.addStretch(1)
        self.text_area = PromptText(content, self)
        self.accept_button = touch_button(translate("prompt_panel", "Accept") + "  F9",
                                          "promptAccept", self)
        self.decline_button = touch_button(translate("prompt_panel", "Decline") + "  F10",
                                           "promptDecline", self)
        self.accept_button.clicked.connect(self.accept_clicked)
        self.decline_button.clicked.connect(self.decline_clicked)
        self.gate = AnswerGate(answer_delay_ms, self)
        """A new prompt takes no answer until it could be read out (answer_gate.py)."""
        self.gate.opened.connect(self._answers_open)
        self._held: list[QPushButton] = []
        """The buttons the gate greyed out (not those the card's owner disabled: the
        workspace's preview card never answers)."""
        # Practice: the trainee's first two steps, before recording the answer.
        self.offer_button = touch_button(translate("prompt_panel", "Offer") + "  F6",
                                         "promptOffer", self)
        self.explain_button = touch_button(translate("prompt_panel", "Explain") + "  F5",
                                           "promptExplain", self)
        self.offer_button.clicked.connect(self.offer_clicked)
        self.explain_button.clicked.connect(self.explain_clicked)
        practice = QHBoxLayout()
        practice.setSpacing(10)
        practice.addWidget(self.offer_button, 3)
        practice.addWidget(self.explain_button, 2)
        self.set_practice(False)

        header = QHBoxLayout()
        header.setSpacing(8)
        header.addWidget(self.kind_tag)
        header.addWidget(self.title, 1)
        header.addWidget(self.delta)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.accept_button, 3)
        buttons.addWidget(self.decline_button, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 16)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.text_area)
        layout.addSpacing(4)
        layout.addLayout(practice)
        layout.addLayout(buttons)
        self.hide()

    def show_why(self) -> None:
        """Scroll the why to the top of the card's text (the customer asked why: it is what
        the clerk reads next; the script above it was read already)."""
        self._scroll_to_why()
        QTimer.singleShot(0, self, self._scroll_to_why)  # again once a pending layout is done

    def _scroll_to_why(self) -> None:
        bar = self.text_area.verticalScrollBar()
        bar.setValue(min(bar.maximum(), self.why_caption.geometry().top()))

    def set_practice(self, on: bool) -> None:
        """Practice with customers: Offer (F6) and Explain (F5) above Accept and Decline."""
        self.offer_button.setVisible(on)
        self.explain_button.setVisible(on)

    @property
    def prompt(self) -> Prompt | None:
        return self._prompt

    @property
    def answerable(self) -> bool:
        """A prompt is up and has been long enough to be read out: F9, F10, Esc and the
        buttons answer it. Before that they are ignored (greyed-out buttons say so)."""
        return self._prompt is not None and self.gate.is_open

    def _answers_closed(self) -> None:
        if not self._held:
            self._held = [b for b in (self.accept_button, self.decline_button)
                          if b.isEnabled()]
        for button in self._held:
            button.setEnabled(False)

    def _answers_open(self) -> None:
        held, self._held = self._held, []
        for button in held:
            button.setEnabled(True)

    def show_prompt(self, prompt: Prompt | None, money_text: str = "") -> None:
        """Show `prompt` (None hides the card). `money_text` is what accepting adds. A
        prompt other than the one on screen (new, or its figures changed) closes the
        answers for `gate.delay_ms`."""
        new = prompt != self._prompt
        self._prompt = prompt
        if prompt is None:
            self.hide()
            return
        if new:
            self._answers_closed()
            self.gate.start()
        kind = KIND_LABELS.get(prompt.kind)
        self.kind_tag.setText((translate("prompt_panel", kind) if kind else prompt.kind).upper())
        if self.kind_tag.property("kind") != prompt.kind:  # re-style only on change
            self.kind_tag.setProperty("kind", prompt.kind)
            self.kind_tag.style().unpolish(self.kind_tag)
            self.kind_tag.style().polish(self.kind_tag)
        self.title.set_full_text(prompt.title)
        self.delta.setText(money_text)
        self.delta.setVisible(bool(money_text))
        self.say.setText(prompt.say)
        self.why.setText(why_text(prompt))
        self.text_area.verticalScrollBar().setValue(0)
        self.text_area.updateGeometry()
        self.setAccessibleName(translate("prompt_panel", "Suggestion: {say}").format(
            say=prompt.say))
        self.show()
