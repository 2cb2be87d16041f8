#!/usr/bin/env bash
# Build the desktop bundle from this checkout and smoke-test it the way a marketer would use it:
# install the .tar.gz into a fresh home with its install.sh, check our data files are there, run
# --help of every CLI command, start the GUI from the menu entry's command on a virtual screen, see
# the first start's progress dialog and the demo's campaigns, a keyring round trip, send a campaign
# to the sandbox with the bundled CLI (service and sandbox must be the bundle's program), import a
# large file, draw a chart, quit. A file or plugin the bundle lacks fails here (installer/smoke.py).
# Called by scripts/test.sh; runs alone too:
#   bash scripts/bundle-smoke.sh [OUT_DIR]        (needs the 'installer' extra: pip install -e '.[installer]')
# Prints the build time, the bundle's size and the smoke test's timings.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
OUT="${1:-build/bundle}"
# Chromium keeps its shared memory in /tmp, not /dev/shm (64 MB in containers: SIGBUS when full).
export QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:---no-sandbox --disable-dev-shm-usage}"

rm -rf "$OUT"
mkdir -p "$(dirname "$OUT")"
started=$(date +%s)
"$PYTHON" -m installer build --out "$OUT" | tee "$OUT.build.log"
archive=$(tail -n 1 "$OUT.build.log")
echo "== bundle built in $(( $(date +%s) - started )) s: $archive"

started=$(date +%s)
dbus-run-session -- bash scripts/in-test-session.sh "$PYTHON" -m installer smoke "$archive"
echo "== bundle smoke test passed in $(( $(date +%s) - started )) s"
