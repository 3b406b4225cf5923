#!/usr/bin/env bash
# Benchmark: the reference workload, 100 replications on one worker thread, through the normal
# scenario-file code path of a release build, against a hand-written C event loop of the same
# model on this machine. Prints the median of five runs of each, the ratio of the medians, and the
# median of the ratios of each run to the C run beside it (which the machine's drift in speed over
# the minute the script takes does not move).
#   usage: Benchmarks/tandem.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}

swift build -c release --product frontdoor >/dev/null
cc -O2 -o Benchmarks/reference-c/tandem Benchmarks/reference-c/tandem.c $(pkg-config --cflags --libs gsl)

source Benchmarks/shared.sh
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

swift_times=() c_times=() ratios=()
for _ in $(seq "$runs"); do
  out=$(.build/release/frontdoor run Scenarios/benchmarks/tandem.yaml --replications 100 --jobs 1 --json)
  swift_times+=("$(echo "$out" | field wall_seconds)")
  events=$(echo "$out" | field events)
  c_times+=("$(Benchmarks/reference-c/tandem 100 | field wall_seconds)")
  ratios+=("$(awk -v s="${swift_times[-1]}" -v c="${c_times[-1]}" 'BEGIN { print s / c }')")
done
swift_median=$(printf '%s\n' "${swift_times[@]}" | median)
c_median=$(printf '%s\n' "${c_times[@]}" | median)
ratio_median=$(printf '%s\n' "${ratios[@]}" | median)
awk -v s="$swift_median" -v c="$c_median" -v e="$events" -v r="$ratio_median" 'BEGIN {
  printf "frontdoor engine : %.3f s for 100 replications (%d events, %.1f million events a second)\n", s, e, e / s / 1e6
  printf "hand-written C   : %.3f s\n", c
  printf "ratio            : %.2f x the C loop (target: at most 1.15 x)\n", s / c
  printf "run by run       : %.2f x the C loop, the median of each run against the C run beside it\n", r
}'
