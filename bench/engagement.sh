#!/usr/bin/env bash
# Load test of issue 6: the engagement pages over the demo hub plus N synthetic opinions (default 5,000 over two
# years, with visits and action items), on SQLite or PostgreSQL (a throwaway cluster started for the run).
#   bench/engagement.sh [sqlite|postgres] [opinions] [seconds per wrk run]
# Pages: the overseer home, the opinion list (first page), the period report for the last 12 months (every opinion of
# the period on one printable page), the public follow-up page, and the briefing pack of the article's visit.
source "$(dirname "$0")/lib.sh"
PROVIDER=${1:-sqlite}
SECONDS_PER_RUN=${3:-15}
hub_prepare
[[ "$PROVIDER" == postgres ]] && hub_postgres
hub_seed seed demo >/dev/null
hub_seed seed engagement --opinions "${2:-5000}"
export Hub__RequireOperatorTwoFactor=false
hub_serve
hub_sign_in_operator
base="http://127.0.0.1:$HUB_PORT"
# grep -m1, not head: under pipefail a reader that stops early kills the writer with SIGPIPE and the script with it.
visit=$(curl -fs -H "Cookie: $HUB_COOKIE" "$base/engagement/visits?year=2025" | grep -m1 -oE '/engagement/visits/[0-9a-f-]{36}')
from=$(TZ=Asia/Seoul date -d '-12 months' +%F); to=$(TZ=Asia/Seoul date +%F)
pages=("/oversight" "/engagement/opinions" "/engagement/report?from=$from&to=$to" "/you-said-we-did" "$visit/briefing")
for page in "${pages[@]}"; do
  status=$(curl -s -o "$HUB_DATA/page.html" -w '%{http_code}' -H "Cookie: $HUB_COOKIE" "$base$page")
  [[ "$status" == 200 ]] || { echo "$page answered $status"; exit 1; }
  echo "$page: $(wc -c <"$HUB_DATA/page.html") bytes"
done
echo "warming up"
hub_wrk "${pages[0]}" 5 4 >/dev/null
printf '\n%-6s %-70s %10s %9s %9s %9s\n' round "path (connections)" "req/s" p50 p95 p99
for round in 1 2; do
  read -r rps p50 p95 p99 < <(hub_wrk95 /healthz "$SECONDS_PER_RUN" 1); printf '%-6s %-70s %10s %9s %9s %9s\n' "$round" "/healthz (1)" "$rps" "$p50" "$p95" "$p99"
  for page in "${pages[@]}"; do
    for c in 1 8; do
      read -r rps p50 p95 p99 < <(hub_wrk95 "$page" "$SECONDS_PER_RUN" $c); printf '%-6s %-70s %10s %9s %9s %9s\n' "$round" "$page ($c)" "$rps" "$p50" "$p95" "$p99"
    done
  done
done
