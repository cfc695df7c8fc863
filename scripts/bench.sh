#!/usr/bin/env bash
# Runs the page-rendering benchmark (README lists the search benchmarks, which need Meilisearch).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
.venv/bin/python benchmarks/page_rendering.py "$@"
