package nl.kennisagenda.newsletter.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.mail.MailStatus;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.SmtpServer;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.testsupport.PostgresAvailable;

/**
 * The newsletter sender on PostgreSQL, where several instances share one database: the V23 migration, the
 * {@code FOR UPDATE SKIP LOCKED} claims and the shared rate row under three senders running side by side (as three
 * instances would); every subscriber gets the issue exactly once.
 */
@QuarkusTest
@ExtendWith(PostgresAvailable.class)
@TestProfile(NewsletterPostgresProfile.class)
class NewsletterSendingOnPostgresTest {

    SmtpServer smtp;

    @Inject
    NewsletterSender sender;

    @Test
    void threeSendersSideBySideDeliverEachSubscriberOnce() throws Exception {
        long organisation = SendingFixtures.organisation("Netwerk op PostgreSQL");
        String run = "pg" + System.nanoTime();
        List<Long> subscribers = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            subscribers.add(SendingFixtures.confirmed(run + "-" + i + "@example.org", organisation));
        }
        long issue = SendingFixtures.scheduledIssue(organisation, false);

        ExecutorService instances = Executors.newFixedThreadPool(3);
        try {
            List<Future<NewsletterSender.Run>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(instances.submit(() -> sender.runUntilIdle(Duration.ofSeconds(60))));
            }
            for (Future<NewsletterSender.Run> run1 : runs) {
                run1.get();
            }
        } finally {
            instances.shutdownNow();
        }
        // A sender that found nothing left while another still held a batch: finish what may remain.
        sender.runUntilIdle(Duration.ofSeconds(60));

        assertEquals(IssueStatus.SENT, SendingFixtures.status(issue));
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage message : smtp.received()) {
            for (var to : message.getRecipients(Message.RecipientType.TO)) {
                if (to.toString().startsWith(run + "-")) {
                    received.merge(to.toString(), 1, Integer::sum);
                }
            }
        }
        assertEquals(15, received.size(), "every subscriber: " + received.keySet());
        received.forEach((to, count) -> assertEquals(1, count, to + " received " + count));
        List<OutboxMail> rows = SendingFixtures.deliveries(issue);
        assertEquals(subscribers, rows.stream().map(row -> row.newsletterSubscriberId).sorted().toList());
        assertTrue(rows.stream().allMatch(row -> row.status == MailStatus.SENT), rows.toString());
    }
}
