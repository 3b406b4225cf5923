#!/usr/bin/env bash
# Benchmark: the front-door path against an earlier build, in one run on this machine. The MASH,
# 10 replications on one worker thread, through the normal scenario path of release builds; then
# 100 replications on every core. Prints events a second, wall time and the ratios (of the
# medians, and the median of each run's ratio to the earlier build's run beside it).
#   usage: Benchmarks/front-door.sh [BASELINE_COMMIT] [RUNS]   (default 1c0be8f, 5 runs; medians)
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/shared.sh
compare_with "${1:-1c0be8f}" "${2:-5}"

# Each build runs on the scenario files of its own commit (the keys of a scenario file change
# with the program that reads it).
measure() { # folder, replications, jobs -> "wall_seconds events"
  (cd "$1" && .build/release/frontdoor run Scenarios/mash.yaml --replications "$2" --jobs "$3" --json --no-report) |
    python3 -c "import json, sys; d = json.load(sys.stdin); print(d['wall_seconds'], d['events'])"
}
total() { # folder -> wall seconds of 100 replications on every core
  (cd "$1" && { /usr/bin/time -f %e .build/release/frontdoor run Scenarios/mash.yaml -r 100 --no-report >/dev/null; } 2>&1)
}

now=() before=() now_all=() before_all=()
for _ in $(seq "$runs"); do
  read -r t e_now < <(measure . 10 1); now+=("$t")
  read -r t e_before < <(measure "$worktree" 10 1); before+=("$t")
  now_all+=("$(total .)")
  before_all+=("$(total "$worktree")")
done
n=$(printf '%s\n' "${now[@]}" | median); b=$(printf '%s\n' "${before[@]}" | median)
na=$(printf '%s\n' "${now_all[@]}" | median); ba=$(printf '%s\n' "${before_all[@]}" | median)
# Each run against the earlier build's run beside it: a ratio that does not move with the
# machine's drift in speed over the script.
ratios() { paste -d' ' <(printf '%s\n' "$@" | head -n "$runs") <(printf '%s\n' "$@" | tail -n "$runs") | awk '{ print $2 / $1 }' | median; }
r=$(ratios "${now[@]}" "${before[@]}"); ra=$(ratios "${now_all[@]}" "${before_all[@]}")
awk -v n="$n" -v b="$b" -v en="$e_now" -v eb="$e_before" -v na="$na" -v ba="$ba" -v r="$r" -v ra="$ra" -v base="$baseline" -v cores="$(nproc)" 'BEGIN {
  printf "MASH, 10 replications, 1 thread : now %.3f s (%.1f M events/s), %s %.3f s (%.1f M events/s)\n", n, en / n / 1e6, base, b, eb / b / 1e6
  printf "speed-up on one thread          : %.2f x, run by run %.2f x (target: at least 3)\n", b / n, r
  printf "MASH, 100 replications, %d cores : now %.2f s, %s %.2f s, %.2f x run by run (target: under 4 s on 2 cores)\n", cores, na, base, ba, ra
}'
