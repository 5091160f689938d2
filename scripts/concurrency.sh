#!/usr/bin/env bash
# Live runs overlap independent scenarios: against a simulator that adds LATENCY to every answer,
# the run with --concurrency >= the number of scenarios lasts about as long as its longest
# scenario, while the sequential run lasts the sum of them all. Prints both and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
API=${API:-ukcloud}
LATENCY=${LATENCY:-100ms}
mkdir -p bin
go build -o bin/cloudcontract ./cmd/cloudcontract

run() { # concurrency -> seconds
  local start end
  start=$(date +%s.%N)
  bin/cloudcontract run --api "$API" --target sim --sim-latency "$LATENCY" --concurrency "$1" --tags '~@slow' --format progress >/dev/null 2>&1 \
    || { echo "the run with --concurrency $1 failed" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }' 
}

seq=$(run 1)
par=$(run 256)
printf 'api %s, %s added to every answer\n' "$API" "$LATENCY"
printf '  --concurrency 1:   %6.2f s (the sum of the scenarios)\n' "$seq"
printf '  --concurrency 256: %6.2f s (about the longest scenario)\n' "$par"
awk -v s="$seq" -v p="$par" 'BEGIN { printf "  speed-up: %.1fx\n", s / p }' 
