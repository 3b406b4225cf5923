#!/usr/bin/env bash
# Benchmark: the front-door path's work counted, not timed. Wall times on a shared machine vary
# by ±10% from run to run, more than most single changes to the engine gain; counts do not vary.
# Runs the MASH, 2 replications on one thread, under valgrind's cachegrind (install valgrind) for
# this build and an earlier commit's (built in a worktree under .build/), each on its own
# scenario files, and prints for each the instructions, the branches the simulated processor
# guesses wrongly (each costs some 15 cycles on current processors) and the data reads and
# writes that miss a 32 KB first-level cache.
#   usage: Benchmarks/instructions.sh [BASELINE_COMMIT]   (default 66ce709)
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/shared.sh
baseline=${1:-66ce709}
worktree=$(build_with_baseline "$baseline")

count() { # folder -> "instructions mispredicts D1misses" (valgrind cannot read the debug
  # information of these binaries, so it runs a copy without it)
  local copy
  copy=$(mktemp)
  strip --strip-debug -o "$copy" "$1/.build/release/frontdoor"
  (cd "$1" && valgrind --tool=cachegrind --cache-sim=yes --branch-sim=yes --D1=32768,8,64 --LL=1048576,16,64 \
    --cachegrind-out-file=/dev/null "$copy" run Scenarios/mash.yaml --replications 2 --jobs 1 --no-report 2>&1 >/dev/null) |
    python3 -c "
import re, sys
text = sys.stdin.read()
def total(label): return int(re.search(label + r':\s*([\d,]+)', text).group(1).replace(',', ''))
print(total('I +refs'), total('Mispredicts'), total('D1  misses'))"
  rm -f "$copy"
}
read -r i_now m_now d_now < <(count .)
read -r i_before m_before d_before < <(count "$worktree")
awk -v a="$i_now" -v b="$i_before" -v ma="$m_now" -v mb="$m_before" -v da="$d_now" -v db="$d_before" -v base="$baseline" 'BEGIN {
  printf "MASH, 2 replications, 1 thread   now       %s\n", base
  printf "instructions (millions)        %8.0f  %8.0f   (%.2f x fewer)\n", a / 1e6, b / 1e6, b / a
  printf "wrong branch guesses (millions)%8.1f  %8.1f\n", ma / 1e6, mb / 1e6
  printf "first-level cache misses (M)   %8.1f  %8.1f\n", da / 1e6, db / 1e6
}'
