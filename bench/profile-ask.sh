#!/usr/bin/env bash
# Where the ask path spends its CPU: a fresh demo server (the README's run command), JDK Flight
# Recorder's sampling profiler on it while bench/ask-load.sh runs one profile, then
# tools/jfr-hot.py over the request threads. Usage: bench/profile-ask.sh [profile] [seconds]
# (default: zipf 30). Writes target/ask-<profile>.jfr and prints the hottest methods.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-zipf}
seconds=${2:-30}
base=http://127.0.0.1:8080
rm -rf data
mvn -q -Prun -pl web-module -am -DskipTests package > /tmp/infodesk-profile-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; pkill -f payara-micro.jar || true' EXIT
for _ in $(seq 1 300); do
  kill -0 "$server" 2>/dev/null || { echo "the server stopped: /tmp/infodesk-profile-server.log"; exit 1; }
  if curl -sf -u admin:demo "$base/api/sources?max=200" 2>/dev/null | grep -q INDEXED \
    && ! curl -sf -u admin:demo "$base/api/sources?max=200" | grep -qE '"(QUEUED|PARSING|EMBEDDING)"'; then
    break
  fi
  sleep 2
done
pid=$(pgrep -f payara-micro.jar | head -1)
mkdir -p target
jfr=$PWD/target/ask-$profile.jfr
# the warm-up of ask-load.sh takes 10 s; the recording covers it and the measured run
jcmd "$pid" JFR.start name=ask settings=profile duration=$((seconds + 15))s filename="$jfr" >/dev/null
bench/ask-load.sh 16 "$seconds" "$profile"
while [ ! -s "$jfr" ]; do sleep 1; done
sleep 2
jfr print --json --stack-depth 96 --events jdk.ExecutionSample "$jfr" | tools/jfr-hot.py 'http-thread-pool' 45
