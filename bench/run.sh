#!/usr/bin/env bash
# The whole bench in one command: the platform against the plain design reference (../shared/perf-reference) and
# against its own stylesheet as a static file, measured side by side in one run with wrk, then start-up and idle
# memory (bench/startup.sh) and cost as data grows (bench/growth.sh). Prints one table with the ratios.
#   bench/run.sh                 # H2 file database (the packaged jar's default)
#   bench/run.sh --postgres      # the PostgreSQL jar on the local PostgreSQL
#   bench/run.sh --quick         # only the wrk part (sign-ups and pages), no start-up or growth runs
#   ROUNDS=5 DURATION=20 CONNECTIONS=50 SKIP_BUILD=1 bench/run.sh
#   WORKLOADS="ref_signup signup signup20" APP_DIR=/tmp/before/target/quarkus-app bench/run.sh --quick
#                                # some workloads only, on another build (e.g. the code before a change)
#   MAIL_SENDER=off bench/run.sh # mails stay in the outbox during the run (the reference sends none either)
# What it runs, per round (the rounds interleave the workloads, so each sees the same noise; the table gives
# medians over the rounds):
#   sign-up, reference:   POST /signup/1 on the reference (lock the event row, look up the address, insert the
#                         registration and an outbox row), with bench/wrk/reference-signup.lua: its own script's
#                         request, but every address new (its own script repeats addresses; see that file)
#   sign-up, one event:   POST /api/events/ruimte-voor-eerstelijnszorg/registrations (bench/wrk/signup.lua), every
#                         request a new address, capacity far above the run
#   sign-up, 20 events:   the same spread round robin over 20 published events (bench-event-0 … 19)
#   static file:          the platform's own stylesheet /css/site.css
#   event page, home page, /api/events
# Both applications run with the production run's heap options; mails go to a local SMTP sink (bench/SmtpSink.java),
# so the platform's outbox sender really sends what the sign-ups queue, in the same JVM, during the run.
# Afterwards the platform is stopped and the database is checked: every event's counters equal its rows, and an
# event with 300 places that got a burst of 50 connections for 5 s has exactly 300 confirmed (no overbooking).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

DB=h2
QUICK=0
for argument in "$@"; do
  case "$argument" in
    --postgres) DB=postgres ;;
    --quick) QUICK=1 ;;
    *) echo "unknown option $argument (use --postgres, --quick)" >&2; exit 2 ;;
  esac
done
export DB
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-10}"
CONNECTIONS="${CONNECTIONS:-50}"
PORT="${PORT:-18601}"
REF_PORT="${REF_PORT:-18602}"
SMTP_PORT="${SMTP_PORT:-18603}"
SLUG=ruimte-voor-eerstelijnszorg
SPREAD=20
BURST_SLUG=bench-groot-evenement
BURST_CAPACITY=300
WORK="$(mktemp -d -t kennisagenda-run-XXXXXX)"
PG_DB="kennisagenda_bench_run_$$"
export PG_DB
trap 'bench_stop_all; if [ "$DB" = postgres ]; then dropdb -h localhost -U postgres --if-exists "$PG_DB" 2>/dev/null || true; fi' EXIT

