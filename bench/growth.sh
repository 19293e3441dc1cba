#!/usr/bin/env bash
# Does the cost stay flat as data grows? Times six operations on the demo database and on a grown one.
#   bench/growth.sh                          # H2 file database (the packaged jar's default)
#   DB=postgres bench/growth.sh              # the PostgreSQL jar on the local PostgreSQL
#   SKIP_BUILD=1 RUNS=30 PORT=18096 bench/growth.sh
#   KEEP=1 DB=postgres bench/growth.sh       # keep the two PostgreSQL databases afterwards (for EXPLAIN)
#   APP_DIR=/tmp/old/quarkus-app bench/growth.sh   # another build (e.g. "before"), its own JDBC driver too
#   PAGE_CACHE=true bench/growth.sh          # with the page cache (default off: every request renders, the cost
#                                            # that grows with the data; with the cache most requests are a copy)
# For each of two databases it migrates an empty one with the demo data (first start of the packaged app), stops the
# app, adds data with bench/GrowData.java (plain JDBC batches), starts the app again and times, one request after the
# other (a few warm-up requests first), the median of RUNS requests of: the home page, an event page, a sign-up (JSON
# API), the back-office event list (as administrator), the first page of a registrations list and the CSV export of
# the 5,000-person event (also its time to the first byte: a streamed export starts at once). The home page also
# filtered (a format, page 2) and searched (a word in every title). Then the export's memory: the app's live heap
# (after a full GC) taken while exports run (four at a time, over and over), for the 5,000-person event and for a
# demo event without registrations, against the idle app. At the end one line per operation for bench/run.sh:
#   RESULT growth op=<name> demo_ms=<median wall> grown_ms=<..> demo_cpu_ms=<..> grown_cpu_ms=<..> ratio=<grown/demo CPU>
#   demo:  the demo data plus one event of 5,000 registrations (the export needs one in both)
#   grown: 1,000 more published events, 200,000 registrations in all, 100,000 newsletter subscribers
set -euo pipefail
cd "$(dirname "$0")/.."

DB="${DB:-h2}"
PORT="${PORT:-18432}"
RUNS="${RUNS:-20}"
GROWN="${GROWN:-1000 200000 100000}"
BIG="${BIG:-5000}"
ADMIN=bench-admin@example.org
ADMIN_PASSWORD=bench-admin-password
WORK="$(mktemp -d -t kennisagenda-growth-XXXXXX)"
APP_PID=""
PG_DBS=()
# The production run's options (docs/operations.md, "Start")
JAVA_OPTS="${JAVA_OPTS--XX:SharedArchiveFile=app-cds.jsa -XX:+UseSerialGC -Xms64m -Xmx512m -XX:MaxHeapFreeRatio=40 -XX:TrimNativeHeapInterval=5000}"
SUFFIX="${SUFFIX:-$$}"

