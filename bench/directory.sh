#!/usr/bin/env bash
# Load test of issue 3: the directory search page and API against /healthz, with 10,000 synthetic organizations.
#   bench/directory.sh [organizations] [seconds per wrk run]
# Searches use a partial Korean word and a filter, the way people search; the target is p99 < 50 ms at 64
# connections and at least 25 % of /healthz throughput, measured in the same run.
source "$(dirname "$0")/lib.sh"
SECONDS_PER_RUN=${2:-15}
hub_start "${1:-10000}"
page="/directory?q=%EB%B9%84%EC%A0%84&type=Startup"          # q=비전 (vision), startups
api="/api/organizations?q=%EB%A1%9C%EB%B3%B4&domain=robotics"   # q=로보 (robo…), robotics
echo "warming up"
for path in /healthz "$page" "$api"; do hub_wrk "$path" 10 >/dev/null; done
printf '\n%-6s %-52s %12s %10s %10s\n' round path "requests/s" p50 p99
for round in 1 2; do
  hub_row "$round" /healthz; health=$LAST_RPS
  hub_row "$round" "$page"; searched=$LAST_RPS
  hub_row "$round" "$api"; listed=$LAST_RPS
  echo "$round      ratio page/healthz = $(hub_ratio "$searched" "$health"), api/healthz = $(hub_ratio "$listed" "$health")"
done
