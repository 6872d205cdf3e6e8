#!/usr/bin/env bash
# Ingestion and retrieval at scale on a running server (the README's run command, demo mode): uploads
# a public HTML corpus from Debian's packages through POST /api/sources as an admin would (20 files
# per request), once per copy into its own domain (py1, py2, ...), and reports
#   - ingestion: chunks/s from the first upload until every source is INDEXED or FAILED;
#   - an employee's wait for answers meanwhile (the demo's questions, one every 0.2 s; ASKS=0: none);
#   - the index on disk (data/index) and the server's used heap (/metrics);
#   - retrieval: the server-side median and p99 of the retrieve stage over questions about the
#     corpus, asked one at a time (they route to a copy's domain by its exemplars).
# Default corpus: the Python 3.11 documentation (apt-get install python3-doc).
# Usage: bench/ingest-corpus.sh [copies] [corpus dir] [questions]   (default: 1, python3-doc, 200)
# FROM=K uploads only the copies K.. (K to copies): FROM=2 bench/ingest-corpus.sh 2 after a first run
# uploads the same corpus again into py2, whose chunks all have vectors already (VectorReuse).
# WARMUP=DIR ingests another corpus first, unmeasured (see below; the JIT compiler's warm-up).
# On a local server it also prints the server's CPU during the ingestion by thread (from /proc) and
# the wall time per chunk of each ingestion stage (infodesk_ingestion_stage_micros_total).
# RETRIEVAL_ONLY=1 skips the upload and the ingestion, and measures retrieval over what is indexed
# (after bench/replicate-corpus.sh, for example).
set -euo pipefail
cd "$(dirname "$0")/.."
base=${INFODESK_URL:-http://127.0.0.1:8080}
copies=${1:-1}
from=${FROM:-1}
corpus=${2:-/usr/share/doc/python3.11/html}
questions=${3:-200}
admin=(-u admin:demo)
[ -d "$corpus" ] || { echo "no corpus at $corpus (apt-get install python3-doc)"; exit 1; }
mapfile -t files < <(find "$corpus" -name '*.html' -size +2k | sort)
echo "corpus: ${#files[@]} HTML files, $(du -sh "$corpus" | cut -f1) in $corpus; $copies copies"

# upload DOMAIN FILE...: uploads the HTML files into DOMAIN through the API, 20 to a request
upload() {
  local domain=$1 i f args
  shift
  local all=("$@")
  for ((i = 0; i < ${#all[@]}; i += 20)); do
    args=()
    for f in "${all[@]:i:20}"; do args+=(-F "file=@$f;type=text/html"); done
    curl -sf "${admin[@]}" -F "domain=$domain" "${args[@]}" -o /dev/null "$base/api/sources" \
      || echo "upload of files $i.. to $domain refused"
  done
}

# WARMUP=DIR: first ingests DIR's first WARMUP_FILES (default 200) HTML files into the domain
# "warmup", unmeasured, so that the JIT compiler has compiled ingestion's code before the measured
# upload (as on a node that has ingested anything before); other content than the corpus, so that
# no vector of the measured upload is reused.
if [ -n "${WARMUP:-}" ] && [ -z "${RETRIEVAL_ONLY:-}" ]; then
  mapfile -t warm < <(find "$WARMUP" -name '*.html' -size +2k | sort | head -n "${WARMUP_FILES:-200}")
  curl -sf "${admin[@]}" -H 'Content-Type: application/json' -o /dev/null -d '{"key":"warmup",
    "name":"Warm-up corpus","description":"Documentation uploaded before the measured corpus.",
    "exemplars":["What does this documentation say about configuration?"]}' "$base/api/domains" \
    || echo "domain warmup exists already"
  wstart=$(date +%s.%N)
  upload warmup "${warm[@]}"
  while true; do
    left=$(curl -sf "${admin[@]}" "$base/api/sources?domain=warmup&max=500" \
      | python3 -c 'import json,sys; print(sum(1 for s in json.load(sys.stdin)["sources"] if s["status"] not in ("INDEXED","FAILED")))')
    [ "$left" -eq 0 ] && break
    sleep 2
  done
  wchunks=$(curl -sf "${admin[@]}" "$base/api/sources?domain=warmup&max=500" \
    | python3 -c 'import json,sys; print(sum(s["chunkCount"] for s in json.load(sys.stdin)["sources"] if s["status"]=="INDEXED"))')
  python3 -c "s=$(date +%s.%N)-$wstart; print('warm-up (not measured): ${#warm[@]} files of $WARMUP, %d chunks in %.1f s: %.1f chunks/s' % ($wchunks, s, $wchunks/s))"
fi

token=$(curl -sf -u employee:demo -H 'Content-Type: application/json' \
  -d '{"label":"corpus benchmark","validDays":1}' "$base/api/me/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
waits=$(mktemp)
# an employee asks the demo's questions one at a time, one every 0.2 s, while the corpus is ingested,
# and the client's wait for each answer is kept (ASKS=0 skips it)
if [ -z "${RETRIEVAL_ONLY:-}" ] && [ "${ASKS:-1}" != 0 ]; then
  cut -d'|' -f2- bench/questions.txt | grep -v '^#' | python3 -c '
import json, sys
for q in sys.stdin: print(json.dumps({"question": q.strip()}))' 2>/dev/null | while read -r body; do
      curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d "$body" "$base/api/ask" >> "$waits"
      sleep 0.2
    done &
  asker=$!
fi

# stages: the node's ingestion stage counters (microseconds, sources) as "stage micros calls" lines
stages() {
  curl -sf "$base/metrics?scope=application" | python3 -c '
import re, sys
t = sys.stdin.read()
for s in ("parse", "embed", "store", "index"):
    v = [re.search(r"(?m)^infodesk_ingestion_stage_%s_total\{[^}]*stage=\"%s\"[^}]*\} (\S+)$" % (k, s), t) for k in ("micros", "calls")]
    print(s, *[m.group(1) if m else 0 for m in v])'
}
# threads: the local server's CPU seconds by thread name (digits dropped), and PROCESS for the whole
# process, exited threads included (Lucene's merges, Tika's parser threads); nothing when the server
# is not a local Payara Micro
server_pid=$(pgrep -f payara-micro.jar | head -1 || true)
threads() {
  [ -n "$server_pid" ] && python3 - "$server_pid" <<'PY'
import collections, os, re, sys
pid, hz = sys.argv[1], os.sysconf("SC_CLK_TCK")
def ticks(stat):
    f = stat[stat.rindex(")") + 2:].split()
    return (int(f[11]) + int(f[12])) / hz
cpu = collections.Counter()
for t in os.listdir(f"/proc/{pid}/task"):
    try:
        stat = open(f"/proc/{pid}/task/{t}/stat").read()
    except OSError:
        continue
    cpu[re.sub(r"[-\d#]+$", "", stat[stat.index("(") + 1:stat.rindex(")")]).strip()] += ticks(stat)
cpu["PROCESS"] = ticks(open(f"/proc/{pid}/stat").read())
for name, s in cpu.items():
    print(f"{s:.2f}\t{name}")
PY
}
threads_before=$(threads || true)
stages_before=$(stages)
start=$(date +%s.%N)
for c in $(seq "$from" "$copies"); do
  [ -n "${RETRIEVAL_ONLY:-}" ] && break
  domain=py$c
  curl -sf "${admin[@]}" -H 'Content-Type: application/json' -o /dev/null -d "{\"key\":\"$domain\",
    \"name\":\"Python documentation $c\",
    \"description\":\"The Python language and its standard library: modules, functions, classes, syntax, the interpreter, packaging and tutorials.\",
    \"exemplars\":[\"What does the json module do in Python?\",\"How do I use list comprehensions in Python?\",
      \"Which Python function opens a file?\",\"How do I define a class with dataclasses?\",
      \"What is the difference between a tuple and a list in Python?\"]}" "$base/api/domains" \
    || echo "domain $domain exists already"
  upload "$domain" "${files[@]}"
done
uploaded=$(date +%s.%N)
echo "uploaded in $(python3 -c "print(round($uploaded - $start, 1))") s; ingesting..."

count() { # status, summed over the copies' domains
  local n=0
  for c in $(seq "$from" "$copies"); do
    n=$((n + $(curl -sf "${admin[@]}" "$base/api/sources?domain=py$c&status=$1&max=1" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')))
  done
  echo "$n"
}
total=$(((copies - from + 1) * ${#files[@]}))
while [ -z "${RETRIEVAL_ONLY:-}" ]; do
  done_=$(( $(count INDEXED) + $(count FAILED) ))
  [ "$done_" -ge "$total" ] && break
  sleep 2
done
end=$(date +%s.%N)
threads_after=$(threads || true)
if [ -n "${asker:-}" ]; then
  kill "$asker" 2>/dev/null || true
  python3 -c '
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
ok = sorted(float(t) * 1000 for c, t in rows if c == "200")
if ok:
    print("asked during ingestion: %d questions, %d not 200, wait median %.1f ms, p90 %.1f ms, p99 %.1f ms"
          % (len(rows), len(rows) - len(ok), ok[len(ok) // 2], ok[int(0.9 * (len(ok) - 1))], ok[int(0.99 * (len(ok) - 1))]))
' "$waits"
fi
rm -f "$waits"
chunks=0
for c in $(seq "$from" "$copies"); do
  first=0
  while true; do
    page=$(curl -sf "${admin[@]}" "$base/api/sources?domain=py$c&status=INDEXED&first=$first&max=200")
    n=$(python3 -c 'import json,sys; p=json.loads(sys.argv[1]); print(sum(s["chunkCount"] for s in p["sources"]), len(p["sources"]))' "$page")
    chunks=$((chunks + ${n% *}))
    [ "${n#* }" -lt 200 ] && break
    first=$((first + 200))
  done
done
[ -n "${RETRIEVAL_ONLY:-}" ] || python3 -c "
s=$end-$start
print('ingestion: %d sources (%d failed), %d chunks in %.1f s: %.1f chunks/s' % ($total, $(count FAILED), $chunks, s, $chunks/s))"
[ -n "${RETRIEVAL_ONLY:-}" ] || python3 -c '
import sys
before = {l.split()[0]: [float(x) for x in l.split()[1:]] for l in sys.argv[1].splitlines()}
after = {l.split()[0]: [float(x) for x in l.split()[1:]] for l in sys.argv[2].splitlines()}
chunks = int(sys.argv[3])
print("ingestion stages, wall ms per chunk summed over the workers (infodesk_ingestion_stage_micros_total): "
      + ", ".join("%s %.2f" % (s, (after[s][0] - before[s][0]) / 1000 / max(1, chunks)) for s in after))
' "$stages_before" "$(stages)" "$chunks"
[ -n "${RETRIEVAL_ONLY:-}" ] || [ -z "$threads_after" ] || python3 -c '
import sys
parse = lambda t: {l.split("\t")[1]: float(l.split("\t")[0]) for l in t.splitlines() if "\t" in l}
before, after = parse(sys.argv[1]), parse(sys.argv[2])
chunks, wall = int(sys.argv[3]), float(sys.argv[4])
used = {k: v - before.get(k, 0) for k, v in after.items()}
total = used.pop("PROCESS")
top = sorted(used.items(), key=lambda kv: -kv[1])[:5]
print("server CPU during ingestion: %.1f s, %.2f of the cores, %.2f ms per chunk; by thread: %s; exited threads (merges, parsers) %.1f s"
      % (total, total / wall, 1000 * total / max(1, chunks),
         ", ".join("%s %.1f s (%.2f ms/chunk)" % (k, v, 1000 * v / max(1, chunks)) for k, v in top),
         total - sum(used.values())))
' "$threads_before" "$threads_after" "$chunks" "$(python3 -c "print($end - $start)")"
[ -n "${RETRIEVAL_ONLY:-}" ] || echo "vectors reused (not embedded again) since the server started, by domain:" \
  "$(curl -sf "$base/metrics?scope=application" | grep '^infodesk_ingestion_chunks_reused_total' \
  | sed 's/.*domain="\([^"]*\)".* \(.*\)/\1 \2/' | tr '\n' ' ')"
echo "index on disk: $(du -sh data/index 2>/dev/null | cut -f1)   heap used: $(curl -sf "$base/metrics?scope=base" \
  | awk '/^memory_usedHeap_bytes/ {printf "%.0f MiB", $2/1048576}')"

# retrieval: questions about the corpus's modules, asked one at a time as an employee
find "$corpus/library" -name '*.html' | sed 's|.*/||; s|\.html$||' | sort | head -n "$questions" \
  | while read -r m; do
      curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -o /dev/null \
        -d "{\"question\":\"What does the Python $m module do and how do I use it?\"}" "$base/api/ask" || true
    done
curl -sf -H "Authorization: Bearer $token" "$base/api/interactions?max=$questions" | python3 -c '
import json, sys, statistics
rows = json.load(sys.stdin)
r = sorted(x["latencyMicros"]["retrieve"] / 1000 for x in rows if (x.get("latencyMicros") or {}).get("retrieve"))
routed = sum(1 for x in rows if (x.get("domain") or "").startswith("py"))
if r:
    print("retrieval over %d chunks: %d questions, %d routed to the corpus, retrieve median %.2f ms, p99 %.2f ms"
          % (int(sys.argv[1]), len(rows), routed, statistics.median(r), r[int(0.99 * (len(r) - 1))]))
' "$chunks"
