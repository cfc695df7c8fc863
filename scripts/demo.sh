#!/usr/bin/env bash
# Sets up and runs the demo commune on http://127.0.0.1:8000 (SQLite, task worker, Meilisearch).
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

# Waits for the Meilisearch started in the background (pid $1) to answer /health.
wait_for_meilisearch() {
  local url=${MEILISEARCH_URL:-http://127.0.0.1:7700}/health
  for _ in $(seq 60); do
    if ! kill -0 "$1" 2>/dev/null; then
      echo "Meilisearch did not start; see var/meilisearch/meilisearch.log" >&2
      return 1
    fi
    if $PY -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
      "$url" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  echo "Meilisearch did not answer $url within 30 s" >&2
  return 1
}

$PY manage.py run_meilisearch &  # data in var/meilisearch/
pids+=($!)
wait_for_meilisearch $!
$PY manage.py rebuild_search_index --no-progress
$PY manage.py db_worker --queue-name '*' --interval 1 &
pids+=($!)
$PY manage.py run_scheduler &
pids+=($!)
# The accessibility and eco-design statements quote the latest automated check: one runs in
# the background (a minute or two, its own server on a free port) and records its figures.
$PY manage.py check_accessibility > var/check_accessibility.log 2>&1 &
pids+=($!)

cat <<MSG

  Villeneuve-sur-Lys is served on http://127.0.0.1:8000/
  Administration: http://127.0.0.1:8000/admin/
    admin / villeneuve-demo        (superuser)
    webmestre / villeneuve-demo    (approves pages)
    culture / villeneuve-demo      (edits "Culture, sport et loisirs", submits for approval)
  Two-factor sign-in: after the password, enter a demo backup code,
    5900000001 to 5900000010 (each works once per account; load_demo restores them).
  Statements: /accessibilite/ and /ecoconception/ show the figures of the automated check
    running now in the background (var/check_accessibility.log).
  Search server: Meilisearch on ${MEILISEARCH_URL:-http://127.0.0.1:7700} (data in var/meilisearch/)
  Stop with Ctrl+C.

MSG
# In the background with a wait: a TERM sent to this script (not only Ctrl+C to the whole
# terminal group) then runs the cleanup at once.
$PY manage.py runserver 127.0.0.1:8000 --noreload &
pids+=($!)
wait "$!"
