#!/usr/bin/env bash
# Set up KitCOP Atelier on a Debian/Ubuntu machine, then open it on the demo workshop.
#   bash setup.sh            set up (idempotent) and open the app on the demo workshop
#   bash setup.sh --no-open  set up only (used by test.sh and CI)
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES="libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 \
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 \
libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libx11-xcb1 fonts-dejavu-core \
xvfb xauth xdotool poppler-utils fonts-noto-color-emoji chromium chromium-driver"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installation des bibliothèques système :$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Il manque des bibliothèques système. Lancez, puis relancez ce script :"
    echo "  sudo apt-get install -y --no-install-recommends$missing"
    exit 1
  fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
# The tested versions (constraints.txt), never whatever was released last night.
.venv/bin/python -m pip install -q -c constraints.txt -e ".[dev]"

if [ "${1:-}" != "--no-open" ]; then
  # Reuses the demo workshop if it already exists, so running this twice opens the same one.
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "Pas d'écran : l'application s'ouvre sur un écran virtuel (xvfb-run)."
    exec xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/kitcop demo --reuse --open
  fi
  exec .venv/bin/kitcop demo --reuse --open
fi
