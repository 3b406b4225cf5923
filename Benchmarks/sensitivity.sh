#!/usr/bin/env bash
# Benchmark: `frontdoor sensitivity` on the MASH against the CADS, 10 replications, every core,
# release build, with the MASH given three more ranges (its partners', screeners' and emergency
# duty team's sizes) so that 20 assumptions are tried at both ends: every design that gives a
# value is run at each end, on the same seeds as the designs as they are. Prints each run's wall
# time and the median (target: at most 3 minutes on 2 cores).
#   usage: Benchmarks/sensitivity.sh [RUNS]   (default 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/shared.sh
runs=${1:-3}
swift build -c release --product frontdoor >/dev/null
scratch_output

cat >"$output/mash-20.yaml" <<YAML
extends: $PWD/Scenarios/mash.yaml
scenario: mash
ranges:
  teams.partners.people: {low: 9, high: 13, why: "two posts either side"}
  teams.screeners.people: {low: 16, high: 20, why: "two posts either side"}
  teams.edt.people: {low: 2, high: 4, why: "one post either side"}
YAML
times=()
for round in $(seq "$runs"); do
  start=$(date +%s.%N)
  .build/release/frontdoor sensitivity "$output/mash-20.yaml" Scenarios/cads.yaml -r 10 \
    --measure assessments.started --measure children.need_missed --measure cost.cash_per_year_gbp \
    --output "$output/run-$round" >"$output/run-$round.txt" 2>&1
  end=$(date +%s.%N)
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
  ranges=$(tail -n +2 "$output/run-$round/sensitivity.csv" | cut -d, -f1 | sort -u | wc -l)
  printf "run %d: %.1f s on %d cores, %d ranges\n" "$round" "${times[-1]}" "$(nproc)" "$ranges"
done
printf "sensitivity, MASH against CADS, 20 ranges, 10 replications: median %.1f s over %d runs on %d cores (target: at most 180 s on 2 cores)\n" \
  "$(printf '%s\n' "${times[@]}" | median)" "$runs" "$(nproc)"
