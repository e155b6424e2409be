#!/usr/bin/env bash
# Serves the packaged application with the sample inventory on a scratch database and checks its feeds with
# ical.js and python3-icalendar (check.py), and its announcement mails with Python's email and mailbox packages, and
# mutt (check_mail.py). Installs what it needs; run after `./mvnw package`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(cd ../../.. && pwd)
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
PORT=${CLIENTS_PORT:-18300}

if ! /usr/bin/python3 -c 'import icalendar' 2> /dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-icalendar > /dev/null
fi
if ! command -v mutt > /dev/null || ! command -v script > /dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mutt bsdutils > /dev/null
fi
npm ci --no-audit --no-fund --silent

TMP=$(mktemp -d)
APP_PID=
trap '[[ -n $APP_PID ]] && kill "$APP_PID" 2> /dev/null; wait 2> /dev/null; rm -rf "$TMP"' EXIT
(cd "$ROOT" && env QUARKUS_HTTP_PORT="$PORT" PLANNER_ADMIN_PASSWORD=clients-secret PLANNER_ANNOUNCER_PASSWORD=clients-secret \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:async:$TMP/planner;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" QUARKUS_DATASOURCE_USERNAME=sa \
  PLANNER_INVENTORY_PATH=inventory java -jar "$JAR" > "$TMP/app.log" 2>&1) &
APP_PID=$!
for _ in $(seq 1 120); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/q/health/ready" || true) == 200 ]] && break
  kill -0 "$APP_PID" 2> /dev/null || { tail -n 40 "$TMP/app.log"; exit 1; }
  sleep 0.5
done
rc=0
/usr/bin/python3 check.py "http://127.0.0.1:$PORT" clients-secret || rc=1
/usr/bin/python3 check_mail.py "http://127.0.0.1:$PORT" clients-secret || rc=1
exit $rc
