#!/usr/bin/env bash
# Load test of issue 4: the ranking page of a call with 2,000 applications, each scored by 10 reviewers.
#   bench/ranking.sh [applications] [reviewers] [seconds per wrk run]
# The target is that the page computes (ranking, tie-breaks, proposal within budget) and renders in under 200 ms.
# One connection gives the time of a single request; eight show it under concurrent operators.
source "$(dirname "$0")/lib.sh"
SECONDS_PER_RUN=${3:-15}
hub_prepare
hub_seed seed review --applications "${1:-2000}" --reviewers "${2:-10}"
call=$(grep -oE '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' <<<"$HUB_SEED_OUTPUT" | head -1)
export Hub__RequireOperatorTwoFactor=false
hub_serve
hub_sign_in_operator
page="/calls/$call/ranking"
status=$(curl -s -o "$HUB_DATA/ranking.html" -w '%{http_code}' -H "Cookie: $HUB_COOKIE" "http://127.0.0.1:$HUB_PORT$page")
[[ "$status" == 200 ]] || { echo "the ranking page answered $status"; exit 1; }
echo "ranking page: $(wc -c <"$HUB_DATA/ranking.html") bytes, $(grep -c '<tr' "$HUB_DATA/ranking.html") table rows"
echo "warming up"
hub_wrk "$page" 10 4 >/dev/null
printf '\n%-6s %-52s %12s %10s %10s\n' round "path (connections)" "requests/s" p50 p99
for round in 1 2; do
  read -r rps p50 p99 < <(hub_wrk /healthz "$SECONDS_PER_RUN" 1); printf '%-6s %-52s %12s %10s %10s\n' "$round" "/healthz (1)" "$rps" "$p50" "$p99"
  read -r rps p50 p99 < <(hub_wrk "$page" "$SECONDS_PER_RUN" 1); printf '%-6s %-52s %12s %10s %10s\n' "$round" "ranking (1)" "$rps" "$p50" "$p99"
  read -r rps p50 p99 < <(hub_wrk "$page" "$SECONDS_PER_RUN" 8); printf '%-6s %-52s %12s %10s %10s\n' "$round" "ranking (8)" "$rps" "$p50" "$p99"
done
