#!/bin/sh
# Install what the browser tests (tests/web/) and scripts/screenshots.py need, only when missing.
# Quiet and idempotent; run by `make browser` (and so by `make test`).
#  - Debian's chromium and chromium-driver (apt-get update, then apt-get install), when /usr/bin/chromium
#    or the driver is missing; as root, or through sudo -n when available;
#  - the Python test driver (selenium) into .venv, when missing.
# Never downloads a browser build of its own: the tests drive the system chromium.
set -eu
cd "$(dirname "$0")/.."
VENV_PY="${VENV_PY:-.venv/bin/python}"

apt_install() {
  if [ "$(id -u)" -eq 0 ]; then
    run=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run="sudo -n"
  else
    echo "install-browser: chromium is missing and apt-get needs root: install chromium and" \
         "chromium-driver yourself (the browser tests skip until then)" >&2
    return 0
  fi
  echo "install-browser: installing Debian's chromium and chromium-driver" >&2
  $run env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  $run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium chromium-driver >/dev/null
}

if [ ! -x /usr/bin/chromium ] || ! command -v chromedriver >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    apt_install
  else
    echo "install-browser: no apt-get here: install Chromium and its chromedriver yourself" >&2
  fi
fi

if [ -x "$VENV_PY" ] && ! "$VENV_PY" -c "import selenium" >/dev/null 2>&1; then
  echo "install-browser: installing selenium into .venv" >&2
  if ! out=$("$VENV_PY" -m pip install -q --disable-pip-version-check "selenium>=4.15,<5" 2>&1); then
    echo "$out" >&2
    exit 1
  fi
fi
