#!/usr/bin/env bash
# One full flywheel cycle on 1,000 curated examples, on a running server (the README's run
# command, started on an empty data folder), timing each step. The examples are CLINC150 train
# utterances under the demo's labels (banking+credit_cards → finance, work → hr, utility → it,
# meta → product: 225 each; and the 100 out-of-scope train rows): a stand-in for curated traffic
# of the right size, imported as an admin would seed a dataset.
# Usage: bench/cycle.sh   (needs ../shared/data/clinc150, curl and python3)
set -euo pipefail
base=${INFODESK_URL:-http://127.0.0.1:8080}
data=${CLINC150:-$(dirname "$0")/../../shared/data/clinc150/clinc150_flat.jsonl}
jsonl=$(mktemp)
python3 - "$data" > "$jsonl" <<'PY'
import json, random, sys
mapping = {"banking": "finance", "credit_cards": "finance", "work": "hr", "utility": "it",
           "meta": "product", "oos": "oos"}
rows = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["split"] in ("train", "oos_train") and r["domain"] in mapping:
        rows.setdefault(mapping[r["domain"]], []).append(r["text"])
random.seed(42)
per_label = {"oos": 100}  # CLINC150 has 100 out-of-scope train rows; the 4 domains share the rest
for label, texts in sorted(rows.items()):
    random.shuffle(texts)
    for t in texts[:per_label.get(label, 225)]:
        print(json.dumps({"text": t, "label": label}))
PY
echo "importing $(wc -l < "$jsonl") examples"
curl -sf -u admin:demo -H 'Content-Type: application/x-ndjson' --data-binary @"$jsonl" "$base/api/datasets/import"; echo
start=$(date +%s.%N)
id=$(curl -sf -u admin:demo -X POST "$base/api/flywheel/cycles" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
while :; do
  cycle=$(curl -sf -u admin:demo "$base/api/flywheel/cycles/$id")
  status=$(echo "$cycle" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  [ "$status" != RUNNING ] && break
  sleep 1
done
end=$(date +%s.%N)
echo "$cycle" | python3 -c '
import json, sys
c = json.load(sys.stdin)
print("cycle", c["id"], c["status"], c.get("failure", ""))
for name in ("monitor", "judge", "train", "decide"):
    s = c["steps"].get(name, {})
    millis = s.get("millis", 0)
    detail = s.get("detail", "")[:150]
    print(f"  {name:8} {millis / 1000:7.1f} s  {detail}")
print("  funnel", c["funnel"])
'
python3 -c "print(f'wall time from start request to COMPLETED: {$end - $start:.1f} s')"
rm -f "$jsonl"
