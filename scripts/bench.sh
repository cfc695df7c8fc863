#!/usr/bin/env bash
# Runs every benchmark of benchmarks/ and prints their figures.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
.venv/bin/python benchmarks/page_rendering.py "$@"
