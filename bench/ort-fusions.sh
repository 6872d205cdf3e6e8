#!/usr/bin/env bash
# What is left to gain inside ONNX Runtime for the 8-bit MiniLM that ingestion embeds with:
#  1. the processor's AMX tiles, which ONNX Runtime's 8-bit products use where the kernel allows
#     them: the model timed as InfoDesk runs it, then with AMX refused (bench/ort-fusions/no-amx.c);
#  2. fusions ONNX Runtime does not do by itself on this graph (bench/ort-fusions/ort-fuse.py):
#     each variant's smallest cosine to the model's own vectors, and its time per run, alternated.
# Usage: bench/ort-fusions.sh [tokens]     (default 256, ingestion's longest chunk)
# Needs gcc and Debian's python3-onnx (apt-get install python3-onnx), and the model extracted by
# the JMH build (BENCH=EmbeddingThroughputBenchmark bench/jmh.sh once).
set -euo pipefail
cd "$(dirname "$0")/.."
tokens=${1:-256}
name=all-minilm-l6-v2-q
ort=$(sed -n 's|.*<onnxruntime.version>\(.*\)</onnxruntime.version>.*|\1|p' pom.xml)
jar=~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/$ort/onnxruntime-$ort.jar
model=$(find ejb-module/target/models data/models -name "$name.onnx" 2>/dev/null | head -1)
[ -n "$model" ] || { echo "no $name.onnx: run BENCH=EmbeddingThroughputBenchmark bench/jmh.sh once"; exit 1; }
/usr/bin/python3 -c 'import onnx' 2>/dev/null || { echo "needs python3-onnx: apt-get install python3-onnx"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
gcc -shared -fPIC -o "$out/no-amx.so" bench/ort-fusions/no-amx.c -ldl
quiet() { grep -v 'W:onnxruntime' || true; }

echo "== AMX: the model as InfoDesk runs it, three times each way"
for i in 1 2 3; do
  printf 'with AMX:    '; java -cp "$jar" bench/OrtProfile.java "$model" "$tokens" 2>&1 | quiet | tail -1
  printf 'AMX refused: '; LD_PRELOAD="$out/no-amx.so" java -cp "$jar" bench/OrtProfile.java "$model" "$tokens" 2>&1 | quiet | tail -1
done

echo "== fusions"
java -cp "$jar" bench/ort-fusions/OrtFusions.java save "$model" "$out/ort.onnx" 2>&1 | quiet
variants=("$out/ort.onnx")
for fusion in mha bias "mha bias" fastgelu; do
  file="$out/${fusion// /-}.onnx"
  /usr/bin/python3 bench/ort-fusions/ort-fuse.py "$out/ort.onnx" "$file" $fusion
  variants+=("$file")
done
java -cp "$jar" bench/ort-fusions/OrtFusions.java compare "$tokens" "$model" "${variants[@]}" 2>&1 | quiet | sed "s|$out/||g"
