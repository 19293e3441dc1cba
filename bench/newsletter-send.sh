#!/usr/bin/env bash
# Newsletter send bench: one issue to N subscribers (default 100,000) into a local SMTP sink, then a bare loop that
# sends the same messages to the same sink without the platform; messages per second and peak heap of both.
#   bench/newsletter-send.sh
#   SUBSCRIBERS=20000 SKIP_BUILD=1 HEAP=512m WORKERS=4 bench/newsletter-send.sh
# Starts the packaged app (prod profile, fresh H2 file database, demo data) once to migrate, stops it, inserts the
# subscribers and one SCHEDULED issue with SQL, starts it again with the newsletter sender every second and no rate
# limit that matters (RATE, default 100000/s: the bench measures what the sending path can do), waits until the sink
# has accepted N messages for bench- addresses, samples the heap with jcmd meanwhile, stops the app and reads the
# figures from the database (SENT rows, first and last sent_at, distinct subscribers).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18095}"
SMTP_PORT="${SMTP_PORT:-18025}"
N="${SUBSCRIBERS:-100000}"
RATE="${RATE:-100000}"
HEAP="${HEAP:-512m}"
CONNECTIONS="${CONNECTIONS:-8}"
POOL="${POOL:-20}"
BATCH="${BATCH:-200}"
WORKERS="${WORKERS:-4}"
WORK="$(mktemp -d -t kennisagenda-newsletter-bench-XXXXXX)"
URL="jdbc:h2:file:$WORK/kennisagenda;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
APP_PID=""
SINK_PID=""

if [ "${SKIP_BUILD:-0}" != "1" ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "building the application jar"
  ./mvnw -B -ntp -q -o package -DskipTests
fi
H2_JAR="$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar | head -n 1)"

stop_all() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi
  if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=""; fi
}
trap stop_all EXIT

start_app() {
  KENNISAGENDA_DEMO_DATA=true KENNISAGENDA_DATA_DIR="$WORK" KENNISAGENDA_BASE_URL="http://localhost:$PORT" \
  QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$SMTP_PORT" QUARKUS_MAILER_START_TLS=DISABLED \
  QUARKUS_MAILER_FROM="Kennisagenda <noreply@example.org>" java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc-app.log" \
    -Dquarkus.http.port="$PORT" -Dquarkus.log.level=WARN \
    -Dkennisagenda.newsletter.send-interval=1s \
    -Dkennisagenda.newsletter.rate-per-second="$RATE" \
    -Dkennisagenda.newsletter.max-per-hour=100000000 \
    -Dkennisagenda.newsletter.batch-size="$BATCH" \
    -Dkennisagenda.newsletter.connections="$CONNECTIONS" \
    -Dkennisagenda.newsletter.workers="$WORKERS" \
    -Dquarkus.mailer.max-pool-size="$POOL" \
    -jar target/quarkus-app/quarkus-run.jar >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    if curl -fsS "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "the application did not start; see $WORK/app.log" >&2
  exit 1
}

stop_app() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi
}

sql() {
  java -cp "$H2_JAR" org.h2.tools.Shell -url "$URL" -user kennisagenda -password "" -sql "$1"
}

# Peak of the heap in use (young and old generation, garbage included) over jcmd samples of one process.
sample_heap() {
  local pid=$1 out=$2
  : >"$out"
  while kill -0 "$pid" 2>/dev/null; do
    jcmd "$pid" GC.heap_info 2>/dev/null | grep -Eo 'total [0-9]+K, used [0-9]+K' | head -n 1 >>"$out" || true
    sleep 1
  done
}
peak_mb() {
  { grep -Eo 'used [0-9]+K' "$1" || true; } | grep -Eo '[0-9]+' | sort -n | tail -n 1 | awk '{printf "%.0f", $1/1024}' || true
}
# Largest heap right after a collection (the live set and what survived), from -Xlog:gc.
after_gc_mb() {
  { grep -Eo '[0-9]+M->[0-9]+M' "$1" || true; } | sed 's/.*->//; s/M//' | sort -n | tail -n 1
}

# An edition of about 6 KB of HTML, like a real issue with a dozen events.
python3 - "$WORK/edition.html" <<'PY'
import sys
parts = ['<h2 style="font-size:18px">Binnenkort</h2>']
for i in range(1, 13):
    parts.append(f'<h3 style="font-size:16px;margin:16px 0 4px">Webinar {i}: wonen, zorg en de wijk</h3>'
                 f'<p style="margin:0 0 4px">dinsdag {i} december 2026, 10:00–11:30, online</p>'
                 f'<p style="margin:0 0 4px">Hoe gemeenten en zorgaanbieders samen plannen maken voor ouderen in de wijk.</p>'
                 f'<p style="margin:0"><a href="http://localhost/events/webinar-{i}" style="color:#0b4f6c">Aanmelden</a> · nog 40 plaatsen</p>')
open(sys.argv[1], 'w').write(''.join(parts))
PY

echo "fresh database in $WORK"
java bench/SmtpSink.java "$SMTP_PORT" bench- "$WORK/sink-count" >"$WORK/sink.log" 2>&1 &
SINK_PID=$!
start_app   # migrates and loads the demo data
stop_app

