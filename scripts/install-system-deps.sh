#!/usr/bin/env bash
# System packages the app and its tests need on Debian/Ubuntu: Qt's xcb and WebEngine libraries,
# Xvfb (a virtual screen for GUI tests and screenshots), PostgreSQL (tests start their own
# server), gnome-keyring + dbus (the real Secret Service keyring), fonts with emoji, and the
# validators of the Linux bundle's menu entry and AppStream metadata, and GLib's launcher (gio).
# Installs only what is missing; needs root (or sudo).
set -euo pipefail

PACKAGES=(
  xvfb xauth dbus dbus-x11 gnome-keyring postgresql fonts-noto-color-emoji fontconfig
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1
  libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbfile1 libasound2 libxshmfence1
  libgbm1 libdrm2 python3-venv desktop-file-utils appstream libglib2.0-bin
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages: all present."
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Please install these packages with your system's package manager: ${missing[*]}" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "Run as root (or install sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
echo "Installing system packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
