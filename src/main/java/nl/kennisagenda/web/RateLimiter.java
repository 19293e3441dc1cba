package nl.kennisagenda.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import nl.kennisagenda.common.DatabaseUnavailable;

/**
 * The one rate limiter of the application: sign-ups, newsletter subscribing, log-in failures and password-reset
 * requests are all counted here, in the database table {@code rate_limit_hits}, so every instance on the database
 * sees the same counts and a restart forgets nothing.
 *
 * <p>A {@link Limit} allows at most {@code max} hits per key in any {@code window}. Hits are counted per slot of a
 * tenth of the window (at least a second), one row per bucket, key and slot. A slot counts as long as any part of it
 * lies within the window, so a hit counts for between one window and one window plus a slot: never more than
 * {@code max} hits get through in any window (a burst across a minute boundary gets no more), and a refused client
 * waits at most a slot longer than an exact sliding log would make it.
 *
 * <p>Concurrency, several instances: a hit that may fit locks the key's slot rows ({@code select … for update}),
 * counts them afresh and adds itself (an atomic {@code update … set hits = hits + 1}, or the slot's first insert) in
 * one transaction. Before that it takes the key's anchor row (slot {@code 1970-01-01}, never counted), inserting it
 * when the key has none: without it, a hit whose slot row did not exist yet locked nothing, and two hits on either
 * side of a slot boundary could both count the same total (11 of 40 admitted at a limit of 10 on PostgreSQL). Hits on
 * one key, from any instance, thus follow each other and each counts the ones before: of {@code max + 1}
 * simultaneous hits exactly {@code max} are admitted. A refused hit writes nothing beyond the anchor, and a key
 * already at its limit is refused by one plain read, without locking: a flood from one client costs one indexed read
 * per request.
 *
 * <p>Keys are stored as SHA-256 hashes: the table holds no addresses. Old slots are deleted by a scheduled job; the
 * delete is idempotent, so several instances running it at once do no harm.
 */
@ApplicationScoped
public class RateLimiter {

    /** A named limit: at most {@code max} hits per key in any {@code window}; {@code max <= 0} turns it off. */
    public record Limit(String bucket, int max, Duration window) {
        public Limit {
            if (bucket.length() > 20) {
                throw new IllegalArgumentException("bucket name longer than 20 characters: " + bucket);
            }
        }

        Duration slot() {
            long millis = Math.max(1000, window.toMillis() / 10);
            return Duration.ofMillis(millis - millis % 1000);
        }
    }

    /** The slot of every key's anchor row: the lock its hits take turns on; never inside a window. */
    private static final Instant ANCHOR = Instant.EPOCH;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry meters;

    Clock clock = Clock.systemUTC();

    /**
     * Counts one hit for the key if it is within the limit; otherwise counts nothing and returns how long to wait
     * before the next hit would be admitted.
     */
    public Optional<Duration> tryAcquire(Limit limit, String key) {
        if (limit.max() <= 0) {
            return Optional.empty();
        }
        String hash = hash(key);
        Instant now = clock.instant();
        // A key at its limit is refused by one plain read: a flood writes nothing and waits for no lock. A stale
        // low count only sends the hit on to the exact check below.
        Optional<Duration> full = waitFor(limit, slots(limit, hash, now), now);
        if (full.isEmpty()) {
            full = countIfRoom(limit, hash, now);
        }
        full.ifPresent(wait -> meters.counter("kennisagenda.rate.limit.refused", "bucket", limit.bucket())
                .increment());
        return full;
    }

