package nl.kennisagenda.mail;

import static nl.kennisagenda.mail.MailTestData.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.RegistrationStatus;

/**
 * The header fields of every kind of mail as they arrive at a real SMTP server (GreenMail): no empty field (an empty
 * {@code Cc:} is invalid under RFC 5322, section 3.6.3), no Cc or Bcc at all, and each of From, To, Subject, Date,
 * Message-ID and MIME-Version exactly once.
 */
@QuarkusTest
@TestProfile(GreenMailProfile.class)
class MailHeaderFieldsTest {

    /** Header fields a mail must carry exactly once (RFC 5322 3.6: Date and From are required, the rest once). */
    private static final List<String> ONCE = List.of("From", "To", "Subject", "Date", "Message-ID", "MIME-Version");

    SmtpServer smtp;

    @Inject
    MailTestData data;

    @Inject
    OutboxSender sender;

    @Inject
    MailOutbox outbox;

    @Inject
    AttendeeMails attendeeMails;

    @Inject
    AccountMails accountMails;

    @Inject
    MailClientWarmUp mailClient;

    @BeforeEach
    void emptyOutboxAndMailbox() {
        smtp.start();
        mailClient.awaitDelivery(smtp);
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.delete("id > 0"));
        smtp.purge();
    }

    @Test
    void everyKindOfMailArrivesWithoutEmptyHeaderFieldsAndWithoutCc() throws Exception {
        Map<MailKind, String> recipients = new EnumMap<>(MailKind.class);
        produceAttendeeMails(recipients);
        produceAccountMails(recipients);
        // Kinds written already rendered by features of their own (organiser notices, newsletters, ...): the header
        // fields do not depend on who wrote the mail, so each is written here as such a feature writes it.
        for (MailKind kind : MailKind.values()) {
            if (!recipients.containsKey(kind)) {
                String email = uniqueEmail(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(new OutgoingMail(kind, null, email,
                        "Onderwerp " + kind, "Tekst", "<p>Tekst</p>", List.of())
                        .withHeaders(Map.of("List-Unsubscribe", "<https://kennisagenda.example.org/u/abc>"))));
                recipients.put(kind, email);
            }
        }
        assertEquals(EnumSet.allOf(MailKind.class), recipients.keySet());

        MailTestData.sendEverythingDue(sender, Instant.now());

        for (Map.Entry<MailKind, String> expected : recipients.entrySet()) {
            List<MimeMessage> received = smtp.receivedBy(expected.getValue());
            assertEquals(1, received.size(), expected.getKey() + " to " + expected.getValue());
            assertHeaderFieldsValid(expected.getKey(), received.get(0));
        }
    }

    private void produceAttendeeMails(Map<MailKind, String> recipients) {
        MailTestData.TestEvent event = data.onlineEvent("Kopregels kloppen");
        register(recipients, MailKind.CONFIRMATION, event, RegistrationStatus.CONFIRMED, Change.CONFIRMED);
        register(recipients, MailKind.WAITING_LIST, event, RegistrationStatus.WAITLISTED, Change.WAITLISTED);
        register(recipients, MailKind.PROMOTION, event, RegistrationStatus.CONFIRMED, Change.PROMOTED);
        register(recipients, MailKind.REGISTRATION_UPDATED, event, RegistrationStatus.CONFIRMED, Change.UPDATED);
        register(recipients, MailKind.DUPLICATE_SIGNUP, event, RegistrationStatus.CONFIRMED,
                Change.DUPLICATE_SIGNUP);
        register(recipients, MailKind.REGISTRATION_PENDING, event, RegistrationStatus.PENDING, Change.PENDING);
        register(recipients, MailKind.REGISTRATION_DECLINED, event, RegistrationStatus.DECLINED, Change.DECLINED);
        register(recipients, MailKind.CANCELLATION, event, RegistrationStatus.CANCELLED, Change.CANCELLED);
        String switching = uniqueEmail("sessions-changed");
        Long switched = data.registerQuietly(event.id(), switching, "Sven", "nl", RegistrationStatus.CONFIRMED,
                Instant.now());
        data.changeSession(switched, null, event.sessionB());
        recipients.put(MailKind.SESSIONS_CHANGED, switching);

        String reminded = uniqueEmail("reminder");
        Long reminder = data.registerQuietly(event.id(), reminded, "Rik", "nl", RegistrationStatus.CONFIRMED,
                Instant.now());
        QuarkusTransaction.requiringNew().run(() -> attendeeMails.reminder(Registration.findById(reminder)));
        recipients.put(MailKind.REMINDER, reminded);

        MailTestData.TestEvent moved = data.onlineEvent("Verzet");
        String updated = uniqueEmail("event-updated");
        data.registerQuietly(moved.id(), updated, "Eva", "nl", RegistrationStatus.CONFIRMED, Instant.now());
        data.reschedule(moved.id());
        recipients.put(MailKind.EVENT_UPDATED, updated);

        MailTestData.TestEvent cancelled = data.onlineEvent("Afgelast");
        String cancelledEmail = uniqueEmail("event-cancelled");
        data.registerQuietly(cancelled.id(), cancelledEmail, "Cas", "nl", RegistrationStatus.CONFIRMED,
                Instant.now());
        data.cancelEvent(cancelled.id());
        recipients.put(MailKind.EVENT_CANCELLED, cancelledEmail);
    }

    private void register(Map<MailKind, String> recipients, MailKind kind, MailTestData.TestEvent event,
            RegistrationStatus status, Change change) {
        String email = uniqueEmail(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        data.register(event.id(), email, "Kim", "nl", status, change, event.sessionA());
        recipients.put(kind, email);
    }

    private void produceAccountMails(Map<MailKind, String> recipients) {
        for (MailKind kind : List.of(MailKind.PASSWORD_RESET, MailKind.ACCOUNT_INVITATION)) {
            String email = uniqueEmail(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            QuarkusTransaction.requiringNew().run(() -> accountMails.passwordLink(kind, email, "Olga Organisator",
                    "http://localhost:8080/admin/password-reset/t0k3n", Duration.ofHours(1), Locale.forLanguageTag("nl")));
            recipients.put(kind, email);
        }
    }

    private static void assertHeaderFieldsValid(MailKind kind, MimeMessage message) throws MessagingException {
        List<Header> headers = Collections.list(message.getAllHeaders());
        for (Header header : headers) {
            assertFalse(header.getValue() == null || header.getValue().isBlank(),
                    kind + ": empty header field " + header.getName() + " in " + names(headers));
        }
        assertNull(message.getHeader("Cc"), kind + ": Cc in " + names(headers));
        assertNull(message.getHeader("Bcc"), kind + ": Bcc in " + names(headers));
        for (String name : ONCE) {
            String[] values = message.getHeader(name);
            if (values == null || values.length != 1) {
                fail(kind + ": " + name + " should appear once in " + names(headers));
            }
        }
        assertTrue(message.getHeader("To")[0].contains("@example.org"), kind + ": To " + message.getHeader("To")[0]);
    }

    private static List<String> names(List<Header> headers) {
        List<String> names = new ArrayList<>();
        headers.forEach(header -> names.add(header.getName() + ": " + header.getValue()));
        return names;
    }
}
