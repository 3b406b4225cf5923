#!/usr/bin/env bash
# Benchmark: cost per contact as the front door grows. The MASH scaled ×1, ×10 and ×100 (contacts
# and every team), 120 days without warm-up, on one worker thread, release build; 100, 10 and 1
# replications, so that each scale simulates about the same number of contacts and the small
# scales are not lost in timing noise. Prints microseconds per contact received at each scale and
# the ratio of ×100 to ×1.
#   usage: Benchmarks/team-size.sh [CHECKOUT]   (another commit's checkout, built in release, run
#   on its own scenario files; default this one)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] && swift build -c release --product frontdoor >/dev/null
cd "${1:-.}"
binary=.build/release/frontdoor

per_contact() {
  local k=$1
  "$binary" run Scenarios/mash.yaml --replications $((100 / k)) --jobs 1 --json --no-report \
    --set run.horizon_days=120 --set run.warm_up_days=0 \
    --set demand.contacts_per_year=$((21600 * k)) \
    --set teams.contact_officers.people=$((8 * k)) --set teams.screeners.people=$((13 * k)) \
    --set teams.partners.people=$((11 * k)) --set teams.team_managers.people=$((5 * k)) \
    --set teams.edt.people=$((3 * k)) |
    python3 -c "
import json, sys
d = json.load(sys.stdin)
received = next(m['mean'] for m in d['measures'] if m['name'] == 'contacts.received') * 120 / 365 * $((100 / k))
print(d['wall_seconds'] / received * 1e6)"
}

one=$(per_contact 1); ten=$(per_contact 10); hundred=$(per_contact 100)
awk -v a="$one" -v b="$ten" -v c="$hundred" 'BEGIN {
  printf "MASH x1   : %.2f microseconds a contact\n", a
  printf "MASH x10  : %.2f microseconds a contact\n", b
  printf "MASH x100 : %.2f microseconds a contact\n", c
  printf "ratio x100 / x1: %.2f (target: at most 1.3)\n", c / a
}'
