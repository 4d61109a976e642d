#!/usr/bin/env bash
# What the line-length rule (HUB0140, Directory.Build.targets) costs a build: its target's time beside CoreCompile's,
# from MSBuild's own performance summary, after touching one source file so that both run.
# Usage: bench/line-length-check.sh [runs]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dotnet build SeoulAiHub.slnx --no-restore -v:q >/dev/null
for i in $(seq 1 "$runs"); do
  touch src/SeoulAiHub/Program.cs tests/SeoulAiHub.Tests/Infrastructure/TestHosts.cs
  dotnet build SeoulAiHub.slnx --no-restore -clp:PerformanceSummary -v:q 2>&1 \
    | awk -v run="$i" '/ ms  (HubLineLength|CoreCompile) / { t[$3] = $1; c[$3] = $4 }
        END { printf "run %s: HubLineLength %s ms (%s calls), CoreCompile %s ms (%s calls)\n", run, t["HubLineLength"], c["HubLineLength"], t["CoreCompile"], c["CoreCompile"] }'
done
