# Shared by the benchmark scripts: start the packaged service on its own port and database, wait, stop.
# Source it after `cd` to the repository root; it sets TMP, BASE, AUTH and cleans up on exit.
# BENCH_JAR runs another packaged H2 build (a copy kept aside, an older commit's) instead of this tree's.
JAR=${BENCH_JAR:-target/quarkus-app/quarkus-run.jar}
AUTH=admin:bench-secret
TMP=$(mktemp -d)
APP_PID=

stop_service() {
  if [[ -n $APP_PID ]]; then kill "$APP_PID" 2> /dev/null || true; wait "$APP_PID" 2> /dev/null || true; fi
  APP_PID=
}
trap 'stop_service; rm -rf "$TMP"' EXIT

# start_service NAME PORT [ENV=VALUE ...]: a fresh H2 database under $TMP/NAME, no inventory, extra settings as env.
start_service() {
  local name=$1 port=$2
  shift 2
  # The benchmarks run on the embedded H2 build; a jar left by a PostgreSQL build (-Ppostgresql, as .ci/run's last step) is rebuilt.
  if [[ ! -f $JAR ]] || ! compgen -G "$(dirname "$JAR")/lib/main/com.h2database.*" > /dev/null; then
    [[ -z ${BENCH_JAR:-} ]] || { echo "BENCH_JAR=$JAR: not a packaged H2 build" >&2; exit 1; }
    echo "building $JAR ..."; ./mvnw -B -q package -DskipTests
  fi
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then echo "port $port is in use" >&2; exit 1; fi
  mkdir -p "$TMP/$name/db" "$TMP/empty-inventory"
  env QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:async:$TMP/$name/db/planner;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
    PLANNER_ADMIN_PASSWORD=bench-secret PLANNER_INVENTORY_PATH="$TMP/empty-inventory" "$@" \
    java -jar "$JAR" > "$TMP/$name/app.log" 2>&1 &
  APP_PID=$!
  BASE=http://127.0.0.1:$port
  local deadline=$((SECONDS + 120))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready" || true) == 200 ]]; do
    if ! kill -0 "$APP_PID" 2> /dev/null || ((SECONDS > deadline)); then
      echo "service not ready on port $port; last log lines:" >&2; tail -n 30 "$TMP/$name/app.log" >&2; exit 1
    fi
    sleep 0.5
  done
}

# post PATH FILE CONTENT_TYPE -> prints seconds; the answer is in $TMP/resp.json; fails unless HTTP 2xx.
post() {
  local out code secs
  out=$(curl -s -o "$TMP/resp.json" -w '%{http_code} %{time_total}' -u "$AUTH" -H "Content-Type: $3" --data-binary "@$2" "$BASE$1")
  read -r code secs <<< "$out"
  if [[ $code != 2* ]]; then echo "POST $1 failed: HTTP $code" >&2; head -c 2000 "$TMP/resp.json" >&2; echo >&2; exit 1; fi
  printf '%s' "$secs"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
