#!/usr/bin/env bash
# Load test of issue 2: the home page against /healthz, with 10,000 synthetic organizations.
#   bench/home-vs-healthz.sh [organizations] [seconds per wrk run]
# wrk (2 threads, 64 connections) runs /healthz and / in alternation, twice, so the ratio is measured within one run.
source "$(dirname "$0")/lib.sh"
SECONDS_PER_RUN=${2:-15}
hub_start "${1:-10000}"
echo "warming up"
hub_wrk /healthz 5 >/dev/null
hub_wrk / 5 >/dev/null
printf '\n%-6s %-52s %12s %10s %10s\n' round path "requests/s" p50 p99
for round in 1 2; do
  hub_row "$round" /healthz; health=$LAST_RPS
  hub_row "$round" /; home=$LAST_RPS
  echo "$round      ratio home/healthz = $(hub_ratio "$home" "$health")"
done
