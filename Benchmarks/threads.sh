#!/usr/bin/env bash
# Benchmark: how replications scale with worker threads. The MASH, 96 replications (48 on 2
# cores or fewer), with --jobs 1, 2, 4 … up to the cores of this machine; prints the wall time
# of the replications and the speed-up over one thread. The numbers themselves do not change.
#   usage: Benchmarks/threads.sh [REPLICATIONS]
#   FRONTDOOR=path/to/frontdoor runs that binary instead of building this checkout (for a machine
#   without Swift); SCENARIOS=folder reads mash.yaml from there (default Scenarios).
set -euo pipefail
cd "$(dirname "$0")/.."
cores=$(nproc)
replications=${1:-$([ "$cores" -le 2 ] && echo 48 || echo 96)}
if [ -z "${FRONTDOOR:-}" ]; then
  swift build -c release --product frontdoor >/dev/null
  FRONTDOOR=.build/release/frontdoor
fi

seconds() {
  "$FRONTDOOR" run "${SCENARIOS:-Scenarios}/mash.yaml" --replications "$replications" --jobs "$1" --json --no-report |
    python3 -c "import json, sys; print(json.load(sys.stdin)['wall_seconds'])"
}
one=$(seconds 1)
printf "jobs  1: %6.2f s\n" "$one"
jobs=2
while [ "$jobs" -le "$cores" ]; do
  t=$(seconds "$jobs")
  awk -v j="$jobs" -v t="$t" -v one="$one" 'BEGIN { printf "jobs %2d: %6.2f s, %.2f x one thread\n", j, t, one / t }'
  jobs=$((jobs * 2))
done
