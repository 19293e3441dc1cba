package nl.kennisagenda.mail;

import static io.restassured.RestAssured.given;
import static nl.kennisagenda.testsupport.Metrics.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.xml.XmlPath;
import io.restassured.path.xml.element.Node;
import nl.kennisagenda.backoffice.AdminClient;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.testsupport.Await;
import nl.kennisagenda.testsupport.Metrics;

/**
 * The SMTP server is down for a while and comes back on the same port: visitors keep signing up, their mails wait in
 * the outbox with a growing back-off that the back-office mail log and /q/metrics show, and once the server is back
 * every mail arrives exactly once.
 *
 * <p>Nobody calls the sender here: the scheduled outbox sender runs as in production (every second, the production
 * limit of attempts), only its back-off is short (SmtpOutageProfile). A {@code @QuarkusTest} rather than a test of the
 * packaged jar, because the sender, the scheduler and the mail client are the same in both, GreenMail in the test JVM
 * can be stopped and started on one port either way, and this way the test can read the outbox rows and drive the
 * back-office directly without starting a second JVM.
 */
@QuarkusTest
@TestProfile(SmtpOutageProfile.class)
class SmtpOutageTest {

    private static final int SIGN_UPS = 5;
    private static final String SENDER_JOB = "mail-outbox-sender";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    SmtpServer smtp;

    @Inject
    MailConfig config;

    @Inject
    ScheduledRuns scheduledRuns;

    @AfterEach
    void smtpBackUp() {
        smtp.start();
    }

    @Test
    void whileSmtpIsDownSignUpsSucceedMailsWaitWithAVisibleBackOffAndAllArriveOnceWhenItIsBack() throws Exception {
        // One attempt succeeds after three failed ones: the limit must leave room for more.
        assertTrue(config.maxAttempts() > 4, "max-attempts " + config.maxAttempts());
        smtp.stop();
        String metricsBefore = Metrics.scrape();
        double failedAttemptsBefore = value(metricsBefore, "kennisagenda_mail_attempts_failed_total",
                "stream=\"transactional\"");
        double sentBefore = value(metricsBefore, "kennisagenda_mail_sent_total", "stream=\"transactional\"");

        TestEvents.Created event = TestEvents.create("smtp-storing", 100);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < SIGN_UPS; i++) {
            String email = MailTestData.uniqueEmail("smtp-storing-" + i);
            given().contentType(ContentType.JSON).header("Accept-Language", "nl")
                    .body(Map.of("firstName", "Deelnemer" + i, "lastName", "Storing", "organisation", "Gemeente",
                            "email", email))
                    .post("/api/events/" + event.slug() + "/registrations").then().statusCode(201);
            addresses.add(email);
        }

        // While the server is down: each failed attempt moves the next one further away (1 s, 2 s, 4 s).
        Map<Integer, Instant> nextAttemptAfter = new TreeMap<>();
        Await.until(() -> "three failed attempts for every mail; first mail: " + nextAttemptAfter,
                Duration.ofMinutes(1), () -> {
                    OutboxMail first = mailTo(addresses.get(0));
                    if (first.status == MailStatus.PENDING && first.attempts > 0) {
                        nextAttemptAfter.putIfAbsent(first.attempts, first.nextAttemptAt);
                    }
                    return addresses.stream().map(SmtpOutageTest::mailTo)
                            .allMatch(mail -> mail.status == MailStatus.PENDING && mail.attempts >= 3);
                });
        assertGrowingBackOff(nextAttemptAfter);
        assertTrue(smtp.received().isEmpty());

