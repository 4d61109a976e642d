#!/usr/bin/env bash
# Load test of issue 7 (facilities): availability search over the demo hub plus N synthetic facilities and M bookings
# (default 200 and 100,000, half before and half after today), on SQLite or PostgreSQL (a throwaway cluster).
#   bench/facilities.sh [sqlite|postgres] [facilities] [bookings] [seconds per wrk run]
# Signed in as the operator, who may book every facility (the widest search). Paths: the availability API for a
# phrase ("목요일 오후 12명": one day, 13–18), the API over 14 days, and the search page for the phrase.
source "$(dirname "$0")/lib.sh"
PROVIDER=${1:-sqlite}
SECONDS_PER_RUN=${4:-15}
hub_prepare
[[ "$PROVIDER" == postgres ]] && hub_postgres
hub_seed seed demo >/dev/null
hub_seed seed facilities --resources "${2:-200}" --bookings "${3:-100000}"
export Hub__RequireOperatorTwoFactor=false
hub_serve
hub_sign_in_operator
base="http://127.0.0.1:$HUB_PORT"
phrase=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("목요일 오후 12명"))')
from=$(TZ=Asia/Seoul date -d '+1 day' +%F); to=$(TZ=Asia/Seoul date -d '+14 days' +%F)
pages=("/api/facilities/availability?q=$phrase" "/api/facilities/availability?date=$from&to=$to&from=09:00&until=18:00&minutes=60&people=4" "/facilities?q=$phrase")
for page in "${pages[@]}"; do
  status=$(curl -s -o "$HUB_DATA/page.out" -w '%{http_code}' -H "Cookie: $HUB_COOKIE" "$base$page")
  [[ "$status" == 200 ]] || { echo "$page answered $status"; exit 1; }
  echo "$page: $(wc -c <"$HUB_DATA/page.out") bytes, $(grep -o '"id"' "$HUB_DATA/page.out" | wc -l) facilities in JSON"
done
echo "warming up"
hub_wrk "${pages[0]}" 5 4 >/dev/null
printf '\n%-6s %-110s %10s %9s %9s %9s\n' round "path (connections)" "req/s" p50 p95 p99
for round in 1 2; do
  read -r rps p50 p95 p99 < <(hub_wrk95 /healthz "$SECONDS_PER_RUN" 1); printf '%-6s %-110s %10s %9s %9s %9s\n' "$round" "/healthz (1)" "$rps" "$p50" "$p95" "$p99"
  for page in "${pages[@]}"; do
    for c in 1 8; do
      read -r rps p50 p95 p99 < <(hub_wrk95 "$page" "$SECONDS_PER_RUN" $c); printf '%-6s %-110s %10s %9s %9s %9s\n' "$round" "$page ($c)" "$rps" "$p50" "$p95" "$p99"
    done
  done
done
