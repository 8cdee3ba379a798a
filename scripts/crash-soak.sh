#!/usr/bin/env bash
# Nightly-style crash soak of the workspace (docs/RELIABILITY.md, "Crash safety"): runs origin-store's CrashTest
# with SCALE times the kills of `mvn verify` (102 per scale step: imports, ledger appends, requalifications and
# certifications, on an H2 file and on a throwaway PostgreSQL 15 cluster) from SEED.
#
#   scripts/crash-soak.sh [SCALE [SEED]]      default: SCALE 10 (1,020 kills, about 30 minutes here), SEED from the clock
#
# Prints one line per operation and database ("crash test (h2, import): 300 kills in ... failures 0 []") and exits
# non-zero if any kill left the workspace damaged or half-written; H2 files that failed are kept under
# origin-store/target/crash-failures/.
set -euo pipefail
scale="${1:-10}"
seed="${2:-$(date +%s)}"
cd "$(dirname "$0")/.."
echo "crash soak: scale $scale, seed $seed"
log="$(mktemp)"
status=0
mvn -B -Dstyle.color=never verify -pl origin-store -am -Dtest=CrashTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dkill.scale="$scale" -Dkill.seed="$seed" > "$log" 2>&1 || status=$?
grep -E "^crash test|Tests run:.*CrashTest|BUILD" "$log" || true
echo "full log: $log"
exit "$status"
