#!/bin/sh
# Install what the browser tests (tests/web/) need, when missing; quiet and idempotent.
#  - Debian's chromium and chromium-driver (apt-get, as root), when /usr/bin/chromium is missing;
#  - the Python test driver (selenium) into .venv, when missing.
# Never downloads a browser build of its own: the tests drive the system chromium.
set -eu
cd "$(dirname "$0")/.."
VENV_PY="${VENV_PY:-.venv/bin/python}"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
      echo "install-browser: not root and no sudo: install chromium and chromium-driver yourself" >&2
      echo "  (the browser tests will skip until then)" >&2
      SUDO=""
    fi
  else
    SUDO=" "
  fi
  if [ -n "$SUDO" ]; then
    echo "install-browser: installing chromium and chromium-driver (apt-get)" >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      chromium chromium-driver >/dev/null
  fi
fi

if [ -x "$VENV_PY" ] && ! "$VENV_PY" -c "import selenium" >/dev/null 2>&1; then
  echo "install-browser: installing selenium into .venv" >&2
  "$VENV_PY" -m pip install -q "selenium>=4.15,<5"
fi
