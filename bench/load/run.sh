#!/usr/bin/env bash
# Load test: fraudops POST /predict against two references on the same machine, in one run, with
# the same wrk settings (the seed stack's matrix and payload: ../shared/anchors/seed-stack):
#   1. fraudops  - quickstart model in a temp home, served by ./fraudops serve on 127.0.0.1
#   2. nginx     - a fixed 150-byte JSON (the HTTP ceiling of the box; seed-stack limit/)
#   3. seed      - the original FastAPI + pandas + XGBoost stack (seed-stack run.sh)
# Prints one table (requests/s, p50, p99, errors, ratios) with the issue's targets marked.
# Everything binds 127.0.0.1, is bounded in time, and is stopped by PID.
#
# Usage: bench/load/run.sh
# Env:   SEED_STACK=/work/shared/anchors/seed-stack  DURATION=20s  RUNS=2  CONNS="16 64"
#        THREADS=2  WARMUP=5s  FRAUDOPS_PORT=18090  ROWS=100000 (quickstart data size)
#        TARGETS="fraudops nginx seed" (any subset)  OUT=/tmp/fraudops-load-<time>
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SEED_STACK="${SEED_STACK:-$ROOT/../shared/anchors/seed-stack}"
[ -d "$SEED_STACK" ] || SEED_STACK=/work/shared/anchors/seed-stack
export DURATION="${DURATION:-20s}" RUNS="${RUNS:-2}" CONNS="${CONNS:-16 64}" THREADS="${THREADS:-2}"
export WARMUP="${WARMUP:-5s}" SINGLE=1
PORT="${FRAUDOPS_PORT:-18090}"
ROWS="${ROWS:-100000}"
TARGETS="${TARGETS:-fraudops nginx seed}"
OUT="${OUT:-/tmp/fraudops-load-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT"
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk nginx curl)" >&2; exit 2; }
done

PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] || continue
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
      echo "stopped pid $pid"
    fi
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "load before: $(uptime)" | tee "$OUT/uptime-before.txt"

run_fraudops() {
  local home="$OUT/fraudops-home"
  mkdir -p "$home"
  echo "== fraudops: quickstart data and model in $home"
  # Generate, validate, train, register and promote; then serve in its own process.
  "$ROOT/fraudops" generate --rows "$ROWS" --seed 42 --out "$home/transactions.csv" > "$OUT/fraudops-prepare.log" 2>&1
  "$ROOT/fraudops" train --home "$home" --data "$home/transactions.csv" >> "$OUT/fraudops-prepare.log" 2>&1
  "$ROOT/fraudops" models promote --home "$home" --version 1 --to production >> "$OUT/fraudops-prepare.log" 2>&1
  FRAUDOPS_ROLES=api "$ROOT/fraudops" serve --home "$home" --port "$PORT" > "$OUT/fraudops-serve.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  for i in $(seq 1 240); do
    curl -s -m 2 "http://127.0.0.1:$PORT/health" | grep -q '"model_loaded":true' && break
    kill -0 "$pid" 2>/dev/null || { echo "fraudops died:"; cat "$OUT/fraudops-serve.log"; exit 1; }
    sleep 0.5
    [ "$i" = 240 ] && { echo "fraudops not healthy after 120 s" >&2; exit 1; }
  done
  echo "fraudops healthy (pid $pid): $(curl -s "http://127.0.0.1:$PORT/health")"
  # Warm-up beyond bench.sh's own: let the JIT compile the scoring path at full optimization.
  timeout 60 wrk -t2 -c16 -d15s -s "$SEED_STACK/payload.lua" "http://127.0.0.1:$PORT/predict" > "$OUT/fraudops-warmup.txt"
  OUTDIR="$OUT/fraudops" "$SEED_STACK/bench.sh" "http://127.0.0.1:$PORT/predict" fraudops
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

run_nginx() {
  echo "== nginx fixed JSON"
  OUTDIR="$OUT/nginx" NGINX_PREFIX="$OUT/nginx-prefix" "$SEED_STACK/limit/bench.sh"
}

run_seed() {
  echo "== seed stack (FastAPI + pandas + XGBoost), from a copy in $OUT/seed-stack"
  cp -r "$SEED_STACK" "$OUT/seed-stack"   # it trains its model into its own folder
  OUTDIR="$OUT/seed" "$OUT/seed-stack/run.sh" bench
}

for t in $TARGETS; do "run_$t"; done
echo "load after: $(uptime)" | tee "$OUT/uptime-after.txt"

python3 "$ROOT/bench/load/summarize.py" "$OUT" | tee "$OUT/table.md"
echo "raw output: $OUT"
