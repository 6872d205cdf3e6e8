#!/usr/bin/env bash
# Runs bench/ask-load.sh against a fresh demo server for each configuration given as
# "label:ENV=value,ENV=value" (MicroProfile Config environment variables), one server at a time,
# on a fresh data folder (bench/demo-server.sh). Usage, e.g.:
#   bench/compare.sh "no cache:INFODESK_EMBEDDING_QUESTION_CACHE=0" "cache:"
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/demo-server.sh
trap stop_demo_server EXIT
for config in "$@"; do
  label=${config%%:*}
  settings=${config#*:}
  pairs=()
  IFS=',' read -ra given <<< "$settings"
  for p in "${given[@]}"; do [ -n "$p" ] && pairs+=("$p"); done
  start_demo_server /tmp/infodesk-bench-server.log "${pairs[@]}"
  echo "== $label ($settings)"
  bench/ask-load.sh 16 30 distinct zipf
  stop_demo_server
done
