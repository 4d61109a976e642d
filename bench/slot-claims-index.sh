#!/usr/bin/env bash
# What the covering index on SlotClaims (CellStart, FacilityId) buys a multi-day availability search, as a ratio within
# one run: on a SQLite file seeded like bench/facilities.sh, the search's claim read ("every claimed cell of a range of
# days, all facilities") is timed with the covering index, then with the single-column CellStart index it replaced.
#   bench/slot-claims-index.sh [facilities] [bookings] [cells read]
source "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed: apt-get install sqlite3"; exit 1; }
CELLS=${3:-50000}
hub_prepare
hub_seed seed demo >/dev/null
hub_seed seed facilities --resources "${1:-200}" --bookings "${2:-100000}"
db="$HUB_DATA/hub.db"

# The range: as many claimed cells as a fortnight holds in bench/facilities.sh's data (about 50,000 of its 780,000),
# taken from the middle of the claims (around today), bounded by stored values so no date encoding is guessed here.
total=$(sqlite3 "$db" "SELECT count(*) FROM SlotClaims")
from=$(sqlite3 "$db" "SELECT CellStart FROM SlotClaims ORDER BY CellStart LIMIT 1 OFFSET $(( total / 2 ))")
to=$(sqlite3 "$db" "SELECT CellStart FROM SlotClaims ORDER BY CellStart LIMIT 1 OFFSET $(( total / 2 + CELLS ))")
query="SELECT FacilityId, CellStart FROM SlotClaims WHERE CellStart >= $from AND CellStart < $to"

measure() {  # LABEL: the plan, the rows, and the best and median of 9 reads (ms)
  echo "== $1"
  sqlite3 "$db" "EXPLAIN QUERY PLAN $query" | sed 's/^/   plan: /'
  echo "   rows: $(sqlite3 "$db" "SELECT count(*) FROM ($query)")"
  local times=()
  for _ in $(seq 1 9); do
    local start=$(date +%s%N)
    sqlite3 "$db" "$query" >/dev/null
    times+=($(( ($(date +%s%N) - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "   best %.1f ms, median %.1f ms\n", a[1]/1000, a[5]/1000}'
}

measure "covering index (CellStart, FacilityId)"
sqlite3 "$db" "DROP INDEX IX_SlotClaims_CellStart_FacilityId; CREATE INDEX IX_SlotClaims_CellStart ON SlotClaims (CellStart);"
measure "single-column index (CellStart), as before"
