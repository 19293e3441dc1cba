package nl.kennisagenda.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.backoffice.service.EventEditing;
import nl.kennisagenda.backoffice.service.EventInput;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.mail.GreenMailProfile;
import nl.kennisagenda.mail.MailClientWarmUp;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutboxSender;
import nl.kennisagenda.mail.SmtpServer;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;

/**
 * Through a real SMTP server: an organiser moves a published event (through the back-office's service) and the confirmed attendee's
 * calendar entry moves (METHOD:REQUEST, the same UID, a higher SEQUENCE); a cancellation carries the organiser's
 * message.
 */
@QuarkusTest
@TestProfile(GreenMailProfile.class)
class EventChangeMailsTest {

    private static final LocalDate DAY = LocalDate.now(Dates.AMSTERDAM).plusMonths(4);

    SmtpServer smtp;

    @Inject
    OutboxSender sender;

    @Inject
    MailClientWarmUp mailClient;

    @Inject
    RegistrationService registrations;

    @Inject
    EventEditing editing;

    @BeforeEach
    void emptyMailboxAndOutbox() {
        smtp.start();
        mailClient.awaitDelivery(smtp);
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.delete("id > 0"));
    }

    @Test
    void movingAPublishedEventSendsTheAttendeeAnUpdateOfTheSameCalendarEntry() throws Exception {
        // The service the pages call, as the organiser (the pages themselves are covered by EventEditingTest).
        Actor organiser = QuarkusTransaction.requiringNew()
                .call(() -> Actor.of(Account.findByEmail("platform31@example.org").orElseThrow()));
        String slug = "verhuist-" + UUID.randomUUID().toString().substring(0, 8);
        long id = editing.create(organiser, "platform31", input(slug, "10:00", "12:00")).id;
        editing.publish(organiser, id);
        String email = signUp(slug);
        deliverAll();
        String confirmation = onlyCalendar(email, 1);
        assertTrue(confirmation.contains("METHOD:REQUEST"), confirmation);

        EventEditing.SaveResult asked = editing.update(organiser, id, input(slug, "14:00", "16:00"), false);
        assertTrue(asked.needsConfirmation());
        assertEquals(1, asked.attendeesToNotify());
        assertFalse(editing.update(organiser, id, input(slug, "14:00", "16:00"), true).needsConfirmation());
        deliverAll();

        String update = onlyCalendar(email, 2);
        assertTrue(update.contains("METHOD:REQUEST"), update);
        assertEquals(value(confirmation, "UID"), value(update, "UID"), "the same entry moves");
        assertTrue(Integer.parseInt(value(update, "SEQUENCE")) > Integer.parseInt(value(confirmation, "SEQUENCE")));
        assertTrue(update.contains("T130000Z") || update.contains("T140000"), "the new start: " + update);

        editing.cancel(organiser, id, "De zaal is onverwacht gesloten.");
        deliverAll();
        List<MimeMessage> received = smtp.receivedBy(email);
        assertEquals(3, received.size());
        String cancellation = text(received.get(2), "text/plain");
        assertTrue(cancellation.contains("De zaal is onverwacht gesloten."), cancellation);
        assertTrue(onlyCalendar(email, 3).contains("METHOD:CANCEL"));
    }

    private static EventInput input(String slug, String from, String to) {
        return new EventInput(slug, "Werkplaats die verhuist " + slug, null, null, null, null, null, List.of(), "ONLINE",
                DAY + "T" + from, DAY + "T" + to, null, null, null, "Zoom", "https://zoom.example.org/j/555", null,
                null, List.of(), List.of(), null, null, null, null, null, null, List.of(), false, false, null);
    }

    private String signUp(String slug) {
        String email = "deelnemer-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        registrations.signUp(slug, new SignupInput(Map.of("firstName", List.of("Iris"), "lastName", List.of("Bakker"),
                "email", List.of(email), "organisation", List.of("Gemeente Test")), List.of(), false),
                Locale.forLanguageTag("nl"));
        return email;
    }

    private void deliverAll() {
        OutboxSender.Run run;
        int runs = 0;
        do {
            run = sender.sendDue(Instant.now());
            assertEquals(0, run.retried() + run.failed(), "mails that were not delivered: " + run);
        } while (run.claimed() > 0 && ++runs < 10);
    }

    private String onlyCalendar(String email, int expected) throws Exception {
        List<MimeMessage> received = smtp.receivedBy(email);
        assertEquals(expected, received.size(), "mails received by " + email);
        String calendar = text(received.get(expected - 1), "text/calendar");
        assertTrue(!calendar.isEmpty(), "the mail carries an invite");
        return calendar.replace("\r\n ", "");
    }

    private static String value(String calendar, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "(;[^:]*)?:(.*)$").matcher(calendar);
        assertTrue(matcher.find(), name + " in " + calendar);
        return matcher.group(2).strip();
    }

    /** The first part of this type, decoded. */
    private static String text(Part part, String type) throws MessagingException, IOException {
        List<String> found = new ArrayList<>();
        collect(part, type, found);
        return found.isEmpty() ? "" : found.get(0);
    }

    private static void collect(Part part, String type, List<String> found) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), type, found);
            }
        } else if (part.getContentType().toLowerCase(Locale.ROOT).startsWith(type)) {
            found.add(new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
