#!/usr/bin/env bash
# Benchmark: peak memory against an earlier build, in one run on this machine. The MASH on every
# core, release builds, each on the scenario files of its own commit, the two builds taking turns:
# 100 replications with the report (as `run` is used) and without it, and 1,000 replications
# without it (what a run keeps per replication). Prints the medians of the peak resident memory
# (`/usr/bin/time -f %M`) and their differences.
#   usage: Benchmarks/memory.sh [BASELINE_COMMIT] [RUNS]   (default 1c0be8f, 3 runs; medians)
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/shared.sh
compare_with "${1:-1c0be8f}" "${2:-3}"
scratch_output

peak() { # folder, replications, "report" or "no-report" -> peak resident memory in MB
  local where=("--no-report")
  [ "$3" = report ] && where=("--output" "$output/$RANDOM$RANDOM")
  # Earlier builds refuse more than 200 replications unless --max-replications is raised.
  [ "$1" != . ] && [ "$2" -gt 200 ] && where+=("--max-replications" "$2")
  (cd "$1" && { /usr/bin/time -f %M .build/release/frontdoor run Scenarios/mash.yaml -r "$2" "${where[@]}" >/dev/null; } 2>&1) |
    tail -n 1 | awk '{ print $1 / 1024 }'
}

row() { # label, replications, report -> one line of the table
  local now=() before=()
  for _ in $(seq "$runs"); do
    now+=("$(peak . "$2" "$3")")
    before+=("$(peak "$worktree" "$2" "$3")")
  done
  local n b
  n=$(printf '%s\n' "${now[@]}" | median); b=$(printf '%s\n' "${before[@]}" | median)
  awk -v l="$1" -v n="$n" -v b="$b" -v base="$baseline" \
    'BEGIN { printf "%-40s: now %5.1f MB, %s %5.1f MB, %+5.1f MB\n", l, n, base, b, n - b }'
}

row "MASH, 100 replications, with the report" 100 report
row "MASH, 100 replications, --no-report" 100 no-report
row "MASH, 1,000 replications, --no-report" 1000 no-report
echo "(target: no higher than $baseline)"
