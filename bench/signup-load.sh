#!/usr/bin/env bash
# One-command load test of sign-ups for one event.
#   bench/signup-load.sh                 # build, then 200 clients for 30 s on a fresh H2 file database
#   CLIENTS=100 DURATION=60 PORT=18090 SKIP_BUILD=1 bench/signup-load.sh
#   JDBC_URL='jdbc:h2:file:/tmp/x;…' bench/signup-load.sh   # other H2 settings than the app's own
# Starts the packaged app on its own port (never 8080) with a fresh H2 file database, raises the capacity of the
# demo event "ruimte-voor-eerstelijnszorg" far beyond the run, drives it with bench/SignupLoad.java, stops the app,
# and checks in the database that nothing is overbooked and the counters equal the rows.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18089}"
CLIENTS="${CLIENTS:-200}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-5}"
SLUG="ruimte-voor-eerstelijnszorg"
CAPACITY="${CAPACITY:-10000000}"
WORK="$(mktemp -d -t kennisagenda-bench-XXXXXX)"
# The app keeps its H2 database in KENNISAGENDA_DATA_DIR with its own JDBC settings (durable commits included).
# JDBC_URL replaces those settings, e.g. to measure what WRITE_DELAY=0 costs (see docs/performance.md).
URL="jdbc:h2:file:$WORK/kennisagenda;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
APP_URL_OPTION=()
if [ -n "${JDBC_URL:-}" ]; then
  URL="$JDBC_URL"
  APP_URL_OPTION=(-Dquarkus.datasource.jdbc.url="$JDBC_URL")
fi
APP_PID=""

if [ "${SKIP_BUILD:-0}" != "1" ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "building the application jar"
  ./mvnw -B -ntp -q package -DskipTests
fi
H2_JAR="$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar | head -n 1)"

start_app() {
  # The rate limit is per client address; the bench is one address, so it is switched off here. The settings a
  # production start requires are given as before they were required (no SMTP server listens on localhost:587).
  KENNISAGENDA_SIGNUPS_PER_MINUTE=0 KENNISAGENDA_DEMO_DATA=true KENNISAGENDA_DATA_DIR="$WORK" \
  KENNISAGENDA_BASE_URL="http://localhost:$PORT" QUARKUS_MAILER_HOST=localhost \
  QUARKUS_MAILER_FROM="Kennisagenda <noreply@example.org>" java ${JAVA_OPTS:-} \
    -Dquarkus.http.port="$PORT" \
    "${APP_URL_OPTION[@]}" \
    -Dquarkus.log.level=WARN \
    -jar target/quarkus-app/quarkus-run.jar >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    if curl -fsS "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "the application did not start; see $WORK/app.log" >&2
  exit 1
}

stop_app() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
  fi
}
trap stop_app EXIT

sql() {
  java -cp "$H2_JAR" org.h2.tools.Shell -url "$URL" -user kennisagenda -password "" -sql "$1"
}

echo "fresh database in $WORK"
start_app   # migrates and loads the demo events
stop_app
sql "update events set capacity = $CAPACITY where slug = '$SLUG'" >/dev/null
start_app

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
java bench/SignupLoad.java "http://localhost:$PORT" "$SLUG" "$CLIENTS" "$DURATION" "$WARMUP"
stop_app

echo "--- database check"
sql "select e.capacity, e.confirmed_count, e.waitlisted_count,
       (select count(*) from registrations r where r.event_id = e.id and r.status = 'CONFIRMED') as confirmed_rows,
       (select count(*) from registrations r where r.event_id = e.id and r.status = 'WAITLISTED') as waitlisted_rows
     from events e where e.slug = '$SLUG'" | tee "$WORK/check.txt"
read -r capacity confirmed waitlisted confirmed_rows waitlisted_rows < <(sed -n 2p "$WORK/check.txt" | tr -d '|' )
if [ "$confirmed" = "$confirmed_rows" ] && [ "$waitlisted" = "$waitlisted_rows" ] && [ "$confirmed" -le "$capacity" ]; then
  echo "OK: no overbooking, counters equal rows ($confirmed confirmed of $capacity places)"
else
  echo "FAILED: counters and rows differ or capacity exceeded" >&2
  exit 1
fi
rm -rf "$WORK"