read -r -a NAMES <<<"${WORKLOADS:-ref_signup signup signup20 static event home api}"
ran() { [[ " ${NAMES[*]} " == *" $1 "* ]]; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [ -n "${APP_DIR:-}" ]; then SKIP_BUILD=1
elif [ "$DB" = postgres ]; then APP_DIR=target/quarkus-app-postgres; else APP_DIR=target/quarkus-app; fi
if [ "${SKIP_BUILD:-0}" != "1" ] || [ ! -f "$APP_DIR/quarkus-run.jar" ]; then
  echo "building the application jars (with the AppCDS archive the production run uses)"
  ./mvnw -B -ntp -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
fi
if ran ref_signup; then bench_build_reference; fi
H2_JAR="$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar | head -n 1)"
PG_JAR="$(ls target/quarkus-app-postgres/lib/main/org.postgresql.postgresql-*.jar 2>/dev/null | head -n 1 || true)"
H2_URL="jdbc:h2:file:$WORK/kennisagenda;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"

sql() {
  if [ "$DB" = postgres ]; then
    psql -h localhost -U postgres -d "$PG_DB" -q -t -A -F ' ' -c "$1"
  else
    java -cp "$H2_JAR" org.h2.tools.Shell -url "$H2_URL" -user kennisagenda -password "" -sql "$1" | sed '1d; /^(/d; s/ *| */ /g'
  fi
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n 1), database $DB"
echo "work folder $WORK"
if [ "$DB" = postgres ]; then createdb -h localhost -U postgres "$PG_DB"; fi
bench_start_smtp_sink "$SMTP_PORT" "$WORK"

# First start: migrations and the demo events. Then 20 more published events (bench/GrowData.java) and room for
# everyone, except the burst event, which gets few places on purpose.
bench_start_platform "$APP_DIR" "$PORT" "$WORK" "$SMTP_PORT"
bench_stop "$APP_PID"
if [ "$DB" = postgres ]; then
  java -cp "$PG_JAR" bench/GrowData.java "jdbc:postgresql://localhost:5432/$PG_DB" postgres "" "$SPREAD" 0 0 0 >/dev/null
else
  java -cp "$H2_JAR" bench/GrowData.java "$H2_URL" kennisagenda "" "$SPREAD" 0 0 0 >/dev/null
fi
# The new events are online (GrowData makes some hybrid, whose form asks for the mode) and get the demo event's form (its fields without options), so every sign-up answers the same fields.
sql "update events set capacity = 10000000 where slug = '$SLUG' or slug like 'bench-event-%';
     update events set format = 'ONLINE', online_platform = 'Zoom', venue_name = null where slug like 'bench-%';
     update events set capacity = $BURST_CAPACITY where slug = '$BURST_SLUG';
     insert into form_fields (event_id, sort_order, field_key, label_nl, label_en, help_nl, help_en, field_type,
         required, max_length)
       select e.id, f.sort_order, f.field_key, f.label_nl, f.label_en, f.help_nl, f.help_en, f.field_type,
         f.required, f.max_length
       from events e cross join form_fields f
       where e.slug like 'bench-%' and f.event_id = (select id from events where slug = '$SLUG')
         and f.field_type not in ('SELECT', 'MULTI_SELECT', 'BREAKOUT_CHOICE')" >/dev/null
SPREAD_SLUGS=$(seq -s, -f 'bench-event-%.0f' 0 $((SPREAD - 1)))
bench_start_platform "$APP_DIR" "$PORT" "$WORK" "$SMTP_PORT"
PLATFORM_PID=$APP_PID
if ran ref_signup; then bench_start_reference "$REF_PORT" "$WORK"; fi

BASE="http://127.0.0.1:$PORT"
REF="http://127.0.0.1:$REF_PORT"
declare -A LABELS=(
  [ref_signup]="sign-up, plain design reference"
  [signup]="sign-up, one event (JSON API)"
  [signup20]="sign-up, spread over $SPREAD events"
  [static]="stylesheet /css/site.css (static file)"
  [event]="event page /events/$SLUG"
  [home]="home page /"
  [api]="/api/events")
run_one() { # NAME RUN_ID DURATION
  case "$1" in
    ref_signup) RUN="$2" bench_wrk "$3" "$CONNECTIONS" "$REF" bench/wrk/reference-signup.lua "$REF_PID" ;;
    signup) RUN="$2" SLUGS="$SLUG" bench_wrk "$3" "$CONNECTIONS" "$BASE" bench/wrk/signup.lua "$PLATFORM_PID" ;;
    signup20) RUN="$2" SLUGS="$SPREAD_SLUGS" bench_wrk "$3" "$CONNECTIONS" "$BASE" bench/wrk/signup.lua "$PLATFORM_PID" ;;
    static) bench_wrk "$3" "$CONNECTIONS" "$BASE/css/site.css" "" "$PLATFORM_PID" ;;
    event) bench_wrk "$3" "$CONNECTIONS" "$BASE/events/$SLUG" "" "$PLATFORM_PID" ;;
    home) bench_wrk "$3" "$CONNECTIONS" "$BASE/" "" "$PLATFORM_PID" ;;
    api) bench_wrk "$3" "$CONNECTIONS" "$BASE/api/events" "" "$PLATFORM_PID" ;;
  esac
}

