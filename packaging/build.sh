#!/usr/bin/env bash
# Build the one-folder app with PyInstaller (packaging/pos-prompter.spec):
#
#   bash packaging/build.sh [DIST]      DIST defaults to dist/; the app is DIST/pos-prompter/
#
# Installs PyInstaller into .venv when it is missing (the `packaging` extra of pyproject.toml).
# Beside the executable it puts the Linux .desktop file and install-linux.sh; the folder is
# what a till gets (README: "Install on a till"). POS_PROMPTER_VENV picks another venv;
# POS_PROMPTER_BUILD_WORK another work folder (default build/pyinstaller).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${POS_PROMPTER_VENV:-$ROOT/.venv}"
DIST="$(mkdir -p "${1:-$ROOT/dist}" && cd "${1:-$ROOT/dist}" && pwd)"
WORK="${POS_PROMPTER_BUILD_WORK:-$ROOT/build/pyinstaller}"
PYINSTALLER_REQ="pyinstaller>=6.10,<7"

say() { printf '[build.sh] %s\n' "$*" >&2; }

[[ -x "$VENV/bin/python" ]] || { say "error: no venv at $VENV (bash packaging/run.sh test sets it up)"; exit 2; }
# PyInstaller needs binutils: objcopy (the executable's archive) and strip (see the spec).
command -v objcopy >/dev/null && command -v strip >/dev/null ||
    { say "error: binutils is missing (Debian: sudo apt-get install binutils)"; exit 2; }
if ! "$VENV/bin/python" -c 'import PyInstaller' 2>/dev/null; then
    say "installing $PYINSTALLER_REQ into $VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$PYINSTALLER_REQ"
fi

# The translations' .qm files (issue 14, point 3), compiled from resources/i18n/*.ts into the
# package, which the spec then ships: the same step as the set-up's, a no-op when fresh.
if [[ -f "$ROOT/pos_prompter/i18n/build.py" ]]; then
    (cd "$ROOT" && "$VENV/bin/python" -m pos_prompter.i18n build)
fi

say "pyinstaller: $DIST/pos-prompter (work folder $WORK)"
start=$(date +%s)
"$VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" "$ROOT/packaging/pos-prompter.spec"
APP="$DIST/pos-prompter"
install -m 0644 "$ROOT/packaging/pos-prompter.desktop" "$APP/pos-prompter.desktop"
install -m 0755 "$ROOT/packaging/install-linux.sh" "$APP/install-linux.sh"
say "built in $(( $(date +%s) - start )) s: $APP ($(du -sh "$APP" | cut -f1))"
