package nl.kennisagenda.web;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;

/**
 * Per-client limit on sign-up attempts (form and API share it): at most N attempts in any 60 seconds, counted over a
 * sliding window (the times of the client's last N attempts), so a burst across a minute boundary cannot get twice
 * the limit through, as a fixed per-minute counter would allow. Kept in memory per instance: it throttles abuse
 * cheaply and needs no shared state; with N instances behind a balancer a client can make at most N times the limit.
 * The client address is the connection's, or the forwarded one when {@code quarkus.http.proxy.proxy-address-forwarding}
 * is on behind a trusted proxy.
 */
@ApplicationScoped
public class ClientRateLimiter {

    private static final long WINDOW_MILLIS = 60_000;

    @Inject
    RateLimitConfig config;

    Clock clock = Clock.systemUTC();

    /** Per client: the times of its most recent attempts, oldest first, at most the limit. */
    private final ConcurrentHashMap<String, ArrayDeque<Long>> attempts = new ConcurrentHashMap<>();

    /** Counts an attempt; throws {@link RateLimitedException} when the client is over the limit. */
    public void check(HttpServerRequest request) {
        int limit = config.signupsPerMinute();
        if (limit <= 0) {
            return;
        }
        long now = clock.millis();
        long[] retryAfter = { 0 };
        attempts.compute(clientOf(request), (client, recent) -> {
            ArrayDeque<Long> times = recent == null ? new ArrayDeque<>() : recent;
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                retryAfter[0] = Math.max(1, (times.peekFirst() + WINDOW_MILLIS - now + 999) / 1000);
            } else {
                times.addLast(now);
            }
            return times;
        });
        if (retryAfter[0] > 0) {
            throw new RateLimitedException(retryAfter[0]);
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
    void forgetIdleClients() {
        long cutoff = clock.millis() - WINDOW_MILLIS;
        // computeIfPresent is atomic with check()'s compute on the same client: no deque is read while it changes.
        for (String client : attempts.keySet()) {
            attempts.computeIfPresent(client,
                    (key, times) -> times.isEmpty() || times.peekLast() <= cutoff ? null : times);
        }
    }
}