echo "warming up ($WARMUP s per workload)"
for name in "${NAMES[@]}"; do run_one "$name" "warm$name" "$WARMUP"; done

declare -A RATES P50S P99S CPUS ERRORS
printf '%-42s %5s %9s %9s %9s %10s %6s %6s\n' "workload" round "req/s" "p50 ms" "p99 ms" "CPU ms/req" errors load
for round in $(seq 1 "$ROUNDS"); do
  for name in "${NAMES[@]}"; do
    run_one "$name" "r$round$name" "$DURATION"
    RATES[$name]+="$WRK_RATE "; P50S[$name]+="$WRK_P50 "; P99S[$name]+="$WRK_P99 "
    CPUS[$name]+="${WRK_CPU_MS:-0} "; ERRORS[$name]=$(( ${ERRORS[$name]:-0} + WRK_ERRORS ))
    printf '%-42s %5s %9s %9s %9s %10s %6s %6s\n' "${LABELS[$name]}" "$round" "$WRK_RATE" "$WRK_P50" "$WRK_P99" \
      "${WRK_CPU_MS:--}" "$WRK_ERRORS" "$WRK_LOAD"
  done
done

# The overbooking check: a burst at an event with few places, then the counters against the rows.
RUN=burst SLUGS="$BURST_SLUG" bench_wrk 5 "$CONNECTIONS" "$BASE" bench/wrk/signup.lua "$PLATFORM_PID"
BURST_REQUESTS=$WRK_REQUESTS
bench_stop "$PLATFORM_PID"
CHECK=$(sql "select e.slug, e.capacity, e.confirmed_count, e.waitlisted_count,
    (select count(*) from registrations r where r.event_id = e.id and r.status = 'CONFIRMED'),
    (select count(*) from registrations r where r.event_id = e.id and r.status = 'WAITLISTED')
  from events e where e.slug = '$SLUG' or e.slug like 'bench-%' order by e.slug")
CHECK_OK=1
while read -r slug capacity confirmed waitlisted confirmed_rows waitlisted_rows; do
  [ -z "$slug" ] && continue
  if [ "$confirmed" != "$confirmed_rows" ] || [ "$waitlisted" != "$waitlisted_rows" ] \
    || { [ "$capacity" != "null" ] && [ -n "$capacity" ] && [ "$confirmed" -gt "$capacity" ]; }; then
    echo "FAILED: $slug capacity $capacity, counters $confirmed/$waitlisted, rows $confirmed_rows/$waitlisted_rows" >&2
    CHECK_OK=0
  fi
  if [ "$slug" = "$BURST_SLUG" ]; then BURST_RESULT="$confirmed confirmed of $capacity places, $waitlisted waitlisted"; fi
done <<<"$CHECK"

median_of() { # the field's values for NAME
  # shellcheck disable=SC2086
  bench_median $1
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else print "-" }'; }
times() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "-" }'; }

for name in "${NAMES[@]}"; do
  declare "M_RATE_$name=$(median_of "${RATES[$name]}")" "M_P50_$name=$(median_of "${P50S[$name]}")" \
    "M_P99_$name=$(median_of "${P99S[$name]}")" "M_CPU_$name=$(median_of "${CPUS[$name]}")"
done
m() { local v="M_$1_$2"; echo "${!v:--}"; }

