#!/usr/bin/env bash
# Planner benchmark: proposals for 1,000 and for 10,000 outage-required hosts, each on a fresh, warmed service.
# Prints both times and their ratio (goal: <= 12 for 10x the hosts; 10,000 hosts under 2 s).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
PORT=${BENCH_PORT:-18182}

# fleet N PREFIX: N stateful single hosts (all outage-required); every 3 share a service, every 10th depends on its neighbour.
fleet() {
  python3 - "$1" "$2" <<'PY'
import sys
n, p = int(sys.argv[1]), sys.argv[2]
print("all:\n  children:\n    fleet:\n      vars: {os: ubuntu-12.04, stateful: true, replaceable: false}\n      hosts:")
for i in range(n):
    dep = ", depends_on: [%s%05d.bench.example.org]" % (p, i - 1) if i % 10 == 9 else ""
    print("        %s%05d.bench.example.org: {services: [%s-svc%d]%s}" % (p, i, p, i // 3, dep))
PY
}

# A policy with room for thousands of windows: daily slots, 20 at once, 10 hosts each.
POLICY=(PLANNER_POLICY_SLOT_RRULE="FREQ=DAILY;BYHOUR=20;BYMINUTE=0" PLANNER_POLICY_MAX_CONCURRENT_WINDOWS=20
        PLANNER_POLICY_MAX_HOSTS_PER_WINDOW=10 PLANNER_POLICY_MINIMUM_NOTICE=P7D)

declare -A SECONDS_FOR
for n in 1000 10000; do
  start_service "plan$n" "$PORT" "${POLICY[@]}"
  fleet 2000 warm > "$TMP/warm.yml"
  fleet "$n" h > "$TMP/fleet.yml"
  echo -n '' > "$TMP/empty"
  post "/api/inventory/import?source=warm" "$TMP/warm.yml" application/yaml > /dev/null
  post /api/planner/proposals "$TMP/empty" application/json > /dev/null   # warm-up: 2,000 hosts planned
  post "/api/inventory/import?source=fleet" "$TMP/fleet.yml" application/yaml > /dev/null
  SECONDS_FOR[$n]=$(post /api/planner/proposals "$TMP/empty" application/json)
  windows=$(python3 -c 'import json,sys; w=json.load(open(sys.argv[1])); print(len(w), sum(len(x["hosts"]) for x in w))' "$TMP/resp.json")
  read -r count hosts <<< "$windows"
  echo "proposals for $n hosts: ${SECONDS_FOR[$n]} s ($count windows covering $hosts hosts)"
  [[ $hosts == "$n" ]] || { echo "expected $n hosts in the proposals" >&2; exit 1; }
  grep -o "Planner: .*" "$TMP/plan$n/app.log" | tail -n 1 | sed "s/^/  /"
  stop_service
done
echo "ratio 10,000 / 1,000: $(ratio "${SECONDS_FOR[10000]}" "${SECONDS_FOR[1000]}") (goal <= 12; 10,000 hosts under 2 s)"
