#!/usr/bin/env bash
# The read side alone: event page, home page and /api/events against the app's own stylesheet as a static file, in
# interleaved rounds of wrk at 50 connections (bench/run.sh with these workloads only; it prints the table).
#   bench/pages.sh
#   ROUNDS=5 DURATION=20 SKIP_BUILD=1 bench/pages.sh
#   APP_DIR=/tmp/before/quarkus-app bench/pages.sh      # another build (e.g. "before")
set -euo pipefail
cd "$(dirname "$0")/.."
WORKLOADS="static event home api" exec bench/run.sh --quick "$@"
