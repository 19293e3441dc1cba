package nl.kennisagenda.mail;

import static nl.kennisagenda.mail.Texts.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;

/**
 * Mails are rendered by the sender, not in the sign-up transaction: the sign-up writes a light row, the sender
 * renders and stores the content before the first send, and every retry sends that stored content.
 */
@QuarkusTest
@TestProfile(GreenMailProfile.class)
class DeferredRenderTest {

    private static final Locale NL = Locale.forLanguageTag("nl");
    private static final Locale EN = Locale.forLanguageTag("en");

    SmtpServer smtp;

    @Inject
    RegistrationService service;

    @Inject
    OutboxSender sender;

    @Inject
    MailTestData data;

    @Inject
    Event<RegistrationChanged> registrationChanged;

    @Inject
    MailClientWarmUp mailClient;

    @BeforeEach
    void emptyOutboxAndMailbox() {
        smtp.start();
        mailClient.awaitDelivery(smtp);
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.delete("id > 0"));
    }

    @AfterEach
    void smtpBackUp() {
        smtp.start();
    }

    /** The text with SMTP's line ends (CRLF) as stored (LF); the transport changes nothing else. */
    private static String lines(String text) {
        return text.replace("\r\n", "\n").stripTrailing();
    }

    private static SignupInput input(String email) {
        return new SignupInput(Map.of("firstName", List.of("Anna"), "lastName", List.of("de Vries"),
                "email", List.of(email), "organisation", List.of("Gemeente Utrecht")), List.of(), false);
    }

    @Test
    void theSignUpTransactionWritesALightRowWithoutContent() {
        TestEvents.Created event = TestEvents.create("licht", 10);
        String email = MailTestData.uniqueEmail("licht");

        service.signUp(event.slug(), input(email), EN);

        Registration registration = TestEvents.registration(event.id(), email);
        OutboxMail row = data.storedMailsFor(registration.id).get(0);
        assertEquals(1, data.storedMailsFor(registration.id).size());
        assertEquals(MailKind.CONFIRMATION, row.kind);
        assertEquals(MailStatus.PENDING, row.status);
        assertEquals(email, row.recipient);
        assertEquals("en", row.locale);
        assertNotNull(row.messageId);
        assertNull(row.renderedAt);
        assertNull(row.subject);
        assertNull(row.textBody);
        assertNull(row.htmlBody);
        assertTrue(row.attachments.isEmpty());
        assertEquals(0, smtp.received().size());
    }

    @Test
    void theSenderRendersInTheStoredLanguageThenSends() throws Exception {
        TestEvents.Created event = TestEvents.create("render", 10);
        String email = MailTestData.uniqueEmail("render");
        service.signUp(event.slug(), input(email), EN);
        Long id = TestEvents.registration(event.id(), email).id;

        assertEquals(new OutboxSender.Run(1, 1, 0, 0), sender.sendDue(Instant.now()));

        OutboxMail stored = data.storedMailsFor(id).get(0);
        assertEquals(MailStatus.SENT, stored.status);
        assertNotNull(stored.renderedAt);
        assertEquals("Registration confirmed: " + "Testbijeenkomst render", stored.subject);
        assertEquals(1, stored.attachments.size());
        MimeMessage message = smtp.receivedBy(email).get(0);
        assertEquals(stored.subject, message.getSubject());
        assertEquals(stored.messageId, message.getMessageID());
        assertEquals(lines(stored.textBody), lines(Mime.part(message, "text/plain")));
        assertContains(stored.textBody, "Dear Anna,");
        assertEquals(stored.attachments.get(0).content, Mime.part(message, "text/calendar"));
    }

    @Test
    void aChangeThatRollsBackLeavesNoRow() {
        MailTestData.TestEvent event = data.onlineEvent("Teruggedraaid licht");
        String email = MailTestData.uniqueEmail("terug");
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxMail.count());

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Registration registration = data.newRegistration(event.id(), email, "Tom", "nl",
                    RegistrationStatus.CONFIRMED);
            registrationChanged.fire(new RegistrationChanged(registration, Change.CONFIRMED));
            OutboxMail light = OutboxMail.find("recipient", email).firstResult();
            assertNull(light.textBody);
            throw new IllegalStateException("the sign-up fails after the mail row was written");
        }));

        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> OutboxMail.count()));
        assertEquals(new OutboxSender.Run(0, 0, 0, 0), sender.sendDue(Instant.now()));
    }

    @Test
    void theContentIsStoredBeforeTheFirstSendSoARetrySendsTheSameBytes() throws Exception {
        TestEvents.Created event = TestEvents.create("retry", 10);
        String email = MailTestData.uniqueEmail("retry");
        service.signUp(event.slug(), input(email), NL);
        Long id = TestEvents.registration(event.id(), email).id;

        smtp.stop();
        Instant t0 = Instant.now();
        assertEquals(new OutboxSender.Run(1, 0, 1, 0), sender.sendDue(t0));
        OutboxMail afterFailure = data.storedMailsFor(id).get(0);
        assertEquals(MailStatus.PENDING, afterFailure.status);
        assertNotNull(afterFailure.renderedAt);
        assertEquals("Aanmelding bevestigd: Testbijeenkomst retry", afterFailure.subject);
        String invite = afterFailure.attachments.get(0).content;

        // The organiser renames the event meanwhile: the mail that was already rendered does not change.
        TestEvents.change(event.id(), e -> e.title = "Nieuwe titel");
        smtp.start();
        mailClient.awaitDelivery(smtp);
        assertEquals(new OutboxSender.Run(1, 1, 0, 0), sender.sendDue(t0.plus(Duration.ofMinutes(1))));

        OutboxMail sent = data.storedMailsFor(id).get(0);
        assertEquals(MailStatus.SENT, sent.status);
        assertEquals(afterFailure.renderedAt, sent.renderedAt);
        assertEquals(afterFailure.textBody, sent.textBody);
        assertEquals(invite, sent.attachments.get(0).content);
        MimeMessage message = smtp.receivedBy(email).get(0);
        assertEquals("Aanmelding bevestigd: Testbijeenkomst retry", message.getSubject());
        assertEquals(afterFailure.messageId, message.getMessageID());
        assertEquals(lines(afterFailure.textBody), lines(Mime.part(message, "text/plain")));
        assertEquals(lines(afterFailure.htmlBody), lines(Mime.part(message, "text/html")));
        assertEquals(invite, Mime.part(message, "text/calendar"));
    }

    @Test
    void mailsOvertakenBeforeTheyWereRenderedAreNotSentTheLaterOnesAre() throws Exception {
        // One place. Anna gets it, Bert waits; Anna cancels before the sender ran, so Bert is promoted.
        TestEvents.Created event = TestEvents.create("ingehaald", 1);
        String anna = MailTestData.uniqueEmail("anna");
        String bert = MailTestData.uniqueEmail("bert");
        service.signUp(event.slug(), input(anna), NL);
        service.signUp(event.slug(), input(bert), NL);
        Registration annaRegistration = TestEvents.registration(event.id(), anna);
        service.cancel(annaRegistration.token);
        Long bertId = TestEvents.registration(event.id(), bert).id;

        assertEquals(new OutboxSender.Run(4, 2, 0, 0, 2), sender.sendDue(Instant.now()));

        // Anna: no confirmation (with a calendar REQUEST) for a place she has already given up; the cancellation.
        List<MimeMessage> toAnna = smtp.receivedBy(anna);
        assertEquals(1, toAnna.size());
        assertEquals("Afmelding ontvangen: Testbijeenkomst ingehaald", toAnna.get(0).getSubject());
        List<OutboxMail> annaMails = data.storedMailsFor(annaRegistration.id);
        assertEquals(MailKind.CONFIRMATION, annaMails.get(0).kind);
        assertEquals(MailStatus.SUPERSEDED, annaMails.get(0).status);
        assertNull(annaMails.get(0).textBody);
        assertContains(annaMails.get(0).lastError, "CANCELLED");
        // Bert: no "you are on the waiting list" that is no longer true; the promotion.
        List<MimeMessage> toBert = smtp.receivedBy(bert);
        assertEquals(1, toBert.size());
        assertEquals("Er is een plek voor je vrijgekomen: Testbijeenkomst ingehaald", toBert.get(0).getSubject());
        assertEquals(List.of(MailStatus.SUPERSEDED, MailStatus.SENT),
                data.storedMailsFor(bertId).stream().map(mail -> mail.status).toList());

        // Superseded mails are never claimed again.
        assertEquals(0, sender.sendDue(Instant.now().plus(Duration.ofDays(1))).claimed());
    }

    @Test
    void aConfirmationNotRenderedBeforeTheEventWasCancelledIsNotSentTheCancellationIs() throws Exception {
        MailTestData.TestEvent event = data.onlineEvent("Afgelast voor verzending");
        String email = MailTestData.uniqueEmail("afgelast");
        Long id = data.register(event.id(), email, "Cor", "nl", RegistrationStatus.CONFIRMED, Change.CONFIRMED);
        data.cancelEvent(event.id());

        assertEquals(new OutboxSender.Run(2, 1, 0, 0, 1), sender.sendDue(Instant.now()));

        List<MimeMessage> received = smtp.receivedBy(email);
        assertEquals(1, received.size());
        assertEquals("Gaat niet door: Afgelast voor verzending", received.get(0).getSubject());
        assertTrue(!Mime.part(received.get(0), "text/plain").contains(MailTestData.JOIN_URL));
        assertEquals(List.of(MailStatus.SUPERSEDED, MailStatus.SENT),
                data.storedMailsFor(id).stream().map(mail -> mail.status).toList());
    }
}
