"""Which language a person sees: the store's `language` setting when it is set, else the
system's, else English (the source language). No Qt here, so the command line can decide
before it imports anything heavy, and without a screen."""

from __future__ import annotations

import locale
import os
import sys
from collections.abc import Mapping

SOURCE = "en"
"""The language the program's texts are written in (no translation needed)."""

SUPPORTED: tuple[str, ...] = ("en", "es")
"""Languages with a complete translation."""

_WINDOWS_NAMES = {"english": "en", "spanish": "es"}
"""Windows spells a locale by its English name ("Spanish_Spain")."""

_ENV_ORDER = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""Where POSIX looks for the language of messages, strongest first."""


def language_code(name: object) -> str | None:
    """The two-letter code of a locale name ("es_ES.UTF-8", "es-MX", "Spanish_Spain",
    "ES"), or None for none or the C locale."""
    if not isinstance(name, str):
        return None
    text = name.strip().lower()
    if not text or text in ("c", "posix") or text.startswith("c."):
        return None
    for english, code in _WINDOWS_NAMES.items():
        if text.startswith(english):
            return code
    head = text.replace("-", "_").split("_")[0].split(".")[0].split("@")[0]
    return head if len(head) in (2, 3) and head.isalpha() else None


def system_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The system's language code as POSIX sets it (LANGUAGE, a list, may name several:
    the first supported one wins), else Windows' user locale; None when nothing says."""
    env = os.environ if environ is None else environ
    for key in _ENV_ORDER:
        value = env.get(key, "")
        if not value:
            continue
        if key == "LANGUAGE":
            codes = [language_code(part) for part in value.split(":")]
            for code in codes:
                if code in SUPPORTED:
                    return code
            continue  # a LANGUAGE of nothing we have: LC_ALL / LANG decide
        return language_code(value)
    if environ is None and sys.platform == "win32":  # pragma: no cover - Windows only
        return language_code(locale.getlocale()[0])
    return None


def choose_language(setting: object, system: str | None) -> str:
    """The language to show: the store's setting when it is a supported one, else the
    system's when supported, else English."""
    chosen = language_code(setting)
    if chosen in SUPPORTED:
        return chosen
    if system in SUPPORTED:
        return system
    return SOURCE


def parse_language_setting(text: str) -> str | None:
    """A store's `language` setting as kept: a supported code, or None when it is not one."""
    code = text.strip().lower()
    return code if code in SUPPORTED else None
