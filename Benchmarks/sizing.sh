#!/usr/bin/env bash
# Benchmark: sizing two teams of the MASH against an earlier build, in one run on this machine.
# `size Scenarios/mash.yaml --team team_managers --team screeners --target
# "decided_within_3wd>=0.8" --max-posts 20`, 20 replications a staffing, on every core, release
# builds, each on its own commit's scenario files; the two builds take turns. Sizing tries as many
# staffings as its search needs, which can differ between builds, so the comparison is per
# staffing-replication: prints the staffings tried, the wall time and the milliseconds a
# staffing-replication of each, and the median of each run's ratio to the earlier build's beside it.
#   usage: Benchmarks/sizing.sh [BASELINE_COMMIT] [RUNS]   (default 1c0be8f, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=${1:-1c0be8f}
runs=${2:-3}

source Benchmarks/shared.sh
worktree=$(build_with_baseline "$baseline")
output=$(mktemp -d)
trap 'rm -rf "$output"' EXIT

size() { # folder -> "seconds staffings"
  local start end
  start=$(date +%s.%N)
  (cd "$1" && .build/release/frontdoor size Scenarios/mash.yaml --team team_managers --team screeners \
    --target "decided_within_3wd>=0.8" --max-posts 20 --replications 20 --output "$output/$2") >"$output/$2.txt" 2>&1
  end=$(date +%s.%N)
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }') $(grep -o '[0-9]* staffings tried' "$output/$2.txt" | awk '{ print $1 }')"
}

ratios=()
for round in $(seq "$runs"); do
  read -r t_now s_now < <(size . now)
  read -r t_before s_before < <(size "$worktree" before)
  # Milliseconds a staffing-replication (20 replications a staffing).
  ms_now=$(awk -v t="$t_now" -v s="$s_now" 'BEGIN { print t / (s * 20) * 1000 }')
  ms_before=$(awk -v t="$t_before" -v s="$s_before" 'BEGIN { print t / (s * 20) * 1000 }')
  ratios+=("$(awk -v n="$ms_now" -v b="$ms_before" 'BEGIN { print b / n }')")
  printf "run %d: now %.1f s for %d staffings (%.0f ms a staffing-replication), %s %.1f s for %d (%.0f ms)\n" \
    "$round" "$t_now" "$s_now" "$ms_now" "$baseline" "$t_before" "$s_before" "$ms_before"
done
printf "per staffing-replication: %.2f x faster than %s, median run by run (target: at least 3)\n" \
  "$(printf '%s\n' "${ratios[@]}" | median)" "$baseline"
