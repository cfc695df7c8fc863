#!/usr/bin/env bash
# Sets up and runs the demo commune on http://127.0.0.1:8000 as a town runs its site: gunicorn,
# DEBUG off, static files through WhiteNoise, the full-page cache on (SQLite, task worker,
# Meilisearch, MailDev catching every mail the demo sends). For development with reloading,
# `DJANGO_SETTINGS_MODULE=commune.settings.dev .venv/bin/python manage.py runserver`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export DJANGO_SETTINGS_MODULE=commune.settings.demo
# Every process sends through MailDev (started below): its web inbox shows the mails.
MAILDEV_SMTP_PORT=1025
MAILDEV_WEB_PORT=1080
export EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend
export EMAIL_HOST=127.0.0.1 EMAIL_PORT=$MAILDEV_SMTP_PORT
PY=.venv/bin/python

$PY manage.py migrate --noinput
$PY manage.py createcachetable
$PY manage.py collectstatic --noinput -v0
$PY manage.py compilemessages --ignore=.venv >/dev/null
$PY manage.py load_demo

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# Waits for a server started in the background to answer: wait_for NAME PID URL LOG.
wait_for() {
  local name=$1 pid=$2 url=$3 log=$4
  for _ in $(seq 60); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name did not start; see $log" >&2
      return 1
    fi
    if $PY -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
      "$url" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  echo "$name did not answer $url within 30 s" >&2
  return 1
}

$PY manage.py run_meilisearch &  # data in var/meilisearch/
pids+=($!)
wait_for Meilisearch $! "${MEILISEARCH_URL:-http://127.0.0.1:7700}/health" \
  var/meilisearch/meilisearch.log
# MailDev (npm, pinned in package-lock.json): an SMTP server that keeps every mail it gets
# and shows them in a web inbox, on localhost only.
node_modules/.bin/maildev --ip 127.0.0.1 --smtp $MAILDEV_SMTP_PORT \
  --web-ip 127.0.0.1 --web $MAILDEV_WEB_PORT > var/maildev.log 2>&1 &
pids+=($!)
wait_for MailDev $! "http://127.0.0.1:$MAILDEV_WEB_PORT/healthz" var/maildev.log
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
  Mail inbox: every mail the demo sends lands in MailDev, http://127.0.0.1:$MAILDEV_WEB_PORT/
    (its SMTP server listens on 127.0.0.1:$MAILDEV_SMTP_PORT)
  Stop with Ctrl+C.

MSG
# In the background with a wait: a TERM sent to this script (not only Ctrl+C to the whole
# terminal group) then runs the cleanup at once. Three workers for two cores, as a town's
# server would run (docs/deploy.md).
.venv/bin/gunicorn -c deploy/gunicorn.conf.py commune.wsgi --pythonpath site \
  --bind 127.0.0.1:8000 \
  --workers "${WEB_WORKERS:-3}" --error-logfile - &
pids+=($!)
wait "$!"
