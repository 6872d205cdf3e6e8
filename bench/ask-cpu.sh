#!/usr/bin/env bash
# The server's CPU per question: a fresh demo server (bench/demo-server.sh), the warm-up of
# bench/ask-load.sh (10 s of repeated questions, 60 s of distinct ones from a far pass of the
# pool), then 30 s of distinct questions at 16 connections with the Payara Micro process's CPU
# (user + system, /proc/PID/stat) read before and after. CPU per request moves less with the
# machine's load than requests per second do, so two builds compare better by it.
# Usage, in the checkout to measure: bench/ask-cpu.sh LABEL [NAME=value ...]
set -euo pipefail
cd "$(dirname "$0")/.."
label=${1:?label}
shift
source bench/demo-server.sh
trap stop_demo_server EXIT
start_demo_server /tmp/infodesk-ask-cpu-server.log "$@"
pid=$(pgrep -f payara-micro.jar | head -1)
token=$(curl -sf -u employee:demo -H 'Content-Type: application/json' \
  -d '{"label":"wrk load test","validDays":1}' "$demo_base/api/me/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
export INFODESK_TOKEN=$token WRK_THREADS=2
wrk -t2 -c4 -d10s -s bench/ask.lua "$demo_base" >/dev/null
PROFILE=distinct FIRST_PASS=1000 wrk -t2 -c16 -d60s -s bench/ask-pool.lua "$demo_base" >/dev/null
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(ticks)
started=$(date +%s.%N)
out=$(PROFILE=distinct wrk -t2 -c16 -d30s --latency -s bench/ask-pool.lua "$demo_base")
after=$(ticks)
ended=$(date +%s.%N)
requests=$(grep -o '[0-9]* requests in' <<< "$out" | awk '{print $1}')
echo "$label: $(tail -n 1 <<< "$out")"
python3 -c "
cpu = ($after - $before) / $(getconf CLK_TCK)
print('  server CPU %.1f s in %.1f s (%.2f cores), %d requests: %.2f ms of CPU per request'
      % (cpu, $ended - $started, cpu / ($ended - $started), $requests, 1000 * cpu / $requests))"
