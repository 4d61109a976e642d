#!/usr/bin/env bash
# Load test of issue 5: the hub's outcomes dashboard over 10,000 organizations × 11 KPIs × 40 quarters (4.4 million
# values), on SQLite or on PostgreSQL (a throwaway cluster started for the run).
#   bench/outcomes.sh [sqlite|postgres] [organizations] [quarters] [seconds per wrk run]
# The target is the dashboard page under 300 ms at the 95th percentile. Three views: the default (the last 8
# quarters), all 40 quarters, and ten years by year for one site (the heaviest filters); /healthz beside them.
source "$(dirname "$0")/lib.sh"
PROVIDER=${1:-sqlite}
SECONDS_PER_RUN=${4:-15}
hub_prepare
[[ "$PROVIDER" == postgres ]] && hub_postgres
hub_seed seed synthetic --organizations "${2:-10000}"
hub_seed seed outcomes --quarters "${3:-40}"
export Hub__RequireOperatorTwoFactor=false
hub_serve
hub_sign_in_operator
# The site filter takes the first site of the page's select; the last quarter is the one before today's (KST).
site=$(curl -fs -H "Cookie: $HUB_COOKIE" "http://127.0.0.1:$HUB_PORT/outcomes" | grep -oE 'option value="[0-9a-f-]{36}"' | head -1 | grep -oE '[0-9a-f-]{36}' || true)
year=$(TZ=Asia/Seoul date +%Y); quarter=$(( ($(TZ=Asia/Seoul date +%-m) - 1) / 3 ))
(( quarter == 0 )) && { year=$(( year - 1 )); quarter=4; }
last="$year-Q$quarter"
pages=("/outcomes" "/outcomes?grain=Quarter&from=$(( year - 10 ))-Q$(( quarter % 4 + 1 ))&to=$last" "/outcomes?grain=Year&from=$(( year - 10 ))&to=$(( year - 1 ))&site=$site")
for page in "${pages[@]}"; do
  status=$(curl -s -o "$HUB_DATA/page.html" -w '%{http_code}' -H "Cookie: $HUB_COOKIE" "http://127.0.0.1:$HUB_PORT$page")
  [[ "$status" == 200 ]] || { echo "$page answered $status"; exit 1; }
  echo "$page: $(wc -c <"$HUB_DATA/page.html") bytes"
done
echo "warming up"
hub_wrk "${pages[0]}" 10 4 >/dev/null
printf '\n%-6s %-70s %10s %9s %9s %9s\n' round "path (connections)" "req/s" p50 p95 p99
for round in 1 2; do
  read -r rps p50 p95 p99 < <(hub_wrk95 /healthz "$SECONDS_PER_RUN" 1); printf '%-6s %-70s %10s %9s %9s %9s\n' "$round" "/healthz (1)" "$rps" "$p50" "$p95" "$p99"
  for page in "${pages[@]}"; do
    for c in 1 8; do
      read -r rps p50 p95 p99 < <(hub_wrk95 "$page" "$SECONDS_PER_RUN" $c); printf '%-6s %-70s %10s %9s %9s %9s\n' "$round" "$page ($c)" "$rps" "$p50" "$p95" "$p99"
    done
  done
done
