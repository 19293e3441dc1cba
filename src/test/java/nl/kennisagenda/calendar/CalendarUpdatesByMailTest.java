package nl.kennisagenda.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventChangeService;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.mail.GreenMailProfile;
import nl.kennisagenda.mail.MailClientWarmUp;
import nl.kennisagenda.mail.MailTestData;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutboxSender;
import nl.kennisagenda.mail.SmtpServer;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;

/**
 * End to end through a real SMTP server (GreenMail): the organiser's change goes through EventChangeService, the
 * mail feature's observer writes the mails to the outbox in that transaction, the sender delivers them, and the
 * invite the attendee receives moves (REQUEST, same UID, higher SEQUENCE) or removes (CANCEL) their calendar entry.
 */
@QuarkusTest
@TestProfile(GreenMailProfile.class)
class CalendarUpdatesByMailTest {

    SmtpServer smtp;

    @Inject
    MailTestData data;

    @Inject
    OutboxSender sender;

    @Inject
    EventChangeService changes;

    @Inject
    RegistrationService registrations;

    @Inject
    MailClientWarmUp mailClient;

    @BeforeEach
    void emptyMailboxAndOutbox() {
        smtp.start();
        mailClient.awaitDelivery(smtp);
        // Test classes share the in-memory database: start from an empty outbox, as the mail tests do.
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.delete("id > 0"));
    }

    /** Runs the sender until nothing is due (a run handles one batch); every claimed mail must go out. */
    private void deliverAll() {
        OutboxSender.Run run;
        int runs = 0;
        do {
            run = sender.sendDue(Instant.now());
            // A failed send waits for its back-off: report it here rather than as a missing mail further on.
            assertEquals(0, run.retried() + run.failed(), "mails that were not delivered: " + run);
        } while (run.claimed() > 0 && ++runs < 10);
    }

    @Test
    void aRescheduleMovesTheAttendeesEntryAndACancellationRemovesIt() throws Exception {
        MailTestData.TestEvent testEvent = data.onlineEvent("Webinar dat verschuift");
        String email = MailTestData.uniqueEmail("agenda");
        data.register(testEvent.id(), email, "Iris", "nl", RegistrationStatus.CONFIRMED,
                RegistrationChanged.Change.CONFIRMED, testEvent.sessionA());
        deliverAll();
        Calendar confirmation = onlyInvite(email, 1);
        VEvent original = Ics.onlyEvent(confirmation);
        assertEquals("REQUEST", Ics.value(confirmation, "METHOD"));

        Event event = QuarkusTransaction.requiringNew().call(() -> Event.findById(testEvent.id()));
        Instant newStart = event.startsAt.plus(Duration.ofDays(7));
        assertTrue(changes.reschedule(event, newStart, event.endsAt.plus(Duration.ofDays(7))));
        deliverAll();

        Calendar update = onlyInvite(email, 2);
        VEvent moved = Ics.onlyEvent(update);
        assertEquals("REQUEST", Ics.value(update, "METHOD"));
        assertEquals(Ics.value(original, "UID"), Ics.value(moved, "UID"), "the same entry moves");
        assertTrue(sequence(moved) > sequence(original), "a higher SEQUENCE supersedes the confirmation");
        assertEquals(newStart, Ics.instant(moved, "DTSTART"));
        assertThat(Ics.value(moved, "DESCRIPTION"), containsString(MailTestData.JOIN_URL));

        assertTrue(changes.cancel(event));
        deliverAll();

        Calendar cancellation = onlyInvite(email, 3);
        VEvent removed = Ics.onlyEvent(cancellation);
        assertEquals("CANCEL", Ics.value(cancellation, "METHOD"));
        assertEquals(Ics.value(original, "UID"), Ics.value(removed, "UID"));
        assertEquals("CANCELLED", Ics.value(removed, "STATUS"));
        assertTrue(sequence(removed) > sequence(moved));
        assertThat(Ics.value(removed, "DESCRIPTION"), not(containsString(MailTestData.JOIN_URL)));
    }

    @Test
    void aChangeOfSessionsSendsTheUpdatedEntryWithAHigherSequenceAndTheFeedAgrees() throws Exception {
        MailTestData.TestEvent testEvent = data.onlineEvent("Webinar met andere sessie");
        String slug = QuarkusTransaction.requiringNew().call(() -> {
            Event event = Event.findById(testEvent.id());
            FormField dietary = new FormField();
            dietary.event = event;
            dietary.sortOrder = 10;
            dietary.fieldKey = "dieet";
            dietary.labelNl = "Dieetwensen";
            dietary.labelEn = "Dietary wishes";
            dietary.type = FieldType.TEXT;
            dietary.persist();
            return event.slug;
        });
        String email = MailTestData.uniqueEmail("wissel");
        Locale nl = Locale.forLanguageTag("nl");
        registrations.signUp(slug, input(email, "geen", testEvent.sessionA()), nl);
        deliverAll();
        VEvent confirmed = Ics.onlyEvent(onlyInvite(email, 1));
        Registration registration = QuarkusTransaction.requiringNew().call(() -> {
            Registration found = Registration.find("email", email).firstResult();
            found.attendee.calendarToken.length();
            return found;
        });

        registrations.update(registration.token, input(email, "geen", testEvent.sessionB()), nl);
        deliverAll();

        MimeMessage changed = smtp.receivedBy(email).get(1);
        assertEquals("Je sessies zijn gewijzigd: Webinar met andere sessie", changed.getSubject());
        Calendar update = onlyInvite(email, 2);
        VEvent moved = Ics.onlyEvent(update);
        assertEquals("REQUEST", Ics.value(update, "METHOD"));
        assertEquals(Ics.value(confirmed, "UID"), Ics.value(moved, "UID"), "the same entry changes");
        assertTrue(sequence(moved) > sequence(confirmed), "a higher SEQUENCE supersedes the confirmation");
        assertThat(Ics.value(moved, "DESCRIPTION"), containsString("Sessie Zorg"));
        assertThat(Ics.value(moved, "DESCRIPTION"), not(containsString("Sessie Wonen")));

        VEvent inFeed = feedEntry(registration.attendee.calendarToken);
        assertEquals(Ics.value(moved, "UID"), Ics.value(inFeed, "UID"));
        assertEquals(sequence(moved), sequence(inFeed), "the feed shows the entry at the mailed SEQUENCE");
        assertThat(Ics.value(inFeed, "DESCRIPTION"), containsString("Sessie Zorg"));

        // Answers the entry does not show: the update mail, no invite, and the entry keeps its SEQUENCE.
        registrations.update(registration.token, input(email, "vegetarisch", testEvent.sessionB()), nl);
        deliverAll();
        List<MimeMessage> received = smtp.receivedBy(email);
        assertEquals(3, received.size());
        assertEquals("Je aanmelding is gewijzigd: Webinar met andere sessie", received.get(2).getSubject());
        List<String> invites = new ArrayList<>();
        collectCalendars(received.get(2), invites);
        assertTrue(invites.isEmpty(), "no invite for a change the calendar entry does not show");
        assertEquals(sequence(moved), sequence(feedEntry(registration.attendee.calendarToken)));
    }

    private static SignupInput input(String email, String dietaryWishes, Long session) {
        return new SignupInput(Map.of("firstName", List.of("Wim"), "lastName", List.of("Wissel"),
                "email", List.of(email), "dieet", List.of(dietaryWishes)),
                List.of(String.valueOf(session)), false);
    }

    private static VEvent feedEntry(String calendarToken) {
        String feed = given().get("/calendar/" + calendarToken + ".ics").then().statusCode(200).extract().asString();
        return Ics.onlyEvent(Ics.parse(feed));
    }

    private static int sequence(VEvent vevent) {
        return Integer.parseInt(Ics.value(vevent, "SEQUENCE"));
    }

    /** The invite of the newest of the {@code expected} mails the attendee has received, read strictly. */
    private Calendar onlyInvite(String email, int expected) throws Exception {
        List<MimeMessage> received = smtp.receivedBy(email);
        assertEquals(expected, received.size(), "mails received by " + email);
        List<String> invites = new ArrayList<>();
        collectCalendars(received.get(expected - 1), invites);
        assertTrue(!invites.isEmpty(), "the mail carries an invite");
        // The same document may be both the text/calendar alternative and the .ics attachment.
        assertEquals(1, invites.stream().distinct().count(), "one invite document");
        return Ics.parse(invites.get(0));
    }

    private static void collectCalendars(Part part, List<String> found) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectCalendars(multipart.getBodyPart(i), found);
            }
        } else if (part.getContentType().toLowerCase(Locale.ROOT).startsWith("text/calendar")) {
            found.add(new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
