"""The back office's look for buttons: an outline and a fill, whatever window is around.

The manager's windows (the workspace, the sign-in and first-manager boxes) are children of
the till window, so the till's style sheet (ui/style.py: big bold buttons whose look comes
from their own colours) reaches them too, and a plain button there showed as bold text with
no outline. A widget's own style sheet wins over its parents', so each manager window sets
OFFICE_QSS on itself: plain buttons with a frame, and the one main action of each place
(New rule, Publish, Sign in) filled. The prompt card in the rule preview keeps the till's
look (it sets the till's sheet on itself).
"""

from __future__ import annotations

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
