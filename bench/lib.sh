# Shared parts of the bench scripts (sourced, not run): starting and stopping the packaged platform and the plain
# design reference beside it, a local SMTP sink, wrk runs parsed into rate and latency, and the CPU time a process
# used (from /proc, far less disturbed by other load on the machine than wall time).
# Every function works on the variables of the sourcing script; nothing here starts anything by itself.

# The production run's JVM options (docs/operations.md, "Start"), without the AppCDS archive (which needs a build
# with -Dquarkus.package.jar.appcds.enabled=true; bench/startup.sh measures that case).
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx512m -XX:MaxHeapFreeRatio=40}"
REFERENCE_DIR="${REFERENCE_DIR:-../shared/perf-reference}"

bench_pids=()

# Kills what the script started (call from an EXIT trap).
bench_stop_all() {
  local pid
  for pid in "${bench_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${bench_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  bench_pids=()
}

bench_stop() { # PID
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

bench_wait_for() { # URL PID LOG: until the URL answers 2xx, the process dies (exit) or 120 s pass (exit)
  local _
  for _ in $(seq 1 480); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "the process died; see $3" >&2; exit 1; fi
    sleep 0.25
  done
  echo "$1 did not answer within 120 s; see $3" >&2
  exit 1
}

# Starts the platform's packaged jar in the background and waits until it is ready; sets APP_PID.
#   bench_start_platform APP_DIR PORT DATA_DIR SMTP_PORT [extra java options...]
# With DB=postgres the APP_DIR must be the PostgreSQL build and PG_DB names the database (created by the caller);
# the H2 build ignores the database settings and keeps its file database in DATA_DIR.
# The rate limit is per client address and the bench is one address, so it is off; demo data on.
bench_start_platform() {
  local app_dir="$1" port="$2" data_dir="$3" smtp_port="$4"
  shift 4
  local sender=()
  # MAIL_SENDER=off: mails stay in the outbox during the run (to measure sign-ups without the sending beside them).
  if [ "${MAIL_SENDER:-on}" = off ]; then sender=(KENNISAGENDA_MAIL_SEND_INTERVAL=off); fi
  env "${sender[@]}" KENNISAGENDA_DB_URL="jdbc:postgresql://localhost:5432/${PG_DB:-none}" KENNISAGENDA_DB_USER=postgres \
  KENNISAGENDA_SIGNUPS_PER_MINUTE=0 KENNISAGENDA_DEMO_DATA=true KENNISAGENDA_DATA_DIR="$data_dir" \
  KENNISAGENDA_BASE_URL="http://localhost:$port" QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$smtp_port" \
  QUARKUS_MAILER_START_TLS=DISABLED \
  QUARKUS_MAILER_FROM="Kennisagenda <noreply@example.org>" \
    java $BENCH_JAVA_OPTS "$@" -Dquarkus.http.port="$port" -Dquarkus.log.level=WARN \
    -jar "$app_dir/quarkus-run.jar" >>"$data_dir/app.log" 2>&1 &
  APP_PID=$!
  bench_pids+=("$APP_PID")
  bench_wait_for "http://localhost:$port/q/health/ready" "$APP_PID" "$data_dir/app.log"
}

# Starts the plain design reference (../shared/perf-reference) in its own folder; sets REF_PID.
#   bench_start_reference PORT WORK_DIR
bench_start_reference() {
  local port="$1" dir="$2/reference" jar
  jar="$(cd "$REFERENCE_DIR" && pwd)/target/quarkus-app/quarkus-run.jar"
  mkdir -p "$dir"
  (cd "$dir" && exec java $BENCH_JAVA_OPTS -Dquarkus.http.port="$port" -Dquarkus.log.level=WARN -jar "$jar" \
    >>"$dir/app.log" 2>&1) &
  REF_PID=$!
  bench_pids+=("$REF_PID")
  bench_wait_for "http://127.0.0.1:$port/static" "$REF_PID" "$dir/app.log"
}

bench_build_reference() {
  if [ ! -f "$REFERENCE_DIR/target/quarkus-app/quarkus-run.jar" ]; then
    echo "building the plain design reference"
    ./mvnw -B -ntp -q -f "$REFERENCE_DIR/pom.xml" package -DskipTests
  fi
}

# A local SMTP sink that accepts every mail (bench/SmtpSink.java); sets SMTP_PID.
bench_start_smtp_sink() { # PORT WORK_DIR
  java bench/SmtpSink.java "$1" bench- "$2/sink-count" >"$2/sink.log" 2>&1 &
  SMTP_PID=$!
  bench_pids+=("$SMTP_PID")
  local _
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.25
  done
  echo "the SMTP sink did not start; see $2/sink.log" >&2
  exit 1
}

# CPU time (user + system) a process has used so far, in milliseconds.
bench_cpu_ms() { # PID
  local ticks
  ticks=$(awk '{ print $14 + $15 }' "/proc/$1/stat")
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

bench_load() { cut -d' ' -f1 /proc/loadavg; }

# wrk's latency figures in ms ("812.00us", "1.23ms", "1.05s").
bench_to_ms() {
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.1f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.1f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.1f", v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.1f", v * 1000 }
    else { printf "%s", v } }'
}

# One measured wrk run; sets WRK_RATE (requests/s), WRK_P50, WRK_P99 (ms), WRK_ERRORS (non-2xx/3xx, socket errors
# and timeouts), WRK_REQUESTS, WRK_CPU_MS (CPU ms per request of the process PID, when given), WRK_LOAD (1-minute
# load average at the end) and prints nothing.
#   bench_wrk DURATION_S CONNECTIONS URL [LUA_SCRIPT] [PID]
bench_wrk() {
  local duration="$1" connections="$2" url="$3" script="${4:-}" pid="${5:-}" out cpu0=0 cpu1=0
  local args=(-t"${WRK_THREADS:-2}" -c"$connections" -d"${duration}s" --timeout 10s --latency)
  [ -n "$script" ] && args+=(-s "$script")
  [ -n "$pid" ] && cpu0=$(bench_cpu_ms "$pid")
  out=$(wrk "${args[@]}" "$url")
  [ -n "$pid" ] && cpu1=$(bench_cpu_ms "$pid")
  WRK_RATE=$(awk '/^Requests\/sec:/ { printf "%d", $2 }' <<<"$out")
  WRK_P50=$(bench_to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  WRK_P99=$(bench_to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  WRK_REQUESTS=$(awk '/requests in/ { print $1 }' <<<"$out")
  local non2xx socket
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
  socket=$(awk -F'[ ,]+' '/Socket errors:/ { print $4 + $6 + $8 + $10 }' <<<"$out")
  WRK_ERRORS=$(( ${non2xx:-0} + ${socket:-0} ))
  WRK_CPU_MS=""
  if [ -n "$pid" ] && [ "${WRK_REQUESTS:-0}" -gt 0 ]; then
    WRK_CPU_MS=$(awk -v c=$((cpu1 - cpu0)) -v n="$WRK_REQUESTS" 'BEGIN { printf "%.2f", c / n }')
  fi
  WRK_LOAD=$(bench_load)
}

# Median of the numbers given as arguments.
bench_median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
