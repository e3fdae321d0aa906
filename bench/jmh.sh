#!/usr/bin/env bash
# JMH benchmarks of the scoring hot path (modules/fraudops-app/src/jmh/java): single-row and batch
# scoring of a 200-tree depth-6 XGBoost model, feature transformation, TreeSHAP explanation, JSON
# request -> response. Builds the test classes, then runs JMH on the module's test classpath.
#
# Usage: bench/jmh.sh [JMH args...]     e.g. bench/jmh.sh ScoringBenchmarks.scoreOneRow -f 1
# Results: bench/results/jmh-<UTC time>.json (and the table on stdout).
# The first run trains the benchmark model once (about a minute) into
# modules/fraudops-app/target/jmh-model/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
if [ -z "${JAVA_HOME:-}" ]; then
  for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    [ -x "$j/bin/java" ] && export JAVA_HOME="$j" && break
  done
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CP_FILE="$ROOT/modules/fraudops-app/target/jmh-classpath.txt"
echo "building the benchmark classes (test-compile of fraudops-app and what it needs)"
./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE" -pl modules/fraudops-app -am
APP="$ROOT/modules/fraudops-app"
CP="$APP/target/test-classes:$APP/target/classes:$(cat "$CP_FILE")"
OUT="$ROOT/bench/results/jmh-$(date -u +%Y%m%dT%H%M%SZ).json"
mkdir -p "$(dirname "$OUT")"
cd "$APP"   # the cached benchmark model lives under target/
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" org.openjdk.jmh.Main \
  -jvmArgsAppend "--enable-native-access=ALL-UNNAMED" -rf json -rff "$OUT" "$@"
echo "results: $OUT"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
