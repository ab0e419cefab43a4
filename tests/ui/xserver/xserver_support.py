"""A real X server (Xvfb) and real keystrokes (xdotool) for the till's end-to-end tests.

`XServer` starts Xvfb on a free display (it names it itself, -displayfd); `TillOnX` runs
till_on_x.py on it in a process of its own and collects what the window reports, line by
line, for `qtbot.waitUntil`; `keys` and `type_text` send real key events through the X
server to the focused window, as a keyboard-wedge scanner does. Both are installed by the
README's test command (packaging/run.sh). `OffscreenScreen` runs the same scripts on Qt's
offscreen platform with a screen of a given size, where no X server is needed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

HERE = Path(__file__).parent
TOOLS = ("Xvfb", "xdotool")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class XServer:
    """Xvfb on a display of its own, 1280x800 (or `size`), until `stop`."""

    def __init__(self, size: str = "1280x800") -> None:
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24",
             "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()  # written once the server takes clients
        if not number:
            self.stop()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY",)}
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        return env

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env(), capture_output=True,
                              text=True, timeout=30, check=True)
        return done.stdout

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class OffscreenScreen:
    """Qt's offscreen platform with one screen of `size` ("800x600"), described in a file
    in `folder`: for scripts that need a screen of that size and no X server (no xdotool)."""

    def __init__(self, size: str, folder: Path) -> None:
        width, height = (int(n) for n in size.split("x"))
        self.config = folder / f"screen-{size}.json"
        self.config.write_text(json.dumps({"screens": [{
            "name": "till", "x": 0, "y": 0, "width": width, "height": height,
            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={self.config}"
        return env

    def stop(self) -> None:
        """Nothing runs besides the script."""


class TillOnX:
    """till_on_x.py on `server` over `store_file`; `lines` is what it has said so far."""

    def __init__(self, server: XServer | OffscreenScreen, store_file: Path,
                 script: str = "till_on_x.py") -> None:
        self.server = server
        self.lines: list[str] = []
        self.log = store_file.with_name("till_on_x.log")
        """The till's stderr (its log, a traceback)."""
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(HERE / script), str(store_file)],
                env=server.env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                text=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.strip())

    def said(self, line: str) -> bool:
        return line in self.lines

    def saying(self, start: str) -> list[str]:
        """What it said so far that starts with `start`."""
        return [line for line in self.lines if line.startswith(start)]

    def send(self, command: str) -> None:
        """One command line to the script (manager_on_x.py reads them)."""
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def focus(self) -> None:
        """Give the till window the keyboard (no window manager runs on Xvfb)."""
        windows = self.server.xdotool("search", "--sync", "--onlyvisible", "--pid",
                                      str(self.process.pid)).split()
        self.server.xdotool("windowfocus", "--sync", windows[-1])

    def type_text(self, text: str, every_ms: int = 5) -> None:
        """Type `text` and Enter at scanner speed (a key every few milliseconds)."""
        self.server.xdotool("type", "--delay", str(every_ms), text)
        self.server.xdotool("key", "Return")

    def keys(self, *names: str, every_ms: int = 100) -> None:
        self.server.xdotool("key", "--delay", str(every_ms), *names)

    def stop(self) -> str:
        """End the till (every action is committed already); returns its stderr."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=10)
        assert self.process.stdout is not None
        self.process.stdout.close()
        return self.log.read_text()
