# Shared by the benchmarks that compare with an earlier build: `baseline_build COMMIT` builds that
# commit's frontdoor in release, in a worktree under .build/ (once), and prints the worktree's path.
baseline_build() {
  local worktree=.build/baseline-$1
  if [ ! -x "$worktree/.build/release/frontdoor" ]; then
    rm -rf "$worktree"
    git worktree add --force --detach "$worktree" "$1" >/dev/null 2>&1
    (cd "$worktree" && swift build -c release --product frontdoor >/dev/null)
  fi
  echo "$worktree"
}
