#!/usr/bin/env bash
# Import benchmark: times `ansible-inventory --list` on a generated 10,000-host inventory,
# then our import endpoint on the same file (first import, then an unchanged re-import).
# Usage: bench/import.sh            (env: BENCH_PORT=18181, BENCH_HOSTS=10000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${BENCH_PORT:-18181}
HOSTS=${BENCH_HOSTS:-10000}
AUTH=admin:bench-secret
JAR=target/quarkus-app/quarkus-run.jar
TMP=$(mktemp -d)
APP_PID=
cleanup() {
  if [[ -n $APP_PID ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

# 1. Inventories (deterministic: same bytes every run).
INV=$TMP/inventory.yml
python3 bench/gen_inventory.py --hosts "$HOSTS" --seed 42 > "$INV"
for s in 1 2; do  # warm-up: other hostnames; two seeds so the warm-up also updates hosts
  python3 bench/gen_inventory.py --hosts 2000 --seed "$((100 + s))" --prefix w --domain warmup.example.org > "$TMP/warmup$s.yml"
done
echo "inventory: $HOSTS hosts, $(wc -c < "$INV") bytes"

# 2. Reference: ansible-inventory.
if ! command -v ansible-inventory > /dev/null; then
  if ! command -v apt-get > /dev/null; then echo "ansible-inventory missing and apt-get unavailable" >&2; exit 1; fi
  echo "installing ansible-core ..."
  apt-get update -qq && apt-get install -y -qq ansible-core > /dev/null
fi
t0=$(date +%s.%N)
ANSIBLE_LOCALHOST_WARNING=false ansible-inventory -i "$INV" --list > /dev/null
ANSIBLE_S=$(elapsed "$t0" "$(date +%s.%N)")
echo "ansible-inventory --list: $ANSIBLE_S s"

# 3. Our service, on its own port, database and an empty inventory directory.
if [[ ! -f $JAR ]]; then echo "building $JAR ..."; ./mvnw -B -q package -DskipTests; fi
if (exec 3<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null; then echo "port $PORT is in use" >&2; exit 1; fi
mkdir -p "$TMP/db" "$TMP/empty-inventory"
QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$TMP/db/planner;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
QUARKUS_LOG_CATEGORY__ORG_UPGRADEPLANNER_HOST__LEVEL=DEBUG PLANNER_ADMIN_USER=admin PLANNER_ADMIN_PASSWORD=bench-secret PLANNER_INVENTORY_PATH=$TMP/empty-inventory \
  java -jar "$JAR" > "$TMP/app.log" 2>&1 &
APP_PID=$!
BASE=http://127.0.0.1:$PORT
deadline=$((SECONDS + 120))
until [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready" || true) == 200 ]]; do
  if ! kill -0 "$APP_PID" 2> /dev/null || ((SECONDS > deadline)); then
    echo "service not ready on port $PORT; last log lines:" >&2; tail -n 30 "$TMP/app.log" >&2; exit 1
  fi
  sleep 0.5
done

# post_import FILE QUERY -> prints seconds; fails with status and body unless HTTP 200.
post_import() {
  local out code secs
  out=$(curl -s -o "$TMP/resp.json" -w '%{http_code} %{time_total}' -u "$AUTH" \
    -H 'Content-Type: application/yaml' --data-binary "@$1" "$BASE/api/inventory/import?$2")
  read -r code secs <<< "$out"
  if [[ $code != 200 ]]; then
    echo "import ?$2 failed: HTTP $code" >&2; head -c 2000 "$TMP/resp.json" >&2; echo >&2; exit 1
  fi
  printf '%.2f' "$secs"
}
# counts FIELD EXPECTED -> prints the counts, fails unless FIELD == EXPECTED.
counts() {
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print("  " + "  ".join("%s=%s" % (k, d.get(k)) for k in ("added", "updated", "unchanged", "removed")))
sys.exit(0 if d.get(sys.argv[2]) == int(sys.argv[3]) else "  expected %s == %s" % (sys.argv[2], sys.argv[3]))' \
    "$TMP/resp.json" "$1" "$2"
}

for f in 1 2 2 1 1; do post_import "$TMP/warmup$f.yml" source=warmup > /dev/null; done  # add, update, unchanged
DRY_S=$(post_import "$INV" 'dryRun=true&source=bench')
echo "dry run (warm-up, $HOSTS hosts): $DRY_S s"

IMPORT_S=$(post_import "$INV" source=bench)
echo "import ($HOSTS hosts): $IMPORT_S s  ratio $(ratio "$IMPORT_S" "$ANSIBLE_S") (goal <= 0.05)"
counts added "$HOSTS"
REIMPORT_S=$(post_import "$INV" source=bench)
echo "re-import (unchanged): $REIMPORT_S s  ratio $(ratio "$REIMPORT_S" "$ANSIBLE_S") (goal <= 0.05, lower than import)"
counts unchanged "$HOSTS"
grep -oE "(Import|import) .*ms.*" "$TMP/app.log" | tail -n 6 | sed "s/^/  log: /"
