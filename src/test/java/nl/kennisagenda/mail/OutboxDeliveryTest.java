package nl.kennisagenda.mail;

import static nl.kennisagenda.mail.MailTestData.JOIN_URL;
import static nl.kennisagenda.mail.MailTestData.uniqueEmail;
import static nl.kennisagenda.mail.Texts.assertContains;
import static nl.kennisagenda.mail.Texts.assertLacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.RegistrationStatus;

/** Delivery through a real SMTP server (GreenMail): content, outages, retries, giving up, never twice. */
@QuarkusTest
@TestProfile(GreenMailProfile.class)
class OutboxDeliveryTest {

    SmtpServer smtp;

    @Inject
    MailTestData data;

    @Inject
    OutboxSender sender;

    @Inject
    MailOutbox outbox;

    @Inject
    MailRenderers renderers;

    @Inject
    MailClientWarmUp mailClient;

    @Inject
    MailConfig config;

    @BeforeEach
    void emptyOutboxAndMailbox() {
        smtp.start();
        mailClient.awaitDelivery(smtp);
        // Earlier test classes share the in-memory database; start every test from an empty outbox.
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.delete("id > 0"));
    }

    @AfterEach
    void smtpBackUp() {
        smtp.start();
    }

    @Test
    void confirmationArrivesWithSubjectContentManageLinkAndItsMessageId() throws Exception {
        MailTestData.TestEvent event = data.onlineEvent("Webinar over wijkzorg");
        String email = uniqueEmail("sanne");
        Long id = data.register(event.id(), email, "Sanne", "nl", RegistrationStatus.CONFIRMED, Change.CONFIRMED,
                event.sessionA());

        OutboxSender.Run run = sender.sendDue(Instant.now());

        assertEquals(new OutboxSender.Run(1, 1, 0, 0), run);
        OutboxMail stored = data.onlyMailFor(id);
        assertEquals(MailStatus.SENT, stored.status);
        assertEquals(1, stored.attempts);
        assertNotNull(stored.sentAt);
        List<MimeMessage> received = smtp.receivedBy(email);
        assertEquals(1, received.size());
        MimeMessage message = received.get(0);
        assertEquals("Aanmelding bevestigd: Webinar over wijkzorg", message.getSubject());
        assertEquals("Kennisagenda <noreply@example.org>", message.getFrom()[0].toString());
        assertEquals(stored.messageId, message.getMessageID());
        String token = QuarkusTransaction.requiringNew().call(() -> Registration.<Registration> findById(id).token);
        String text = Mime.part(message, "text/plain");
        assertContains(text, "Beste Sanne,", "Ronde 1, jouw keuze: Sessie Wonen", "Deelnemen: " + JOIN_URL,
                "http://localhost:8080/registrations/" + token);
        String html = Mime.part(message, "text/html");
        assertContains(html, "<a href=\"http://localhost:8080/registrations/" + token + "\"", "Webinar over wijkzorg");

        List<String> types = Mime.contentTypes(message);
        assertTrue(types.stream().anyMatch(t -> t.startsWith("text/calendar") && t.contains("method=REQUEST")),
                types.toString());
        net.fortuna.ical4j.model.Calendar invite = Invites.parse(Mime.part(message, "text/calendar"));
        assertEquals("REQUEST", Invites.method(invite));
        assertEquals("registration-" + id + "@localhost", Invites.property(invite, "UID"));
        assertEquals("Europe/Amsterdam", Invites.dtstartTzid(invite));
        assertEquals(MailTestData.EVENT_DAY.toString().replace("-", "") + "T103000",
                Invites.property(invite, "DTSTART"));
        assertContains(Invites.property(invite, "DESCRIPTION"), "Sessie Wonen");
    }

    @Test
    void waitlistedMailArrivesWithoutTheJoinLink() throws Exception {
        MailTestData.TestEvent event = data.onlineEvent("Vol webinar");
        String email = uniqueEmail("wacht");
        data.register(event.id(), email, "Wouter", "nl", RegistrationStatus.WAITLISTED, Change.WAITLISTED);

        assertEquals(new OutboxSender.Run(1, 1, 0, 0), sender.sendDue(Instant.now()));

        List<MimeMessage> received = smtp.receivedBy(email);
        assertEquals(1, received.size());
        MimeMessage message = received.get(0);
        assertEquals("Op de wachtlijst: Vol webinar", message.getSubject());
        assertLacks(Mime.part(message, "text/plain"), "zoom.example.org");
        assertLacks(Mime.part(message, "text/html"), "zoom.example.org");
    }

    @Test
    void duringAnSmtpOutageSignUpsSucceedMailsWaitWithGrowingBackOffAndAllArriveOnceAfterwards() {
        // Three failed attempts, then the one that succeeds: it must not be the last one the profile allows.
        assertTrue(config.maxAttempts() > 4, "max-attempts " + config.maxAttempts());
        smtp.stop();
        MailTestData.TestEvent event = data.onlineEvent("Webinar tijdens storing");
        List<String> addresses = new ArrayList<>();
        List<Long> registrations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = uniqueEmail("storing" + i);
            addresses.add(email);
            registrations.add(data.register(event.id(), email, "Deelnemer" + i, "nl", RegistrationStatus.CONFIRMED,
                    Change.CONFIRMED));
        }

        // A whole millisecond (the database keeps microseconds, so t0 + 30 s reads back exactly) that is after the
        // time the last mail was written: truncating now() alone can land before it, leaving that mail not due.
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        assertEquals(new OutboxSender.Run(3, 0, 3, 0), sender.sendDue(t0));
        OutboxMail first = data.onlyMailFor(registrations.get(0));
        assertEquals(MailStatus.PENDING, first.status);
        assertEquals(1, first.attempts);
        assertEquals(t0.plusSeconds(30), first.nextAttemptAt);
        assertNotNull(first.lastError);

        // Not due yet: nothing is tried.
        assertEquals(0, sender.sendDue(t0.plusSeconds(10)).claimed());

        Instant t1 = t0.plusSeconds(31);
        assertEquals(new OutboxSender.Run(3, 0, 3, 0), sender.sendDue(t1));
        OutboxMail second = data.onlyMailFor(registrations.get(0));
        assertEquals(2, second.attempts);
        assertEquals(t1.plus(Duration.ofMinutes(2)), second.nextAttemptAt);

        Instant t2 = t1.plus(Duration.ofMinutes(3));
        sender.sendDue(t2);
        OutboxMail third = data.onlyMailFor(registrations.get(0));
        assertEquals(3, third.attempts);
        assertEquals(t2.plus(Duration.ofMinutes(10)), third.nextAttemptAt);
        assertTrue(Duration.between(t2, third.nextAttemptAt).compareTo(Duration.between(t1, second.nextAttemptAt)) > 0);

        smtp.start();
        mailClient.awaitDelivery(smtp);
        Instant t3 = t2.plus(Duration.ofMinutes(11));
        assertEquals(new OutboxSender.Run(3, 3, 0, 0), sender.sendDue(t3));
        for (String email : addresses) {
            assertEquals(1, smtp.receivedBy(email).size(), email);
        }

        // The sender running again, even much later, sends nothing twice.
        assertEquals(0, sender.sendDue(t3.plus(Duration.ofDays(1))).claimed());
        for (String email : addresses) {
            assertEquals(1, smtp.receivedBy(email).size(), email);
        }
        for (Long registration : registrations) {
            OutboxMail mail = data.onlyMailFor(registration);
            assertEquals(MailStatus.SENT, mail.status);
            assertEquals(4, mail.attempts);
            assertNull(mail.lastError);
        }
    }

    @Test
    void extraHeaderFieldsAreStoredWithTheMailAndGoOutWithIt() throws Exception {
        String email = uniqueEmail("kop");
        Long id = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(new OutgoingMail(MailKind.CONFIRMATION,
                null, email, "Met extra koppen", "Tekst", null, List.of())
                .withHeaders(Map.of("Reply-To", "organisator@example.org",
                        "List-Unsubscribe", "<https://kennisagenda.example.org/u/abc>")))).id;

        assertEquals(new OutboxSender.Run(1, 1, 0, 0), sender.sendDue(Instant.now()));

        MimeMessage message = smtp.receivedBy(email).get(0);
        assertEquals("organisator@example.org", message.getHeader("Reply-To", null));
        assertEquals("<https://kennisagenda.example.org/u/abc>", message.getHeader("List-Unsubscribe", null));
        assertEquals(Map.of("Reply-To", "organisator@example.org",
                "List-Unsubscribe", "<https://kennisagenda.example.org/u/abc>"), data.mail(id).extraHeaders());
    }

    @Test
    void headerFieldsThatCouldForgeOrInjectAreRefusedAndNothingIsWritten() {
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxMail.count());
        List<Map<String, String>> refused = List.of(
                Map.of("Reply-To", "a@example.org\r\nBcc: evil@example.org"),
                Map.of("Bcc", "evil@example.org"),
                Map.of("From", "bank@example.org"),
                Map.of("Subject", "Andere titel"),
                Map.of("Content-Type", "text/html"),
                Map.of("X Space", "waarde"),
                Map.of("X-Leeg", " "),
                Map.of("X-Lang", "a".repeat(1000)),
                Map.of("X-Niet-Ascii", "Vriës"));
        for (Map<String, String> headers : refused) {
            assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew().run(
                    () -> outbox.enqueue(new OutgoingMail(MailKind.CONFIRMATION, null, uniqueEmail("kop"),
                            "Onderwerp", "Tekst", null, List.of()).withHeaders(headers))), headers.toString());
        }
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> OutboxMail.count()));
    }

    @Test
    void everyKindOfMailHasExactlyOneRendererOrASenderOfItsOwn() {
        for (MailKind kind : MailKind.values()) {
            assertTrue(renderers.has(kind) != kind.hasOwnSender(), kind.name());
        }
    }

    @Test
    void aMailIsMarkedFailedAfterTheLimitAndNotTriedAgain() {
        smtp.stop();
        MailTestData.TestEvent event = data.onlineEvent("Webinar zonder server");
        String email = uniqueEmail("faal");
        Long id = data.register(event.id(), email, "Fay", "nl", RegistrationStatus.CONFIRMED, Change.CONFIRMED);

        Instant now = Instant.now();
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            sender.sendDue(now);
            now = now.plus(Duration.ofHours(1));
        }

        OutboxMail mail = data.onlyMailFor(id);
        assertEquals(MailStatus.FAILED, mail.status);
        assertEquals(config.maxAttempts(), mail.attempts);
        assertNotNull(mail.lastError);
        smtp.start();
        assertEquals(0, sender.sendDue(now.plus(Duration.ofDays(1))).claimed());
        assertEquals(0, smtp.receivedBy(email).size());
    }

    @Test
    void aClaimWhoseSenderDiedIsPickedUpAgainAfterTheLease() {
        MailTestData.TestEvent event = data.onlineEvent("Webinar met crash");
        String email = uniqueEmail("crash");
        Long id = data.register(event.id(), email, "Cas", "nl", RegistrationStatus.CONFIRMED, Change.CONFIRMED);

        Instant now = Instant.now();
        // A sender claims the mail and dies before sending it.
        assertEquals(1, sender.claim(now).size());
        assertEquals(MailStatus.SENDING, data.onlyMailFor(id).status);

        // While the lease (5 minutes) lasts, no other run touches it.
        assertEquals(0, sender.sendDue(now.plus(Duration.ofMinutes(1))).claimed());
        assertEquals(0, smtp.receivedBy(email).size());

        assertEquals(new OutboxSender.Run(1, 1, 0, 0), sender.sendDue(now.plus(Duration.ofMinutes(6))));
        assertEquals(1, smtp.receivedBy(email).size());
        OutboxMail mail = data.onlyMailFor(id);
        assertEquals(MailStatus.SENT, mail.status);
        assertEquals(2, mail.attempts);
    }

    @Test
    void sendersRunningAtTheSameTimeNeverSendAMailTwice() throws Exception {
        MailTestData.TestEvent event = data.onlineEvent("Webinar met drukte");
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String email = uniqueEmail("druk" + i);
            addresses.add(email);
            data.register(event.id(), email, "Deelnemer" + i, "nl", RegistrationStatus.CONFIRMED, Change.CONFIRMED);
        }

        int senders = 4;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OutboxSender.Run>> runs = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < senders; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                int sent = 0;
                int claimed = 0;
                OutboxSender.Run run;
                // Small batches so the senders really interleave.
                do {
                    run = sender.sendDue(now);
                    sent += run.sent();
                    claimed += run.claimed();
                } while (run.claimed() > 0);
                return new OutboxSender.Run(claimed, sent, 0, 0);
            }));
        }
        start.countDown();
        int sent = 0;
        for (Future<OutboxSender.Run> run : runs) {
            sent += run.get(2, TimeUnit.MINUTES).sent();
        }
        pool.shutdown();
        // Four senders need new SMTP connections, and the mail client sometimes loses the greeting on a new one (see
        // MailClientWarmUp): such a send fails and is rescheduled, not lost. Deliver what is due later too, then
        // check that every mail arrived exactly once.
        int sentLater = MailTestData.sendEverythingDue(sender, now.plus(Duration.ofHours(2)));

        assertEquals(30, sent + sentLater, "sent by the concurrent senders: " + sent);
        for (String email : addresses) {
            assertEquals(1, smtp.receivedBy(email).size(), email);
        }
    }
}
