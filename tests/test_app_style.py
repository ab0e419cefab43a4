"""The till's QApplication takes Fusion as Qt's own `-style` argument (issue 14.2: calling
setStyle names the style's Python type, ~5 ms of the cold start). A fresh process made by
`app.application()` must end as one made the old way, QApplication(sys.argv) then
setStyle("Fusion"): the same style, palette, font and arguments, whatever style the
environment or the command line asked for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

DESCRIBE = """
import json, sys
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QPushButton
if sys.argv[1] == "ours":
    from pos_prompter.app import application
    app = application()
else:
    app = QApplication(sys.argv)
    app.setStyle("Fusion")
button = QPushButton("x")
button.ensurePolished()
palette = app.palette()
colours = {f"{group.name} {role.name}": palette.color(group, role).name()
           for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled,
                         QPalette.ColorGroup.Inactive)
           for role in QPalette.ColorRole if role not in (QPalette.ColorRole.NoRole,
                                                          QPalette.ColorRole.NColorRoles)}
print(json.dumps({"style": app.style().name(), "button style": button.style().name(),
                  "palette": colours, "font": app.font().toString(),
                  "arguments": app.arguments()[2:]}))
"""


def described(way: str, *extra: str, style_env: str | None = None) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.pop("QT_STYLE_OVERRIDE", None)
    if style_env:
        env["QT_STYLE_OVERRIDE"] = style_env
    done = subprocess.run([sys.executable, "-c", DESCRIBE, way, *extra], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout.splitlines()[-1]))


@pytest.mark.parametrize(("extra", "style_env"), [
    ((), None), (("-style", "Windows"), None), (("--db", "x.db"), "Windows")])
def test_the_app_made_with_the_style_argument_is_the_app_set_to_fusion(
        extra: tuple[str, ...], style_env: str | None) -> None:
    ours = described("ours", *extra, style_env=style_env)

    assert ours["style"] == "fusion"
    assert ours == described("theirs", *extra, style_env=style_env)
