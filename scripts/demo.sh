#!/usr/bin/env bash
# Sets up and runs the demo commune on http://127.0.0.1:8000 (SQLite, task worker).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export DJANGO_SETTINGS_MODULE=commune.settings.dev
PY=.venv/bin/python

$PY manage.py migrate --noinput
$PY manage.py createcachetable
$PY manage.py compilemessages --ignore=.venv >/dev/null
$PY manage.py load_demo

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

$PY manage.py db_worker --queue-name '*' --interval 1 &
pids+=($!)
$PY manage.py run_scheduler &
pids+=($!)

cat <<MSG

  Villeneuve-sur-Lys is served on http://127.0.0.1:8000/
  Administration: http://127.0.0.1:8000/admin/
    admin / villeneuve-demo        (superuser)
    webmestre / villeneuve-demo    (approves pages)
    culture / villeneuve-demo      (edits "Culture, sport et loisirs", submits for approval)
  Stop with Ctrl+C.

MSG
$PY manage.py runserver 127.0.0.1:8000 --noreload
