#!/usr/bin/env bash
# Creates the virtual environment and installs the project's Python dependencies.
# Sourced by demo.sh and test.sh; idempotent and quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[test]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
# gettext compiles the interface translations (.po -> .mo).
if ! command -v msgfmt >/dev/null 2>&1; then
  apt-get install -y -q gettext >/dev/null
fi
mkdir -p var
