package nl.kennisagenda.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The sign-up limit counts any 60 seconds, not calendar minutes: a burst across a minute boundary gets no more. */
class SlidingRateLimitTest {

    private Instant now = Instant.parse("2026-11-24T10:00:59.500Z");

    private ClientRateLimiter limiter(int perMinute) {
        ClientRateLimiter limiter = new ClientRateLimiter();
        limiter.config = () -> perMinute;
        limiter.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return limiter;
    }

    @Test
    void aBurstAcrossAMinuteBoundaryGetsNoMoreThanTheLimit() {
        ClientRateLimiter limiter = limiter(3);
        for (int i = 0; i < 3; i++) {
            limiter.check(null);
        }
        now = now.plus(Duration.ofSeconds(1)); // 10:01:00.500, a new calendar minute
        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> limiter.check(null));
        assertEquals(59, refused.retryAfterSeconds());
    }

    @Test
    void anAttemptIsAllowedAgainOnceTheOldestLeavesTheWindow() {
        ClientRateLimiter limiter = limiter(2);
        limiter.check(null);
        now = now.plus(Duration.ofSeconds(30));
        limiter.check(null);
        assertThrows(RateLimitedException.class, () -> limiter.check(null));
        now = now.plus(Duration.ofSeconds(30)); // the first attempt is now exactly 60 s old
        limiter.check(null);
        assertThrows(RateLimitedException.class, () -> limiter.check(null));
    }
}