if [ "$DB" = "postgres" ]; then APP_DIR="${APP_DIR:-target/quarkus-app-postgres}"; else APP_DIR="${APP_DIR:-target/quarkus-app}"; fi
case "$APP_DIR" in /*) ;; *) APP_DIR="$PWD/$APP_DIR";; esac
if [ "${SKIP_BUILD:-0}" != "1" ] || [ ! -f "$APP_DIR/quarkus-run.jar" ]; then
  echo "building the application jars"
  ./mvnw -B -ntp -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
fi
# The drivers from the jar under test, so that another build (APP_DIR) is used whole, whatever target/ holds
if [ "$DB" = "postgres" ]; then
  PG_JAR="$(ls "$APP_DIR"/lib/main/org.postgresql.postgresql-*.jar | head -n 1)"
else
  H2_JAR="$(ls "$APP_DIR"/lib/main/com.h2database.h2-*.jar | head -n 1)"
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
  if [ "${KEEP:-0}" = "1" ]; then return; fi
  for db in "${PG_DBS[@]}"; do dropdb -h localhost -U postgres --if-exists "$db" 2>/dev/null || true; done
}
trap cleanup EXIT

# start_app NAME: the packaged app on database NAME (an H2 folder in $WORK, or a PostgreSQL database)
start_app() {
  local name=$1
  port_free
  KENNISAGENDA_DEMO_DATA=true KENNISAGENDA_DATA_DIR="$WORK/$name" KENNISAGENDA_BASE_URL="http://localhost:$PORT" \
  KENNISAGENDA_DB_URL="jdbc:postgresql://localhost:5432/$name" KENNISAGENDA_DB_USER=postgres \
  KENNISAGENDA_SIGNUPS_PER_MINUTE=0 KENNISAGENDA_ADMIN_EMAIL=$ADMIN KENNISAGENDA_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  KENNISAGENDA_LOGIN_MAX_FAILURES_PER_CLIENT=1000 KENNISAGENDA_MAIL_SEND_INTERVAL=off \
  QUARKUS_MAILER_HOST=localhost QUARKUS_MAILER_FROM="Kennisagenda <noreply@example.org>" \
  QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT=10m QUARKUS_HTTP_PORT="$PORT" \
  KENNISAGENDA_PAGE_CACHE_ENABLED="${PAGE_CACHE:-false}" \
  bash -c 'cd "$1" && shift && exec java "$@" -jar quarkus-run.jar' - "$APP_DIR" $JAVA_OPTS >>"$WORK/$name.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    if curl -fsS "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
    sleep 0.5
  done
  echo "the application did not start; see $WORK/$name.log" >&2
  exit 1
}

grow() {
  local name=$1; shift
  if [ "$DB" = "postgres" ]; then
    java -cp "$PG_JAR" bench/GrowData.java "jdbc:postgresql://localhost:5432/$name?reWriteBatchedInserts=true" \
      postgres "" "$@"
    psql -h localhost -U postgres -q -d "$name" -c "vacuum analyze"
  else
    java -cp "$H2_JAR" bench/GrowData.java \
      "jdbc:h2:file:$WORK/$name/kennisagenda;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
      kennisagenda "" "$@"
  fi
}

# CPU time (user + system, ms) the app has used so far: per request, a measure a busy machine disturbs far less
# than wall time (which includes waiting for a core).
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$APP_PID/stat"; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# time_op LABEL WARMUP COUNT curl-arguments…: median milliseconds of COUNT requests (curl's time_total), median to
# the first byte, and the app's CPU milliseconds per request (all COUNT requests together, divided)
time_op() {
  local label=$1 warm=$2 count=$3; shift 3
  local times=() code cpu0=0
  for i in $(seq 1 $((warm + count))); do
    if [ "$i" -eq $((warm + 1)) ]; then cpu0=$(cpu_ms); fi
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{time_starttransfer}' -b "$WORK/cookies" "$@")
    code=${out%% *}
    case $code in 200|201) ;; *) echo "$label answered $code" >&2; exit 1;; esac
    if [ "$i" -gt "$warm" ]; then times+=("$(echo "$out" | awk '{printf "%.1f %.1f", $2 * 1000, $3 * 1000}')"); fi
  done
  local total first
  total=$(printf '%s\n' "${times[@]}" | cut -d' ' -f1 | median)
  first=$(printf '%s\n' "${times[@]}" | cut -d' ' -f2 | median)
  printf '%s\t%s\t%s\t%.1f\n' "$label" "$total" "$first" "$(echo "$(cpu_ms) $cpu0 $count" | awk '{print ($1 - $2) / $3}')"
}

measure() {
  local name=$1 big_id
  big_id=$(grep -o 'big event id [0-9]*' "$WORK/$name.grow" | awk '{print $4}')
  rm -f "$WORK/cookies"
  local page token
  page=$(curl -s -c "$WORK/cookies" "http://localhost:$PORT/admin/login")
  token=$(echo "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -b "$WORK/cookies" -c "$WORK/cookies" --data-urlencode "j_username=$ADMIN" \
    --data-urlencode "j_password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$token" \
    "http://localhost:$PORT/admin/j_security_check"
  local base="http://localhost:$PORT"
  # The first operation after the start also pays for the JIT compiling what every page uses: more warm-up here
  time_op "home page /" 30 "$RUNS" "$base/"
  time_op "home page, online, page 2" 5 "$RUNS" "$base/?format=ONLINE&page=2"
  time_op "home page, search" 5 "$RUNS" "$base/?q=bijeenkomst"
  time_op "event page" 5 "$RUNS" "$base/events/ruimte-voor-eerstelijnszorg"
  local times=() code out cpu0=0
  for i in $(seq 1 $((5 + RUNS))); do
    if [ "$i" -eq 6 ]; then cpu0=$(cpu_ms); fi
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST -H 'Content-Type: application/json' \
      --data "{\"firstName\":\"Bench\",\"lastName\":\"Growth\",\"email\":\"bench-growth-$name-$i@example.org\"}" \
      "$base/api/events/$BIG_SLUG/registrations")
    code=${out%% *}
    [ "$code" = 201 ] || { echo "sign-up answered $code" >&2; exit 1; }
    if [ "$i" -gt 5 ]; then times+=("$(echo "$out" | awk '{printf "%.1f", $2 * 1000}')"); fi
  done
  printf 'sign-up (API)\t%s\t-\t%.1f\n' "$(printf '%s\n' "${times[@]}" | median)" \
    "$(echo "$(cpu_ms) $cpu0 $RUNS" | awk '{print ($1 - $2) / $3}')"
  time_op "back-office event list /admin" 3 "$RUNS" "$base/admin"
  time_op "registrations list, page 1" 3 "$RUNS" "$base/admin/events/$big_id/registrations"
  time_op "CSV export, $BIG people" 2 "$((RUNS / 2))" "$base/admin/events/$big_id/registrations.csv"
  curl -s -b "$WORK/cookies" "$base/admin/events/$big_id/registrations.csv" | wc -lc | \
    awk '{print "  (export: " $1 " lines, " $2 " bytes)"}' >&2
  export_memory "$name" "$big_id" >&2
}

# Live heap (KB): the total of a class histogram, which the JVM takes in a full GC at a safepoint, so it counts
# exactly what is reachable at that moment (GC.run and jstat afterwards would also count what the running exports
# allocated in between).
live_heap_kb() {
  jcmd "$APP_PID" GC.class_histogram | awk '$1 == "Total" {printf "%.0f", $3 / 1024}'
}

# export_memory NAME BIG_ID: the largest heap after a full GC, of SAMPLES taken while four clients export the
# event over and over (a GC stops the exports wherever they are), for the big event and a small demo one, and idle.
# An export that held its event in memory would hold more for 5,000 people than for a few; a streamed one the same.
export_memory() {
  local name=$1 big_id=$2 small_id=1 samples=${SAMPLES:-12}
  local small_lines
  small_lines=$(curl -sf -b "$WORK/cookies" "http://localhost:$PORT/admin/events/$small_id/registrations.csv" | wc -l)
  local idle=0 kb
  for _ in 1 2 3; do kb=$(live_heap_kb); [ "$kb" -gt "$idle" ] && idle=$kb; done
  local id
  for id in "$small_id" "$big_id"; do
    local stop="$WORK/stop-export" pids=() max=0
    rm -f "$stop"
    for _ in 1 2 3 4; do
      ( while [ ! -e "$stop" ]; do
          curl -s -o /dev/null -b "$WORK/cookies" "http://localhost:$PORT/admin/events/$id/registrations.csv"
        done ) &
      pids+=($!)
    done
    sleep 1
    for _ in $(seq 1 "$samples"); do kb=$(live_heap_kb); [ "$kb" -gt "$max" ] && max=$kb; done
    touch "$stop"
    wait "${pids[@]}"
    local people=$BIG size=big variant=${name#kennisagenda_growth_}
    if [ "$id" != "$big_id" ]; then people=$((small_lines - 1)); size=small; fi
    printf '  export memory: heap after GC during exports of event %s (%s people): max %d KB, idle %d KB, +%d KB\n' \
      "$id" "$people" "$max" "$idle" "$((max - idle))"
    printf 'MEMORY variant=%s event=%s people=%d max_kb=%d idle_kb=%d delta_kb=%d\n' "${variant%%_*}" "$size" \
      "$people" "$max" "$idle" "$((max - idle))" >>"$WORK/memory"
  done
}
BIG_SLUG=bench-groot-evenement

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n 1), database $DB"
for variant in demo grown; do
  name="kennisagenda_growth_${variant}_$SUFFIX"
  if [ "$DB" = "postgres" ]; then createdb -h localhost -U postgres "$name"; PG_DBS+=("$name"); fi
  start_app "$name"
  stop_app
  if [ "$variant" = demo ]; then sizes="0 $BIG 0"; else sizes="$GROWN"; fi
  # shellcheck disable=SC2086
  set -- $sizes
  grow "$name" "$1" "$2" "$3" "$BIG" | tee "$WORK/$name.grow"
  start_app "$name"
  echo "--- $variant (load $(cut -d' ' -f1-3 /proc/loadavg)): operation, median ms, median ms to first byte," \
    "app CPU ms per request"
  measure "$name" | tee "$WORK/$variant.result"
  stop_app
done
echo "--- ratio grown / demo (goal: at most 2), by median time and by CPU per request"
join -t $'\t' <(sort "$WORK/demo.result") <(sort "$WORK/grown.result") | \
  awk -F'\t' '{printf "%-34s demo %8.1f ms %7.1f ms CPU   grown %8.1f ms %7.1f ms CPU   ratio %.2f, CPU %.2f\n",
    $1, $2, $4, $5, $7, $5 / $2, ($4 > 0 ? $7 / $4 : 0)}'
# One machine-readable line per operation (bench/run.sh collects them); op names without spaces
join -t $'\t' <(sort "$WORK/demo.result") <(sort "$WORK/grown.result") | \
  awk -F'\t' -v db="$DB" '{op = $1; gsub(/[^A-Za-z0-9]+/, "-", op); sub(/-$/, "", op)
    printf "RESULT growth op=%s-%s demo_ms=%.1f grown_ms=%.1f demo_cpu_ms=%.1f grown_cpu_ms=%.1f ratio=%.2f\n",
      db, op, $2, $5, $4, $7, ($4 > 0 ? $7 / $4 : 0)}'
sed 's/^MEMORY/RESULT growth-memory db='"$DB"'/' "$WORK/memory"
echo "logs and databases in $WORK"
