#!/usr/bin/env bash
# Start-up time and idle memory of the documented production run (docs/operations.md, "Start").
#   bench/startup.sh                       # PostgreSQL jar on the local PostgreSQL, 5 restarts, median
#   DB=h2 bench/startup.sh                 # the H2 jar on an H2 file database instead
#   RUNS=3 IDLE=10 PORT=18431 JAVA_OPTS='-Xmx512m' SKIP_BUILD=1 bench/startup.sh   # other JVM options
#   APP_DIR=/tmp/old/quarkus-app-postgres SKIP_BUILD=1 bench/startup.sh             # another build
# What it measures, per run: the wall time from launching `java … -jar quarkus-run.jar` until the home page `/`
# answers 200 ("start to first page"), then the resident set size (VmRSS in /proc/PID/status) after IDLE seconds
# without requests. The first start migrates an empty database and seeds the demo events; it is not counted: every
# counted run is a restart on an existing database, as in production. Prints each run and the median.
# JAVA_OPTS defaults to the production run's options from docs/operations.md (keep the two equal); like that run, the
# JVM starts in the application's folder (the AppCDS archive, app-cds.jsa, is built with -Dquarkus.package.jar.
# appcds.enabled=true; without it the JVM warns and starts without the archive).
set -euo pipefail
cd "$(dirname "$0")/.."

DB="${DB:-postgres}"
PORT="${PORT:-18431}"
RUNS="${RUNS:-5}"
IDLE="${IDLE:-10}"
# The production run's options (docs/operations.md, "Start"); keep the two the same.
PRODUCTION_JAVA_OPTS="-XX:SharedArchiveFile=app-cds.jsa -XX:+UseSerialGC -Xms64m -Xmx512m -XX:MaxHeapFreeRatio=40 -XX:TrimNativeHeapInterval=5000"
JAVA_OPTS="${JAVA_OPTS-$PRODUCTION_JAVA_OPTS}"
WORK="$(mktemp -d -t kennisagenda-startup-XXXXXX)"
PG_DB="kennisagenda_bench_startup_$$"
APP_PID=""

if [ "$DB" = "postgres" ]; then APP_DIR="${APP_DIR:-target/quarkus-app-postgres}"; else APP_DIR="${APP_DIR:-target/quarkus-app}"; fi
case "$APP_DIR" in /*) ;; *) APP_DIR="$PWD/$APP_DIR";; esac
if [ "${SKIP_BUILD:-0}" != "1" ] || [ ! -f "$APP_DIR/quarkus-run.jar" ]; then
  echo "building the application jars"
  ./mvnw -B -ntp -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
fi

# Another engineer's app on the same port would answer in our place: refuse to start then.
port_free() {
  if curl -s -o /dev/null "http://localhost:$PORT/" 2>/dev/null; then
    echo "port $PORT is in use by another process; choose another with PORT=…" >&2
    exit 1
  fi
}

stop_app() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
  fi
}
cleanup() {
  stop_app
  if [ "$DB" = "postgres" ]; then dropdb -h localhost -U postgres --if-exists "$PG_DB" 2>/dev/null || true; fi
}
trap cleanup EXIT

if [ "$DB" = "postgres" ]; then
  createdb -h localhost -U postgres "$PG_DB"
  export KENNISAGENDA_DB_URL="jdbc:postgresql://localhost:5432/$PG_DB" KENNISAGENDA_DB_USER=postgres
fi

now_ms() { date +%s%3N; }

# CPU time (user + system, ms) the process has used so far: on a shared machine a steadier measure than wall time.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }

# Starts the app; sets MS to the milliseconds until / answers 200 and CPU to the CPU ms the JVM had used by then.
start_app() {
  local started
  port_free
  started=$(now_ms)
  KENNISAGENDA_DEMO_DATA=true KENNISAGENDA_DATA_DIR="$WORK" KENNISAGENDA_BASE_URL="http://localhost:$PORT" \
  QUARKUS_MAILER_HOST=localhost QUARKUS_MAILER_FROM="Kennisagenda <noreply@example.org>" \
  QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT=10m \
  QUARKUS_HTTP_PORT="$PORT" bash -c 'cd "$1" && shift && exec java "$@" -jar quarkus-run.jar' - "$APP_DIR" $JAVA_OPTS \
    >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 3000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/" 2>/dev/null)" = "200" ]; then
      MS=$(( $(now_ms) - started ))
      CPU=$(cpu_ms "$APP_PID")
      return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
    sleep 0.02
  done
  echo "the application did not start; see $WORK/app.log" >&2
  exit 1
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n 1)"
echo "database: $DB; java options: ${JAVA_OPTS:-(none)}"
start_app
echo "first start (migrations, demo data; not counted): ${MS} ms, ${CPU} ms CPU"
stop_app

times=()
cpus=()
rss=()
for run in $(seq 1 "$RUNS"); do
  start_app
  ms=$MS
  cpus+=("$CPU")
  sleep "$IDLE"
  kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$APP_PID/status")
  stop_app
  times+=("$ms")
  rss+=("$((kb / 1024))")
  echo "run $run: start to first page ${ms} ms (${CPU} ms CPU), idle RSS after ${IDLE} s $((kb / 1024)) MB (load $(cut -d' ' -f1 /proc/loadavg))"
done
wall_median=$(printf '%s\n' "${times[@]}" | median)
cpu_median=$(printf '%s\n' "${cpus[@]}" | median)
rss_median=$(printf '%s\n' "${rss[@]}" | median)
echo "median of $RUNS: start to first page ${wall_median} ms (${cpu_median} ms CPU), idle RSS ${rss_median} MB"
# One machine-readable line for bench/run.sh.
echo "RESULT startup wall_ms=${wall_median} cpu_ms=${cpu_median} rss_mb=${rss_median}"
