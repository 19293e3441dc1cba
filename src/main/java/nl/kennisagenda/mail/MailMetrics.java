package nl.kennisagenda.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The outbox on /q/metrics. Counters, counted by the sender on this instance:
 * {@code kennisagenda_mail_sent_total}, {@code kennisagenda_mail_attempts_failed_total} (an attempt that failed and
 * will be retried) and {@code kennisagenda_mail_failed_total} (given up), each with {@code stream="transactional"}
 * ({@link OutboxSender}) or {@code stream="newsletter"} (the newsletter sender). Gauges of the shared outbox, the same on
 * every instance: {@code kennisagenda_mail_queued} (waiting or being sent), {@code kennisagenda_mail_outbox_failed} (given
 * up, kept), {@code kennisagenda_mail_oldest_queued_age_seconds} (0 when none waits). The gauges come from one
 * query over the {@code (status, next_attempt_at)} index, run every {@link #CACHE_FOR} by each instance whether or not
 * anyone scrapes, so a scrape never waits for the database and frequent scrapes cost it nothing.
 */
@Startup
@Singleton
public class MailMetrics {

    private static final Logger LOG = Logger.getLogger(MailMetrics.class);

    static final Duration CACHE_FOR = Duration.ofSeconds(5);

    record Outbox(long queued, long failed, double oldestQueuedAgeSeconds, Instant takenAt) {
    }

    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Which sender counted: the outbox sender's attendee and back-office mails, or the newsletter sender's. */
    public enum Stream {
        TRANSACTIONAL, NEWSLETTER
    }

    private final Map<Stream, Counter> sent = new EnumMap<>(Stream.class);
    private final Map<Stream, Counter> attemptsFailed = new EnumMap<>(Stream.class);
    private final Map<Stream, Counter> failed = new EnumMap<>(Stream.class);
    private volatile Outbox outbox;

    MailMetrics(MeterRegistry meters) {
        for (Stream stream : Stream.values()) {
            String tag = stream.name().toLowerCase(Locale.ROOT);
            sent.put(stream, Counter.builder("kennisagenda.mail.sent")
                    .description("Mails accepted by the SMTP server").tag("stream", tag).register(meters));
            attemptsFailed.put(stream, Counter.builder("kennisagenda.mail.attempts.failed")
                    .description("Send attempts that failed and will be retried after the back-off")
                    .tag("stream", tag).register(meters));
            failed.put(stream, Counter.builder("kennisagenda.mail.failed")
                    .description("Mails given up after the last attempt (or refused for good)")
                    .tag("stream", tag).register(meters));
        }
        gauge(meters, "kennisagenda.mail.queued", "Mails in the outbox waiting to be sent (pending or sending)",
                null, Outbox::queued);
        gauge(meters, "kennisagenda.mail.outbox.failed", "Mails in the outbox given up (status FAILED)", null,
                Outbox::failed);
        gauge(meters, "kennisagenda.mail.oldest.queued.age", "Age of the oldest mail waiting to be sent", "seconds",
                Outbox::oldestQueuedAgeSeconds);
    }

    private void gauge(MeterRegistry meters, String name, String description, String unit,
            ToDoubleFunction<Outbox> value) {
        Gauge.builder(name, this, metrics -> metrics.current() == null ? Double.NaN
                : value.applyAsDouble(metrics.current())).description(description).baseUnit(unit)
                .strongReference(true).register(meters);
    }

    public void sent(Stream stream) {
        sent.get(stream).increment();
    }

    /** A failed attempt: retried later, or ({@code givenUp}) the mail's last. */
    public void attemptFailed(Stream stream, boolean givenUp) {
        (givenUp ? failed : attemptsFailed).get(stream).increment();
    }

    /** Mails given up without an attempt of their own (a sender died during their last attempt). */
    public void givenUp(Stream stream, int count) {
        failed.get(stream).increment(count);
    }

    /** The last reading of the outbox (null before the first or while the database is away). */
    Outbox current() {
        return outbox;
    }

    /**
     * Reads the outbox figures again. Scheduled on every instance (the gauges are read on the scrape's thread, which
     * may be an event-loop thread where no query may run); one query every few seconds is cheap.
     */
    @Scheduled(every = "5s", delayed = "${kennisagenda.jobs.first-run-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            outbox = read(clock.instant());
        } catch (RuntimeException e) {
            // The database is away: the readiness check says so; the gauges show no number rather than an old one.
            LOG.debugf("Outbox gauges not read: %s", e);
            outbox = null;
        }
    }

    private Outbox read(Instant now) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select
                  sum(case when status in ('PENDING', 'SENDING') then 1 else 0 end),
                  sum(case when status = 'FAILED' then 1 else 0 end),
                  min(case when status in ('PENDING', 'SENDING') then created_at end)
                from outbox_mails where status in ('PENDING', 'SENDING', 'FAILED')""").getSingleResult());
        long queued = row[0] == null ? 0 : ((Number) row[0]).longValue();
        long failedNow = row[1] == null ? 0 : ((Number) row[1]).longValue();
        double age = 0;
        if (row[2] != null) {
            age = Math.max(0, Duration.between(toInstant(row[2]), now).toMillis() / 1000.0);
        }
        return new Outbox(queued, failedNow, age, now);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
