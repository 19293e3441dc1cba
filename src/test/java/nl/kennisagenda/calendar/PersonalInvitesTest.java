package nl.kennisagenda.calendar;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;

@QuarkusTest
class PersonalInvitesTest {

    static final String WEBINAR = "ruimte-voor-eerstelijnszorg";
    static final String BREAKOUTS = "samen-bouwen-aan-medisch-generalistische-zorg";

    @Inject
    PersonalInvites invites;

    @Test
    @TestTransaction
    void confirmedAttendeeGetsARequestWithTheJoinLinkTheirTimesAndAStableUid() {
        Registration registration = register(WEBINAR, "anna@example.org", RegistrationStatus.CONFIRMED);
        Event event = registration.event;

        String document = invites.request(registration);
        Calendar calendar = Ics.parse(document);
        VEvent vevent = Ics.onlyEvent(calendar);

        assertEquals("REQUEST", Ics.value(calendar, "METHOD"));
        assertEquals("registration-" + registration.id + "@localhost", Ics.value(vevent, "UID"));
        assertEquals(String.valueOf(event.icalSequence), Ics.value(vevent, "SEQUENCE"));
        assertEquals("CONFIRMED", Ics.value(vevent, "STATUS"));
        assertEquals(event.title, Ics.value(vevent, "SUMMARY"));
        // A confirmed online attendee's own entry is located at the join link (the public entry says "Online via Zoom").
        assertEquals(event.joinUrl, Ics.value(vevent, "LOCATION"));
        assertEquals("http://localhost:8080/events/" + WEBINAR, Ics.value(vevent, "URL"));
        assertThat(Ics.line(document, "DTSTART"), startsWith("DTSTART;TZID=Europe/Amsterdam:"));
        assertThat(Ics.line(document, "DTEND"), startsWith("DTEND;TZID=Europe/Amsterdam:"));
        assertEquals(event.startsAt, Ics.instant(vevent, "DTSTART"));
        assertEquals(event.endsAt, Ics.instant(vevent, "DTEND"));
        assertThat(Ics.line(document, "DTSTAMP"), endsWith("Z"));
        Instant stamp = Ics.instant(vevent, "DTSTAMP");
        assertTrue(Math.abs(ChronoUnit.SECONDS.between(stamp, Instant.now())) < 60, "DTSTAMP is now");

        assertThat(Ics.line(document, "ORGANIZER"), endsWith(":mailto:eerstelijnszorg@example.org"));
        String attendee = Ics.line(document, "ATTENDEE");
        assertThat(attendee, containsString("PARTSTAT=ACCEPTED"));
        assertThat(attendee, containsString("RSVP=FALSE"));
        assertThat(attendee, endsWith(":mailto:anna@example.org"));

        String description = Ics.value(vevent, "DESCRIPTION");
        assertThat(description, containsString("Online deelnemen: " + event.joinUrl));
        assertThat(description, containsString("Programma\n10:30–10:45 Welkom en probleemschets"));
        assertThat(description, containsString("http://localhost:8080/registrations/view/" + registration.id + "."));
        assertThat(description, not(containsString(registration.token)));
        assertEquals(event.joinUrl, Ics.value(vevent, "CONFERENCE"));

        // Another invite for the same registration (e.g. after a change) carries the same UID.
        VEvent again = Ics.onlyEvent(Ics.parse(invites.request(registration)));
        assertEquals(Ics.value(vevent, "UID"), Ics.value(again, "UID"));
    }

    @Test
    @TestTransaction
    void waitlistedAttendeeNeverGetsTheJoinLink() {
        Registration registration = register(WEBINAR, "wachtend@example.org", RegistrationStatus.WAITLISTED);
        String document = invites.request(registration);
        VEvent vevent = Ics.onlyEvent(Ics.parse(document));

        assertThat(document, not(containsString("zoom.example.org")));
        assertTrue(Ics.optionalValue(vevent, "CONFERENCE").isEmpty());
        assertEquals("TENTATIVE", Ics.value(vevent, "STATUS"));
        assertThat(Ics.line(document, "ATTENDEE"), containsString("PARTSTAT=TENTATIVE"));
        assertThat(Ics.value(vevent, "DESCRIPTION"), containsString("Je staat op de wachtlijst"));
    }

