package nl.kennisagenda.newsletter.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.audit.AuditEntry;
import nl.kennisagenda.mail.MailStatus;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.SmtpServer;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.SubscriberStatus;

/** Sending an issue through the outbox to a real SMTP server (GreenMail). */
@QuarkusTest
@TestProfile(NewsletterSendingProfile.class)
class NewsletterSendingTest {

    SmtpServer smtp;

    @Inject
    NewsletterSender sender;

    @Inject
    SendRate rate;

    @Inject
    EntityManager em;

    @BeforeEach
    void emptyMailbox() {
        smtp.purge();
    }

    @Test
    void everySubscriberOfTheAudienceReceivesTheIssueOnceWithTheOneClickUnsubscribeHeaders() throws Exception {
        long organisation = SendingFixtures.organisation("Netwerk Wonen");
        long otherOrganisation = SendingFixtures.organisation("Ander netwerk");
        String theme = "Thema-" + System.nanoTime();
        String run = "a" + System.nanoTime();
        long anna = SendingFixtures.confirmed(run + "-anna@example.org", organisation);
        long bram = SendingFixtures.confirmed(run + "-bram@example.org", organisation);
        long emma = SendingFixtures.subscriber(run + "-emma@example.org", SubscriberStatus.CONFIRMED, "en",
                organisation);
        // Chose the organisation and the theme: one mail, not two.
        long both = SendingFixtures.subscriber(run + "-beide@example.org", SubscriberStatus.CONFIRMED, "nl",
                organisation, theme);
        // Another organisation's subscriber who chose one of the issue's themes.
        long byTheme = SendingFixtures.subscriber(run + "-thema@example.org", SubscriberStatus.CONFIRMED, "nl",
                otherOrganisation, theme);
        SendingFixtures.subscriber(run + "-pending@example.org", SubscriberStatus.PENDING, "nl", organisation);
        SendingFixtures.subscriber(run + "-weg@example.org", SubscriberStatus.UNSUBSCRIBED, "nl", organisation);
        SendingFixtures.subscriber(run + "-bounce@example.org", SubscriberStatus.BOUNCING, "nl", organisation);
        SendingFixtures.confirmed(run + "-ander@example.org", otherOrganisation);
        long issue = SendingFixtures.scheduledIssue(organisation, true, theme);

        sender.runUntilIdle(Duration.ofSeconds(60));

        assertEquals(IssueStatus.SENT, SendingFixtures.status(issue));
        Map<String, List<MimeMessage>> received = receivedByRun(run);
        assertEquals(List.of(run + "-anna@example.org", run + "-beide@example.org", run + "-bram@example.org",
                run + "-emma@example.org", run + "-thema@example.org"), sorted(received.keySet()));
        received.forEach((to, mails) -> assertEquals(1, mails.size(), to + " received " + mails.size()));

        MimeMessage toAnna = received.get(run + "-anna@example.org").get(0);
        String token = SendingFixtures.token(anna);
        assertEquals("Nieuwsbrief: webinars in december", toAnna.getSubject());
        assertEquals("<http://localhost:8080/newsletter/unsubscribe/" + token
                + ">, <mailto:unsubscribe@example.org?subject=unsubscribe%20" + token + ">",
                toAnna.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", toAnna.getHeader("List-Unsubscribe-Post", null));
        assertNull(toAnna.getHeader("Cc"), "no empty Cc (RFC 5322): the newsletter goes out through MailDelivery too");
        assertEquals("<newsletter." + issue + "." + anna + "@localhost>", toAnna.getMessageID());
        String html = part(toAnna, "text/html");
        assertTrue(html.contains("<html lang=\"nl\">"), html);
        assertTrue(html.contains("<strong>Wonen & zorg</strong>") || html.contains("<strong>Wonen &amp; zorg</strong>"),
                html);
        assertTrue(html.contains("href=\"http://localhost:8080/newsletter/unsubscribe/" + token + "\""), html);
        assertTrue(html.contains("href=\"http://localhost:8080/newsletter/preferences/" + token + "\""), html);
        assertTrue(html.contains("Netwerk Wonen") && html.contains("2 maart 2026"), html);
        String text = part(toAnna, "text/plain");
        assertTrue(text.contains("Webinar Wonen & zorg"), text);
        assertTrue(text.contains("Afmelden: http://localhost:8080/newsletter/unsubscribe/" + token), text);

        MimeMessage toEmma = received.get(run + "-emma@example.org").get(0);
        assertEquals("Newsletter: webinars in December", toEmma.getSubject());
        assertTrue(part(toEmma, "text/html").contains("<html lang=\"en\">"));
        assertTrue(part(toEmma, "text/plain").contains("Unsubscribe: http://localhost:8080/newsletter/unsubscribe/"
                + SendingFixtures.token(emma)));

        List<OutboxMail> rows = SendingFixtures.deliveries(issue);
        assertEquals(5, rows.size());
        assertTrue(rows.stream().allMatch(row -> row.status == MailStatus.SENT && row.sentAt != null));
        assertEquals(List.of(anna, bram, emma, both, byTheme).stream().sorted().toList(),
                rows.stream().map(row -> row.newsletterSubscriberId).sorted().toList());
        List<String> audit = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "organisationId = ?1 order by id", organisation).stream().map(e -> e.action).toList());
        assertEquals(List.of(NewsletterSender.AUDIT_STARTED, NewsletterSender.AUDIT_FINISHED), audit);
    }

    @Test
    void anInterruptedSendResumesWithoutDuplicatesOrGaps() throws Exception {
        long organisation = SendingFixtures.organisation("Netwerk Herstart");
        String run = "r" + System.nanoTime();
        List<Long> subscribers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            subscribers.add(SendingFixtures.confirmed(run + "-" + i + "@example.org", organisation));
        }
        long issue = SendingFixtures.scheduledIssue(organisation, false);

        // The first instance starts, expands two steps (10 of 12), sends one batch (4) ...
        Instant now = Instant.now();
        sender.startDue(now);
        assertEquals(5, sender.expandStep(now));
        assertEquals(5, sender.expandStep(now));
        assertEquals(4, sender.sendBatch(now).sent());
        // ... claims the next batch and dies before sending it: those 4 stay SENDING under its lease.
        assertEquals(4, sender.claim(now).size());
        // Its progress mark is lost too: the expansion starts again from the beginning.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update newsletter_sends set expanded_up_to = 0 where issue_id = :id")
                .setParameter("id", issue).executeUpdate());

        // A restarted instance, after the dead one's lease ran out.
        Instant later = Instant.now().plus(Duration.ofMinutes(6));
        for (int round = 0; round < 50; round++) {
            int expanded = sender.expandStep(later);
            NewsletterSender.Run batch = sender.sendBatch(later);
            if (expanded == 0 && batch.claimed() == 0) {
                break;
            }
        }
        sender.finishDone(Instant.now());

        Map<String, List<MimeMessage>> received = receivedByRun(run);
        assertEquals(12, received.size(), "every subscriber: " + received.keySet());
        received.forEach((to, mails) -> assertEquals(1, mails.size(), to + " received " + mails.size()));
        List<OutboxMail> rows = SendingFixtures.deliveries(issue);
        assertEquals(12, rows.size());
        assertEquals(subscribers, rows.stream().map(row -> row.newsletterSubscriberId).sorted().toList());
        assertTrue(rows.stream().allMatch(row -> row.status == MailStatus.SENT), rows.toString());
        assertEquals(IssueStatus.SENT, SendingFixtures.status(issue));
    }

    @Test
    void aSubscriberWhoUnsubscribesAfterTheExpansionIsSkippedAndNeverSent() throws Exception {
        long organisation = SendingFixtures.organisation("Netwerk Afmelden");
        String run = "u" + System.nanoTime();
        long stays = SendingFixtures.confirmed(run + "-blijft@example.org", organisation);
        long leaves = SendingFixtures.confirmed(run + "-gaat@example.org", organisation);
        long issue = SendingFixtures.scheduledIssue(organisation, false);
        Instant now = Instant.now();
        sender.startDue(now);
        sender.expandStep(now);
        assertEquals(2, SendingFixtures.deliveries(issue).size());

        SendingFixtures.setSubscriberStatus(leaves, SubscriberStatus.UNSUBSCRIBED);
        sender.runUntilIdle(Duration.ofSeconds(30));

        assertEquals(List.of(run + "-blijft@example.org"), sorted(receivedByRun(run).keySet()));
        Map<Long, OutboxMail> rows = SendingFixtures.deliveries(issue).stream()
                .collect(Collectors.toMap(row -> row.newsletterSubscriberId, row -> row));
        assertEquals(MailStatus.SENT, rows.get(stays).status);
        assertEquals(MailStatus.SUPERSEDED, rows.get(leaves).status);
        assertTrue(rows.get(leaves).lastError.contains("UNSUBSCRIBED"), rows.get(leaves).lastError);
        assertEquals(IssueStatus.SENT, SendingFixtures.status(issue));
    }

    @Test
    void theConfiguredRateIsRespected() throws Exception {
        long organisation = SendingFixtures.organisation("Netwerk Tempo");
        String run = "t" + System.nanoTime();
        int count = 12;
        for (int i = 0; i < count; i++) {
            SendingFixtures.confirmed(run + "-" + i + "@example.org", organisation);
        }
        long issue = SendingFixtures.scheduledIssue(organisation, false);

        sender.runUntilIdle(Duration.ofSeconds(60));

        List<Instant> sent = SendingFixtures.deliveries(issue).stream().map(row -> row.sentAt).sorted().toList();
        assertEquals(count, sent.size());
        // 20 per second: 12 mails take at least 11 intervals of 50 ms between the first and the last (10 % slack
        // for clock rounding), measured on the moments the SMTP server accepted them.
        Duration span = Duration.between(sent.get(0), sent.get(count - 1));
        assertTrue(span.toMillis() >= 495, "12 mails at 20/s were accepted within " + span.toMillis() + " ms");
        assertEquals(count, receivedByRun(run).size());
    }

    @Test
    void theHourlyCapStopsReservationsUntilTheNextHour() {
        Object[] saved = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select next_slot_at, hour_start, hour_count from newsletter_send_rate where id = 1")
                .getSingleResult());
        try {
            Instant inAnHour = Instant.parse("2091-05-01T10:15:00Z");
            SendRate.Reservation first = rate.reserve(5, inAnHour, 10, 7);
            assertEquals(5, first.granted());
            assertEquals(inAnHour, first.firstSlot());
            assertEquals(Duration.ofMillis(100), first.interval());
            SendRate.Reservation second = rate.reserve(5, inAnHour, 10, 7);
            assertEquals(2, second.granted(), "only 7 in this hour");
            assertEquals(inAnHour.plusMillis(500), second.firstSlot(), "follows the slots already reserved");
            SendRate.Reservation third = rate.reserve(5, inAnHour, 10, 7);
            assertEquals(0, third.granted());
            assertEquals(Instant.parse("2091-05-01T11:00:00Z"), third.retryAt());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    update newsletter_send_rate set next_slot_at = :next, hour_start = :hour, hour_count = :count
                    where id = 1""").setParameter("next", SendRate.utc(SendRate.instant(saved[0])))
                    .setParameter("hour", SendRate.utc(SendRate.instant(saved[1])))
                    .setParameter("count", ((Number) saved[2]).intValue()).executeUpdate());
        }
    }

    /** The messages GreenMail received for this test's addresses, by recipient. */
    private Map<String, List<MimeMessage>> receivedByRun(String run) throws MessagingException {
        Map<String, List<MimeMessage>> byRecipient = new HashMap<>();
        for (MimeMessage message : smtp.received()) {
            for (var to : message.getRecipients(Message.RecipientType.TO)) {
                String address = to.toString();
                if (address.startsWith(run + "-")) {
                    byRecipient.computeIfAbsent(address, key -> new ArrayList<>()).add(message);
                }
            }
        }
        return byRecipient;
    }

    private static List<String> sorted(java.util.Collection<String> values) {
        List<String> list = new ArrayList<>(values);
        Collections.sort(list);
        return list;
    }

    /** The decoded content of the first part of this type. */
    static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static List<String> lines(String text) {
        return Arrays.asList(text.split("\r?\n"));
    }
}
