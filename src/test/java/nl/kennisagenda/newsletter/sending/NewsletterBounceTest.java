package nl.kennisagenda.newsletter.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.mail.MailStatus;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.SubscriberStatus;

/** A permanent SMTP refusal bounces the address; a transient one is tried again later. */
@QuarkusTest
@TestProfile(NewsletterBounceTest.Profile.class)
class NewsletterBounceTest {

    public static class Profile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kennisagenda.mail.send-interval", "off", "kennisagenda.newsletter.send-interval", "off",
                    "kennisagenda.mail.retry-backoff", "10m", "kennisagenda.mail.max-attempts", "5");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RefusingSmtpServer.class));
        }
    }

    RefusingSmtpServer smtp;

    @Inject
    NewsletterSender sender;

    @Test
    void aPermanentRefusalMarksTheAddressBouncingWithoutRetriesAndATransientOneIsRetriedLater() {
        long organisation = SendingFixtures.organisation("Netwerk Bounce");
        String run = System.nanoTime() + "@example.org";
        long fine = SendingFixtures.confirmed("goed-" + run, organisation);
        long refused = SendingFixtures.confirmed("weigert-" + run, organisation);
        long busy = SendingFixtures.confirmed("later-" + run, organisation);
        long issue = SendingFixtures.scheduledIssue(organisation, false);

        Instant before = Instant.now();
        sender.runUntilIdle(Duration.ofSeconds(30));

        assertEquals(List.of("goed-" + run), smtp.accepted().stream().filter(to -> to.endsWith(run)).toList());
        Map<Long, OutboxMail> rows = SendingFixtures.deliveries(issue).stream()
                .collect(Collectors.toMap(row -> row.newsletterSubscriberId, row -> row));
        assertEquals(MailStatus.SENT, rows.get(fine).status);

        OutboxMail bounced = rows.get(refused);
        assertEquals(MailStatus.FAILED, bounced.status, "no retries after a 550");
        assertEquals(1, bounced.attempts);
        assertTrue(bounced.lastError.contains("550"), bounced.lastError);
        assertEquals(SubscriberStatus.BOUNCING, SendingFixtures.subscriberStatus(refused));

        OutboxMail retried = rows.get(busy);
        assertEquals(MailStatus.PENDING, retried.status, "a 451 is tried again");
        assertTrue(retried.nextAttemptAt.isAfter(before.plus(Duration.ofMinutes(9))), "after the back-off");
        assertEquals(SubscriberStatus.CONFIRMED, SendingFixtures.subscriberStatus(busy));
        assertEquals(IssueStatus.SENDING, SendingFixtures.status(issue), "not finished while one is pending");
        assertEquals(SubscriberStatus.CONFIRMED, SendingFixtures.subscriberStatus(fine));
    }
}
