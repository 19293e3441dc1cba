package nl.kennisagenda.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.web.RateLimiter.Limit;

/**
 * The shared limiter, on the test database: any window holds at most the limit (also across a minute boundary), a
 * refused hit is not counted, and two limiter instances on one database (as two application instances would be)
 * share one count, also when they are hit at the same moment. Keys are random, so other tests' counts do not mix in.
 */
@QuarkusTest
class RateLimiterTest {

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry meters;

    @Inject
    RateLimiter injected;

    /** A fixed clock the test moves by hand. */
    static final class TestClock extends Clock {
        volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Another instance of the limiter on the same database, with its own clock. */
    RateLimiter instance(Clock clock) {
        RateLimiter limiter = new RateLimiter();
        limiter.em = em;
        limiter.meters = meters;
        limiter.clock = clock;
        return limiter;
    }

    private static String key() {
        return "test-" + UUID.randomUUID();
    }

    private static final Limit THREE_PER_MINUTE = new Limit("test", 3, Duration.ofMinutes(1));

    @Test
    void aBurstAcrossAMinuteBoundaryGetsNoMoreThanTheLimit() {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:59.500Z"));
        RateLimiter limiter = instance(clock);
        String key = key();
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.tryAcquire(THREE_PER_MINUTE, key));
        }
        clock.now = clock.now.plusSeconds(1); // 10:01:00.500, a new calendar minute
        Duration wait = limiter.tryAcquire(THREE_PER_MINUTE, key).orElseThrow();
        // The burst's slot (10:00:54–10:01:00) leaves the count at 10:02:00: 59.5 s from now.
        assertEquals(Duration.ofMillis(59_500), wait);
        clock.now = clock.now.plus(wait).minusMillis(1);
        assertTrue(limiter.tryAcquire(THREE_PER_MINUTE, key).isPresent(), "still within the window");
        clock.now = clock.now.plusMillis(1);
        assertEquals(Optional.empty(), limiter.tryAcquire(THREE_PER_MINUTE, key), "the burst has left the window");
    }

    @Test
    void noSixtySecondsEverHoldMoreThanTheLimit() {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
        RateLimiter limiter = instance(clock);
        String key = key();
        List<Instant> admitted = new ArrayList<>();
        // One attempt every 1.7 seconds for five minutes.
        for (int i = 0; i < 180; i++) {
            if (limiter.tryAcquire(THREE_PER_MINUTE, key).isEmpty()) {
                admitted.add(clock.now);
            }
            clock.now = clock.now.plusMillis(1700);
        }
        for (int i = 3; i < admitted.size(); i++) {
            assertTrue(!admitted.get(i).isBefore(admitted.get(i - 3).plusSeconds(60)),
                    "four admitted within 60 s: " + admitted.subList(i - 3, i + 1));
        }
        assertTrue(admitted.size() >= 12, "about three a minute get through: " + admitted.size());
    }

    @Test
    void aRefusedHitIsNotCounted() {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
        RateLimiter limiter = instance(clock);
        String key = key();
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire(THREE_PER_MINUTE, key);
        }
        assertEquals(3, limiter.count(THREE_PER_MINUTE, key));
    }

    @Test
    void twoInstancesOnOneDatabaseShareTheCount() {
        TestClock clock = new TestClock(Instant.now());
        RateLimiter a = instance(clock);
        RateLimiter b = instance(clock);
        String key = key();
        assertEquals(Optional.empty(), a.tryAcquire(THREE_PER_MINUTE, key));
        assertEquals(Optional.empty(), b.tryAcquire(THREE_PER_MINUTE, key));
        assertEquals(Optional.empty(), a.tryAcquire(THREE_PER_MINUTE, key));
        assertTrue(b.tryAcquire(THREE_PER_MINUTE, key).isPresent(), "the other instance's hits count here");
        assertTrue(a.tryAcquire(THREE_PER_MINUTE, key).isPresent());
        assertEquals(3, injected.count(THREE_PER_MINUTE, key));
    }

    @Test
    void simultaneousHitsOnTwoInstancesAdmitExactlyTheLimit() throws Exception {
        Limit tenPerMinute = new Limit("test", 10, Duration.ofMinutes(1));
        Clock clock = Clock.systemUTC();
        RateLimiter[] instances = { instance(clock), instance(clock) };
        String key = key();
        int attempts = 40;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                RateLimiter limiter = instances[i % 2];
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return limiter.tryAcquire(tenPerMinute, key).isEmpty();
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Boolean> result : results) {
                if (result.get(2, TimeUnit.MINUTES)) {
                    admitted++;
                }
            }
            assertEquals(10, admitted, "exactly the limit, neither more nor fewer");
            assertEquals(10, instances[0].count(tenPerMinute, key), "refused hits are not counted");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCleanUpDeletesOnlySlotsNoWindowReaches() {
        TestClock clock = new TestClock(Instant.parse("2020-01-01T10:00:00Z")); // long ago: nobody else's rows
        RateLimiter limiter = instance(clock);
        String old = key();
        String recent = key();
        limiter.tryAcquire(THREE_PER_MINUTE, old);
        clock.now = clock.now.plusSeconds(30);
        limiter.tryAcquire(THREE_PER_MINUTE, recent);
        // 10:01:06 is when the first slot (10:00:00–10:00:06) no longer reaches any window.
        assertEquals(1, rows(old));
        limiter.forgetSlotsBefore(Instant.parse("2020-01-01T10:01:06.001Z"));
        assertEquals(0, rows(old));
        assertEquals(1, rows(recent));
    }

    /** The key's slot rows (its anchor row, the lock its hits take turns on, holds no hits and is left out). */
    private int rows(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from rate_limit_hits where key_hash = :key and hits > 0")
                .setParameter("key", RateLimiter.hash(key)).getSingleResult()).intValue());
    }
}
