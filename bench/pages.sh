#!/usr/bin/env bash
# One-command load test of the public read side: event page, home page and /api/events against the app's own
# stylesheet as a static file, measured with wrk in the same run on the same app.
#   bench/pages.sh                                     # build, 3 rounds of 10 s per URL at 50 connections
#   ROUNDS=5 DURATION=20 SKIP_BUILD=1 bench/pages.sh
#   APP_DIR=/tmp/before/quarkus-app SKIP_BUILD=1 bench/pages.sh   # another build (e.g. "before")
# Starts the packaged app on its own port (never 8080) with a fresh H2 file database and the demo data, warms every
# URL up, then runs the URLs one after another per round (interleaved, so each sees the same noise), and prints the
# median rate, p50 and p99 per URL and the ratio to the static file's median rate. The machine's load average
# (1 minute, from /proc/loadavg) is recorded before and after every measured run.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18095}"
CONNECTIONS="${CONNECTIONS:-50}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-10}"
ROUNDS="${ROUNDS:-3}"
# A request slower than this counts as a timeout (and is left out of the latencies): keep it far above the p99.
TIMEOUT="${TIMEOUT:-10s}"
SLUG="${SLUG:-ruimte-voor-eerstelijnszorg}"
APP_DIR="${APP_DIR:-target/quarkus-app}"
WORK="$(mktemp -d -t kennisagenda-pages-XXXXXX)"
APP_PID=""

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [ "$APP_DIR" = "target/quarkus-app" ] && { [ "${SKIP_BUILD:-0}" != "1" ] || [ ! -f "$APP_DIR/quarkus-run.jar" ]; }; then
  echo "building the application jar"
  ./mvnw -B -ntp -q package -DskipTests
fi

stop_app() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
  fi
}
trap stop_app EXIT

# The same production start as bench/signup-load.sh: demo data, no SMTP server needed.
KENNISAGENDA_DEMO_DATA=true KENNISAGENDA_DATA_DIR="$WORK" \
KENNISAGENDA_BASE_URL="http://localhost:$PORT" QUARKUS_MAILER_HOST=localhost \
QUARKUS_MAILER_FROM="Kennisagenda <noreply@example.org>" java ${JAVA_OPTS:-} \
  -Dquarkus.http.port="$PORT" -Dquarkus.log.level=WARN \
  -jar "$APP_DIR/quarkus-run.jar" >>"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  if curl -fsS "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the application died; see $WORK/app.log" >&2; exit 1; fi
  sleep 0.5
done

BASE="http://127.0.0.1:$PORT"
NAMES=(static home event api)
declare -A URLS=([static]="$BASE/css/site.css" [home]="$BASE/" [event]="$BASE/events/$SLUG" [api]="$BASE/api/events")
declare -A LABELS=([static]="stylesheet /css/site.css (static file)" [home]="home page /" [event]="event page /events/$SLUG" [api]="/api/events")

declare -A SIZES
for name in "${NAMES[@]}"; do
  read -r code size < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' "${URLS[$name]}")
  if [ "$code" != "200" ]; then echo "${URLS[$name]} answers $code" >&2; exit 1; fi
  SIZES[$name]="$size"
done

# wrk's latency figures in ms ("812.00us", "1.23ms", "1.05s").
to_ms() {
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else { printf "%s", v } }'
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), wrk -t$THREADS -c$CONNECTIONS"
echo "warming up ($WARMUP s per URL)"
for name in "${NAMES[@]}"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout "$TIMEOUT" "${URLS[$name]}" >/dev/null
done

RESULTS="$WORK/results.txt"
: >"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${NAMES[@]}"; do
    load_before="$(cut -d' ' -f1 /proc/loadavg)"
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout "$TIMEOUT" --latency "${URLS[$name]}")"
    load_after="$(cut -d' ' -f1 /proc/loadavg)"
    rate="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
    bad="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")"
    socket_errors="$(awk -F'Socket errors: ' '/Socket errors/ { print $2 }' <<<"$out")"
    timeouts="$(awk '/Socket errors/ { print $NF }' <<<"$out")"
    echo "$round $name $rate $p50 $p99 ${bad:-0} $load_before $load_after ${timeouts:-0}" >>"$RESULTS"
    printf 'round %s %-7s %10s req/s  p50 %8s ms  p99 %8s ms  non-2xx %s%s  load %s -> %s\n' "$round" "$name" \
      "$rate" "$p50" "$p99" "${bad:-0}" "${socket_errors:+  socket errors: $socket_errors}" "$load_before" "$load_after"
  done
done

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
static_rate="$(awk '$2 == "static" { print $3 }' "$RESULTS" | median)"

echo
echo "| URL ($ROUNDS rounds of ${DURATION} s, wrk -c$CONNECTIONS) | bytes | req/s (median) | p50 ms (median) | p99 ms (median) | ratio to static | non-2xx | timeouts (> $TIMEOUT) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for name in "${NAMES[@]}"; do
  rate="$(awk -v n="$name" '$2 == n { print $3 }' "$RESULTS" | median)"
  p50="$(awk -v n="$name" '$2 == n { print $4 }' "$RESULTS" | median)"
  p99="$(awk -v n="$name" '$2 == n { print $5 }' "$RESULTS" | median)"
  bad="$(awk -v n="$name" '$2 == n { s += $6 } END { print s + 0 }' "$RESULTS")"
  timeouts="$(awk -v n="$name" '$2 == n { s += $9 } END { print s + 0 }' "$RESULTS")"
  ratio="$(awk -v r="$rate" -v s="$static_rate" 'BEGIN { printf "%.1f %%", 100 * r / s }')"
  echo "| ${LABELS[$name]} | ${SIZES[$name]} | $rate | $p50 | $p99 | $ratio | $bad | $timeouts |"
done
loads="$(awk '{ print $7; print $8 }' "$RESULTS" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }')"
echo
echo "load average (1 min) during the measured runs: $loads on $(nproc) cores"
stop_app
rm -rf "$WORK"
