#!/usr/bin/env bash
# The one entry point behind the README's two commands:
#
#   bash packaging/run.sh till [args...]         start the till (the demo store by default)
#   bash packaging/run.sh test [pytest args...]  ruff, the layers (lint-imports) and the types
#                                                (mypy), then the whole pytest suite, offscreen
#
# Each first sets up what it needs, idempotently and quickly when already done:
#   1. the system libraries Qt 6 needs (Debian: apt-get, only when something is missing);
#   2. .venv with Python >= 3.11, and `pip install -e ".[test]"`, re-run only when
#      pyproject.toml changed since the last install (a hash of it is kept in .venv).
# POS_PROMPTER_PYTHON=/path/to/python picks the interpreter for a new .venv.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
STAMP="$VENV/.pos-prompter-install-stamp"

# Debian packages that the Qt 6 wheels (offscreen, xcb and wayland platforms) load at run
# time; after pytest-qt's troubleshooting list. libglib2.0-0 is handled apart: Debian 13
# renamed it libglib2.0-0t64.
QT_DEBS=(
    libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
    libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
    libxcb-render-util0 libxcb-xinerama0 libxcb-image0 libxcb-xkb1 libx11-xcb1 libxrender1
    libwayland-client0 libwayland-cursor0 libwayland-egl1 fonts-dejavu-core
)
# For `test` only: the end-to-end tests' real X server and keystrokes (tests/ui/xserver).
TEST_DEBS=(xvfb xdotool)
TEST_DEBS+=(binutils)  # tests/packaging builds the app: PyInstaller runs objcopy and strip

say() { printf '[run.sh] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 2; }

usage() {
    cat >&2 <<'EOF'
usage: bash packaging/run.sh till [pos-prompter args...]
       bash packaging/run.sh test [pytest args...]
EOF
    exit 2
}

deb_installed() {
    dpkg-query -W -f='${db:Status-Status}\n' "$1" 2>/dev/null | grep -qx installed
}

# Pick the Python for the venv: python3.11, else python3 when it is 3.11 or newer.
find_python() {
    local candidate
    for candidate in ${POS_PROMPTER_PYTHON:-python3.11 python3}; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    die "Python 3.11 or newer is needed (looked for: ${POS_PROMPTER_PYTHON:-python3.11 python3}); install it first"
}

ensure_system_packages() {
    local python="$1" missing=() pkg
    if ! command -v dpkg-query >/dev/null 2>&1; then
        say "not a Debian system: make sure Qt 6's libraries (xcb, EGL, fontconfig) are installed"
        return 0
    fi
    for pkg in "${QT_DEBS[@]}"; do
        deb_installed "$pkg" || missing+=("$pkg")
    done
    local need_glib=0
    deb_installed libglib2.0-0 || deb_installed libglib2.0-0t64 || need_glib=1
    # Debian's own Python leaves out ensurepip; venv needs the pythonX.Y-venv package.
    local venv_deb=""
    if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        venv_deb="python$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv"
    fi
    if [[ ${#missing[@]} -eq 0 && $need_glib -eq 0 && -z "$venv_deb" ]]; then
        return 0
    fi

    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 ||
            die "need root or sudo to install: ${missing[*]} ${venv_deb}"
        sudo=(sudo)
    fi
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get)
    say "installing system packages (apt-get update first)"
    "${apt[@]}" update -qq
    if [[ $need_glib -eq 1 ]]; then
        missing+=(libglib2.0-0t64 libglib2.0-0)
    fi
    # Install what this release has: a name it lacks (libglib2.0-0 on 13, the t64 one on 12)
    # is skipped rather than failing the whole install.
    local install=() glib_done=0
    for pkg in "${missing[@]}"; do
        if [[ $pkg == libglib2.0-0* && $glib_done -eq 1 ]]; then
            continue
        fi
        if apt-cache show --no-all-versions "$pkg" >/dev/null 2>&1; then
            install+=("$pkg")
            if [[ $pkg == libglib2.0-0* ]]; then
                glib_done=1
            fi
        elif [[ $pkg != libglib2.0-0* ]]; then
            say "warning: no package $pkg in this release's lists; skipping it"
        fi
    done
    if [[ -n "$venv_deb" ]]; then
        install+=("$venv_deb")
    fi
    [[ ${#install[@]} -gt 0 ]] || return 0
    say "apt-get install ${install[*]}"
    "${apt[@]}" install -y -qq --no-install-recommends "${install[@]}" >/dev/null
}

ensure_venv() {
    local python="$1"
    if [[ -x "$VENV/bin/python" ]] &&
        ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        say "$VENV is broken or too old: recreating it"
        rm -rf "$VENV"
    fi
    if [[ ! -x "$VENV/bin/python" ]]; then
        say "creating .venv with $python ($("$python" --version 2>&1))"
        "$python" -m venv "$VENV"
    fi
    local want
    want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
    if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]]; then
        return 0
    fi
    say "installing pos-prompter and its dependencies into .venv (pip install -e \".[test]\")"
    rm -f "$STAMP"
    (cd "$ROOT" && "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        -e ".[test]")
    printf '%s\n' "$want" >"$STAMP"
}

setup() {
    local python
    python="$(find_python)"
    ensure_system_packages "$python"
    ensure_venv "$python"
    "$VENV/bin/python" -m pos_prompter.i18n build >/dev/null  # the .qm translations (issue 14.3)
    say "set-up done"
}

[[ $# -ge 1 ]] || usage
command="$1"
shift

case "$command" in
    till)
        setup
        if [[ $# -eq 0 && -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]]; then
            say "warning: no DISPLAY or WAYLAND_DISPLAY; the till needs a desktop session"
        fi
        exec "$VENV/bin/pos-prompter" "$@"
        ;;
    test)
        QT_DEBS+=("${TEST_DEBS[@]}")
        setup
        cd "$ROOT"
        export QT_QPA_PLATFORM=offscreen
        say "ruff check ."
        "$VENV/bin/ruff" check . || { say "ruff found problems (above)"; exit 1; }
        # The layers and the types, as pyproject.toml's [tool.importlinter] and [tool.mypy]
        # say (issue 12): core without Qt or SQLite, cli > app > ui > ... > store > core,
        # no SQL in the UI; mypy strict on core and store, normal elsewhere.
        say "lint-imports"
        "$VENV/bin/lint-imports" ||
            { say "lint-imports found imports across the layers (above)"; exit 1; }
        say "mypy"
        "$VENV/bin/mypy" || { say "mypy found type errors (above)"; exit 1; }
        say "pytest${*:+ $*}"
        status=0
        "$VENV/bin/python" -m pytest "$@" || status=$?
        if [[ $status -eq 5 ]]; then
            say "error: pytest collected no tests (exit code 5): nothing was tested"
        fi
        exit "$status"
        ;;
    -h | --help | help)
        usage
        ;;
    *)
        say "unknown command: $command"
        usage
        ;;
esac
