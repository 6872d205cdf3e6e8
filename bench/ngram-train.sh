#!/usr/bin/env bash
# How long the n-gram student takes to train once, as a flywheel cycle trains it, on a JSONL file
# of {"text", "label", "split"} (the experiment's format), with the ejb-module as built.
# Usage: bench/ngram-train.sh FILE.jsonl [runs, default 2]   (the out-of-scope label is "oos")
# e.g.   python3 tools/clinc-variants.py ../shared/data/clinc150/clinc150_flat.jsonl /tmp
#        mvn -q -o -pl sql,ejb-module install -DskipTests && bench/ngram-train.sh /tmp/clinc-intents.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
file=$1; runs=${2:-2}
out=$(mktemp -d)
python3 - "$file" > "$out/rows.tsv" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    text = " ".join(str(r["text"]).split())
    label = next(r[k] for k in ("label", "domain", "intent") if k in r)
    split = r.get("split", "train").removeprefix("oos_")
    print(f'{split}\t{label}\t{text}')
PY
mvn -q -o -pl ejb-module dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null
jar=$(ls ejb-module/target/infodesk-ejb-*.jar | head -1)
java -Xmx4g -cp "$jar:$(cat "$out/cp.txt")" bench/NgramTrainProbe.java "$out/rows.tsv" oos "$runs"
rm -rf "$out"
