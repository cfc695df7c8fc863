#!/usr/bin/env bash
# Runs the page-rendering benchmark. README lists the search ones: search_speed.py starts its
# own Meilisearch; search_relevance.py reads the demo's (run `make demo` first).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
.venv/bin/python benchmarks/page_rendering.py "$@"
