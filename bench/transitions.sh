#!/usr/bin/env bash
# Transition benchmark: 500 windows starting within the same minute; the lag from each scheduled start to the moment
# the window went IN_PROGRESS (its startedAt), p50 and p99 (goal: p99 under 2 s).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
PORT=${BENCH_PORT:-18183}
N=${BENCH_WINDOWS:-500}

start_service transitions "$PORT" PLANNER_POLICY_MINIMUM_NOTICE=PT0S PLANNER_POLICY_MAX_CONCURRENT_WINDOWS=100000
# Starts spread over one minute that begins 90 s from now, so creating the windows finishes first.
python3 - "$N" > "$TMP/windows.jsonl" <<'PY'
import json, sys, time, datetime
n = int(sys.argv[1])
base = int(time.time()) + 90
for i in range(n):
    start = base + (i * 60) // n
    iso = lambda t: datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    print(json.dumps({"title": "Bench %d" % i, "start": iso(start), "end": iso(start + 120), "services": ["bench-%d" % i]}))
PY
i=0
while read -r line; do
  printf '%s' "$line" > "$TMP/w.json"
  post /api/windows "$TMP/w.json" application/json > /dev/null
  i=$((i + 1))
done < "$TMP/windows.jsonl"
echo "$i windows created; waiting for their starts ..."
deadline=$((SECONDS + 240))
while :; do
  curl -s -u "$AUTH" "$BASE/api/windows?state=IN_PROGRESS" > "$TMP/started.json"
  started=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$TMP/started.json")
  [[ $started -ge $N ]] && break
  ((SECONDS < deadline)) || { echo "only $started of $N windows started" >&2; exit 1; }
  sleep 2
done
python3 - "$TMP/started.json" <<'PY'
import json, sys, datetime
p = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
lags = sorted((p(w["startedAt"]) - p(w["start"])).total_seconds() for w in json.load(open(sys.argv[1])))
q = lambda f: lags[min(len(lags) - 1, int(f * len(lags)))]
print("windows: %d  lag from scheduled start to IN_PROGRESS: p50 %.3f s  p99 %.3f s  max %.3f s (goal: p99 < 2 s)"
      % (len(lags), q(0.50), q(0.99), lags[-1]))
PY