    /**
     * In one transaction: locks the key's slot rows in the window (oldest first, so two hits never wait for each
     * other in a circle), counts them again with a fresh read (which also sees a slot row that a hit it waited for
     * has just inserted), and adds the hit only if it fits. Two hits on one key therefore follow each other: the
     * later one counts the earlier. A new slot's first insert that collides with a concurrent one retries.
     */
    private Optional<Duration> countIfRoom(Limit limit, String hash, Instant now) {
        Instant from = now.minus(limit.window()).minus(limit.slot());
        Instant slot = slotOf(limit, now);
        RuntimeException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    lockAnchor(limit, hash, now);
                    em.createNativeQuery("select slot_start from rate_limit_hits"
                            + " where bucket = :bucket and key_hash = :key and slot_start > :from"
                            + " order by slot_start for update")
                            .setParameter("bucket", limit.bucket()).setParameter("key", hash)
                            .setParameter("from", from).getResultList();
                    Optional<Duration> full = waitFor(limit, readSlots(limit, hash, from), now);
                    if (full.isEmpty()) {
                        addInTransaction(limit, hash, slot, 1);
                    }
                    return full;
                });
            } catch (RuntimeException raced) {
                if (DatabaseUnavailable.isCauseOf(raced)) {
                    // no race to resolve: ten more attempts would only keep the request waiting for a 503
                    throw raced;
                }
                // most likely the same new slot row inserted by a concurrent hit: count again
                last = raced;
            }
        }
        throw last;
    }

    /**
     * Locks the key's anchor row, inserting it if the key has none. Two hits that both insert it collide on the
     * primary key: the later one fails, and its transaction is tried again, this time waiting for the lock. The
     * anchor expires like a slot and the clean-up deletes it; the next hit inserts it again.
     */
    private void lockAnchor(Limit limit, String hash, Instant now) {
        List<?> anchor = em.createNativeQuery("select hits from rate_limit_hits"
                + " where bucket = :bucket and key_hash = :key and slot_start = :anchor for update")
                .setParameter("bucket", limit.bucket()).setParameter("key", hash).setParameter("anchor", ANCHOR)
                .getResultList();
        if (anchor.isEmpty()) {
            em.createNativeQuery("insert into rate_limit_hits (bucket, key_hash, slot_start, hits, expires_at)"
                    + " values (:bucket, :key, :anchor, 0, :expires)")
                    .setParameter("bucket", limit.bucket()).setParameter("key", hash).setParameter("anchor", ANCHOR)
                    .setParameter("expires", now.plus(limit.window()).plus(limit.slot())).executeUpdate();
        }
    }

    /** How long until the key may hit again, if it has reached its limit (counts nothing). */
    public Optional<Duration> blockedFor(Limit limit, String key) {
        if (limit.max() <= 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return waitFor(limit, slots(limit, hash(key), now), now);
    }

    /** Counts one hit whatever the count (a failed log-in: counted after it happened). */
    public void record(Limit limit, String key) {
        add(limit, hash(key), clock.instant(), 1);
    }

    /**
     * Takes back one hit of the key, from its newest slot (an attempt counted in advance that turned out not to
     * count: a successful log-in).
     */
    public void release(Limit limit, String key) {
        if (limit.max() <= 0) {
            return; // nothing was counted in advance
        }
        String hash = hash(key);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update rate_limit_hits set hits = hits - 1 where bucket = :bucket and key_hash = :key"
                        + " and slot_start = (select max(slot_start) from rate_limit_hits"
                        + " where bucket = :bucket and key_hash = :key and hits > 0)")
                .setParameter("bucket", limit.bucket()).setParameter("key", hash).executeUpdate());
    }

    /** Forgets every hit of the key (a successful log-in clears the account's failures). */
    public void reset(Limit limit, String key) {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from rate_limit_hits where bucket = :bucket and key_hash = :key")
                .setParameter("bucket", limit.bucket()).setParameter("key", hash(key)).executeUpdate());
    }

    /** Hits counted for the key now (tests and operators). */
    public int count(Limit limit, String key) {
        return slots(limit, hash(key), clock.instant()).stream().mapToInt(SlotCount::hits).sum();
    }

    /** How long to wait until one more hit fits, if it does not now. */
    private Optional<Duration> waitFor(Limit limit, List<SlotCount> slots, Instant now) {
        int total = slots.stream().mapToInt(SlotCount::hits).sum();
        int allowed = limit.max() - 1;
        if (total <= allowed) {
            return Optional.empty();
        }
        // Slots leave the count oldest first; the wait ends when enough have left.
        int remaining = total;
        for (SlotCount slot : slots) {
            remaining -= slot.hits();
            if (remaining <= allowed) {
                Instant leaves = slot.start().plus(limit.slot()).plus(limit.window());
                return Optional.of(leaves.isAfter(now) ? Duration.between(now, leaves) : Duration.ZERO);
            }
        }
        return Optional.of(limit.window());
    }

    private record SlotCount(Instant start, int hits) {
    }

    private List<SlotCount> slots(Limit limit, String hash, Instant now) {
        Instant from = now.minus(limit.window()).minus(limit.slot());
        return QuarkusTransaction.requiringNew().call(() -> readSlots(limit, hash, from));
    }

    /** The key's slots that still reach into the window, oldest first. */
    @SuppressWarnings("unchecked")
    private List<SlotCount> readSlots(Limit limit, String hash, Instant from) {
        List<Object[]> rows = em.createNativeQuery(
                "select slot_start, hits from rate_limit_hits where bucket = :bucket and key_hash = :key"
                        + " and slot_start > :from order by slot_start")
                .setParameter("bucket", limit.bucket()).setParameter("key", hash).setParameter("from", from)
                .getResultList();
        return rows.stream().map(row -> new SlotCount(toInstant(row[0]), ((Number) row[1]).intValue())).toList();
    }

    private static Instant slotOf(Limit limit, Instant now) {
        long slotMillis = limit.slot().toMillis();
        return Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), slotMillis));
    }

    /** Adds to the slot of {@code now} whatever the count, committed when it returns (retried on an insert race). */
    private void add(Limit limit, String hash, Instant now, int hits) {
        Instant slot = slotOf(limit, now);
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> addInTransaction(limit, hash, slot, hits));
                return;
            } catch (RuntimeException raced) {
                if (DatabaseUnavailable.isCauseOf(raced)) {
                    throw raced;
                }
                last = raced;
            }
        }
        throw last;
    }

    /**
     * Raises the slot's row by an atomic {@code update … set hits = hits + n}, or inserts it when it is the slot's
     * first hit; an insert that collides with a concurrent one fails the transaction, and the caller tries again.
     */
    private void addInTransaction(Limit limit, String hash, Instant slot, int hits) {
        int updated = em.createNativeQuery("update rate_limit_hits set hits = hits + :hits"
                + " where bucket = :bucket and key_hash = :key and slot_start = :slot")
                .setParameter("hits", hits).setParameter("bucket", limit.bucket()).setParameter("key", hash)
                .setParameter("slot", slot).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into rate_limit_hits (bucket, key_hash, slot_start, hits, expires_at)"
                    + " values (:bucket, :key, :slot, :hits, :expires)")
                    .setParameter("bucket", limit.bucket()).setParameter("key", hash).setParameter("slot", slot)
                    .setParameter("hits", hits).setParameter("expires", slot.plus(limit.slot()).plus(limit.window()))
                    .executeUpdate();
        }
    }

    /** Slots that no window reaches any more. Safe on several instances: deleting a deleted row deletes nothing. */
    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldSlots() {
        forgetSlotsBefore(clock.instant());
    }

    /** Deletes the slots that expired before {@code now}; returns how many. */
    public int forgetSlotsBefore(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("delete from rate_limit_hits where expires_at < :now")
                .setParameter("now", now).executeUpdate());
    }

    static String hash(String key) {
        String value = key == null || key.isBlank() ? "-" : key.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
