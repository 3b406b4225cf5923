#!/usr/bin/env bash
# Benchmark: the fair comparison of the main job, `compare mash cads integrated-front-door
# --at-standard` with the default 20 replications, on every core, release build. Each design is
# sized to the standard (the shared targets, no team over 85% busy), then the sized designs run
# beside the designs as staffed. Prints each run's wall time and the median (target: at most 60 s
# on 2 cores).
#   usage: Benchmarks/at-standard.sh [RUNS]   (default 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/shared.sh
runs=${1:-3}
swift build -c release --product frontdoor >/dev/null
scratch_output

times=()
for round in $(seq "$runs"); do
  start=$(date +%s.%N)
  .build/release/frontdoor compare Scenarios/mash.yaml Scenarios/cads.yaml Scenarios/integrated-front-door.yaml \
    --at-standard --output "$output/run-$round" >"$output/run-$round.txt" 2>&1
  end=$(date +%s.%N)
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
  printf "run %d: %.1f s on %d cores\n" "$round" "${times[-1]}" "$(nproc)"
done
printf "compare --at-standard: median %.1f s over %d runs on %d cores (target: at most 60 s on 2 cores)\n" \
  "$(printf '%s\n' "${times[@]}" | median)" "$runs" "$(nproc)"
