#!/usr/bin/env bash
# The longer, nightly-style load and soak test of `origin serve` (issue 12, item 3; docs/RELIABILITY.md "Load and soak"):
# a fresh H2 file workspace (the sample is loaded by `serve`), an analyst's API token made before the server starts (the
# embedded file is locked while it runs), the server in its own JVM with a 256 MB heap, then SoakLoad: CLIENTS clients of
# mixed reads and writes for MINUTES minutes, heap after GC sampled every 20 s, the server stopped and the workspace it
# leaves checked against every acknowledged write. Exit 0 only with zero errors, zero lost and phantom writes, an intact
# ledger chain and stable memory.
#
# usage: scripts/soak.sh [MINUTES=10] [CLIENTS=4] [SEED=1]
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}
CLIENTS=${2:-4}
SEED=${3:-1}
mvn -o -q -pl origin-bench,origin-cli -am package -DskipTests
dir=$(mktemp -d /tmp/origin-soak.XXXXXX)
export ORIGIN_DB="jdbc:h2:file:$dir/ws"
echo "soak test password" | java -jar origin-cli/target/origin.jar users add soak --role analyst >/dev/null
TOKEN=$(java -jar origin-cli/target/origin.jar users token soak --name soak)
java -Xmx256m -jar origin-cli/target/origin.jar serve --port 0 2>"$dir/serve.log" &
PID=$!
URL=
for _ in $(seq 1 120); do
  URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$dir/serve.log" | head -1 || true)
  [ -n "$URL" ] && break
  sleep 1
done
if [ -z "$URL" ]; then
  echo "soak: the server did not start:" >&2
  cat "$dir/serve.log" >&2
  kill "$PID" 2>/dev/null || true
  exit 1
fi
echo "soak: $(date -u +%FT%TZ), server $URL (pid $PID), workspace $ORIGIN_DB, $MINUTES min, $CLIENTS clients, seed $SEED"
status=0
java -cp origin-bench/target/benchmarks.jar dev.origin.bench.SoakLoad --url "$URL" --token "$TOKEN" --pid "$PID" --db "$ORIGIN_DB" \
    --clients "$CLIENTS" --seconds $((MINUTES * 60)) --seed "$SEED" --sample-every 20 --report "$dir/report.txt" || status=$?
kill "$PID" 2>/dev/null || true
echo "soak: report in $dir/report.txt; server log $dir/serve.log"
exit $status
