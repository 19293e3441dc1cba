package nl.kennisagenda.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;

/**
 * Per-client limit on the public forms' attempts (sign-up form, sign-up API, embedded form and newsletter subscribing
 * share it): at most {@code kennisagenda.rate-limit.signups-per-minute} in any 60 seconds, counted by the shared
 * {@link RateLimiter} in the database, so N instances behind a balancer allow no more than one. The client is the
 * one {@link ClientAddress} finds: behind a trusted proxy the address that proxy appended to
 * {@code X-Forwarded-For}, never a value the client wrote itself.
 */
@ApplicationScoped
public class ClientRateLimiter {

    static final String BUCKET = "signup";
    static final Duration WINDOW = Duration.ofMinutes(1);

    @Inject
    RateLimitConfig config;

    @Inject
    RateLimiter limiter;

    @Inject
    ClientAddress clients;

    /** Counts an attempt; throws {@link RateLimitedException} when the client is over the limit. */
    public void check(HttpServerRequest request) {
        Optional<Duration> wait = limiter.tryAcquire(limit(), clients.of(request));
        if (wait.isPresent()) {
            throw new RateLimitedException(Math.max(1, (wait.get().toMillis() + 999) / 1000));
        }
    }

    RateLimiter.Limit limit() {
        return new RateLimiter.Limit(BUCKET, config.signupsPerMinute(), WINDOW);
    }
}
