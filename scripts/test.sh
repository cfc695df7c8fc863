#!/usr/bin/env bash
# Sets up and runs the whole test suite. Uses DATABASE_URL when set (PostgreSQL in CI),
# SQLite otherwise. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export DJANGO_SETTINGS_MODULE=commune.settings.test
.venv/bin/python manage.py compilemessages --ignore=.venv >/dev/null
.venv/bin/ruff check .
.venv/bin/python -m pytest -q --create-db "$@"
