"""The real `pos-prompter` program in a subprocess, under a system in a given language (the
tests of what a Spanish shop reads on the command line)."""

from __future__ import annotations

import os
import subprocess
import sys

LANGUAGE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""What says a system's language; the program is given only LANG."""


def run_program(*args: object, lang: str = "es_ES.UTF-8") -> subprocess.CompletedProcess[str]:
    """`python -m pos_prompter ARGS` under a system in `lang`, with no display."""
    env = {k: v for k, v in os.environ.items()
           if k not in LANGUAGE_VARS and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["LANG"] = lang
    return subprocess.run([sys.executable, "-m", "pos_prompter", *map(str, args)],
                          capture_output=True, encoding="utf-8", env=env, timeout=120,
                          check=False)
