"""The back office's look for buttons: an outline and a fill, whatever window is around.

The manager's windows (the workspace, the sign-in and first-manager boxes) are children of
the till window, so the till's style sheet (ui/style.py: big bold buttons whose look comes
from their own colours) reaches them too, and a plain button there showed as bold text with
no outline. A widget's own style sheet wins over its parents', so each manager window sets
OFFICE_QSS on itself: plain buttons with a frame, and the one main action of each place
(New rule, Publish, Sign in) filled. The prompt card in the rule preview keeps the till's
look (it sets the till's sheet on itself).

The workspace takes the till's light or dark theme by the same rule (ui/style.py's
`chosen_theme`: the store's `theme` setting, else POS_PROMPTER_THEME, else the system's
colour scheme, followed live): `OfficeTheme` gives the window and each widget in it a whole
palette (under a style sheet Qt does not pass a palette on to children, nor to a window
from its parent) and appends the dark colours to every style sheet in it
(a page's own sheet wins over the window's, whatever the selectors). Texts keep a contrast
of at least 4.5:1 on their background in both (tests/ui/workspace/test_workspace_theme.py).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from pos_prompter.ui.style import DARK, DARK_QSS, LIGHT, TILL_QSS, NewWidgets, chosen_theme

PRIMARY_BUTTONS = ("ruleNew", "publishButton", "signInButton", "firstManagerCreate",
                   "changePasswordSave")
"""The main action of each place: filled, so it reads as the thing to press."""

OFFICE_QSS = """
QPushButton {
    font-size: 9pt;
    font-weight: normal;
    color: #1f2d3d;
    background: #f6f8fb;
    border: 1px solid #8a96a3;
    border-radius: 5px;
    padding: 3px 8px;
    min-height: 18px;
}
QPushButton:hover { background: #eaf0f7; border-color: #5f6b7a; }
QPushButton:pressed { background: #d9e2ec; }
QPushButton:focus { border: 2px solid #1565c0; padding: 2px 7px; }
QPushButton:disabled { color: #9aa5b1; background: #f3f5f8; border-color: #cfd6de; }
""" + ", ".join(f"QPushButton#{name}" for name in PRIMARY_BUTTONS) + """ {
    color: #ffffff;
    font-weight: bold;
    background: #1565c0;
    border: 1px solid #0d4a91;
}
""" + ", ".join(f"QPushButton#{name}:hover" for name in PRIMARY_BUTTONS) + """ {
    background: #1259a8;
}
""" + ", ".join(f"QPushButton#{name}:disabled" for name in PRIMARY_BUTTONS) + """ {
    color: #eef3f9;
    background: #9bb8d9;
    border-color: #9bb8d9;
}
"""

WINDOW_QSS = """
QMainWindow#workspaceWindow { background: #f3f5f8; }
"""
"""The window's own background (the till's sheet, which reaches it, paints every
QMainWindow in the till's theme)."""

DARK_OFFICE_QSS = """
QPushButton { color: #e8edf3; background: #1b2430; border-color: #6b7a8c; }
QPushButton:hover { background: #243041; border-color: #8a98a8; }
QPushButton:pressed { background: #2b3644; }
QPushButton:focus { border-color: #6f9fd8; }
QPushButton:disabled { color: #7d8896; background: #161d26; border-color: #334155; }
""" + ", ".join(f"QPushButton#{name}:disabled" for name in PRIMARY_BUTTONS) + """ {
    color: #a9b8c9;
    background: #24374f;
    border-color: #24374f;
}
QMainWindow#workspaceWindow { background: #12181f; }
#demoPasswordBanner { background: #42201c; border-color: #c62828; }
#demoPasswordText { color: #ffc2ba; }
"""
"""The dark theme of the window's own sheet (OFFICE_QSS and the banner's)."""

DARK_PAGE_QSS = """
QLabel[problem="true"], #publishStatus[level="error"] { color: #ff9d94; }
QLabel[settingProblem="true"], QLabel[fieldProblem="true"] { color: #ff9d94; }
QLabel[hint="true"], QLabel#sectionBlurb, QLabel#previewCaption, QLabel#previewNotes,
QLabel[settingMeaning="true"], #reportTileCaption { color: #aab6c3; }
QLabel#sectionTitle, #reportTileValue { color: #f2f5f8; }
QFrame[formSection="true"] { background: #1b2430; border-color: #334155; }
QToolButton#valueChip { border-color: #6b7a8c; background: #243041; color: #e8edf3; }
QToolButton[placeholder="true"] { border-color: #4a5868; background: #1f2935;
                                  color: #e8edf3; }
QToolButton[placeholder="true"]:hover { background: #2b3644; }
QToolButton[placeholder="true"]:disabled { color: #7d8896; background: transparent; }
#lintFindings { background: #272113; border-color: #e3a21a; color: #f0e6cf; }
#reportTile { background: #1b2430; border-color: #334155; }
"""
"""The dark colours of what the pages' own sheets paint (rules/form_parts.py,
rules/publish_status.py, preview.py, settings_page.py, catalog_page.py, report_view.py),
appended to each: a selector that is not in a sheet changes nothing."""

_COLORS = {
    LIGHT: {"text": "#1f2a37", "window": "#f3f5f8", "base": "#ffffff", "alt": "#f6f8fb",
            "button": "#f6f8fb", "placeholder": "#5f6b7a", "disabled": "#6b7785",
            "highlight": "#1565c0", "link": "#0d4a91", "tip": "#ffffdc"},
    DARK: {"text": "#e8edf3", "window": "#12181f", "base": "#1b2430", "alt": "#212c3a",
           "button": "#1b2430", "placeholder": "#a9b4c0", "disabled": "#8a95a3",
           "highlight": "#2b5c94", "link": "#8cc2ff", "tip": "#243041"},
}
LIGHT_SHEET = "officeLightSheet"
"""The dynamic property keeping a widget's own (light) sheet, the dark one's base."""


def office_palette(theme: str) -> QPalette:
    """The workspace's palette in `theme`: every role a page paints with."""
    c = {key: QColor(value) for key, value in _COLORS[theme].items()}
    palette = QPalette(c["button"], c["window"])  # Light, Mid, Dark... worked out from them
    roles, groups = QPalette.ColorRole, QPalette.ColorGroup
    for group in (groups.Active, groups.Inactive, groups.Disabled):
        text = c["disabled"] if group == groups.Disabled else c["text"]
        for role in (roles.WindowText, roles.Text, roles.ButtonText, roles.ToolTipText):
            palette.setColor(group, role, text)
        palette.setColor(group, roles.Base, c["base"])
        palette.setColor(group, roles.AlternateBase, c["alt"])
        palette.setColor(group, roles.PlaceholderText, c["placeholder"])
        palette.setColor(group, roles.Highlight, c["highlight"])
        palette.setColor(group, roles.HighlightedText, QColor("#ffffff"))
        palette.setColor(group, roles.Link, c["link"])
        palette.setColor(group, roles.ToolTipBase, c["tip"])
        palette.setColor(group, roles.BrightText, QColor("#ffffff"))
    return palette


def _dark_part(own: str) -> str:
    """What the dark theme appends to a widget's own sheet `own`."""
    return DARK_QSS if own.startswith(TILL_QSS) else DARK_PAGE_QSS


def apply_office_theme(window: QWidget, theme: str, part: QWidget | None = None) -> None:
    """Show `window` (the workspace) and everything in it in `theme`; `part`: only that
    widget of it and what is in it (one put in since)."""
    palette = office_palette(theme)
    top = window if part is None else part
    for widget in [top, *top.findChildren(QWidget)]:
        own = widget.property(LIGHT_SHEET)
        if own is None:
            own = widget.styleSheet()
            if widget is window:
                own += WINDOW_QSS
            elif not own:
                continue
            widget.setProperty(LIGHT_SHEET, own)
        dark = DARK_OFFICE_QSS if widget is window else _dark_part(own)
        sheet = own + (dark if theme == DARK else "")
        if widget.styleSheet() != sheet:
            widget.setStyleSheet(sheet)
    set_palettes(top, palette)


def set_palettes(window: QWidget, palette: QPalette) -> None:
    """`palette` on `window` and on each widget in it: under a style sheet a palette does
    not pass on to children, and polishing (the sheets set, the window's first show) puts
    the app's back."""
    for widget in [window, *window.findChildren(QWidget)]:
        widget.setPalette(palette)


class ThemeSetting(Protocol):
    def get_setting(self, key: str) -> object: ...


class OfficeTheme(QObject):
    """Keeps `window` in the chosen theme: now, when the system's colour scheme changes
    (Qt 6.5+), for the widgets put in it later (style.NewWidgets), and for the boxes it
    opens later (their palette, when they are shown).
    `store`'s `theme` setting is read each time, and again when the window publishes
    (a settings change from here)."""

    def __init__(self, window: QWidget, store: ThemeSetting) -> None:
        super().__init__(window)
        self.window, self.store = window, store
        self.theme = ""
        self.refresh()
        self.new_widgets = NewWidgets(
            window, lambda widget: apply_office_theme(window, self.theme, widget))
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self.follow_system)
        window.installEventFilter(self)
        published = getattr(window, "published", None)  # the workspace's: settings saved
        if published is not None:
            published.connect(self.store_changed)

    def refresh(self, scheme: Qt.ColorScheme | None = None) -> None:
        """Apply the chosen theme (for the system's `scheme`, else the one Qt reports)."""
        self.theme = chosen_theme(self.store.get_setting("theme"), scheme)
        apply_office_theme(self.window, self.theme)

    @Slot(int)
    def store_changed(self, _revision: int) -> None:
        """Settings were published from here: the store's `theme` may have changed."""
        if chosen_theme(self.store.get_setting("theme")) != self.theme:
            self.refresh()

    @Slot(Qt.ColorScheme)
    def follow_system(self, scheme: Qt.ColorScheme) -> None:
        self.refresh(scheme)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched is self.window:
            set_palettes(self.window, office_palette(self.theme))  # polished: put back
        elif event.type() == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget) and child.isWindow():
                child.setPalette(office_palette(self.theme))
        return False
