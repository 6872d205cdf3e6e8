# Sourced by the benchmarks that need a fresh demo server of their own (bench/compare.sh,
# bench/profile-ask.sh): the README's run command with -DskipTests, on an empty data folder.
demo_base=http://127.0.0.1:8080

# start_demo_server LOG [NAME=value ...]: starts the server with those MicroProfile Config
# environment variables, logging to LOG, and returns once every demo document is INDEXED.
# Sets demo_server_pid.
start_demo_server() {
  local log=$1
  shift
  rm -rf data
  env "$@" mvn -q -Prun -pl web-module -am -DskipTests package > "$log" 2>&1 &
  demo_server_pid=$!
  local sources
  for _ in $(seq 1 300); do
    kill -0 "$demo_server_pid" 2>/dev/null || { echo "the server stopped: $log"; return 1; }
    sources=$(curl -sf -u admin:demo "$demo_base/api/sources?max=200" 2>/dev/null || true)
    if grep -q INDEXED <<< "$sources" && ! grep -qE '"(QUEUED|PARSING|EMBEDDING)"' <<< "$sources"; then
      return 0
    fi
    sleep 2
  done
  echo "the demo was not indexed within 10 minutes: $log"
  return 1
}

# stop_demo_server: stops it and waits until the Payara Micro process is gone.
stop_demo_server() {
  kill "${demo_server_pid:-}" 2>/dev/null || true
  pkill -f payara-micro.jar || true
  while pgrep -f payara-micro.jar >/dev/null; do sleep 1; done
}
