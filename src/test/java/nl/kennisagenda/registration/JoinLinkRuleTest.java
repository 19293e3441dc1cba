package nl.kennisagenda.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.kennisagenda.common.WebAddresses;
import nl.kennisagenda.event.AttendanceMode;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventStatus;

/** The one rule for the join link, which mails, invites and feeds all ask (Registration#joinLink). */
class JoinLinkRuleTest {

    private static final String ZOOM = "https://zoom.example.org/j/99887766?pwd=geheim";

    private static Registration registration(EventFormat format, EventStatus eventStatus, String joinUrl,
            RegistrationStatus status) {
        Event event = new Event();
        event.format = format;
        event.status = eventStatus;
        event.joinUrl = joinUrl;
        Registration registration = new Registration();
        registration.event = event;
        registration.status = status;
        return registration;
    }

    @Test
    void aConfirmedAttendeeOfAPublishedOnlineEventOrOnlineAtAHybridOneGetsTheLink() {
        for (EventFormat format : new EventFormat[] { EventFormat.ONLINE, EventFormat.HYBRID }) {
            Registration registration = registration(format, EventStatus.PUBLISHED, ZOOM, RegistrationStatus.CONFIRMED);
            registration.attendanceMode = AttendanceMode.ONLINE;
            assertEquals(Optional.of(URI.create(ZOOM)), registration.joinLink(), format.name());
        }
    }

    @Test
    void anOnSiteAttendeeOfAHybridEventGetsTheAddressButNeverTheLink() {
        Registration onSite = registration(EventFormat.HYBRID, EventStatus.PUBLISHED, ZOOM, RegistrationStatus.CONFIRMED);
        onSite.attendanceMode = AttendanceMode.ON_SITE;
        assertFalse(onSite.joinLink().isPresent());
        assertTrue(onSite.getsVenue());

        Registration online = registration(EventFormat.HYBRID, EventStatus.PUBLISHED, ZOOM, RegistrationStatus.CONFIRMED);
        online.attendanceMode = AttendanceMode.ONLINE;
        assertFalse(online.getsVenue(), "an online attendee of a hybrid event gets no address");
    }

    @Test
    void theFormatDecidesTheModeOfAnEventThatIsNotHybrid() {
        Registration atOnline = registration(EventFormat.ONLINE, EventStatus.PUBLISHED, ZOOM, RegistrationStatus.CONFIRMED);
        atOnline.attendanceMode = AttendanceMode.ON_SITE;
        assertEquals(AttendanceMode.ONLINE, atOnline.mode());
        assertTrue(atOnline.joinLink().isPresent());
    }

    @Test
    void theWaitlistedTheCancelledAndEveryoneOfACancelledEventDoNot() {
        assertFalse(registration(EventFormat.ONLINE, EventStatus.PUBLISHED, ZOOM, RegistrationStatus.WAITLISTED)
                .joinLink().isPresent());
        assertFalse(registration(EventFormat.ONLINE, EventStatus.PUBLISHED, ZOOM, RegistrationStatus.CANCELLED)
                .joinLink().isPresent());
        assertFalse(registration(EventFormat.ONLINE, EventStatus.CANCELLED, ZOOM, RegistrationStatus.CONFIRMED)
                .joinLink().isPresent());
        assertFalse(registration(EventFormat.ONLINE, EventStatus.DRAFT, ZOOM, RegistrationStatus.CONFIRMED)
                .joinLink().isPresent());
    }

    @Test
    void anInPersonEventHasNoJoinLinkEvenWhenOneIsStored() {
        assertFalse(registration(EventFormat.IN_PERSON, EventStatus.PUBLISHED, ZOOM, RegistrationStatus.CONFIRMED)
                .joinLink().isPresent());
    }

    @Test
    void onlyHttpAndHttpsAddressesWithAHostAreLinks() {
        for (String bad : new String[] { "javascript:alert(1)", "JAVASCRIPT:alert(1)", "mailto:a@example.org",
                "zoom.example.org/j/1", "/j/1", "https://", "http:///x", "https://exa mple.org", "", "  " }) {
            assertFalse(WebAddresses.isWebAddress(bad), bad);
            assertFalse(registration(EventFormat.ONLINE, EventStatus.PUBLISHED, bad, RegistrationStatus.CONFIRMED)
                    .joinLink().isPresent(), bad);
        }
        assertTrue(WebAddresses.isWebAddress("HTTP://teams.example.org/l/meetup-join/x"));
        assertEquals(Optional.of(URI.create(ZOOM)), WebAddresses.parse("  " + ZOOM + "\n"));
    }
}
