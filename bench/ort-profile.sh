#!/usr/bin/env bash
# Where ONNX Runtime spends one MiniLM run, by operator: the model InfoDesk embeds with (default the
# 8-bit all-minilm-l6-v2-q, extracted from the langchain4j jar by the JMH build), all graph
# optimisations, one thread, TOKENS word pieces (default 256: ingestion's longest chunk).
# Usage: bench/ort-profile.sh [model name] [tokens]      e.g. bench/ort-profile.sh all-minilm-l6-v2 128
# ORT=version runs it with another ONNX Runtime from the local Maven repository (mvn dependency:get).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:-all-minilm-l6-v2-q}
tokens=${2:-256}
ort=${ORT:-$(sed -n 's|.*<onnxruntime.version>\(.*\)</onnxruntime.version>.*|\1|p' pom.xml)}
jar=~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/$ort/onnxruntime-$ort.jar
model=$(find ejb-module/target/models data/models -name "$name.onnx" 2>/dev/null | head -1)
[ -n "$model" ] || { echo "no $name.onnx: run BENCH=EmbeddingThroughputBenchmark bench/jmh.sh once"; exit 1; }
out=$(mktemp -d)
java -cp "$jar" bench/OrtProfile.java "$model" "$tokens" "$out/ort" | tee "$out/run.txt"
echo "ONNX Runtime: $jar"
python3 - "$(sed -n 's/^profile: //p' "$out/run.txt")" <<'PY'
import collections, json, sys
events = json.load(open(sys.argv[1]))
time, calls = collections.Counter(), collections.Counter()
for e in events:
    if e.get("cat") == "Node" and e["name"].endswith("_kernel_time"):
        op = e["args"].get("op_name")
        time[op] += e["dur"]
        calls[op] += 1
total = sum(time.values())
for op, t in time.most_common(12):
    print(f"{op:24s} {100 * t / total:5.1f}%  {t / calls[op] / 1000:7.3f} ms per call")
PY
rm -rf "$out"
