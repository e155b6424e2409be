#!/usr/bin/env bash
# A real Keycloak (org.keycloak:keycloak-quarkus-dist from Maven Central) for the single sign-on tests (SsoKeycloakIT).
# Java 21+ is needed: the newest Temurin JDK under /usr/lib/jvm is used. Every start imports the realm afresh
# (in-memory database).
#   keycloak.sh start <port> [realm.json]   (realm also via $KC_REALM_FILE)
#   keycloak.sh stop
# Env: KC_BASE (default: target), KC_VERSIONS (tried in order), KC_DL (zip cache dir),
#      KC_JAVA_HOME (skip JDK lookup), KC_READY_TIMEOUT (s, default 180), KC_MVN (default: ./mvnw if present).
set -euo pipefail

KC_BASE=${KC_BASE:-target}
KC_HOME=${KC_HOME:-$KC_BASE/keycloak}
KC_DL=${KC_DL:-$KC_BASE/keycloak-dist}
KC_VERSIONS=${KC_VERSIONS:-"26.7.3 26.5.6"}
PIDFILE=${KC_PIDFILE:-$KC_BASE/keycloak.pid}
LOG=${KC_LOG:-$KC_BASE/keycloak.log}
TIMEOUT=${KC_READY_TIMEOUT:-180}

die() { echo "keycloak.sh: $*" >&2; exit 1; }

find_java() {
  if [ -n "${KC_JAVA_HOME:-}" ]; then echo "$KC_JAVA_HOME"; return; fi
  local d found=""
  for d in /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/temurin-[3-9]*; do
    [ -x "$d/bin/java" ] && found=$d
  done
  [ -n "$found" ] || die "no Temurin JDK >= 21 under /usr/lib/jvm (Keycloak needs Java 21+); set KC_JAVA_HOME"
  echo "$found"
}

install_kc() {
  [ -x "$KC_HOME/bin/kc.sh" ] && return
  local v zip=""
  mkdir -p "$KC_DL"
  for v in $KC_VERSIONS; do
    zip=$KC_DL/keycloak-quarkus-dist-$v.zip
    [ -s "$zip" ] && break
    ${KC_MVN:-$( [ -x ./mvnw ] && echo ./mvnw || echo mvn )} -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$v:zip" \
        -DoutputDirectory="$KC_DL" >&2 && [ -s "$zip" ] && break
    echo "keycloak.sh: could not get keycloak-quarkus-dist $v" >&2; zip=""
  done
  [ -n "$zip" ] || die "no Keycloak distribution available (tried: $KC_VERSIONS)"
  local tmp; tmp=$(mktemp -d "$KC_BASE/kc-unzip.XXXX")
  unzip -q "$zip" -d "$tmp"
  rm -rf "$KC_HOME"; mv "$tmp"/keycloak-* "$KC_HOME"; rm -rf "$tmp"
}

running() { [ -f "$PIDFILE" ] && kill -0 -- "-$(cat "$PIDFILE")" 2>/dev/null; }

start() {
  local port=${1:?usage: keycloak.sh start <port> [realm.json]}
  local realm=${2:-${KC_REALM_FILE:-}}
  [ -n "$realm" ] && [ -f "$realm" ] || die "realm file missing: '${realm}' (argument 2 or KC_REALM_FILE)"
  running && die "already running (pid $(cat "$PIDFILE")); run stop first"
  mkdir -p "$KC_BASE"
  local java; java=$(find_java)
  install_kc
  # Fresh state every start: no persisted H2 db, so the realm is always re-imported.
  rm -rf "$KC_HOME/data"
  mkdir -p "$KC_HOME/data/import"
  cp "$realm" "$KC_HOME/data/import/"
  JAVA_HOME=$java JAVA_OPTS_KC_HEAP=${JAVA_OPTS_KC_HEAP:-"-Xms64m -Xmx512m"} \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid nohup "$KC_HOME/bin/kc.sh" start-dev --db=dev-mem --http-host=127.0.0.1 \
      --http-port="$port" --import-realm >"$LOG" 2>&1 </dev/null &
  echo $! >"$PIDFILE"   # kc.sh pid = process-group id (setsid); kc.sh forwards TERM to java
  local realm_name url t=0
  realm_name=$(sed -n 's/^ *"realm" *: *"\([^"]*\)".*/\1/p' "$realm" | head -1)
  url="http://127.0.0.1:$port/realms/${realm_name:-master}/.well-known/openid-configuration"
  until curl -sf -o /dev/null "$url"; do
    running || { tail -n 40 "$LOG" >&2; rm -f "$PIDFILE"; die "Keycloak exited during startup (log: $LOG)"; }
    [ "$t" -ge "$TIMEOUT" ] && { tail -n 40 "$LOG" >&2; stop; die "not ready after ${TIMEOUT}s (log: $LOG)"; }
    sleep 1; t=$((t + 1))
  done
  echo "Keycloak ready on port $port after ${t}s (pid $(cat "$PIDFILE"), log $LOG)"
}

stop() {
  [ -f "$PIDFILE" ] || { echo "Keycloak not running (no $PIDFILE)"; return 0; }
  local pid t=0; pid=$(cat "$PIDFILE")
  kill -TERM -- "-$pid" 2>/dev/null || true
  while kill -0 -- "-$pid" 2>/dev/null; do
    [ "$t" -ge 30 ] && { kill -KILL -- "-$pid" 2>/dev/null || true; break; }
    sleep 1; t=$((t + 1))
  done
  rm -f "$PIDFILE"
  echo "Keycloak stopped (pid $pid)"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  *) die "usage: keycloak.sh start <port> [realm.json] | stop" ;;
esac
