package nl.kennisagenda.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.kennisagenda.testsupport.Await;
import nl.kennisagenda.testsupport.HtmlChecker;
import nl.kennisagenda.testsupport.LocalPostgres;
import nl.kennisagenda.testsupport.PostgresAvailable;

/**
 * The database goes away for a moment while visitors sign up, and comes back; the instance is not restarted.
 *
 * <p>The packaged PostgreSQL build runs as a real process and reaches its database through a TCP proxy in this test
 * ({@link CuttableProxy}). Eight clients sign up through the JSON API; the proxy is cut (every connection the pool
 * holds is ended, new ones are refused) and later restored. While the database is away, every request that needs it
 * gets a 503 with Retry-After: the API an {@code ApiError} in JSON, a browser the site's notice page in Dutch (or
 * English when chosen), valid HTML, never a 500 with an error id. Readiness is DOWN, liveness stays UP. Once the proxy
 * listens again the same process takes sign-ups again by itself. Afterwards the database is read directly: every
 * acknowledged sign-up is complete (registration with its status and outbox row), the counters equal the rows, and
 * no refused sign-up is half-written: it left either nothing at all or, when its commit reached the database before
 * the connection broke (the answer was lost, not the work), a complete registration with its mail.
 */
@ExtendWith(PostgresAvailable.class)
class DatabaseOutageIT {

    private static final String EVENT = "ruimte-voor-eerstelijnszorg";
    private static final int CLIENTS = 8;
    /** Refused sign-ups to see while the database is away, so the test covers many requests, not one. */
    private static final int REFUSALS_DURING_OUTAGE = 30;
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void whileTheDatabaseIsAwayRequestsGetA503AndNothingIsHalfWrittenAndTheInstanceRecoversByItself()
            throws Exception {
        String database = LocalPostgres.forThisRun("kennisagenda_outage_test");
        LocalPostgres.recreate(database);
        try (CuttableProxy proxy = new CuttableProxy(LocalPostgres.host(), LocalPostgres.port());
                Mailbox smtp = new Mailbox();
                AppProcess app = Deployment.onPostgresThrough(proxy, database).process(AppProcess.freePort(),
                        smtp.port(), List.of(), work.resolve("app.log"))) {
            SignupRows rows = Deployment.onPostgres(database).signups();
            app.start();
            SignupBurst burst = new SignupBurst(app.baseUri(), EVENT, UUID.randomUUID().toString().substring(0, 8),
                    CLIENTS);
            burst.start();
            burst.awaitAcknowledged(40, Duration.ofMinutes(2));

            int connectionsEnded = proxy.cut();
            assertTrue(connectionsEnded > 0, "the cut ended no connection: only refused new ones were tested");
            Await.until(() -> REFUSALS_DURING_OUTAGE + " refused sign-ups while the database is away (got "
                    + burst.otherAnswers().size() + ")\n" + app.logTail(), Duration.ofMinutes(1),
                    () -> burst.otherAnswers().size() >= REFUSALS_DURING_OUTAGE);
            assertTheNoticePage(app.baseUri(), "", "nl", "Even niet beschikbaar");
            assertTheNoticePage(app.baseUri(), "?lang=en", "en", "Temporarily unavailable");
            assertEquals(503, status(app.baseUri(), "/q/health/ready"), "readiness while the database is away");
            assertEquals(200, status(app.baseUri(), "/q/health/live"), "liveness while the database is away");

            int acknowledgedAtRestore = burst.acknowledgedCount();
            proxy.restore();
            Instant restored = Instant.now();
            burst.awaitAcknowledged(acknowledgedAtRestore + 1, Duration.ofMinutes(1));
            Duration firstSignUpAfter = Duration.between(restored, Instant.now());
            Await.until("readiness UP again", Duration.ofMinutes(1),
                    () -> status(app.baseUri(), "/q/health/ready") == 200);
            Duration readyAfter = Duration.between(restored, Instant.now());
            int refusedAtRecovery = burst.otherAnswers().size();
            burst.awaitAcknowledged(burst.acknowledgedCount() + 40, Duration.ofMinutes(2));
            Map<String, String> acknowledged = burst.stop();

            Map<String, SignupBurst.Answer> refused = burst.otherAnswers();
            assertTrue(burst.unanswered().isEmpty(), "sign-ups without an answer: " + burst.unanswered());
            for (SignupBurst.Answer answer : refused.values()) {
                assertTheApiAnswer(answer, app);
            }

            Map<String, SignupRows.Stored> stored = rows.registrations(EVENT);
            for (Map.Entry<String, String> signUp : acknowledged.entrySet()) {
                SignupRows.Stored registration = stored.get(signUp.getKey());
                assertTrue(registration != null, "acknowledged but not stored: " + signUp.getKey());
                assertEquals(signUp.getValue(), registration.status(), signUp.getKey());
                assertTrue(registration.outboxRows() >= 1, "no outbox row for " + signUp.getKey());
            }
            Map<String, Integer> outbox = rows.outboxRowsByRecipient();
            TreeSet<String> committedDespite503 = new TreeSet<>();
            for (String email : refused.keySet()) {
                SignupRows.Stored registration = stored.get(email);
                int mails = outbox.getOrDefault(email, 0);
                if (registration == null) {
                    assertEquals(0, mails, "an outbox row without its registration for " + email);
                } else {
                    assertTrue(registration.outboxRows() >= 1 && mails == registration.outboxRows(),
                            "a registration without (only) its own mail for " + email + ": " + registration
                                    + ", mails to the address: " + mails);
                    committedDespite503.add(email);
                }
            }
            rows.assertCountersMatchRows(EVENT);

            System.out.printf("DatabaseOutageIT: %d connections ended by the cut; %d sign-ups acknowledged, %d "
                    + "refused with 503 (%d of them once it had recovered), %d of the refused committed before their "
                    + "connection broke; first sign-up %d ms after the restore, readiness UP after %d ms%n",
                    connectionsEnded, acknowledged.size(), refused.size(), refused.size() - refusedAtRecovery,
                    committedDespite503.size(), firstSignUpAfter.toMillis(), readyAfter.toMillis());
        } finally {
            LocalPostgres.drop(database);
        }
    }

