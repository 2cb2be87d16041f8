#!/bin/sh
# Install Engage Desktop for the current user: no root, nothing outside your home folder.
#   ./install.sh            install (or update) from this unpacked archive
#   ./install.sh --uninstall
# Writes the program to ~/.local/share/engage-desktop, a link ~/.local/bin/engage-desktop, the
# menu entry, icons and AppStream metadata under ~/.local/share. Your workspace and settings live
# elsewhere (~/.local/share/EngageDesktop, ~/.config/EngageDesktop) and are never touched.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN="$HOME/.local/bin"
APP="$DATA/engage-desktop"
SIZES="16 32 64 128 256"

# Messages in the session's language: French or English, as the app.
say() {
  case "${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}" in
    fr*) printf '%s\n' "$2" ;;
    *) printf '%s\n' "$1" ;;
  esac
}

uninstall() {
  rm -f "$BIN/engage-desktop" "$DATA/applications/engage-desktop.desktop" \
    "$DATA/metainfo/io.engage.EngageDesktop.metainfo.xml"
  for size in $SIZES; do rm -f "$DATA/icons/hicolor/${size}x${size}/apps/engage-desktop.png"; done
  rm -rf "$APP"
}

refresh_caches() {
  # Menus notice new entries by themselves on most desktops; these make it immediate.
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$DATA/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  uninstall
  refresh_caches
  say "Engage Desktop was removed. Your workspace and settings were kept." \
    "Engage Desktop a été désinstallé. Votre espace de travail et vos réglages sont conservés."
  exit 0
fi
if [ ! -x "$HERE/engage-desktop/engage-desktop" ]; then
  say "install.sh: $HERE/engage-desktop/engage-desktop is missing: unpack the whole archive first." \
    "install.sh : $HERE/engage-desktop/engage-desktop manque : décompressez d'abord toute l'archive." >&2
  exit 1
fi

# Copy beside the old version, then swap: an interrupted update leaves the old one working.
mkdir -p "$DATA" "$BIN" "$DATA/applications" "$DATA/metainfo"
rm -rf "$APP.new"
cp -R "$HERE/engage-desktop" "$APP.new"
rm -rf "$APP.old"
if [ -e "$APP" ]; then mv "$APP" "$APP.old"; fi
mv "$APP.new" "$APP"
rm -rf "$APP.old"

ln -sfn "$APP/engage-desktop" "$BIN/engage-desktop"
for size in $SIZES; do
  mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
  cp "$HERE/icons/hicolor/${size}x${size}/apps/engage-desktop.png" \
    "$DATA/icons/hicolor/${size}x${size}/apps/engage-desktop.png"
done
# The menu runs the program by its full path: ~/.local/bin is not on every session's PATH. The
# path is quoted as the Desktop Entry spec says (" ` $ escaped with \\, \ written \\\\, % doubled),
# whatever the home folder's name holds (spaces, &, apostrophes), and never goes through sed's
# replacement text.
exec_path=$(printf '%s' "$APP/engage-desktop" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    Exec=*) printf 'Exec="%s"\n' "$exec_path" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$HERE/engage-desktop.desktop" > "$DATA/applications/engage-desktop.desktop"
chmod 0644 "$DATA/applications/engage-desktop.desktop"
cp "$HERE/io.engage.EngageDesktop.metainfo.xml" "$DATA/metainfo/"
refresh_caches

say "Engage Desktop is installed: find it in your applications menu, or run $BIN/engage-desktop" \
  "Engage Desktop est installé : retrouvez-le dans le menu des applications, ou lancez $BIN/engage-desktop"
case ":$PATH:" in
  *":$BIN:"*) ;;
  *) say "($BIN is not on your PATH: add it to run engage-desktop from a terminal.)" \
    "($BIN n'est pas dans votre PATH : ajoutez-le pour lancer engage-desktop depuis un terminal.)" ;;
esac
