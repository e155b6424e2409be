#!/usr/bin/env bash
# Scale benchmark: the cost of a change follows the change, not the fleet. Small changes (a host edit, an override,
# a 10-host import) at 1,000 and at 100,000 hosts; a 10,000-host import into an empty fleet and into 100,000 hosts;
# the dashboard and host list at 100,000 hosts against /q/health/live. The driver is bench/scale.py.
# Usage: bench/scale.sh            (env: BENCH_PORT=18187, BENCH_REPEATS=40)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=${BENCH_PORT:-18187}
source bench/lib.sh

start_service scale "$PORT" JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:--Xmx4g}"
python3 bench/scale.py "$BASE" "$AUTH" "${BENCH_REPEATS:-40}"
