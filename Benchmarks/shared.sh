# Shared by the benchmarks (sourced, from the checkout's root).

# The median of the numbers on standard input, one a line.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# `baseline_build COMMIT` builds that commit's frontdoor in release, in a worktree under .build/
# (once), and prints the worktree's path.
baseline_build() {
  local worktree=.build/baseline-$1
  if [ ! -x "$worktree/.build/release/frontdoor" ]; then
    rm -rf "$worktree"
    git worktree add --force --detach "$worktree" "$1" >/dev/null 2>&1
    (cd "$worktree" && swift build -c release --product frontdoor >/dev/null)
  fi
  echo "$worktree"
}

# `build_with_baseline COMMIT` builds this checkout's frontdoor in release, then that commit's
# (see `baseline_build`), and prints the commit's worktree.
build_with_baseline() {
  swift build -c release --product frontdoor >/dev/null
  baseline_build "$1"
}

# `compare_with COMMIT RUNS` builds this checkout and that commit (see `build_with_baseline`) and
# sets `baseline`, `runs` and `worktree` for a benchmark that compares the two.
compare_with() {
  baseline=$1
  runs=$2
  worktree=$(build_with_baseline "$baseline")
}

# `scratch_output` sets `output` to a new folder, removed when the script exits.
scratch_output() {
  output=$(mktemp -d)
  trap 'rm -rf "$output"' EXIT
}
