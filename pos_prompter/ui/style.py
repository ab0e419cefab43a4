"""The till's look: one Qt style sheet, applied to the till window.

Large type for what the clerk reads at arm's length (scan field, total, prompt), calm
colours for everything else, and one accent (amber) that only the prompt card uses.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget

BASE_PIXEL_SIZE = 15
TEXT_COLOR = "#1f2a37"


def apply_base_look(widget: QWidget) -> None:
    """The till's base type size and text colour, through the widget's font and palette:
    children inherit them. (As a catch-all `QWidget {}` style rule they cost ~0.8 ms per
    scan: Qt re-matched it on every widget at every update.)"""
    font = QFont(widget.font())
    font.setPixelSize(BASE_PIXEL_SIZE)
    widget.setFont(font)
    palette = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(role, QColor(TEXT_COLOR))
    widget.setPalette(palette)


TILL_QSS = """
QMainWindow, #tillCentral {
    background: #f3f5f8;
}

#trainingBanner {
    background: #ffd54a;
    color: #3b2a00;
    font-size: 17px;
    font-weight: bold;
    padding: 8px;
    border-bottom: 2px solid #c9a200;
}

#scanInput {
    font-size: 24px;
    padding: 8px 12px;
    border: 2px solid #3a6ea5;
    border-radius: 8px;
    background: #ffffff;
    selection-background-color: #3a6ea5;
}

#orderTable {
    background: #ffffff;
    alternate-background-color: #f6f8fb;
    border: 1px solid #d5dbe3;
    border-radius: 8px;
    gridline-color: #e6eaf0;
    font-size: 16px;
    selection-background-color: #dbe8f7;
    selection-color: #1f2a37;
}
#orderTable QHeaderView::section {
    background: #eaeef3;
    color: #4a5665;
    font-size: 13px;
    font-weight: bold;
    padding: 6px 8px;
    border: none;
    border-bottom: 1px solid #d5dbe3;
}

#totalCaption {
    color: #6b7785;
    font-size: 13px;
    font-weight: bold;
    letter-spacing: 1px;
}
#orderTotal {
    font-size: 40px;
    font-weight: bold;
    color: #15202b;
}
#totalBox {
    background: #ffffff;
    border: 1px solid #d5dbe3;
    border-radius: 10px;
}

#promptPanel {
    background: #fffaf0;
    border: 3px solid #e3a21a;
    border-radius: 12px;
}
#promptPanel QLabel {
    background: transparent;
}
#promptKind {
    color: #ffffff;
    background: #8a5a00;
    font-size: 12px;
    font-weight: bold;
    padding: 3px 8px;
    border-radius: 4px;
}
#promptKind[kind="upsell"] { background: #2e7d32; }
#promptKind[kind="cross_sell"] { background: #1565c0; }
#promptKind[kind="bundle"] { background: #6a1b9a; }
#promptKind[kind="threshold"] { background: #c2185b; }
#promptTitle {
    color: #6b5a3a;
    font-size: 13px;
}
#promptDelta {
    color: #2e7d32;
    font-size: 18px;
    font-weight: bold;
}
#promptSay {
    font-size: 21px;
    font-weight: bold;
    color: #1f2a37;
}
#promptWhyCaption {
    color: #8a6d2f;
    font-size: 11px;
    font-weight: bold;
    letter-spacing: 1px;
}
#promptWhy {
    font-size: 14px;
    color: #3d4855;
}
#promptText QScrollBar:vertical {
    background: transparent;
    width: 8px;
    margin: 0;
}
#promptText QScrollBar::handle:vertical {
    background: #d9b36a;
    border-radius: 4px;
    min-height: 24px;
}
#promptText QScrollBar::add-line, #promptText QScrollBar::sub-line {
    height: 0;
}
#promptText QScrollBar::add-page, #promptText QScrollBar::sub-page {
    background: transparent;
}

QPushButton {
    font-size: 17px;
    font-weight: bold;
    border-radius: 8px;
    padding: 6px 14px;
}
#promptAccept {
    background: #2e7d32;
    color: #ffffff;
    border: 1px solid #1f5e23;
}
#promptAccept:pressed { background: #1f5e23; }
#promptDecline {
    background: #ffffff;
    color: #3d4855;
    border: 1px solid #a9b3bf;
}
#promptDecline:pressed { background: #e9edf2; }
#promptAccept:disabled { background: #a9cbab; border-color: #a9cbab; }
#promptDecline:disabled { color: #a9b3bf; border-color: #d5dbe3; }
#payButton {
    background: #1565c0;
    color: #ffffff;
    border: 1px solid #0d4a91;
    font-size: 20px;
}
#payButton:pressed { background: #0d4a91; }
#checkoutButton {
    background: #ffffff;
    color: #1f2a37;
    border: 1px solid #a9b3bf;
}
#checkoutButton:pressed { background: #e9edf2; }
#voidButton {
    background: #ffffff;
    color: #1f2a37;
    border: 1px solid #a9b3bf;
}
#voidButton:pressed { background: #e9edf2; }

#statusMessage {
    font-size: 16px;
    padding: 8px 12px;
    border-radius: 6px;
    background: transparent;
}
#statusMessage[level="info"] {
    background: #e7f0fa;
    color: #1d4e80;
}
#statusMessage[level="error"] {
    background: #fdecea;
    color: #a4231a;
    font-weight: bold;
    border-left: 5px solid #c62828;
}

#clerkName {
    color: #3d4855;
    font-size: 15px;
    font-weight: bold;
    padding: 0 6px;
}
#signOutButton {
    background: #ffffff;
    color: #1f2a37;
    border: 1px solid #a9b3bf;
}
#signOutButton:pressed { background: #e9edf2; }

#clerkSignIn {
    background: #f3f5f8;
}
#clerkSignInTitle {
    font-size: 28px;
    font-weight: bold;
    color: #15202b;
}
#clerkSignInWaiting {
    font-size: 16px;
    color: #8a5a00;
    background: #fffaf0;
    border: 1px solid #e3a21a;
    border-radius: 6px;
    padding: 6px 10px;
}
#clerkNameList, #clerkNames {
    background: transparent;
    border: none;
}
#clerkNames QPushButton {
    background: #ffffff;
    color: #1f2a37;
    border: 1px solid #a9b3bf;
    font-size: 20px;
    text-align: left;
    padding: 6px 18px;
}
#clerkNames QPushButton:checked {
    background: #1565c0;
    color: #ffffff;
    border: 1px solid #0d4a91;
}
#clerkPin {
    font-size: 28px;
    padding: 6px 12px;
    border: 2px solid #3a6ea5;
    border-radius: 8px;
    background: #ffffff;
    lineedit-password-character: 9679;
}
#clerkSignIn QPushButton[objectName^="clerkKey"] {
    background: #ffffff;
    color: #1f2a37;
    border: 1px solid #a9b3bf;
    font-size: 22px;
}
#clerkSignIn QPushButton[objectName^="clerkKey"]:pressed { background: #e9edf2; }
#clerkSignInButton {
    font-size: 20px;
    background: #1565c0;
    color: #ffffff;
    border: 1px solid #0d4a91;
}
#clerkSignInButton:disabled { background: #7fa6d6; }
#clerkSignInMessage {
    font-size: 15px;
    padding: 6px 8px;
    border-radius: 6px;
}
#clerkSignInMessage[level="error"] {
    background: #fdecea;
    color: #a4231a;
    font-weight: bold;
}

#keyHelp {
    color: #6b7785;
    font-size: 13px;
}
"""
