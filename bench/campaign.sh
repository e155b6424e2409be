#!/usr/bin/env bash
# Replacement sprint benchmark, end to end on the generated 10,000-host fleet (seed 42): import; a campaign to
# ubuntu 14.04 with two sprint days; alice and bob claim alternately from two pools until each has one provider left
# (then its last provider and an outage-required host must be refused with 409), and more claims for the sample; the
# claimed hosts marked replaced; a re-import showing them on 14.04 (they must turn VERIFIED); planner proposals; close
# (the summary draft must say "Replaced and verified"). Between replaced and the re-import, alice's board page (logged in
# through the form) with all 4,444 items, and her "my work" view. A failed check stops the script with a message; the two drafts'
# .eml mails, which nothing later needs, are checked last (after the table). Any failure: exit status 1.
# How to read it: each step in ms and as "x live", its ratio to the p50 of GET /q/health/live measured on the same
# connection in the same run (these machines are noisy: compare ratios between runs, not ms); the re-import is also
# given as a ratio to the first import. The first import and campaign creation run on a cold JVM, as a user meets them.
# Usage: bench/campaign.sh   (env: BENCH_PORT=18190, BENCH_JAR=target/quarkus-app/quarkus-run.jar, BENCH_CLAIMS=40,
#                             BENCH_TIMEOUT=900 seconds for the scenario)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
PORT=${BENCH_PORT:-18190}
# The service logs the phases of opening and closing a campaign at DEBUG; they are printed after the table.
start_service campaign "$PORT" QUARKUS_LOG_CATEGORY__ORG_UPGRADEPLANNER_CAMPAIGN__LEVEL=DEBUG
echo "service: $JAR on $BASE"
python3 bench/gen_inventory.py --hosts 10000 --seed 42 > "$TMP/fleet.yml"
echo "fleet: 10,000 hosts (seed 42), $(wc -c < "$TMP/fleet.yml") bytes"
timeout "${BENCH_TIMEOUT:-900}" python3 bench/campaign.py "$BASE" "$TMP/fleet.yml" "${BENCH_CLAIMS:-40}" || {
  rc=$?; ((rc != 124)) || echo "scenario timed out after ${BENCH_TIMEOUT:-900} s" >&2
  echo "service log, errors:" >&2; grep -E "ERROR|Caused by" "$TMP/campaign/app.log" | tail -n 6 >&2 || true; exit "$rc"
}
echo "phases, from the service's log:"
grep -ho "campaign [0-9]* \(opened\|closed\).*" "$TMP/campaign/app.log" || true