STARTUP_LINE=""
GROWTH_LINES=""
if [ "$QUICK" = 0 ]; then
  bench_stop_all
  echo "--- start-up and idle memory (bench/startup.sh)"
  # Shown as it runs (on stderr: /dev/stderr would reopen, and so empty, a log file the output goes to) and kept.
  DB=$DB SKIP_BUILD=1 RUNS="${STARTUP_RUNS:-5}" bench/startup.sh 2>&1 | tee "$WORK/startup.out" >&2
  STARTUP_LINE=$(grep '^RESULT startup' "$WORK/startup.out" | tail -n 1 || true)
  echo "--- cost as data grows (bench/growth.sh)"
  DB=$DB SKIP_BUILD=1 bench/growth.sh 2>&1 | tee "$WORK/growth.out" >&2
  GROWTH_LINES=$(grep '^RESULT growth ' "$WORK/growth.out" || true)
fi

echo
echo "## Result ($(date -u '+%Y-%m-%d %H:%M UTC'), $DB, $(nproc) cores, wrk -t${WRK_THREADS:-2} -c$CONNECTIONS, medians of $ROUNDS rounds of $DURATION s)"
echo
echo "| workload | this platform: req/s · p50 · p99 · CPU ms/req | reference in the same run | ratio |"
echo "| --- | --- | --- | --- |"
row() { # NAME REFERENCE_NAME RATIO_TEXT
  printf '| %s | %s/s · %s ms · %s ms · %s | %s | %s |\n' "${LABELS[$1]}" "$(m RATE "$1")" "$(m P50 "$1")" \
    "$(m P99 "$1")" "$(m CPU "$1")" "$2" "$3"
}
ran signup && row signup "plain design: $(m RATE ref_signup)/s, p99 $(m P99 ref_signup) ms, $(m CPU ref_signup) CPU ms/req" \
  "**$(ratio "$(m RATE signup)" "$(m RATE ref_signup)")** of the rate (goal ≥ 50 %), p99 $(times "$(m P99 signup)" "$(m P99 ref_signup)") (goal ≤ 1.5×)"
ran signup20 && row signup20 "one event on the platform: $(m RATE signup)/s" \
  "**$(ratio "$(m RATE signup20)" "$(m RATE signup)")** of the one-event rate (goal ≥ 100 %)"
for page in event home api; do
  ran "$page" || continue
  row "$page" "static file: $(m RATE static)/s, p99 $(m P99 static) ms" \
    "**$(ratio "$(m RATE $page)" "$(m RATE static)")** of the static rate (goal ≥ 25 %, p99 < 50 ms)"
done
if [ -n "$STARTUP_LINE" ]; then
  eval "$(sed 's/^RESULT startup //' <<<"$STARTUP_LINE" | tr ' ' '\n' | sed 's/^/S_/')"
  echo "| start to first page (restart, production options) | ${S_wall_ms:-?} ms (CPU ${S_cpu_ms:-?} ms); idle RSS ${S_rss_mb:-?} MB | — | goal ≤ 2,000 ms, ≤ 200 MB |"
fi
if [ -n "$GROWTH_LINES" ]; then
  while read -r line; do
    [ -z "$line" ] && continue
    unset G_op G_demo_ms G_grown_ms G_demo_cpu_ms G_grown_cpu_ms G_ratio
    eval "$(sed 's/^RESULT growth //' <<<"$line" | tr ' ' '\n' | sed 's/^/G_/')"
    echo "| grown database: ${G_op//_/ } | ${G_grown_ms:-?} ms (CPU ${G_grown_cpu_ms:-?} ms) | demo database: ${G_demo_ms:-?} ms (CPU ${G_demo_cpu_ms:-?} ms) | ${G_ratio:-?}× (goal ≤ 2) |"
  done <<<"$GROWTH_LINES"
fi
echo
echo "Errors (non-2xx, socket errors, timeouts) over all rounds: $(for n in "${NAMES[@]}"; do printf '%s %s; ' "$n" "${ERRORS[$n]}"; done)"
echo "Overbooking check: burst of $BURST_REQUESTS sign-ups: ${BURST_RESULT:-not found}; counters equal rows for every event: $([ "$CHECK_OK" = 1 ] && echo yes || echo NO)"
echo "Mails accepted by the SMTP sink: $(cat "$WORK/sink-count" 2>/dev/null || echo 0)"
[ "$CHECK_OK" = 1 ]
