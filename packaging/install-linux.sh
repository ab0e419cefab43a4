#!/usr/bin/env bash
# Install the built one-folder app on a Linux till (run from inside the folder, as root):
#
#   sudo ./install-linux.sh [PREFIX]     PREFIX defaults to /opt; the command goes to
#                                        /usr/local/bin, the menu entry and icons to
#                                        /usr/local/share
#
# Copies this folder to PREFIX/pos-prompter, links /usr/local/bin/pos-prompter to it, and
# installs pos-prompter.desktop and the icons (hicolor theme) so the till is in the menu.
# Run it again to upgrade: the old folder is replaced, the stores (in each user's data
# folder) are not touched. POS_PROMPTER_BIN_DIR and POS_PROMPTER_SHARE_DIR change
# /usr/local/bin and /usr/local/share (a per-user install: ~/.local/bin, ~/.local/share).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PREFIX="${1:-/opt}"
DEST="$PREFIX/pos-prompter"
BIN="${POS_PROMPTER_BIN_DIR:-/usr/local/bin}"
SHARE="${POS_PROMPTER_SHARE_DIR:-/usr/local/share}"

[[ -x "$HERE/pos-prompter" ]] || { echo "run this from the built pos-prompter folder" >&2; exit 2; }
if [[ "$HERE" != "$DEST" ]]; then
    mkdir -p "$PREFIX"
    rm -rf "$DEST.new"
    cp -a "$HERE" "$DEST.new"
    rm -rf "$DEST"
    mv "$DEST.new" "$DEST"
fi
mkdir -p "$BIN"
ln -sfn "$DEST/pos-prompter" "$BIN/pos-prompter"
ICONS="$DEST/_internal/icons"
for png in "$ICONS"/pos-prompter-*.png; do
    size="$(basename "$png" .png)"
    size="${size##*-}"
    install -D -m 0644 "$png" "$SHARE/icons/hicolor/${size}x${size}/apps/pos-prompter.png"
done
install -D -m 0644 "$ICONS/pos-prompter.svg" "$SHARE/icons/hicolor/scalable/apps/pos-prompter.svg"
install -D -m 0644 "$DEST/pos-prompter.desktop" "$SHARE/applications/pos-prompter.desktop"
command -v gtk-update-icon-cache >/dev/null 2>&1 &&
    gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
command -v update-desktop-database >/dev/null 2>&1 &&
    update-desktop-database -q "$SHARE/applications" || true
echo "installed: $DEST (command: $BIN/pos-prompter; menu: pos-prompter)"