        // What an operator sees meanwhile: the mail log and the metrics.
        OutboxMail waiting = mailTo(addresses.get(0));
        Map<String, String> facts = mailLogFacts(waiting.id);
        assertEquals("nieuwe poging gepland", facts.get("Status"), facts.toString());
        assertTrue(Integer.parseInt(facts.get("Pogingen")) >= 3, facts.toString());
        LocalDateTime shownNext = LocalDateTime.parse(facts.get("Volgende poging"), SHOWN);
        assertTrue(!shownNext.isBefore(LocalDateTime.ofInstant(waiting.createdAt, Dates.AMSTERDAM)),
                facts.toString());
        assertNotNull(facts.get("Laatste fout"), "the last error is shown: " + facts);
        Await.until("the outbox gauges show the waiting mails", Duration.ofSeconds(30), () -> {
            String text = Metrics.scrape();
            return value(text, "kennisagenda_mail_queued", null) >= SIGN_UPS
                    && value(text, "kennisagenda_mail_oldest_queued_age_seconds", null) > 0;
        });
        assertTrue(value("kennisagenda_mail_attempts_failed_total", "stream=\"transactional\"")
                >= failedAttemptsBefore + 3 * SIGN_UPS, "every failed attempt is counted");

        smtp.start();
        Await.until("every mail arrives", Duration.ofMinutes(2),
                () -> addresses.stream().allMatch(email -> !smtp.receivedBy(email).isEmpty()));
        Await.until("every mail is marked sent", Duration.ofSeconds(30), () -> addresses.stream()
                .allMatch(email -> mailTo(email).status == MailStatus.SENT));
        // Later runs send nothing again: runs never overlap, so the second one to finish from now on started after
        // the last mail was marked sent.
        int finishedBefore = scheduledRuns.finished(SENDER_JOB);
        Await.until("two more sender runs", Duration.ofSeconds(30),
                () -> scheduledRuns.finished(SENDER_JOB) >= finishedBefore + 2);
        for (String email : addresses) {
            assertEquals(1, smtp.receivedBy(email).size(), email);
            assertTrue(smtp.receivedBy(email).get(0).getSubject().startsWith("Aanmelding bevestigd: "), email);
            assertTrue(mailTo(email).attempts >= 4, "sent on an attempt after the outage");
        }
        Await.until("the queue gauge is back to zero", Duration.ofSeconds(30),
                () -> value("kennisagenda_mail_queued", null) == 0);
        assertTrue(value("kennisagenda_mail_sent_total", "stream=\"transactional\"") >= sentBefore + SIGN_UPS);
    }

    /** Each attempt waits at least the configured step longer than the one before it: 2 s, then 4 s. */
    private void assertGrowingBackOff(Map<Integer, Instant> nextAttemptAfter) {
        for (int attempts = 1; attempts <= 2; attempts++) {
            Instant next = nextAttemptAfter.get(attempts);
            Instant later = nextAttemptAfter.get(attempts + 1);
            assertNotNull(next, "next attempt after attempt " + attempts + " not seen: " + nextAttemptAfter);
            assertNotNull(later, "next attempt after attempt " + (attempts + 1) + " not seen: " + nextAttemptAfter);
            // The attempt after `next` happens at or after it, and sets the time after that one step further on.
            Duration step = config.backoffAfter(attempts + 1);
            assertTrue(!later.isBefore(next.plus(step)), "after attempt " + (attempts + 1) + ": " + later
                    + " is not at least " + step + " after " + next);
        }
        assertTrue(config.backoffAfter(2).compareTo(config.backoffAfter(1)) > 0
                && config.backoffAfter(3).compareTo(config.backoffAfter(2)) > 0, "the profile's back-off grows");
    }

    /** The facts of one mail as the back-office mail log shows them to an administrator (term → description). */
    private static Map<String, String> mailLogFacts(long mailId) {
        AdminClient admin = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        String html = admin.get("/admin/mails/" + mailId).then().statusCode(200).extract().asString();
        Node facts = new XmlPath(XmlPath.CompatibilityMode.HTML, html)
                .getNode("**.find { it.name() == 'dl' && it.@class == 'mail-facts' }");
        List<Node> terms = facts.getNodes("dt");
        List<Node> descriptions = facts.getNodes("dd");
        Map<String, String> shown = new TreeMap<>();
        for (int i = 0; i < terms.size(); i++) {
            shown.put(terms.get(i).value().trim(), descriptions.get(i).value().trim());
        }
        return shown;
    }

    private static OutboxMail mailTo(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>find("recipient", email)
                .singleResult());
    }
}
