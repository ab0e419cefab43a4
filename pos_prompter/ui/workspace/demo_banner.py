"""The red banner over the workspace while its manager still signs in with a password the
demo stores publish: anyone can look it up, so it asks them to change it."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from pos_prompter.i18n import translate
from pos_prompter.ui.widgets import plain_label

BANNER_QSS = """
#demoPasswordBanner {
    background: #fdecea;
    border: 1px solid #c62828;
    border-radius: 6px;
}
#demoPasswordText {
    color: #a4231a;
    font-weight: bold;
}
"""
"""The banner's look, for the style sheet of the window that shows it."""


class DemoPasswordBanner(QFrame):
    """`demoPasswordBanner`: what is wrong with `actor`'s password, and the
    `changePasswordButton` (whoever shows the banner connects it)."""

    def __init__(self, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoPasswordBanner")
        text = plain_label("demoPasswordText", self)
        text.setText(translate("workspace", "{actor} still signs in with the published demo "
                               "password. Anyone can look it up: change it before the store "
                               "goes live.").format(actor=actor))
        self.change_password_button = QPushButton(translate("workspace", "Change password…"),
                                                  self)
        self.change_password_button.setObjectName("changePasswordButton")
        self.change_password_button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.addWidget(text, 1)
        layout.addWidget(self.change_password_button)
