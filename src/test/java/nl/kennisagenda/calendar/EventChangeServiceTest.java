package nl.kennisagenda.calendar;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.model.component.VEvent;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventChangeService;
import nl.kennisagenda.event.EventChanged;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.ProgrammeItem;

/** The organiser's changes: SEQUENCE only goes up for real changes to published events, and calendars hear of it. */
@QuarkusTest
class EventChangeServiceTest {

    static final Instant START = Instant.parse("2027-06-10T08:00:00Z");
    static final Instant END = START.plusSeconds(2 * 3600);

    final CalendarFixtures fixtures = new CalendarFixtures();

    @Inject
    EventChangeService changes;

    @Inject
    RecordedEventChanges recorded;

    @AfterEach
    void cleanUp() {
        fixtures.cleanUp();
    }

    static VEvent export(String slug) {
        byte[] octets = given().get("/events/" + slug + ".ics").then().statusCode(200).extract().asByteArray();
        return Ics.onlyEvent(Ics.parse(new String(octets, StandardCharsets.UTF_8)));
    }

    static int sequence(String slug) {
        return Integer.parseInt(Ics.value(export(slug), "SEQUENCE"));
    }

    static Event reload(Event event) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event found = Event.findById(event.id);
            found.programme.size();
            return found;
        });
    }

    @Test
    void reschedulingAPublishedEventRaisesTheSequenceMovesTheProgrammeAndTellsCalendars() {
        Event event = fixtures.event("verzet-mij", "Verzet mij", START, END, EventStatus.PUBLISHED, e -> { });
        ProgrammeItem item = fixtures.item(event, START.plusSeconds(1800), START.plusSeconds(3600), "Deel 1");
        VEvent before = export("verzet-mij");

        assertTrue(changes.reschedule(event, START.plusSeconds(7 * 86400), END.plusSeconds(7 * 86400)));

        VEvent after = export("verzet-mij");
        assertEquals(Ics.value(before, "UID"), Ics.value(after, "UID"), "same UID: the entry moves");
        assertEquals(Integer.parseInt(Ics.value(before, "SEQUENCE")) + 1, Integer.parseInt(Ics.value(after, "SEQUENCE")));
        assertEquals(START.plusSeconds(7 * 86400), Ics.instant(after, "DTSTART"));
        Event saved = reload(event);
        assertEquals(item.startsAt.plusSeconds(7 * 86400), saved.programme.get(0).startsAt, "the programme moves along");
        assertTrue(saved.updatedAt.isAfter(event.updatedAt));

        List<RecordedEventChanges.Seen> seen = recorded.forEvent(event.id);
        assertEquals(1, seen.size());
        assertEquals(EventChanged.Change.RESCHEDULED, seen.get(0).change());
        assertEquals(saved.icalSequence, seen.get(0).sequence(), "fired after the sequence was raised");
        assertTrue(seen.get(0).inTransaction(), "fired synchronously inside the changing transaction");
    }

    @Test
    void aChangeThatChangesNothingLeavesTheSequenceAndFiresNothing() {
        Event event = fixtures.event("blijft-staan", "Blijft staan", START, END, EventStatus.PUBLISHED,
                e -> e.venueName = "Jaarbeurs");
        int before = sequence("blijft-staan");

        assertFalse(changes.reschedule(event, START, END));
        assertFalse(changes.changeVenue(event, "Jaarbeurs", " ", null));
        assertFalse(changes.changeJoinLink(event, "https://zoom.example.org/j/999?pwd=fixture"));
        assertFalse(changes.changeFormat(event, EventFormat.ONLINE));

        assertEquals(before, sequence("blijft-staan"));
        assertTrue(recorded.forEvent(event.id).isEmpty());
    }

    @Test
    void placeAndJoinLinkChangesEachRaiseTheSequence() {
        Event event = fixtures.event("nieuwe-plek", "Nieuwe plek", START, END, EventStatus.PUBLISHED, e -> { });
        int before = sequence("nieuwe-plek");

        assertTrue(changes.changeVenue(event, "Stadhuis", "Markt 1", "Utrecht"));
        assertTrue(changes.changeFormat(event, EventFormat.HYBRID));
        assertTrue(changes.changeJoinLink(event, "https://teams.example.org/meet/nieuw"));

        VEvent after = export("nieuwe-plek");
        assertEquals(before + 3, Integer.parseInt(Ics.value(after, "SEQUENCE")));
        assertEquals("Stadhuis, Markt 1, Utrecht en online", Ics.value(after, "LOCATION"));
        assertEquals(3, recorded.forEvent(event.id).size());
        assertThrows(IllegalArgumentException.class, () -> changes.changeJoinLink(event, "javascript:alert(1)"));
    }

    @Test
    void cancellingAPublishedEventMarksItCancelledForCalendars() {
        Event event = fixtures.event("gaat-niet-door", "Gaat niet door", START, END, EventStatus.PUBLISHED, e -> { });
        VEvent before = export("gaat-niet-door");

        assertTrue(changes.cancel(event));
        assertFalse(changes.cancel(event), "cancelling twice changes nothing");

        VEvent after = export("gaat-niet-door");
        assertEquals("CANCELLED", Ics.value(after, "STATUS"));
        assertEquals(Ics.value(before, "UID"), Ics.value(after, "UID"));
        assertEquals(Integer.parseInt(Ics.value(before, "SEQUENCE")) + 1, Integer.parseInt(Ics.value(after, "SEQUENCE")));
        List<RecordedEventChanges.Seen> seen = recorded.forEvent(event.id);
        assertEquals(1, seen.size());
        assertEquals(EventChanged.Change.CANCELLED, seen.get(0).change());
    }

    @Test
    void changesToADraftAreAppliedQuietly() {
        Event event = fixtures.event("nog-concept", "Nog concept", START, END, EventStatus.DRAFT, e -> { });

        assertTrue(changes.reschedule(event, START.plusSeconds(3600), END.plusSeconds(3600)));

        Event saved = reload(event);
        assertEquals(START.plusSeconds(3600), saved.startsAt);
        assertEquals(0, saved.icalSequence);
        assertTrue(recorded.forEvent(event.id).isEmpty());
        assertThrows(IllegalStateException.class, () -> changes.cancel(event));
        assertThrows(IllegalArgumentException.class, () -> changes.reschedule(event, END, START));
    }
}
