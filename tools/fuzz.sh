#!/usr/bin/env bash
# A longer mutation campaign over the shipped scenarios than CI runs: N mutants (default 2000)
# from SEED (default 1), each checked and, when accepted, run through the binary; fails on any
# crash or hang and prints how many were refused and accepted.
#   usage: tools/fuzz.sh [N] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
FRONTDOOR_FUZZ_MUTANTS=${1:-2000} FRONTDOOR_FUZZ_SEED=${2:-1} swift test --filter MutationFuzzTests 2>&1 |
  grep -E "Mutation fuzzing|✘|passed|failed" | grep -v "^✔ Suite"
