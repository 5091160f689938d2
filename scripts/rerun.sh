#!/usr/bin/env bash
# Three consecutive live runs of each suite against one long-lived `cloudcontract simulate`
# process per API and data set, as a staging cloud that is never reset sees them: no scenario may
# depend on state an earlier run consumed. Credentials and fixture variables reach the runs
# through the profile the simulator writes (--write-config), never through the log. Sessions
# expire after 3 s, so that the session-expiry scenarios do not wait a real lifetime.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
APIS=${APIS:-all}
RUNS=${RUNS:-3}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
$GO build -o "$work/cloudcontract" ./cmd/cloudcontract
cc="$work/cloudcontract"
if [ "$APIS" = all ]; then APIS="ukcloud cloudcontrol esc cam"; fi
for api in ${APIS//,/ }; do
  for dataset in default second; do
    profile="$work/$api-$dataset.yaml"
    "$cc" simulate --api "$api" --dataset "$dataset" --addr 127.0.0.1:0 --quiet --session-ttl 3s --write-config "$profile" >"$work/$api-$dataset.log" 2>&1 &
    pid=$!
    for _ in $(seq 100); do [ -s "$profile" ] && break; sleep 0.1; done
    if [ ! -s "$profile" ]; then
      echo "rerun: the $api simulator did not start:" >&2; cat "$work/$api-$dataset.log" >&2; exit 1
    fi
    for run in $(seq "$RUNS"); do
      if ! "$cc" run --api "$api" --config "$profile" --concurrency 4 --format progress >"$work/out" 2>&1; then
        echo "rerun: run $run of $api against one simulator (data set $dataset) failed:" >&2
        tail -40 "$work/out" >&2
        exit 1
      fi
      echo "rerun: $api, data set $dataset, run $run: $(tail -1 "$work/out")"
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
