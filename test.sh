#!/usr/bin/env bash
# Runs every test of the Seoul AI Hub Platform on a fresh machine:
#   1. installs what the tests need from Debian packages when missing (chromium, fonts-nanum, postgresql, poppler-utils);
#   2. starts a throwaway PostgreSQL cluster on a free loopback port (removed afterwards);
#   3. builds the solution and runs every test project against SQLite and that PostgreSQL server;
#   4. ends with one line "N passed, N failed" and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

say() { printf '\n== %s\n' "$*"; }

# --- 1. Debian packages -------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-nanum >/dev/null 2>&1 || missing+=(fonts-nanum)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)   # the printed report's PDF as PNG
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- 2. a throwaway PostgreSQL cluster ------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/hub-pg.XXXXXX)
chmod 755 "$pg_dir"
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}
pg_port=$(free_port) || { echo "no free port for PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }

stop_cluster() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_cluster EXIT

say "starting PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log"; echo "0 passed, 1 failed"; exit 1; }
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -w -l "$pg_dir/server.log" \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { cat "$pg_dir/server.log"; echo "0 passed, 1 failed"; exit 1; }
export HUB_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Maximum Pool Size=20"

# --- 3. build and test ------------------------------------------------------------------------------
say "building"
if ! dotnet build "$root/SeoulAiHub.slnx" -c Debug -nologo -v quiet; then
  echo "the build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
for project in tests/*/*.csproj; do
  say "testing $project"
  log=$(mktemp)
  dotnet test "$project" -c Debug --no-build -nologo 2>&1 | tee "$log"
  summary=$(grep -E '(Passed|Failed)!  - Failed:' "$log" | tail -n 1)
  if [ -z "$summary" ]; then
    echo "no test summary from $project: counted as one failure"
    failed=$((failed + 1))
  else
    p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$summary")
    f=$(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$summary")
    passed=$((passed + p))
    failed=$((failed + f))
  fi
  rm -f "$log"
done

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
