#!/usr/bin/env bash
# Import benchmark: times `ansible-inventory --list` on a generated 10,000-host inventory, then our import endpoint on
# the same file: cold (the first import on a service started a minute earlier with the sample inventory, as a user
# meets it), then warm (after nine warm-up imports), then an unchanged re-import.
# Usage: bench/import.sh            (env: BENCH_PORT=18181, BENCH_HOSTS=10000, BENCH_COLD_WAIT=60)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${BENCH_PORT:-18181}
HOSTS=${BENCH_HOSTS:-10000}
source bench/lib.sh

ratio3() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# 1. Inventories (deterministic: same bytes every run).
INV=$TMP/inventory.yml
python3 bench/gen_inventory.py --hosts "$HOSTS" --seed 42 > "$INV"
# Warm-up inventories: as many hosts, other names; two seeds with one prefix (updates), one with another (adds, removes).
python3 bench/gen_inventory.py --hosts "$HOSTS" --seed 101 --prefix w --domain warmup.example.org > "$TMP/warmup1.yml"
python3 bench/gen_inventory.py --hosts "$HOSTS" --seed 102 --prefix w --domain warmup.example.org > "$TMP/warmup2.yml"
python3 bench/gen_inventory.py --hosts "$HOSTS" --seed 103 --prefix v --domain warmup.example.org > "$TMP/warmup3.yml"
printf 'all:\n  hosts: {}\n' > "$TMP/warmupempty.yml"
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

# post_import FILE QUERY -> prints seconds (the answer is in $TMP/resp.json).
post_import() { printf '%.2f' "$(post "/api/inventory/import?$2" "$1" application/yaml)"; }
# counts FIELD EXPECTED -> prints the counts, fails unless FIELD == EXPECTED.
counts() {
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print("  " + "  ".join("%s=%s" % (k, d.get(k)) for k in ("added", "updated", "unchanged", "removed")))
sys.exit(0 if d.get(sys.argv[2]) == int(sys.argv[3]) else "  expected %s == %s" % (sys.argv[2], sys.argv[3]))' \
    "$TMP/resp.json" "$1" "$2"
}

# 3. Cold: a service started a minute earlier, which imported the sample inventory at start-up and nothing since.
start_service cold "$PORT" PLANNER_INVENTORY_PATH=inventory
sleep "${BENCH_COLD_WAIT:-60}"
COLD_S=$(post_import "$INV" source=bench)
counts added "$HOSTS"
echo "cold: first import ($HOSTS hosts, service started ${BENCH_COLD_WAIT:-60} s earlier): $COLD_S s  ratio $(ratio3 "$COLD_S" "$ANSIBLE_S") (goal <= 0.05)"
stop_service

# 4. Warm: our service on its own port, database and an empty inventory directory.
start_service import "$PORT" QUARKUS_LOG_CATEGORY__ORG_UPGRADEPLANNER_HOST__LEVEL=DEBUG

# A warmed service: the same work done a few times over (so the JIT has compiled it), then the warm-up hosts removed,
# so the measured import starts from an empty fleet.
for f in 1 2 2 3 1 3 2 1 empty; do post_import "$TMP/warmup$f.yml" source=warmup > /dev/null; done
DRY_S=$(post_import "$INV" 'dryRun=true&source=bench')
echo "dry run (warm-up, $HOSTS hosts): $DRY_S s"

IMPORT_S=$(post_import "$INV" source=bench)
echo "warm: import ($HOSTS hosts): $IMPORT_S s  ratio $(ratio3 "$IMPORT_S" "$ANSIBLE_S") (goal <= 0.05)"
counts added "$HOSTS"
REIMPORT_S=$(post_import "$INV" source=bench)
echo "re-import (unchanged): $REIMPORT_S s  ratio $(ratio3 "$REIMPORT_S" "$ANSIBLE_S") (goal <= 0.05, lower than import)"
counts unchanged "$HOSTS"
grep -oE "(Import|import) .*ms.*" "$TMP/import/app.log" | tail -n 6 | sed "s/^/  log: /"