    @Test
    @TestTransaction
    void descriptionShowsOnlyTheChosenBreakoutSessionInTheAttendeesLanguage() {
        Registration registration = register(BREAKOUTS, "bram@example.org", RegistrationStatus.CONFIRMED);
        registration.locale = "en";
        ProgrammeItem chosen = registration.event.sessionsInRound(1).get(2);
        registration.sessions.add(chosen);
        registration.persistAndFlush();

        String description = Ics.value(Ics.onlyEvent(Ics.parse(invites.request(registration))), "DESCRIPTION");

        assertThat(description, containsString("Programme\n12:00–12:30 Lunch en netwerkronde"));
        assertThat(description, containsString("13:45–14:30 " + chosen.title + " (round 1, your session)"));
        for (ProgrammeItem other : registration.event.sessionsInRound(1)) {
            if (other != chosen) {
                assertThat(description, not(containsString(other.title)));
            }
        }
        assertThat(description, containsString("Join online: https://zoom.example.org/"));
        assertThat(description, containsString("View your registration: "));
    }

    @Test
    @TestTransaction
    void cancelHasTheSameUidAHigherSequenceAndNoJoinLink() {
        Registration registration = register(WEBINAR, "carla@example.org", RegistrationStatus.CONFIRMED);
        VEvent request = Ics.onlyEvent(Ics.parse(invites.request(registration)));

        registration.status = RegistrationStatus.CANCELLED;
        registration.cancelledAt = Instant.now();
        String document = invites.cancel(registration);
        Calendar calendar = Ics.parse(document);
        VEvent cancel = Ics.onlyEvent(calendar);

        assertEquals("CANCEL", Ics.value(calendar, "METHOD"));
        assertEquals(Ics.value(request, "UID"), Ics.value(cancel, "UID"));
        assertEquals("CANCELLED", Ics.value(cancel, "STATUS"));
        assertTrue(Integer.parseInt(Ics.value(cancel, "SEQUENCE")) > Integer.parseInt(Ics.value(request, "SEQUENCE")));
        assertThat(document, not(containsString("zoom.example.org")));
        assertThat(Ics.line(document, "ATTENDEE"), containsString("PARTSTAT=DECLINED"));
    }

    @Test
    @TestTransaction
    void cancelOfAStillConfirmedRegistrationAlsoDropsTheJoinLink() {
        Registration registration = register(WEBINAR, "dirk@example.org", RegistrationStatus.CONFIRMED);
        String document = invites.cancel(registration);
        VEvent cancel = Ics.onlyEvent(Ics.parse(document));
        assertEquals("CANCELLED", Ics.value(cancel, "STATUS"));
        assertThat(document, not(containsString("zoom.example.org")));
    }

    @Test
    @TestTransaction
    void hostileNamesStayInsideTheirParameterAndTheDocumentStaysValid() {
        Registration registration = register(WEBINAR, "o+brien@example.org", RegistrationStatus.CONFIRMED);
        registration.firstName = "Jan \"de\" Vries; ROLE=CHAIR:";
        registration.lastName = "O'Brien,\r\nATTENDEE:mailto:evil@example.org 🏥";
        registration.persistAndFlush();

        String document = invites.request(registration);
        VEvent vevent = Ics.onlyEvent(Ics.parse(document));

        assertEquals(1, vevent.getProperties("ATTENDEE").size(), "no attendee smuggled in");
        String attendee = Ics.line(document, "ATTENDEE");
        assertThat(attendee, endsWith(":mailto:o+brien@example.org"));
        assertThat(attendee, containsString("ROLE=REQ-PARTICIPANT"));
        assertThat(document, not(containsString("\r\nATTENDEE:mailto:evil")));
        assertEquals("Jan \"de\" Vries; ROLE=CHAIR: O'Brien, ATTENDEE:mailto:evil@example.org 🏥",
                vevent.getProperty("ATTENDEE").orElseThrow().getParameter("CN").orElseThrow().getValue());
    }

    static Registration register(String slug, String email, RegistrationStatus status) {
        Event event = Event.findBySlug(slug).orElseThrow();
        Attendee attendee = new Attendee();
        attendee.email = email;
        attendee.persist();
        Registration registration = new Registration();
        registration.event = event;
        registration.attendee = attendee;
        registration.status = status;
        registration.firstName = "Anna";
        registration.lastName = "de Vries";
        registration.email = email;
        registration.locale = "nl";
        registration.persistAndFlush();
        return registration;
    }
}
