#!/usr/bin/env bash
# Load test of POST /api/ask on a running server (the README's run command, extractive mode), with
# wrk (apt-get install wrk) on 2 threads:
#   repeated  bench/ask.lua: 14 questions in turn (the first benchmark, kept for comparison)
#   distinct  bench/ask-pool.lua: no question asked twice (1,245 distinct questions about the demo
#             knowledge base, bench/questions.txt, each pass with another opening)
#   zipf      bench/ask-pool.lua: the same questions with Zipf-like repetition (weight 1/rank)
# and then the server-side median and p90 of each stage over the last 200 questions of each run,
# from the interaction log (GET /api/interactions, the employee's own), with their outcomes.
# Usage: bench/ask-load.sh [connections] [seconds] [profiles...]   (default: 16 30 distinct zipf)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${INFODESK_URL:-http://127.0.0.1:8080}
connections=${1:-16}
seconds=${2:-30}
shift $(( $# > 2 ? 2 : $# ))
if [ $# -gt 0 ]; then profiles=("$@"); else profiles=(distinct zipf); fi
token=$(curl -sf -u employee:demo -H 'Content-Type: application/json' \
  -d '{"label":"wrk load test","validDays":1}' "$base/api/me/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
export INFODESK_TOKEN=$token WRK_THREADS=2
# warm up: JIT, router centroids, connection pool (repeated questions, so the pool stays unseen),
# then WARMUP seconds (default 60) of distinct questions from a pass the measured runs never reach:
# on a fresh server the C2 compiler took 36% of the CPU during the first distinct run without it
# (perf, docs/benchmarks.md)
wrk -t2 -c4 -d10s -s bench/ask.lua "$base" >/dev/null
warmup=${WARMUP:-60}
if [ "$warmup" -gt 0 ]; then
  PROFILE=distinct FIRST_PASS=1000 wrk -t2 -c"$connections" -d"${warmup}s" -s bench/ask-pool.lua "$base" >/dev/null
fi
for profile in "${profiles[@]}"; do
  if [ "$profile" = repeated ]; then
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/ask.lua "$base" | tail -n 1 | sed 's/^/repeated: /'
  else
    PROFILE=$profile wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/ask-pool.lua "$base" | tail -n 1
  fi
  curl -sf -H "Authorization: Bearer $token" "$base/api/interactions?max=200" | python3 -c '
import json, sys, statistics
rows = json.load(sys.stdin)
stages = {}
for r in rows:
    for k, v in (r.get("latencyMicros") or {}).items():
        stages.setdefault(k, []).append(v / 1000)
def p90(xs):
    xs = sorted(xs)
    return xs[int(0.9 * (len(xs) - 1))]
print("  server side, last %d questions: " % len(rows) + ", ".join(
    "%s %.2f/%.2f ms" % (k, statistics.median(v), p90(v)) for k, v in stages.items()) + " (median/p90)")
outcomes = {}
for r in rows:
    outcomes[r.get("outcome")] = outcomes.get(r.get("outcome"), 0) + 1
print("  outcomes: " + ", ".join("%s %d%%" % (k, round(100 * v / len(rows))) for k, v in sorted(outcomes.items())))
'
done
