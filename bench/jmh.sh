#!/usr/bin/env bash
# JMH: zero-shot route and hybrid retrieval with the production classes (ejb-module test sources).
# Usage: bench/jmh.sh [extra JMH options]   e.g. bench/jmh.sh -f 1 -wi 3 -i 5
#        BENCH=EmbeddingThroughputBenchmark bench/jmh.sh   (needs python3-doc)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl ejb-module -am test-compile dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
cd ejb-module
java -Dai.djl.offline=true -DDJL_CACHE_DIR=target/djl \
  -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" \
  org.openjdk.jmh.Main "${BENCH:-RoutingRetrievalBenchmark}" "$@"
