#!/usr/bin/env bash
# Benchmark: cost per contact as the front door grows. The MASH scaled ×1, ×10 and ×100 (contacts
# and every team), 120 days without warm-up, on one worker thread, release build; 100, 10 and 1
# replications, so that each scale simulates about the same number of contacts and the small
# scales are not lost in timing noise; each scale runs three times, in turn, and the fastest
# counts. Prints microseconds per contact received at each scale and the ratio of ×100 to ×1.
#   usage: Benchmarks/team-size.sh [CHECKOUT]   (another commit's checkout, built in release, run
#   on its own scenario files; default this one)
#   FRONTDOOR=path/to/frontdoor runs that binary instead of building (for a machine without
#   Swift), on the scenario files of the checkout named or of this one.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${FRONTDOOR:-}" ]; then
  binary=$(realpath "$FRONTDOOR")
else
  [ $# -eq 0 ] && swift build -c release --product frontdoor >/dev/null
  binary=.build/release/frontdoor
fi
cd "${1:-.}"

# The MASH's own figures in this checkout: contacts a year and each team's people, read from its
# scenario files (the teams in Scenarios/mash.yaml, the demand in it or in Scenarios/shared).
base_contacts=$(cat Scenarios/mash.yaml Scenarios/shared/demand.yaml 2>/dev/null |
  awk '$1 == "contacts_per_year:" { print $2; exit }')
base_teams=$(awk '
  /^teams:/ { in_teams = 1; next }
  /^[^ #]/ { in_teams = 0 }
  in_teams && /^  [a-z_]+:/ { team = $1; sub(":", "", team) }
  in_teams && $1 == "people:" { print team "=" $2 }' Scenarios/mash.yaml)

per_contact() {
  local k=$1 sets=() team
  for team in $base_teams; do sets+=(--set "teams.${team%%=*}.people=$((${team#*=} * k))"); done
  "$binary" run Scenarios/mash.yaml --replications $((100 / k)) --jobs 1 --json --no-report \
    --set run.horizon_days=120 --set run.warm_up_days=0 \
    --set demand.contacts_per_year=$((base_contacts * k)) "${sets[@]}" |
    python3 -c "
import json, sys
d = json.load(sys.stdin)
received = next(m['mean'] for m in d['measures'] if m['name'] == 'contacts.received') * 120 / 365 * $((100 / k))
print(d['wall_seconds'] / received * 1e6)"
}

echo "MASH of $base_contacts contacts a year; people: $base_teams" | tr '\n' ' '; echo
# Each scale three times, in turn, keeping the fastest: a busy machine only ever slows a run.
best() { sort -g | head -1; }
runs=$(for round in 1 2 3; do for k in 1 10 100; do echo "$k $(per_contact $k)"; done; done)
one=$(awk '$1 == 1 { print $2 }' <<<"$runs" | best)
ten=$(awk '$1 == 10 { print $2 }' <<<"$runs" | best)
hundred=$(awk '$1 == 100 { print $2 }' <<<"$runs" | best)
awk -v a="$one" -v b="$ten" -v c="$hundred" 'BEGIN {
  printf "MASH x1   : %.2f microseconds a contact\n", a
  printf "MASH x10  : %.2f microseconds a contact\n", b
  printf "MASH x100 : %.2f microseconds a contact\n", c
  printf "ratio x100 / x1: %.2f (target: at most 1.3)\n", c / a
}'
