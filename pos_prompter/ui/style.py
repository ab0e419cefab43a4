"""The till's look: one Qt style sheet, applied to the till window, in a light or a dark theme.

Large type for what the clerk reads at arm's length (scan field, total, prompt), calm
colours for everything else, and one accent (amber) that only the prompt card uses.

The theme follows the system's colour scheme (Qt's `QStyleHints.colorScheme`, and its
`colorSchemeChanged` while the till runs); `POS_PROMPTER_THEME=light|dark` (or the store's
`theme` setting, where a store has one) overrides it. The dark theme is the light style
sheet followed by DARK_QSS, which repaints the same objects: every text against its
background keeps a contrast of at least 4.5:1 (WCAG AA), as tests/ui/test_till_touch.py
measures on screen.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from pos_prompter.core.theme_setting import DARK, LIGHT, THEMES

BASE_PIXEL_SIZE = 15
TEXT_COLOR = "#1f2a37"
THEME_ENV = "POS_PROMPTER_THEME"
"""An app setting: `light` or `dark` whatever the system says."""

_PALETTES = {
    LIGHT: {"text": TEXT_COLOR, "window": "#f3f5f8", "base": "#ffffff", "button": "#ffffff"},
    DARK: {"text": "#e8edf3", "window": "#12181f", "base": "#1b2430", "button": "#1b2430"},
}


def system_theme(scheme: Qt.ColorScheme | None = None) -> str:
    """The theme for the system's colour scheme (`scheme`, else the one Qt reports now);
    an unknown scheme is light."""
    if scheme is None:
        app = QGuiApplication.instance()
        scheme = (app.styleHints().colorScheme()  # type: ignore[attr-defined]
                  if app is not None else Qt.ColorScheme.Unknown)
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def chosen_theme(setting: object = None, scheme: Qt.ColorScheme | None = None) -> str:
    """The theme to use: `setting` (a store's `theme`) if it names one, else the
    POS_PROMPTER_THEME variable if it does, else the system's."""
    for wish in (setting, os.environ.get(THEME_ENV)):
        if isinstance(wish, str) and wish.strip().lower() in THEMES:
            return wish.strip().lower()
    return system_theme(scheme)


def apply_base_look(widget: QWidget, theme: str = LIGHT) -> None:
    """The till's base type size and colours, through the widget's font and palette:
    children inherit them. (As a catch-all `QWidget {}` style rule they cost ~0.8 ms per
    scan: Qt re-matched it on every widget at every update.)"""
    font = QFont(widget.font())
    font.setPixelSize(BASE_PIXEL_SIZE)
    widget.setFont(font)
    colors = _PALETTES[theme]
    palette = widget.palette()
    roles = QPalette.ColorRole
    for role in (roles.WindowText, roles.Text, roles.ButtonText, roles.PlaceholderText):
        palette.setColor(role, QColor(colors["text"]))
    palette.setColor(roles.PlaceholderText, QColor("#5f6b7a" if theme == LIGHT else "#a9b4c0"))
    palette.setColor(roles.Window, QColor(colors["window"]))
    palette.setColor(roles.Base, QColor(colors["base"]))
    palette.setColor(roles.AlternateBase, QColor(colors["window"]))
    palette.setColor(roles.Button, QColor(colors["button"]))
    widget.setPalette(palette)


class NewWidgets(QObject):
    """Calls `themed(widget)` for each widget put into `root`'s tree from now on (with what
    is in it), once Qt has polished it: a window themed through each widget's palette
    (the workspace: office_style.py) would otherwise show a widget built after it was
    themed in the app's palette until the next theme change. Boxes (child windows) are
    not its part. It watches each widget of the tree (`ChildPolished`, which Qt sends to
    the parent when a child is polished, or put in once polished), nothing app-wide."""

    def __init__(self, root: QWidget, themed: Callable[[QWidget], None]) -> None:
        super().__init__(root)
        self._themed = themed
        self._watch(root)

    def _watch(self, top: QWidget) -> None:
        for widget in (top, *top.findChildren(QWidget)):
            widget.installEventFilter(self)  # a second install replaces the first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget) and not child.isWindow():
                self._watch(child)
                self._themed(child)
        return False


def till_style(theme: str, *sheets: str) -> str:
    """The till's style sheet in `theme`, with `sheets` (the parts other modules own)
    after the base and before the dark theme's colours."""
    return TILL_QSS + "".join(sheets) + (DARK_QSS if theme == DARK else "")


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
    color: #56616e;
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
#voidButton, #offerAgainButton, #managerButton {
    background: #ffffff;
    color: #1f2a37;
    border: 1px solid #a9b3bf;
}
#voidButton:pressed, #offerAgainButton:pressed, #managerButton:pressed {
    background: #e9edf2;
}

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
    color: #4f5b69;
    font-size: 13px;
}
"""

DARK_QSS = """
QMainWindow, #tillCentral, #clerkSignIn { background: #12181f; }
#scanInput, #clerkPin {
    background: #1b2430;
    color: #e8edf3;
    border-color: #6f9fd8;
    selection-background-color: #3a6ea5;
}
#orderTable {
    background: #1b2430;
    alternate-background-color: #212c3a;
    color: #e8edf3;
    border-color: #334155;
    gridline-color: #2b3644;
    selection-background-color: #2b4a6f;
    selection-color: #ffffff;
}
#orderTable QHeaderView::section {
    background: #243041;
    color: #c3ccd6;
    border-bottom: 1px solid #334155;
}
#totalBox { background: #1b2430; border-color: #334155; }
#totalCaption, #orderInfo { color: #aab6c3; }
#orderTotal { color: #f2f5f8; }
#promptPanel { background: #272113; border-color: #e3a21a; }
#promptTitle { color: #dccba6; }
#promptDelta { color: #86d993; }
#promptSay { color: #f6f1e6; }
#promptWhyCaption { color: #e6bd66; }
#promptWhy { color: #d7dde4; }
#promptDecline, #checkoutButton, #voidButton, #offerAgainButton, #managerButton,
#signOutButton, #clerkNames QPushButton,
#clerkSignIn QPushButton[objectName^="clerkKey"] {
    background: #1b2430;
    color: #e8edf3;
    border: 1px solid #6b7a8c;
}
#promptDecline:pressed, #checkoutButton:pressed, #voidButton:pressed,
#offerAgainButton:pressed, #managerButton:pressed, #signOutButton:pressed,
#clerkSignIn QPushButton[objectName^="clerkKey"]:pressed { background: #2b3644; }
#promptDecline:disabled { color: #6b7785; border-color: #334155; }
#promptAccept:disabled { background: #2f4a31; border-color: #2f4a31; color: #9fb3a1; }
#clerkNames QPushButton:checked { background: #1565c0; color: #ffffff; }
#statusMessage[level="info"] { background: #17324f; color: #d2e6fb; }
#statusMessage[level="error"] { background: #42201c; color: #ffc2ba; }
#clerkName { color: #d7dde4; }
#clerkSignInTitle { color: #f2f5f8; }
#clerkSignInWaiting { color: #f0c46a; background: #272113; }
#clerkSignInMessage[level="error"] { background: #42201c; color: #ffc2ba; }
#keyHelp, #storeInfo { color: #aab6c3; }
#customerBubble { background: #1b2430; }
#customerWho { color: #aab6c3; }
#scoreCard { background: #14263a; }
#scoreCard[passed="false"] { background: #3a1d1a; }
#practiceBar { background: #272113; border-bottom-color: #6b5a2a; }
#promptOffer, #promptExplain, #practiceBar QPushButton, #scoreClose {
    background: #1b2430;
    color: #e8edf3;
}
#promptOffer { color: #86d993; }
"""
"""The dark theme: what changes from TILL_QSS (and the parts other modules own, which it
follows), nothing else."""

DARK_OWN_QSS = {
    "thresholdMark": "#thresholdMark { background: #2e2614; color: #f0d48a; "
                     "border-color: #6b5a2a; }",
    "customerType": """
#customerTypeCaption { color: #aab6c3; }
#customerTypeButton { background: #1b2430; color: #e8edf3; border: 1px solid #6b7a8c; }
#customerTypeButton:pressed { background: #2b3644; }
#customerTypeButton:checked { background: #00695c; color: #ffffff; }
""",
}
"""The dark theme of the widgets that carry a style sheet of their own (by objectName): it
follows theirs (a widget's own sheet wins over the window's)."""


def apply_own_theme(widget: QWidget, own: str, theme: str) -> None:
    """Give `widget`, whose own style sheet is `own`, the theme's colours."""
    extra = DARK_OWN_QSS.get(widget.objectName(), "") if theme == DARK else ""
    sheet = own + extra
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
