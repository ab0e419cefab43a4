"""The store's `theme` setting's values: the till's and the workspace's colours
(ui/style.py). Apart from core.store_settings, which checks every store setting with the
rules' field checks, so that the till's first screen picks its colours without the rules'
modules (issue 14.2)."""

from __future__ import annotations

LIGHT, DARK = "light", "dark"
THEMES = (LIGHT, DARK)
"""The `theme` setting's values."""
