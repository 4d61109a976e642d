#!/usr/bin/env bash
# Load test: the home page against /healthz, with 10,000 synthetic organizations (issue 2's benchmark).
#
#   bench/home-vs-healthz.sh [organizations] [seconds]
#
# Builds Release, seeds a throwaway SQLite database, starts the real process on a free loopback port and runs
# wrk (2 threads, 64 connections) against /healthz and / in alternation, twice, so the ratio is measured within
# one run on the same machine. Prints requests/s, p50 and p99 latency for each round and the home/healthz ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
organizations=${1:-10000}
seconds=${2:-15}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }

dotnet build src/SeoulAiHub -c Release -nologo -v quiet >/dev/null
app=src/SeoulAiHub/bin/Release/net10.0/SeoulAiHub.dll
data=$(mktemp -d /tmp/hub-bench.XXXXXX)
export Hub__DataDirectory="$data" Hub__AdminPassword="Bench-Password-2026" Hub__DemoPassword="Bench-Password-2026"
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning

echo "seeding $organizations synthetic organizations into $data"
start=$(date +%s%N)
dotnet "$app" seed synthetic --organizations "$organizations"
echo "seeded in $(( ($(date +%s%N) - start) / 1000000 )) ms"

port=$(( 20000 + RANDOM % 20000 ))
dotnet "$app" --contentRoot "$(pwd)/src/SeoulAiHub" --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
home=$(curl -fs "http://127.0.0.1:$port/" || true)
[[ "$home" == *"서울AI허브"* ]] || { echo "the home page did not answer"; cat "$data/server.log"; exit 1; }

run() {  # prints "requests/s p50 p99" for one wrk run
  local out
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency "http://127.0.0.1:$port$1")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  echo "$rps $p50 $p99"
}

echo "warming up"
wrk -t2 -c64 -d5s "http://127.0.0.1:$port/healthz" >/dev/null
wrk -t2 -c64 -d5s "http://127.0.0.1:$port/" >/dev/null

printf '\n%-6s %-9s %12s %10s %10s\n' round path "requests/s" p50 p99
for round in 1 2; do
  read -r h_rps h_p50 h_p99 < <(run /healthz)
  read -r p_rps p_p50 p_p99 < <(run /)
  printf '%-6s %-9s %12s %10s %10s\n' "$round" /healthz "$h_rps" "$h_p50" "$h_p99"
  printf '%-6s %-9s %12s %10s %10s\n' "$round" / "$p_rps" "$p_p50" "$p_p99"
  awk -v r="$round" -v p="$p_rps" -v h="$h_rps" 'BEGIN { printf "%-6s ratio home/healthz = %.0f%%\n", r, 100 * p / h }'
done
