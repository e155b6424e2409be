#!/usr/bin/env bash
# UI benchmark: 10,000 hosts and 2,000 windows; wrk with a logged-in session cookie against the hosts page and the
# dashboard; prints p50 and p95 latency (goal: p95 under 150 ms for both), and the same for /q/health/live as the
# reference of a page that does no work, measured in the same run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
PORT=${BENCH_PORT:-18186}
DURATION=${BENCH_DURATION:-10s}
command -v wrk > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null; }

start_service ui "$PORT" PLANNER_POLICY_MINIMUM_NOTICE=PT0S PLANNER_POLICY_MAX_CONCURRENT_WINDOWS=100000
python3 bench/gen_inventory.py --hosts 10000 --seed 42 > "$TMP/fleet.yml"
post "/api/inventory/import?source=bench" "$TMP/fleet.yml" application/yaml > /dev/null
python3 - "$BASE" 2000 <<'PY'
import base64, datetime, http.client, json, sys, urllib.parse
base, n = urllib.parse.urlparse(sys.argv[1]), int(sys.argv[2])
conn = http.client.HTTPConnection(base.hostname, base.port)
auth = "Basic " + base64.b64encode(b"admin:bench-secret").decode()
start = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) + datetime.timedelta(days=30)
for i in range(n):
    s = start + datetime.timedelta(hours=6 * i)
    iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
    body = {"title": "Window %d" % i, "start": iso(s), "end": iso(s + datetime.timedelta(hours=4)), "services": ["bench-%d" % i]}
    conn.request("POST", "/api/windows", json.dumps(body), {"Authorization": auth, "Content-Type": "application/json"})
    r = conn.getresponse(); r.read()
    if r.status != 201:
        sys.exit("window %d: HTTP %d" % (i, r.status))
PY
# Log in through the form, as a browser does (with the form's CSRF token and its cookie), and keep the session cookie.
SESSION=$(curl -s -o /dev/null -D - -b planner-csrf=bench -d 'csrf-token=bench&username=admin&password=bench-secret' "$BASE/login" \
  | awk -F'[=;]' 'tolower($1) ~ /set-cookie: planner-session/ { print $2 }')
[[ -n $SESSION ]] || { echo "login failed" >&2; exit 1; }
cat > "$TMP/percentiles.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms  p95 %.1f ms  (%d requests)\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.requests))
end
LUA
measure() { # measure LABEL PATH
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: planner-session=$SESSION" "$BASE$2")
  [[ $status == 200 ]] || { echo "$1: HTTP $status" >&2; exit 1; }
  printf '%-28s ' "$1"
  wrk -t2 -c4 -d"$DURATION" -s "$TMP/percentiles.lua" -H "Cookie: planner-session=$SESSION" "$BASE$2" | tail -n 1
}
wrk -t2 -c4 -d3s -H "Cookie: planner-session=$SESSION" "$BASE/" > /dev/null                  # warm-up
wrk -t2 -c4 -d3s -H "Cookie: planner-session=$SESSION" "$BASE/hosts?sort=eol" > /dev/null
measure "reference /q/health/live" /q/health/live
measure "dashboard /" /
measure "hosts /hosts (first page)" "/hosts"
measure "hosts, filtered and sorted" "/hosts?classification=OUTAGE_REQUIRED&sort=-eol&page=3"
echo "goal: p95 under 150 ms for the dashboard and the hosts pages"