echo "inserting $N subscribers and one scheduled issue"
sql "insert into newsletter_subscribers (email, email_key, mail_locale, status, token, created_at, confirmed_at, updated_at)
     select concat('bench-', \"X\", '@example.org'), concat('bench-', \"X\", '@example.org'),
            case when mod(\"X\", 5) = 0 then 'en' else 'nl' end, 'CONFIRMED', concat('benchtoken', \"X\"),
            current_timestamp, current_timestamp, current_timestamp
     from system_range(1, $N);
     insert into newsletter_subscriber_organisations (subscriber_id, organisation_id)
     select s.id, o.id from newsletter_subscribers s, organisations o
     where o.slug = 'platform31' and s.email like 'bench-%';
     insert into newsletter_issues (organisation_id, status, subject_nl, edition_subject_nl, edition_html_nl,
         edition_text_nl, send_at, created_at, updated_at)
     select id, 'SCHEDULED', 'Bench', 'Nieuwsbrief: bench', cast(file_read('$WORK/edition.html', 'UTF-8') as varchar),
            regexp_replace(cast(file_read('$WORK/edition.html', 'UTF-8') as varchar), '<[^>]+>', ''),
            current_timestamp, current_timestamp, current_timestamp
     from organisations where slug = 'platform31';" >"$WORK/insert.log" 2>&1
INSERTED=$(sql "select count(*) from newsletter_subscribers where email like 'bench-%'" | sed -n 2p | tr -d ' |')
if [ "$INSERTED" != "$N" ]; then
  echo "inserting the subscribers failed ($INSERTED of $N); see $WORK/insert.log" >&2
  exit 1
fi

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "--- platform: sending $N messages (heap -Xmx$HEAP, $CONNECTIONS in flight, pool $POOL, batch $BATCH)"
start_app
sample_heap "$APP_PID" "$WORK/heap-app.txt" &
started=$(date +%s)
while true; do
  sent=$(cut -d' ' -f1 "$WORK/sink-count" 2>/dev/null || echo 0)
  if [ "${sent:-0}" -ge "$N" ]; then break; fi
  if [ $(( $(date +%s) - started )) -gt 3600 ]; then echo "not done within an hour ($sent sent)" >&2; exit 1; fi
  sleep 1
done
sleep 3   # the last SENT marks and the issue's finish
LOAD_APP="$(cut -d' ' -f1-3 /proc/loadavg)"
stop_app
APP_PEAK=$(peak_mb "$WORK/heap-app.txt")
APP_AFTER_GC=$(after_gc_mb "$WORK/gc-app.log")
sql "select count(*) as sent, count(distinct newsletter_subscriber_id) as subscribers,
            datediff('MILLISECOND', min(sent_at), max(sent_at)) as span_ms
     from outbox_mails where kind = 'NEWSLETTER_ISSUE' and status = 'SENT';
     select status, count(*) from outbox_mails where kind = 'NEWSLETTER_ISSUE' group by status;
     select id, status from newsletter_issues where subject_nl = 'Bench';" | tee "$WORK/check.txt"
read -r SENT SUBSCRIBERS_SENT SPAN_MS < <(sed -n 2p "$WORK/check.txt" | tr -d '|')
APP_RATE=$(awk -v n="$SENT" -v ms="$SPAN_MS" 'BEGIN { printf "%.0f", n / (ms / 1000) }')

echo "--- bare loop: the same $N messages to the same sink"
echo "0 0" >"$WORK/sink-count"
java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc-bare.log" -cp "target/quarkus-app/lib/main/*" bench/BareSend.java \
  "$SMTP_PORT" "$N" "$CONNECTIONS" "$POOL" "$WORK/edition.html" | tee "$WORK/bare.txt" &
BARE_PID=$!
sleep 0.5
BARE_JAVA=$(pgrep -P "$BARE_PID" java || true)
BARE_JAVA=${BARE_JAVA:-$BARE_PID}
sample_heap "$BARE_JAVA" "$WORK/heap-bare.txt" &
wait "$BARE_PID"
BARE_RATE=$(grep -Eo '= [0-9]+ messages/s' "$WORK/bare.txt" | grep -Eo '[0-9]+' || echo 0)
BARE_PEAK=$(peak_mb "$WORK/heap-bare.txt")
BARE_AFTER_GC=$(after_gc_mb "$WORK/gc-bare.log")

echo "--- result"
echo "platform:  $SENT sent to $SUBSCRIBERS_SENT distinct subscribers in $SPAN_MS ms = $APP_RATE messages/s;" \
     "peak heap in use ${APP_PEAK} MB, largest after GC ${APP_AFTER_GC} MB (-Xmx$HEAP); load at end $LOAD_APP"
echo "bare loop: $BARE_RATE messages/s; peak heap in use ${BARE_PEAK} MB, largest after GC ${BARE_AFTER_GC} MB"
echo "ratio platform / bare: $(awk -v a="$APP_RATE" -v b="$BARE_RATE" 'BEGIN { printf "%.2f", a / b }')"
if [ "$SENT" = "$N" ] && [ "$SUBSCRIBERS_SENT" = "$N" ]; then
  echo "OK: every subscriber exactly one SENT delivery"
else
  echo "CHECK: $SENT SENT rows for $SUBSCRIBERS_SENT subscribers, expected $N" >&2
fi
echo "work folder: $WORK (app.log, gc logs, heap samples)"
