#!/usr/bin/env bash
# The whole test suite, from a fresh clone: system packages, Python packages, then lint (ruff),
# types (mypy), layer contracts (import-linter) and pytest — GUI tests on a virtual screen, keyring
# tests in a private D-Bus session with an unlocked gnome-keyring, then the desktop bundle built and
# smoke-tested (scripts/bundle-smoke.sh). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"

bash scripts/install-system-deps.sh
# A Debian system Python refuses pip installs (PEP 668): use a project virtual environment then.
if "$PYTHON" -c 'import os, sys, sysconfig; sys.exit(0 if sys.prefix == sys.base_prefix and os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")) else 1)'; then
  [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
  PYTHON=.venv/bin/python
fi
"$PYTHON" -m pip install --quiet --disable-pip-version-check -e '.[test]'

echo "== ruff"; "$PYTHON" -m ruff check . && "$PYTHON" -m ruff format --check .
echo "== mypy"; "$PYTHON" -m mypy
echo "== import-linter"
# Through the interpreter, not the console script: a fresh pyenv may not have its shim yet.
"$PYTHON" -c "import sys; from importlinter.cli import lint_imports_command as run; sys.argv[0] = 'lint-imports'; run()"
echo "== pytest"
# Chromium keeps its shared memory in /tmp, not /dev/shm (64 MB in containers: SIGBUS when full).
export QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:---no-sandbox --disable-dev-shm-usage}"
set +e
dbus-run-session -- bash scripts/in-test-session.sh "$PYTHON" -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure, not a pass." >&2
  exit 1
fi
[ "$status" -eq 0 ] || exit "$status"
# The desktop bundle, built from this checkout and used like a marketer would (skip it for a quick
# local run with ENGAGE_SKIP_BUNDLE=1; CI never sets it).
if [ -z "${ENGAGE_SKIP_BUNDLE:-}" ]; then
  echo "== desktop bundle"
  PYTHON="$PYTHON" bash scripts/bundle-smoke.sh
fi
