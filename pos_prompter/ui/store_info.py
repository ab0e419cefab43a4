"""What the till says about its store (issue 13, point 10): the window title, each thing
once (store, demo or not, till, practice mode), and storeInfo's one line saying where the
store file is and whether it is a demo store. The application's display name
("pos-prompter") is not in the title: Qt adds it on X11 and Wayland ("... — pos-prompter"),
which had the title say it twice."""

from __future__ import annotations

from pathlib import Path

from pos_prompter.i18n import translate
from pos_prompter.store import Store

DASH = " \N{EM DASH} "

STORE_INFO_QSS = """
#storeInfo {
    color: #6b7785;
    font-size: 13px;
}
"""
"""storeInfo looks as the key help above it (style.py's #keyHelp): one quiet line at the
foot of the till, under everything, of a fixed height (it never wraps: ElidedLabel), so
no control moves whatever the path."""


def demo_of(store: Store) -> str | None:
    """The demo `store` was made from (the `demo` setting init --demo writes), or None."""
    demo = store.get_setting("demo")
    return str(demo) if demo else None


def window_title(store: Store, till_name: str | None, *, training: bool) -> str:
    """"PRACTICE — cafe (demo store) — till NAME": each part once, the app name left to Qt."""
    name = store.get_setting("store_name")
    demo = demo_of(store)
    shop = str(name) if name else (demo or translate("store_info", "store"))
    if demo is not None:
        shop += " " + translate("store_info", "(demo store)")
    parts = ([translate("store_info", "PRACTICE")] if training else []) + [shop]
    if till_name:
        parts.append(translate("store_info", "till {name}").format(name=till_name))
    return DASH.join(parts)


def store_info_text(store: Store, *, training: bool) -> str:
    """storeInfo's line: "Demo store (cafe) — /path/to/store.db"."""
    demo = demo_of(store)
    if training:
        kind = (translate("store_info", "Practice copy of the demo store ({demo})")
                if demo is not None else translate("store_info", "Practice copy of the store"))
    else:
        kind = (translate("store_info", "Demo store ({demo})") if demo is not None
                else translate("store_info", "Store"))
    kind = kind.format(demo=demo)
    where = (str(store.path) if store.path is not None
             else translate("store_info", "in memory, not saved"))
    return kind + DASH + where


def created_text(path: Path, demo: str) -> str:
    """The status message on the run that made the store: what it is, and where."""
    return translate("store_info", "A new demo store ({demo}) was created at {path}.").format(
        demo=demo, path=path)
