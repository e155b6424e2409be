#!/usr/bin/env bash
# Feed benchmark: 2,000 windows; wrk for 10 s against /calendar/outages.ics (full answers, then If-None-Match → 304),
# then against nginx serving the very same bytes as a static file, in the same run. Goal: ours >= 0.5 x nginx, both ways.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
PORT=${BENCH_PORT:-18184}
NGINX_PORT=${BENCH_NGINX_PORT:-18185}
N=${BENCH_WINDOWS:-2000}
DURATION=${BENCH_DURATION:-10s}

for tool in wrk nginx; do
  command -v "$tool" > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light > /dev/null; }
done

start_service feed "$PORT" PLANNER_POLICY_MINIMUM_NOTICE=PT0S PLANNER_POLICY_MAX_CONCURRENT_WINDOWS=100000
python3 - "$BASE" "$N" <<'PY'
import base64, datetime, http.client, json, sys, urllib.parse
base, n = urllib.parse.urlparse(sys.argv[1]), int(sys.argv[2])
conn = http.client.HTTPConnection(base.hostname, base.port)
auth = "Basic " + base64.b64encode(b"admin:bench-secret").decode()
start = datetime.datetime(2030, 1, 4, 20, tzinfo=datetime.timezone.utc)
for i in range(n):
    s = start + datetime.timedelta(hours=6 * i)
    body = {"title": "Upgrade of host %d (service-%d)" % (i, i), "start": s.isoformat().replace("+00:00", "Z"),
            "end": (s + datetime.timedelta(hours=4)).isoformat().replace("+00:00", "Z"), "services": ["service-%d" % i],
            "description": "Planned upgrades:\n- host%d.example.org: ubuntu 12.04 → 14.04" % i}
    conn.request("POST", "/api/windows", json.dumps(body), {"Authorization": auth, "Content-Type": "application/json"})
    r = conn.getresponse()
    r.read()
    if r.status != 201:
        sys.exit("window %d: HTTP %d" % (i, r.status))
PY
mkdir -p "$TMP/www"
curl -s -D "$TMP/headers" -o "$TMP/www/outages.ics" "$BASE/calendar/outages.ics"
ETAG=$(grep -i '^etag:' "$TMP/headers" | cut -d' ' -f2- | tr -d '\r')
echo "feed: $N windows, $(wc -c < "$TMP/www/outages.ics") bytes, ETag $ETAG"

cat > "$TMP/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/calendar ics; }
  server { listen 127.0.0.1:$NGINX_PORT; root $TMP/www; etag on; }
}
CONF
chmod 755 "$TMP" "$TMP/www" && chmod 644 "$TMP/www/outages.ics"   # nginx workers run as www-data
nginx -c "$TMP/nginx.conf" &
NGINX_PID=$!
trap 'kill $NGINX_PID 2> /dev/null || true; stop_service; rm -rf "$TMP"' EXIT
for _ in $(seq 1 20); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/outages.ics" && break; sleep 0.25; done
cmp -s "$TMP/www/outages.ics" <(curl -s "http://127.0.0.1:$NGINX_PORT/outages.ics") || { echo "nginx does not serve the feed" >&2; exit 1; }
NGINX_ETAG=$(curl -s -D - -o /dev/null "http://127.0.0.1:$NGINX_PORT/outages.ics" | grep -i '^etag:' | cut -d' ' -f2- | tr -d '\r')

rps() { # rps URL [HEADER] -> requests per second
  local args=(-t2 -c32 -d"$DURATION" --latency)
  [[ -n ${2:-} ]] && args+=(-H "$2")
  wrk "${args[@]}" "$1" | awk '/^Requests\/sec/ { print $2 }'
}
wrk -t2 -c32 -d2s "$BASE/calendar/outages.ics" > /dev/null   # warm-up
OURS=$(rps "$BASE/calendar/outages.ics")
OURS_304=$(rps "$BASE/calendar/outages.ics" "If-None-Match: $ETAG")
NGINX=$(rps "http://127.0.0.1:$NGINX_PORT/outages.ics")
NGINX_304=$(rps "http://127.0.0.1:$NGINX_PORT/outages.ics" "If-None-Match: $NGINX_ETAG")
echo "full feed:     ours $OURS req/s, nginx $NGINX req/s, ratio $(ratio "$OURS" "$NGINX") (goal >= 0.5)"
echo "If-None-Match: ours $OURS_304 req/s, nginx $NGINX_304 req/s, ratio $(ratio "$OURS_304" "$NGINX_304") (goal >= 0.5)"
