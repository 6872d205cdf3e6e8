#!/usr/bin/env bash
# Runs bench/ask-load.sh against a fresh demo server for each configuration given as
# "label:ENV=value,ENV=value" (MicroProfile Config environment variables), one server at a time,
# on a fresh data folder, with the README's run command. Usage, e.g.:
#   bench/compare.sh "no cache:INFODESK_EMBEDDING_QUESTION_CACHE=0" "cache:"
set -euo pipefail
cd "$(dirname "$0")/.."
base=http://127.0.0.1:8080
for config in "$@"; do
  label=${config%%:*}
  settings=${config#*:}
  rm -rf data
  (
    IFS=',' read -ra pairs <<< "$settings"
    for p in "${pairs[@]}"; do [ -n "$p" ] && export "${p?}"; done
    exec mvn -q -Prun -pl web-module package > /tmp/infodesk-bench-server.log 2>&1
  ) &
  server=$!
  # ready, and every demo document indexed
  for _ in $(seq 1 300); do
    kill -0 "$server" 2>/dev/null || { echo "the server stopped: /tmp/infodesk-bench-server.log"; exit 1; }
    if curl -sf -u admin:demo "$base/api/sources?max=200" 2>/dev/null | grep -q INDEXED \
      && ! curl -sf -u admin:demo "$base/api/sources?max=200" | grep -qE '"(QUEUED|PARSING|EMBEDDING)"'; then
      break
    fi
    sleep 2
  done
  echo "== $label ($settings)"
  bench/ask-load.sh 16 30 distinct zipf
  kill "$server" 2>/dev/null || true
  pkill -f payara-micro.jar || true
  while pgrep -f payara-micro.jar >/dev/null; do sleep 1; done
done
