#!/usr/bin/env bash
# Where the ask path spends its CPU: a fresh demo server (the README's run command), JDK Flight
# Recorder's sampling profiler on it while bench/ask-load.sh runs one profile, then
# tools/jfr-hot.py over the request threads. Usage: bench/profile-ask.sh [profile] [seconds]
# (default: zipf 30). Writes target/ask-<profile>.jfr and prints the hottest methods.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-zipf}
seconds=${2:-30}
source bench/demo-server.sh
trap stop_demo_server EXIT
start_demo_server /tmp/infodesk-profile-server.log
pid=$(pgrep -f payara-micro.jar | head -1)
mkdir -p target
jfr=$PWD/target/ask-$profile.jfr
# the warm-up of ask-load.sh takes 10 s; the recording covers it and the measured run
jcmd "$pid" JFR.start name=ask settings=profile duration=$((seconds + 15))s filename="$jfr" >/dev/null
bench/ask-load.sh 16 "$seconds" "$profile"
while [ ! -s "$jfr" ]; do sleep 1; done
sleep 2
jfr print --json --stack-depth 96 --events jdk.ExecutionSample "$jfr" | tools/jfr-hot.py 'http-thread-pool' 45
