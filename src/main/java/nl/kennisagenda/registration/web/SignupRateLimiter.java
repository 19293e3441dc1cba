package nl.kennisagenda.registration.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;

/**
 * Per-client limit on sign-up attempts (form and API share it): a fixed one-minute window per client address.
 * Kept in memory per instance on purpose: it throttles abuse cheaply and needs no shared state; with N instances
 * behind a balancer a client can make at most N times the limit. The client address is the connection's, or the
 * forwarded one when {@code quarkus.http.proxy.proxy-address-forwarding} is on behind a trusted proxy.
 */
@ApplicationScoped
public class SignupRateLimiter {

    private static final long MINUTE = 60_000;

    @Inject
    RateLimitConfig config;

    Clock clock = Clock.systemUTC();

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long minute, AtomicInteger count) {
    }

    /** Counts an attempt; throws {@link RateLimitedException} when the client is over the limit. */
    public void check(HttpServerRequest request) {
        int limit = config.signupsPerMinute();
        if (limit <= 0) {
            return;
        }
        long now = clock.millis();
        long minute = now / MINUTE;
        Window window = windows.compute(clientOf(request),
                (client, old) -> old == null || old.minute() != minute ? new Window(minute, new AtomicInteger()) : old);
        if (window.count().incrementAndGet() > limit) {
            long retryAfter = Math.max(1, ((minute + 1) * MINUTE - now + 999) / 1000);
            throw new RateLimitedException(retryAfter);
        }
    }

    private static String clientOf(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return "unknown";
        }
        String host = request.remoteAddress().hostAddress();
        return host == null ? request.remoteAddress().toString() : host;
    }

    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldWindows() {
        long minute = clock.millis() / MINUTE;
        windows.values().removeIf(window -> window.minute() < minute);
    }
}
