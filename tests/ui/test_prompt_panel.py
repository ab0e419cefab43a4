"""PromptPanel on its own: what it shows for each kind of prompt, plain text only, and
buttons that a finger can hit without taking the focus. Also the window's leak check."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from tillwin_helpers import visible_windows, windows_left_open

from pos_prompter.core.engine import Prompt
from pos_prompter.ui.prompt_panel import PromptPanel, why_text


def make_prompt(kind: str = "cross_sell", **changes: object) -> Prompt:
    values: dict[str, object] = {
        "rule_id": "coffee-pastry", "kind": kind, "title": "Afternoon treat",
        "say": "Would you like a Cinnamon Roll with that?",
        "why": "The bakery case is quiet after the rush.",
        "evidence": ("Cinnamon Roll at its usual price, $3.50",
                     "Bought together in 31% of 212 past orders with Latte Tall"),
        "offer_skus": ("CINN-ROLL",), "price": 350, "delta": 350, "trigger_line": 1,
        "event": "scan"}
    values.update(changes)
    return Prompt(**values)  # type: ignore[arg-type]


@pytest.fixture
def prompt_panel(qtbot: QtBot) -> Iterator[PromptPanel]:
    """A card inside a host widget, as in the till window (never a window of its own)."""
    host = QWidget()
    qtbot.addWidget(host)
    yield PromptPanel(host)
    host.close()


def labels(panel: PromptPanel) -> dict[str, QLabel]:
    return {label.objectName(): label for label in panel.findChildren(QLabel)}


def test_hidden_until_there_is_a_prompt_and_hidden_again_after(
        qtbot: QtBot, prompt_panel: PromptPanel) -> None:
    prompt_panel.show_prompt(None)
    assert prompt_panel.isHidden()
    prompt_panel.show_prompt(make_prompt(), "+$3.50")
    assert not prompt_panel.isHidden()
    assert prompt_panel.prompt == make_prompt()
    prompt_panel.show_prompt(None)
    assert prompt_panel.isHidden()
    assert prompt_panel.prompt is None


def test_shows_what_to_say_why_and_every_evidence_line(prompt_panel: PromptPanel) -> None:
    prompt = make_prompt()
    prompt_panel.show_prompt(prompt, "+$3.50")
    shown = labels(prompt_panel)

    assert shown["promptSay"].text() == prompt.say
    assert shown["promptWhy"].text() == (
        "The bakery case is quiet after the rush.\n"
        "\N{BULLET} Cinnamon Roll at its usual price, $3.50\n"
        "\N{BULLET} Bought together in 31% of 212 past orders with Latte Tall")
    assert prompt_panel.title.full_text == "Afternoon treat"
    assert shown["promptTitle"].toolTip() == "Afternoon treat"
    assert shown["promptDelta"].text() == "+$3.50"
    assert shown["promptSay"].wordWrap()
    assert shown["promptWhy"].wordWrap()


def test_each_prompt_shows_its_own_title(qtbot: QtBot, prompt_panel: PromptPanel) -> None:
    host = prompt_panel.parentWidget()
    QVBoxLayout(host).addWidget(prompt_panel)
    host.resize(440, 400)
    host.show()
    qtbot.waitExposed(host)
    title = labels(prompt_panel)["promptTitle"]
    for name in ("Afternoon treat", "Size up", "Size up", "Afternoon treat"):
        prompt_panel.show_prompt(make_prompt(title=name))
        assert (title.text(), title.toolTip(), prompt_panel.title.full_text) == (
            name, name, name)
    prompt_panel.show_prompt(make_prompt(title=""))
    assert (title.text(), title.toolTip()) == ("", "")


def test_a_prompt_without_a_manager_why_still_shows_its_evidence() -> None:
    assert why_text(make_prompt(why="  ")) == (
        "\N{BULLET} Cinnamon Roll at its usual price, $3.50\n"
        "\N{BULLET} Bought together in 31% of 212 past orders with Latte Tall")


@pytest.mark.parametrize(("kind", "tag"), [
    ("upsell", "UPSELL"), ("cross_sell", "CROSS-SELL"), ("bundle", "BUNDLE"),
    ("threshold", "REWARD")])
def test_the_kind_is_a_small_tag(prompt_panel: PromptPanel, kind: str, tag: str) -> None:
    prompt_panel.show_prompt(make_prompt(kind))
    tag_label = labels(prompt_panel)["promptKind"]
    assert tag_label.text() == tag
    assert tag_label.property("kind") == kind


def test_every_label_is_plain_text(prompt_panel: PromptPanel) -> None:
    prompt_panel.show_prompt(make_prompt(say="<h1>Hi</h1>", why="<script>x</script>",
                                         title="<b>t</b>"))
    for name, label in labels(prompt_panel).items():
        assert label.textFormat() == Qt.TextFormat.PlainText, name
    assert labels(prompt_panel)["promptSay"].text() == "<h1>Hi</h1>"


def test_buttons_are_big_never_take_the_focus_and_report_taps(
        qtbot: QtBot, prompt_panel: PromptPanel) -> None:
    prompt_panel.show_prompt(make_prompt())
    buttons = {b.objectName(): b for b in prompt_panel.findChildren(QPushButton)}
    assert buttons["promptAccept"].text() == "Accept  F9"
    assert buttons["promptDecline"].text() == "Decline  F10"
    for button in buttons.values():
        assert button.minimumHeight() >= 56
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
    for widget in [prompt_panel, *prompt_panel.findChildren(QWidget)]:
        assert widget.focusPolicy() == Qt.FocusPolicy.NoFocus, widget.objectName()

    qtbot.waitUntil(buttons["promptAccept"].isEnabled)  # once it could be read out
    with qtbot.waitSignal(prompt_panel.accept_clicked):
        buttons["promptAccept"].click()
    with qtbot.waitSignal(prompt_panel.decline_clicked):
        buttons["promptDecline"].click()


def test_the_leak_check_sees_a_window_left_open(qtbot: QtBot) -> None:
    before = visible_windows()
    stray = QWidget()
    qtbot.addWidget(stray)
    stray.setObjectName("stray")
    stray.show()
    assert windows_left_open(before) == ["QWidget('stray')"]
    stray.close()
    assert windows_left_open(before) == []


def test_the_buttons_wait_until_the_prompt_could_be_read_out(
        qtbot: QtBot, prompt_panel: PromptPanel) -> None:
    accept, decline = prompt_panel.accept_button, prompt_panel.decline_button
    prompt_panel.show_prompt(make_prompt())
    assert not prompt_panel.answerable
    assert not accept.isEnabled()
    assert not decline.isEnabled()
    with qtbot.assertNotEmitted(prompt_panel.accept_clicked):
        qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: prompt_panel.answerable)
    assert accept.isEnabled()
    assert decline.isEnabled()
    prompt_panel.show_prompt(make_prompt())  # the same prompt again: nothing to read anew
    assert prompt_panel.answerable
    prompt_panel.show_prompt(make_prompt(rule_id="another"))
    assert not accept.isEnabled()
    prompt_panel.show_prompt(make_prompt(rule_id="a-third"))  # while closed: closed still
    qtbot.waitUntil(lambda: prompt_panel.answerable)
    assert accept.isEnabled()
    assert decline.isEnabled()


def test_buttons_the_owner_disabled_stay_disabled(
        qtbot: QtBot, prompt_panel: PromptPanel) -> None:
    """The workspace's preview shows the till's card with buttons that never answer."""
    prompt_panel.accept_button.setEnabled(False)
    prompt_panel.decline_button.setEnabled(False)
    prompt_panel.show_prompt(make_prompt())
    qtbot.waitUntil(lambda: prompt_panel.answerable)
    assert not prompt_panel.accept_button.isEnabled()
    assert not prompt_panel.decline_button.isEnabled()