    /** A refused API sign-up: 503, Retry-After, and the API's error shape in JSON, no error id or stack trace. */
    private void assertTheApiAnswer(SignupBurst.Answer answer, AppProcess app) throws IOException {
        assertEquals(503, answer.status(), () -> "not a 503: " + answer + "\nThe application logged:\n"
                + app.logFrom(answer.body().replaceAll(".*Error id ([^\"]+).*", "$1"), 60));
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/json"),
                () -> "not JSON: " + answer.contentType());
        assertEquals("30", answer.retryAfter(), "Retry-After");
        JsonNode body = json.readTree(answer.body());
        assertEquals(503, body.path("status").asInt(), answer.body());
        assertTrue(body.path("message").asText().startsWith("De database is even niet bereikbaar"), answer.body());
        assertEquals(2, body.size(), "status and message only: " + answer.body());
    }

    /** A browser asking for a page that needs the database gets the notice page, valid HTML, in its language. */
    private void assertTheNoticePage(URI base, String query, String language, String title) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("/events/" + EVENT + "/register"
                + query)).header("Accept", "text/html").header("Accept-Language", "nl").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(language, page.headers().firstValue("Content-Language").orElse(null));
        assertEquals("30", page.headers().firstValue("Retry-After").orElse(null));
        Matcher matcher = TITLE.matcher(page.body());
        assertTrue(matcher.find() && matcher.group(1).startsWith(title), page.body());
        assertTrue(page.body().contains("<html lang=\"" + language + "\""), page.body());
        HtmlChecker.Report report = new HtmlChecker().check(page.body());
        assertTrue(report.errors().isEmpty(), report::toString);
    }

    private int status(URI base, String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
