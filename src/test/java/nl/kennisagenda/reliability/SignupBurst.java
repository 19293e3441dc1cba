package nl.kennisagenda.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import nl.kennisagenda.testsupport.Await;

/**
 * Clients that sign up through {@code POST /api/events/{slug}/registrations}, each with a fresh address, until
 * stopped, and remember every sign-up the server acknowledged with 201 (address → CONFIRMED or WAITLISTED). What
 * a visitor was told is exactly what must survive a crash. Every other answer is kept too, by address, and so are
 * the addresses that got no answer at all.
 */
final class SignupBurst {

    private final URI uri;
    private final String runId;
    private final int clients;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Answer> otherAnswers = new ConcurrentHashMap<>();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    /** An answer other than 201: its status, the headers a client acts on, and the body. */
    record Answer(int status, String contentType, String retryAfter, String body) {

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    SignupBurst(URI base, String slug, String runId, int clients) {
        this.uri = base.resolve("/api/events/" + slug + "/registrations");
        this.runId = runId;
        this.clients = clients;
    }

    void start() {
        running.set(true);
        for (int client = 0; client < clients; client++) {
            Thread thread = new Thread(this::signUpUntilStopped, "signup-client-" + client);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void signUpUntilStopped() {
        while (running.get()) {
            String email = "crash-" + runId + "-" + sequence.incrementAndGet() + "@example.org";
            String body = "{\"firstName\":\"Crash\",\"lastName\":\"Test\",\"email\":\"" + email
                    + "\",\"organisation\":\"Gemeente Proefstad\",\"role\":\"Tester\"}";
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Accept-Language", "nl")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    acknowledged.put(email, response.body().contains("\"WAITLISTED\"") ? "WAITLISTED" : "CONFIRMED");
                } else {
                    otherAnswers.put(email, new Answer(response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(null),
                            response.headers().firstValue("Retry-After").orElse(null), response.body()));
                }
            } catch (IOException e) {
                // No answer (the server was killed): this sign-up was never acknowledged. The crash test stops the
                // clients right after the kill.
                unanswered.add(email);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits until at least {@code count} sign-ups were acknowledged; fails when that takes longer than allowed. */
    void awaitAcknowledged(int count, Duration timeout) {
        Await.until(() -> count + " acknowledged sign-ups (got " + acknowledged.size() + "; other answers: "
                + otherAnswers.values() + ")", timeout, () -> acknowledged.size() >= count);
    }

    /** Stops the clients and waits for them, so every acknowledgement that arrived is counted. */
    Map<String, String> stop() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(90).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Map.copyOf(acknowledged);
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Answers other than 201 (a sign-up refused for a reason the test did not expect), by address. */
    Map<String, Answer> otherAnswers() {
        return Map.copyOf(otherAnswers);
    }

    /** Addresses whose sign-up got no answer: the connection failed or was closed before one came. */
    Set<String> unanswered() {
        return Set.copyOf(unanswered);
    }
}
