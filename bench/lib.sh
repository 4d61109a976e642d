#!/usr/bin/env bash
# Shared steps of the load scripts: Release build, synthetic data in a throwaway folder, the real process on a
# loopback port, wrk runs. Source it; call hub_start ORGANIZATIONS, then hub_wrk PATH SECONDS as often as needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }

hub_start() {  # ORGANIZATIONS: build, seed that many synthetic organizations, serve
  hub_prepare
  hub_seed seed synthetic --organizations "$1"
  hub_serve
}

hub_prepare() {  # Release build, a throwaway data folder, production settings
  dotnet build src/SeoulAiHub -c Release -nologo -v quiet >/dev/null
  HUB_APP=src/SeoulAiHub/bin/Release/net10.0/SeoulAiHub.dll
  HUB_DATA=$(mktemp -d /tmp/hub-bench.XXXXXX)
  export Hub__DataDirectory="$HUB_DATA" Hub__AdminPassword="Bench-Password-2026" Hub__DemoPassword="Bench-Password-2026"
  export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
  trap 'rm -rf "$HUB_DATA"' EXIT
}

hub_seed() {  # a verb of the application, timed; its output is kept in HUB_SEED_OUTPUT
  echo "$* into $HUB_DATA"
  local start
  start=$(date +%s%N)
  HUB_SEED_OUTPUT=$(dotnet "$HUB_APP" "$@")
  echo "$HUB_SEED_OUTPUT"
  echo "seeded in $(( ($(date +%s%N) - start) / 1000000 )) ms"
}

hub_serve() {  # the real process on a loopback port, until the script ends
  HUB_PORT=$(( 20000 + RANDOM % 20000 ))
  dotnet "$HUB_APP" --contentRoot "$(pwd)/src/SeoulAiHub" --urls "http://127.0.0.1:$HUB_PORT" >"$HUB_DATA/server.log" 2>&1 &
  HUB_PID=$!
  trap 'kill $HUB_PID 2>/dev/null; wait $HUB_PID 2>/dev/null; eval "${HUB_PG_STOP:-}"; rm -rf "$HUB_DATA"' EXIT
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$HUB_PORT/healthz" >/dev/null && break; sleep 1; done
  local home
  home=$(curl -fs "http://127.0.0.1:$HUB_PORT/" || true)
  [[ "$home" == *"서울AI허브"* ]] || { echo "the home page did not answer"; cat "$HUB_DATA/server.log"; exit 1; }
}

# Signs in as the operator (two-factor must be off for the run: Hub__RequireOperatorTwoFactor=false) and puts the
# session cookie in HUB_COOKIE for wrk's -H.
hub_sign_in_operator() {
  local jar="$HUB_DATA/cookies" page token
  page=$(curl -fs -c "$jar" "http://127.0.0.1:$HUB_PORT/account/sign-in")
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$page" | sed 's/.*value="//; s/"$//')
  # The session cookie (hub.session) is Secure, which curl's jar will not keep over http: read Set-Cookie instead.
  HUB_COOKIE=$(curl -fs -b "$jar" -o /dev/null -D - "http://127.0.0.1:$HUB_PORT/account/sign-in" \
    --data-urlencode "Input.Email=operator@seoulaihub.kr" --data-urlencode "Input.Password=$Hub__AdminPassword" \
    --data-urlencode "__RequestVerificationToken=$token" |
    awk 'tolower($1) == "set-cookie:" && $2 ~ /^hub\.session/ {sub(/;.*/, "", $2); printf "%s; ", $2}')
  [[ -n "$HUB_COOKIE" ]] || { echo "operator sign-in failed"; exit 1; }
}

# Prints "requests/s p50 p99" of one wrk run (2 threads, 64 connections).
hub_wrk() {  # PATH SECONDS [CONNECTIONS] (HUB_COOKIE, when set, is sent)
  local out
  local connections=${3:-64}
  out=$(wrk -t$(( connections < 2 ? 1 : 2 )) -c"$connections" -d"${2}s" --latency ${HUB_COOKIE:+-H "Cookie: $HUB_COOKIE"} "http://127.0.0.1:$HUB_PORT$1")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers from $1" >&2; fi
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="50%" {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out")"
}

hub_row() {  # round path [connections] -> prints a table row and remembers requests/s in LAST_RPS
  local rps p50 p99
  read -r rps p50 p99 < <(hub_wrk "$2" "$SECONDS_PER_RUN" "${3:-64}")
  printf '%-6s %-52s %12s %10s %10s\n' "$1" "$2" "$rps" "$p50" "$p99"
  LAST_RPS=$rps
}

hub_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }

# A throwaway PostgreSQL cluster on a free loopback port for this run (removed at exit), and the settings that point
# the application at it. Call after hub_prepare.
hub_postgres() {
  local pg_bin port
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  HUB_PG_DIR=$(mktemp -d /tmp/hub-bench-pg.XXXXXX)
  chmod 755 "$HUB_PG_DIR"
  pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$HUB_PG_DIR"
  port=$(( 40000 + RANDOM % 20000 ))
  pg "$pg_bin/initdb" -D "$HUB_PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  pg "$pg_bin/pg_ctl" -D "$HUB_PG_DIR/data" -w -l "$HUB_PG_DIR/server.log" \
    -o "-p $port -k $HUB_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=512MB" start >/dev/null
  HUB_PG_STOP="pg $pg_bin/pg_ctl -D $HUB_PG_DIR/data -m immediate stop >/dev/null 2>&1; rm -rf $HUB_PG_DIR"
  trap 'eval "$HUB_PG_STOP"; rm -rf "$HUB_DATA"' EXIT
  export Database__Provider=Postgres ConnectionStrings__Hub="Host=127.0.0.1;Port=$port;Username=postgres;Database=hub"
}

# Like hub_wrk with the 95th percentile too (wrk prints it from bench/p95.lua): "requests/s p50 p95 p99".
hub_wrk95() {  # PATH SECONDS [CONNECTIONS]
  local out
  local connections=${3:-64}
  out=$(wrk -t$(( connections < 2 ? 1 : 2 )) -c"$connections" -d"${2}s" --latency -s bench/p95.lua ${HUB_COOKIE:+-H "Cookie: $HUB_COOKIE"} "http://127.0.0.1:$HUB_PORT$1")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers from $1" >&2; fi
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="50%" {print $2}' <<<"$out") $(awk '$1=="p95" {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out")"
}
