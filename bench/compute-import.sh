#!/usr/bin/env bash
# Import benchmark of issue 7: a synthetic Slurm accounting file of N lines (default 1,000,000: GPU jobs, job steps,
# CPU-only jobs, about one malformed line in 500) imported into the demo hub's cluster with the real importer, timed
# with /usr/bin/time -v (elapsed seconds, peak RSS), then imported again (every job a duplicate).
#   bench/compute-import.sh [sqlite|postgres|both] [lines]
# The target is under 60 s and under 500 MB for 1,000,000 lines. PostgreSQL is a throwaway cluster (bench/lib.sh).
SELF=$(realpath "$0")
source "$(dirname "$0")/lib.sh"
PROVIDER=${1:-both}
LINES=${2:-1000000}
if [[ "$PROVIDER" == both ]]; then
  "$SELF" sqlite "$LINES" && "$SELF" postgres "$LINES"
  exit
fi

hub_prepare
[[ "$PROVIDER" == postgres ]] && hub_postgres
hub_seed seed demo >/dev/null
file="$HUB_DATA/sacct-$LINES.txt"
dotnet "$HUB_APP" sacct synthetic --lines "$LINES" --out "$file" >/dev/null
echo "$PROVIDER: $(wc -l <"$file") lines (header included), $(( $(wc -c <"$file") / 1048576 )) MB"
for run in first again; do
  /usr/bin/time -v dotnet "$HUB_APP" import sacct --cluster seoulaihub "$file" >"$HUB_DATA/import.out" 2>"$HUB_DATA/time.out"
  grep -E "Import finished|accepted|ignored|rejected:|unmatched:" "$HUB_DATA/import.out" | sed "s/^/  $run: /"
  echo "  $run: process $(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$HUB_DATA/time.out") wall clock," \
       "peak RSS $(( $(awk -F': ' '/Maximum resident set size/ {print $2}' "$HUB_DATA/time.out") / 1024 )) MB"
done
