#!/usr/bin/env bash
# Benchmark: sizing two teams of the MASH against an earlier build, in one run on this machine.
# `size Scenarios/mash.yaml --team team_managers --team screeners --target
# "decided_within_3wd>=0.8" --max-posts 20`, 20 replications a staffing, on every core, release
# builds, each on its own commit's scenario files; the two builds take turns. Prints, for each
# run, each build's wall time, the staffings it ran in full and those it only screened, and the
# replications those came to; then the median of each run's ratio of wall times, and of
# milliseconds a replication (what the engine alone gains).
#   usage: Benchmarks/sizing.sh [BASELINE_COMMIT] [RUNS]   (default 1c0be8f, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/shared.sh
compare_with "${1:-1c0be8f}" "${2:-3}"
scratch_output

size() { # folder -> "seconds full screened replications"
  local start end
  start=$(date +%s.%N)
  (cd "$1" && .build/release/frontdoor size Scenarios/mash.yaml --team team_managers --team screeners \
    --target "decided_within_3wd>=0.8" --max-posts 20 --replications 20 --output "$output/$2") >"$output/$2.txt" 2>&1
  end=$(date +%s.%N)
  # "13 staffings tried", or "5 staffings run in full, 6 more screened with 4 replications each".
  local heading full screened each
  heading=$(grep -m1 '^Sizing' "$output/$2.txt")
  full=$(echo "$heading" | grep -o '[0-9]* staffings\? \(tried\|run in full\)' | awk '{ print $1 }')
  screened=$(echo "$heading" | { grep -o '[0-9]* more screened' || true; } | awk '{ print $1 }')
  each=$(echo "$heading" | { grep -o 'screened with [0-9]*' || true; } | awk '{ print $3 }')
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }') $full ${screened:-0} $((full * 20 + ${screened:-0} * ${each:-0}))"
}

ratios=() per_replication=()
for round in $(seq "$runs"); do
  read -r t_now f_now s_now r_now < <(size . now)
  read -r t_before f_before s_before r_before < <(size "$worktree" before)
  ratios+=("$(awk -v n="$t_now" -v b="$t_before" 'BEGIN { print b / n }')")
  per_replication+=("$(awk -v n="$t_now" -v b="$t_before" -v rn="$r_now" -v rb="$r_before" 'BEGIN { print (b / rb) / (n / rn) }')")
  printf "run %d: now %.1f s (%d staffings in full, %d screened: %d replications), %s %.1f s (%d staffings: %d replications)\n" \
    "$round" "$t_now" "$f_now" "$s_now" "$r_now" "$baseline" "$t_before" "$f_before" "$r_before"
done
printf "sizing: %.2f x faster than %s, median run by run (target: at least 3); a replication %.2f x faster\n" \
  "$(printf '%s\n' "${ratios[@]}" | median)" "$baseline" "$(printf '%s\n' "${per_replication[@]}" | median)"
