#!/usr/bin/env bash
# Load test of POST /api/ask on a running server (the README's run command, extractive mode).
# Usage: bench/ask-load.sh [connections] [seconds]   (needs wrk: apt-get install wrk)
set -euo pipefail
base=${INFODESK_URL:-http://127.0.0.1:8080}
connections=${1:-16}
seconds=${2:-30}
token=$(curl -sf -u employee:demo -H 'Content-Type: application/json' \
  -d '{"label":"wrk load test","validDays":1}' "$base/api/me/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
export INFODESK_TOKEN=$token
# warm up: JIT, router centroids, connection pool
INFODESK_TOKEN=$token wrk -t2 -c4 -d10s -s "$(dirname "$0")/ask.lua" "$base" >/dev/null
INFODESK_TOKEN=$token wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$(dirname "$0")/ask.lua" "$base"
