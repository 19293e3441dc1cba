package nl.kennisagenda.web;

import static io.restassured.RestAssured.given;
import static nl.kennisagenda.testsupport.Metrics.value;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import nl.kennisagenda.backoffice.AdminClient;
import nl.kennisagenda.mail.OutboxSender;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.testsupport.Await;
import nl.kennisagenda.testsupport.Metrics;
import nl.kennisagenda.testsupport.OwnH2;

/**
 * /q/metrics (Prometheus text) carries the sign-up, mail and log-in series, and they move with what happens;
 * /q/health/ready is UP with its database check. On a database of its own, so the outbox gauges count only this
 * class's mails.
 */
@QuarkusTest
@TestProfile(MetricsTest.OwnDatabase.class)
class MetricsTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", OwnH2.url("metrics"));
        }
    }

    @Inject
    OutboxSender sender;

    @Test
    void aSignUpAndItsSentMailAreCounted() {
        sendAllDue(); // whatever the start-up queued
        Await.until("the outbox gauge shows an empty queue", Duration.ofSeconds(30),
                () -> value("kennisagenda_mail_queued", null) == 0);
        double confirmed = value("kennisagenda_signups_total", "outcome=\"confirmed\"");
        double sent = value("kennisagenda_mail_sent_total", "stream=\"transactional\"");

        TestEvents.Created event = TestEvents.create("metrieken", 10);
        given().contentType(ContentType.JSON).body(Map.of("firstName", "A", "lastName", "B", "organisation", "X",
                "email", "metriek-" + System.nanoTime() + "@example.org"))
                .post("/api/events/" + event.slug() + "/registrations").then().statusCode(201);

        assertEquals(confirmed + 1, value("kennisagenda_signups_total", "outcome=\"confirmed\""));
        Await.until("the confirmation mail is counted as queued, with its age", Duration.ofSeconds(30), () -> {
            String text = Metrics.scrape();
            return value(text, "kennisagenda_mail_queued", null) >= 1
                    && value(text, "kennisagenda_mail_oldest_queued_age_seconds", null) >= 0;
        });

        int sentNow = sendAllDue();
        assertTrue(sentNow >= 1, "the confirmation mail (and any notice to the organiser)");
        assertEquals(sent + sentNow, value("kennisagenda_mail_sent_total", "stream=\"transactional\""));
        Await.until("the queue is empty again", Duration.ofSeconds(30),
                () -> value("kennisagenda_mail_queued", null) == 0
                        && value("kennisagenda_mail_oldest_queued_age_seconds", null) == 0);
        String text = Metrics.scrape();
        value(text, "kennisagenda_mail_failed_total", "stream=\"transactional\"");
        value(text, "kennisagenda_mail_attempts_failed_total", "stream=\"newsletter\"");
        value(text, "kennisagenda_mail_outbox_failed", null);
    }

    /** Runs the outbox sender until nothing is due; returns how many mails it sent. */
    private int sendAllDue() {
        int sent = 0;
        for (int run = 0; run < 100; run++) {
            OutboxSender.Run done = sender.sendDue(Instant.now().plusSeconds(1));
            sent += done.sent();
            if (done.claimed() == 0) {
                return sent;
            }
        }
        throw new AssertionError("the outbox did not empty");
    }

    @Test
    void aLogInIsCounted() {
        double before = value("kennisagenda_logins_total", "outcome=\"success\"");
        AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
        String text = Metrics.scrape();
        assertEquals(before + 1, value(text, "kennisagenda_logins_total", "outcome=\"success\""));
        assertTrue(value(text, "kennisagenda_logins_total", "outcome=\"invalid\"") >= 0);
        assertTrue(value(text, "kennisagenda_logins_total", "outcome=\"locked\"") >= 0);
    }

    @Test
    void readinessIsUpWithTheDatabaseCheck() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }
}
