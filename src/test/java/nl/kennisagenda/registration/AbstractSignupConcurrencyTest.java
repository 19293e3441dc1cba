package nl.kennisagenda.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.RepeatedTest;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Proof that no event and no breakout session is ever overbooked: at least 200 sign-ups with distinct addresses,
 * released at the same moment by a latch, through HTTP to the JSON API, at an event with 10 places and at a session
 * with 3 places, and at a hybrid event with 3 places on site and 10 online (half the sign-ups in each mode), each
 * repeated on fresh events. Every response must be a 201; exactly 10 (3) confirmed; all others
 * waitlisted; and the counters must equal the rows.
 *
 * <p><b>This test can fail.</b> Experiment (done once by hand, numbers in docs/signup.md): replace the two locking
 * refreshes in {@code EventLocks.lock} by plain reads ({@code em.refresh(entity)} without a lock mode). Then concurrent transactions all read the same counters, decide "there is room", and this test
 * fails with far more than 10 (3) confirmed registrations and counters that no longer match the rows.
 */
abstract class AbstractSignupConcurrencyTest {

    static final int CLIENTS = 200;
    static final int EVENT_PLACES = 10;
    static final int SESSION_PLACES = 3;

    @TestHTTPResource("/")
    URL base;

    @RepeatedTest(3)
    void anEventWithTenPlacesGetsExactlyTenConfirmed() throws Exception {
        TestEvents.Created event = TestEvents.create("tien", EVENT_PLACES);

        Map<String, Integer> outcome = fire(event.slug(), i -> person(i, event.slug(), ""));

        assertEquals(Map.of("CONFIRMED", EVENT_PLACES, "WAITLISTED", CLIENTS - EVENT_PLACES), outcome);
        assertEquals(new TestEvents.Counts(EVENT_PLACES, CLIENTS - EVENT_PLACES, EVENT_PLACES, CLIENTS - EVENT_PLACES),
                TestEvents.counts(event.id()));
    }

    @RepeatedTest(3)
    void aSessionWithThreePlacesGetsExactlyThreeConfirmed() throws Exception {
        TestEvents.Created event = TestEvents.create("sessie", 1000, SESSION_PLACES, null);
        long session = event.sessionIds().get(0);

        Map<String, Integer> outcome = fire(event.slug(),
                i -> person(i, event.slug(), ",\"sessions\":[" + session + "]"));

        assertEquals(Map.of("CONFIRMED", SESSION_PLACES, "WAITLISTED", CLIENTS - SESSION_PLACES), outcome);
        assertEquals(new TestEvents.Counts(SESSION_PLACES, CLIENTS - SESSION_PLACES, SESSION_PLACES,
                CLIENTS - SESSION_PLACES), TestEvents.sessionCounts(session));
        assertEquals(new TestEvents.Counts(SESSION_PLACES, CLIENTS - SESSION_PLACES, SESSION_PLACES,
                CLIENTS - SESSION_PLACES), TestEvents.counts(event.id()));
    }

    @RepeatedTest(2)
    void aHybridEventGetsExactlyItsPlacesPerModeAndNeverLendsOnePlaceToTheOtherMode() throws Exception {
        TestEvents.Created event = TestEvents.createHybrid("hybride", SESSION_PLACES, EVENT_PLACES);

        Map<String, Integer> outcome = fire(event.slug(), i -> person(i, event.slug(),
                ",\"attendanceMode\":\"" + (i % 2 == 0 ? "ONLINE" : "ON_SITE") + "\""));

        int half = CLIENTS / 2;
        assertEquals(Map.of("CONFIRMED", SESSION_PLACES + EVENT_PLACES,
                "WAITLISTED", CLIENTS - SESSION_PLACES - EVENT_PLACES), outcome);
        assertEquals(new TestEvents.ModeCounts(SESSION_PLACES, half - SESSION_PLACES, SESSION_PLACES,
                half - SESSION_PLACES), TestEvents.modeCounts(event.id(), nl.kennisagenda.event.AttendanceMode.ON_SITE));
        assertEquals(new TestEvents.ModeCounts(EVENT_PLACES, half - EVENT_PLACES, EVENT_PLACES, half - EVENT_PLACES),
                TestEvents.modeCounts(event.id(), nl.kennisagenda.event.AttendanceMode.ONLINE));
        assertEquals(new TestEvents.Counts(SESSION_PLACES + EVENT_PLACES, CLIENTS - SESSION_PLACES - EVENT_PLACES,
                SESSION_PLACES + EVENT_PLACES, CLIENTS - SESSION_PLACES - EVENT_PLACES), TestEvents.counts(event.id()));
    }

    private static String person(int i, String slug, String extra) {
        return "{\"firstName\":\"Deelnemer\",\"lastName\":\"Nummer " + i + "\",\"email\":\"p" + i + "-"
                + Math.abs(slug.hashCode()) + "@example.org\",\"organisation\":\"Gemeente " + i + "\"" + extra + "}";
    }

    /** Fires all sign-ups at once; returns how many got each status; fails on any non-201 answer. */
    private Map<String, Integer> fire(String slug, IntFunction<String> body) throws Exception {
        URI uri = base.toURI().resolve("/api/events/" + slug + "/registrations");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).executor(pool).build();
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int i = 0; i < CLIENTS; i++) {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.apply(i))).build();
                responses.add(senders.submit(() -> {
                    ready.countDown();
                    go.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            Map<String, Integer> outcome = new TreeMap<>();
            for (Future<HttpResponse<String>> future : responses) {
                HttpResponse<String> response = future.get(120, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.body());
                String status = response.body().contains("\"status\":\"CONFIRMED\"") ? "CONFIRMED"
                        : response.body().contains("\"status\":\"WAITLISTED\"") ? "WAITLISTED" : response.body();
                outcome.merge(status, 1, Integer::sum);
            }
            return outcome;
        } finally {
            senders.shutdownNow();
            pool.shutdownNow();
        }
    }
}
