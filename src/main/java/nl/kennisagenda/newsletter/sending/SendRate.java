package nl.kennisagenda.newsletter.sending;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One send rate for all instances together: a token bucket in the single row of {@code newsletter_send_rate}. A
 * sender reserves the send slots of a batch with a locked read and one update (a few times per second at most, so
 * the row lock is never contended for long); the slots follow each other at {@code 1 / rate} seconds from the
 * later of now and the end of the last reservation, so idle time is never saved up into a burst. A cap per clock
 * hour (UTC) stops reservations until the next hour.
 */
@ApplicationScoped
public class SendRate {

    @Inject
    EntityManager em;

    /**
     * Send slots granted: {@code granted} messages, the first at {@code firstSlot}, the others {@code interval}
     * apart. {@code granted < asked} when the hourly cap is reached: the rest waits until {@code retryAt}.
     */
    public record Reservation(int granted, Instant firstSlot, Duration interval, Instant retryAt) {

        public Instant slot(int index) {
            return firstSlot.plusNanos(interval.toNanos() * index);
        }
    }

    /** Reserves up to {@code asked} slots at the given rate and hourly cap, in a transaction of its own. */
    public Reservation reserve(int asked, Instant now, double ratePerSecond, int maxPerHour) {
        Duration interval = Duration.ofNanos(Math.max(1, Math.round(1_000_000_000d / ratePerSecond)));
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery(
                    "select next_slot_at, hour_start, hour_count from newsletter_send_rate where id = 1 for update")
                    .getSingleResult();
            Instant nextSlot = instant(row[0]);
            Instant hourStart = instant(row[1]);
            int hourCount = ((Number) row[2]).intValue();
            Instant first = nextSlot.isAfter(now) ? nextSlot : now;
            Instant hour = first.truncatedTo(ChronoUnit.HOURS);
            if (!hour.equals(hourStart)) {
                hourStart = hour;
                hourCount = 0;
            }
            int granted = Math.max(0, Math.min(asked, maxPerHour - hourCount));
            Instant nextHour = hour.plus(Duration.ofHours(1));
            if (granted > 0) {
                em.createNativeQuery("""
                        update newsletter_send_rate
                        set next_slot_at = :next, hour_start = :hourStart, hour_count = :count where id = 1""")
                        .setParameter("next", utc(first.plusNanos(interval.toNanos() * granted)))
                        .setParameter("hourStart", utc(hourStart))
                        .setParameter("count", hourCount + granted)
                        .executeUpdate();
            }
            return new Reservation(granted, first, interval, nextHour);
        });
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        throw new IllegalStateException("Not a point in time: " + value);
    }
}
