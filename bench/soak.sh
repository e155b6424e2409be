#!/usr/bin/env bash
# Soak benchmark: a service seeded with 3,000 hosts under a mixed load for SOAK_MINUTES minutes, on loopback, from five
# paced clients (bench/soak.py): feed polls (with and without If-None-Match, per host, per service), host edits (GET then
# PUT with the version read), overrides and small re-imports of their own source, windows starting 3-60 s ahead and
# lasting 5-30 s (so Quartz's start and end triggers fire during the run), and the announcer account marking drafts sent.
# Each minute: requests per kind, errors so far and the heap from /q/metrics (now, the minute's lowest sample, and
# right after a `jcmd GC.run` with eden left out, unless SOAK_FORCE_GC=0). At the end: count, p50, p99 and errors per
# request kind; the heap trend (least-squares slope in MB/min of the after-GC figures, last minutes against first
# ones); windows whose end passed that did not reach COMPLETED; the service's ERROR/WARN log lines.
# Goals: 0 errors (5xx, connection errors, answers slower than 10 s, unexpected 4xx), every ended window COMPLETED,
# a flat heap. Exits 1 if errors > 0, a window missed its transitions or the service's process ended (its exit status
# is printed); the heap verdict (flat or GROWING) is for a reader to judge (H2's caches fill as the database grows).
# Latency is reported but has no goal here: the clients are paced, and other work on the machine shows in it.
# Usage: bench/soak.sh   (env: SOAK_MINUTES=10, BENCH_PORT=18187, SOAK_HOSTS=3000, SOAK_PACE=1 (multiplies every
#        client's request rate), SOAK_JAVA_OPTS=-Xmx512m (what k8s/deployment.yaml's 1 GiB limit gives the JVM),
#        SOAK_FORCE_GC=1, SOAK_HEAP_MARGIN_MB=16 (growth, last minutes over first, that counts as GROWING),
#        SOAK_LOG=FILE (keep a copy of the service's log))
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
PORT=${BENCH_PORT:-18187}
MINUTES=${SOAK_MINUTES:-10}
HOSTS=${SOAK_HOSTS:-3000}
PACE=${SOAK_PACE:-1}
LOG=$TMP/soak/app.log

start_service soak "$PORT" PLANNER_POLICY_MINIMUM_NOTICE=PT0S PLANNER_POLICY_MAX_CONCURRENT_WINDOWS=100000 \
  PLANNER_ANNOUNCER_PASSWORD=bench-announcer JAVA_TOOL_OPTIONS="${SOAK_JAVA_OPTS:--Xmx512m}"
python3 bench/gen_inventory.py --hosts "$HOSTS" --seed 42 > "$TMP/fleet.yml"
echo "seeded: $HOSTS hosts imported in $(post "/api/inventory/import?source=bench" "$TMP/fleet.yml" application/yaml) s"
echo "soak: $MINUTES min at pace $PACE on $BASE; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

rc=0
SOAK_FORCE_GC=${SOAK_FORCE_GC:-1} python3 bench/soak.py "$BASE" "$MINUTES" "$APP_PID" "$HOSTS" "$PACE" || rc=$?
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
# A service that died under the load: its exit status says how (143 SIGTERM, 130 SIGINT, 137 SIGKILL, 1 an error).
if [[ ! -e /proc/$APP_PID ]] || [[ $(awk '{ print $3 }' "/proc/$APP_PID/stat" 2> /dev/null) == Z ]]; then
  status=0; wait "$APP_PID" || status=$?
  APP_PID=
  echo "the service's process ended during the soak, exit status $status"
fi

# The service's own complaints: ERROR and WARN lines (start-up ones included), grouped with the timestamps cut off.
problems=$(grep -cE '^[0-9-]+ [0-9:,.]+ +(ERROR|WARN)' "$LOG" || true)
traces=$(grep -cE '^(Caused by|[[:space:]]+at |[a-z][a-zA-Z0-9_.]*(Exception|Error)\b)' "$LOG" || true)
echo "service log: $(wc -l < "$LOG") lines, $problems ERROR/WARN, $traces stack-trace lines$( ((problems > 0)) && echo '; most frequent:')"
grep -E '^[0-9-]+ [0-9:,.]+ +(ERROR|WARN)' "$LOG" | sed -E 's/^[0-9-]+ [0-9:,.]+ +//' | cut -c1-220 | sort | uniq -c | sort -rn | head -n 15 || true
if ((rc != 0)); then echo "last lines of the service log:"; tail -n 40 "$LOG"; fi
if [[ -n ${SOAK_LOG:-} ]]; then cp "$LOG" "$SOAK_LOG"; fi
exit "$rc"
