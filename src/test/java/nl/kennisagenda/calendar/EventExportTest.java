package nl.kennisagenda.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.i18n.Dates;

/** {@code GET /events/{slug}.ics}: content, correctness as a strict client reads it, and HTTP behaviour. */
@QuarkusTest
class EventExportTest {

    static final String WEBINAR = "ruimte-voor-eerstelijnszorg";

    final CalendarFixtures fixtures = new CalendarFixtures();

    @jakarta.inject.Inject
    nl.kennisagenda.event.EventChangeService changes;

    @AfterEach
    void cleanUp() {
        fixtures.cleanUp();
    }

    static String download(String path) {
        byte[] octets = given().when().get(path).then().statusCode(200).extract().asByteArray();
        return new String(octets, StandardCharsets.UTF_8);
    }

    @Test
    void theEventExportIsAValidCalendarWithEverythingACalendarNeedsAndNoJoinLink() {
        Event event = QuarkusTransaction.requiringNew().call(() -> {
            Event found = Event.findBySlug(WEBINAR).orElseThrow();
            found.themes.size();
            return found;
        });
        Response response = given().when().get("/events/" + WEBINAR + ".ics");
        response.then().statusCode(200)
                .header("Content-Type", startsWith("text/calendar"))
                .header("Content-Type", containsString("charset=utf-8"))
                .header("Content-Disposition", is("attachment; filename=\"" + WEBINAR + ".ics\""))
                .header("ETag", notNullValue())
                .header("Last-Modified", notNullValue());
        String document = new String(response.asByteArray(), StandardCharsets.UTF_8);

        Calendar calendar = Ics.parse(document);
        VEvent vevent = Ics.onlyEvent(calendar);
        assertTrue(calendar.getProperty("METHOD").isEmpty(), "a published calendar, not a scheduling message");
        assertEquals("event-" + event.id + "@localhost", Ics.value(vevent, "UID"));
        assertEquals(event.title, Ics.value(vevent, "SUMMARY"));
        String description = Ics.value(vevent, "DESCRIPTION");
        assertThat(description, startsWith(event.summary));
        assertThat(description, containsString("Programma\n10:30–10:45 Welkom en probleemschets – Kay Hollanders"));
        assertThat(description, containsString("11:30–12:00 In gesprek: wat kan jouw gemeente doen?"));
        assertEquals("Online via Zoom", Ics.value(vevent, "LOCATION"));
        assertEquals("http://localhost:8080/events/" + WEBINAR, Ics.value(vevent, "URL"));
        assertThat(Ics.line(document, "ORGANIZER"), is("ORGANIZER;CN=Platform31:mailto:eerstelijnszorg@example.org"));
        assertEquals("Eerstelijnszorg,Wonen en ruimte,Gezondheid in de wijk", Ics.value(vevent, "CATEGORIES"));
        assertEquals("CONFIRMED", Ics.value(vevent, "STATUS"));
        assertEquals(String.valueOf(event.icalSequence), Ics.value(vevent, "SEQUENCE"));
        assertThat(Ics.line(document, "DTSTAMP"), Ics.utcLine());
        assertThat(Ics.line(document, "LAST-MODIFIED"), Ics.utcLine());
        assertEquals(event.updatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                Ics.instant(vevent, "LAST-MODIFIED"));
        assertThat(Ics.line(document, "DTSTART"), startsWith("DTSTART;TZID=Europe/Amsterdam:"));
        assertThat(Ics.line(document, "DTEND"), startsWith("DTEND;TZID=Europe/Amsterdam:"));
        assertThat(document, not(containsString("zoom.example.org")));
        assertThat(document, not(containsString("CONFERENCE")));
    }

    @Test
    void twoDownloadsGiveTheSameUidAndTheSameEtag() {
        Response first = given().get("/events/" + WEBINAR + ".ics");
        Response second = given().get("/events/" + WEBINAR + ".ics");
        assertEquals(Ics.value(Ics.onlyEvent(Ics.parse(first.asString())), "UID"),
                Ics.value(Ics.onlyEvent(Ics.parse(second.asString())), "UID"));
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertEquals(first.asString(), second.asString());
    }

    @Test
    void theProgrammeOptionAddsOneEntryPerItemWithItsOwnStableUid() {
        String document = download("/events/samen-bouwen-aan-medisch-generalistische-zorg.ics?programme=true");
        Calendar calendar = Ics.parse(document);
        List<VEvent> events = Ics.events(calendar);
        assertEquals(1 + 9, events.size(), "the event and its nine programme items");
        Set<String> uids = new HashSet<>();
        events.forEach(vevent -> uids.add(Ics.value(vevent, "UID")));
        assertEquals(10, uids.size(), "every entry has its own UID");
        String eventUid = Ics.value(events.get(0), "UID");
        assertThat(eventUid, startsWith("event-"));
        for (VEvent item : events.subList(1, events.size())) {
            assertThat(Ics.value(item, "UID"), startsWith("programme-item-"));
            assertEquals(eventUid, Ics.value(item, "RELATED-TO"));
            assertThat(Ics.value(item, "SUMMARY"),
                    startsWith("Samen bouwen aan toekomstbestendige medisch generalistische zorg in de regio: "));
        }
        Calendar again = Ics.parse(download("/events/samen-bouwen-aan-medisch-generalistische-zorg.ics?programme=true"));
        assertEquals(uids, new HashSet<>(Ics.events(again).stream().map(v -> Ics.value(v, "UID")).toList()));
        // Without the option: only the event itself.
        Ics.onlyEvent(Ics.parse(download("/events/samen-bouwen-aan-medisch-generalistische-zorg.ics")));
    }

    @Test
    void draftsAndUnknownEventsAreNotFound() {
        Instant start = Instant.parse("2027-03-04T09:00:00Z");
        fixtures.event("concept-bijeenkomst", "Concept", start, start.plusSeconds(3600), EventStatus.DRAFT, e -> { });
        given().get("/events/concept-bijeenkomst.ics").then().statusCode(404);
        given().get("/events/bestaat-niet.ics").then().statusCode(404);
    }

    @Test
    void theEventPageRouteIsNotTakenByTheExport() {
        // /events/{slug} belongs to the event page (another resource): whatever it answers, it is not a calendar.
        String contentType = given().get("/events/" + WEBINAR).then().extract().contentType();
        assertThat(contentType == null ? "" : contentType, not(containsString("text/calendar")));
        String past = given().get("/events/past").then().extract().contentType();
        assertThat(past == null ? "" : past, not(containsString("text/calendar")));
    }

    @Test
    void pollingWithIfNoneMatchOrIfModifiedSinceGetsNotModified() {
        Response first = given().get("/events/" + WEBINAR + ".ics");
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");

        given().header("If-None-Match", etag).get("/events/" + WEBINAR + ".ics")
                .then().statusCode(304).header("ETag", etag);
        given().header("If-Modified-Since", lastModified).get("/events/" + WEBINAR + ".ics")
                .then().statusCode(304);
        given().header("If-None-Match", "\"iets-anders\"").header("If-Modified-Since", lastModified)
                .get("/events/" + WEBINAR + ".ics")
                .then().statusCode(200);
        given().header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").get("/events/" + WEBINAR + ".ics")
                .then().statusCode(200);
    }

    @Test
    void textIsEscapedAndLongMultiByteTitlesFoldWithoutSplittingCharacters() {
        String title = "Zorg voor ouderen — één ‘regio’ 🏥… ".repeat(8).trim();
        String summary = "Wonen, zorg; en \\ welzijn.\nTweede regel, met komma.";
        Instant start = Instant.parse("2027-02-11T09:30:00Z");
        fixtures.event("meerbytes", title, start, start.plusSeconds(5400), EventStatus.PUBLISHED,
                e -> {
                    e.summary = summary;
                    e.themes.add("Wonen, zorg; welzijn");
                });

        String document = download("/events/meerbytes.ics");
        VEvent vevent = Ics.onlyEvent(Ics.parse(document));

        assertEquals(title, Ics.value(vevent, "SUMMARY"), "the title survives folding and unfolding");
        assertThat(Ics.value(vevent, "DESCRIPTION"), startsWith(summary));
        String descriptionLine = Ics.line(document, "DESCRIPTION");
        assertThat(descriptionLine, startsWith("DESCRIPTION:Wonen\\, zorg\\; en \\\\ welzijn.\\nTweede regel\\, met komma."));
        assertThat(Ics.line(document, "CATEGORIES"), is("CATEGORIES:Wonen\\, zorg\\; welzijn"));
        long summaryLines = document.lines().dropWhile(l -> !l.startsWith("SUMMARY:"))
                .takeWhile(l -> l.startsWith("SUMMARY:") || l.startsWith(" ")).count();
        assertTrue(summaryLines > 5, "the long title is folded over several lines");
    }

    @Test
    void anEventAcrossTheEndOfSummerTimeKeepsItsLocalTimes() {
        // Last Sunday of October 2027: clocks go back from 03:00 CEST to 02:00 CET.
        Instant start = ZonedDateTime.of(2027, 10, 30, 22, 0, 0, 0, Dates.AMSTERDAM).toInstant();
        Instant end = ZonedDateTime.of(2027, 10, 31, 4, 0, 0, 0, Dates.AMSTERDAM).toInstant();
        assertEquals(Instant.parse("2027-10-30T20:00:00Z"), start);
        assertEquals(Instant.parse("2027-10-31T03:00:00Z"), end);
        fixtures.event("nachtelijke-storingsdienst", "Nachtdienst over de klok heen", start, end,
                EventStatus.PUBLISHED, e -> { });

        String document = download("/events/nachtelijke-storingsdienst.ics");
        VEvent vevent = Ics.onlyEvent(Ics.parse(document));

        assertEquals("DTSTART;TZID=Europe/Amsterdam:20271030T220000", Ics.line(document, "DTSTART"));
        assertEquals("DTEND;TZID=Europe/Amsterdam:20271031T040000", Ics.line(document, "DTEND"));
        assertEquals(start, Ics.instant(vevent, "DTSTART"));
        assertEquals(end, Ics.instant(vevent, "DTEND"));
        assertEquals(7 * 3600, end.getEpochSecond() - start.getEpochSecond(), "seven hours, one of them repeated");
    }

    @Test
    void theDemoWebinarReadsTenThirtyInAmsterdamAndNineThirtyUtcInWinter() {
        // The demo webinar itself: 10:30–12:00 in Amsterdam, whatever the season.
        String demo = download("/events/" + WEBINAR + ".ics");
        VEvent demoEvent = Ics.onlyEvent(Ics.parse(demo));
        assertEquals(LocalTime.of(10, 30), Ics.instant(demoEvent, "DTSTART").atZone(Dates.AMSTERDAM).toLocalTime());
        assertEquals(LocalTime.of(12, 0), Ics.instant(demoEvent, "DTEND").atZone(Dates.AMSTERDAM).toLocalTime());

        // The same webinar on a winter day, converted with the document's own VTIMEZONE.
        LocalDate winterDay = LocalDate.of(2027, 1, 14);
        Instant start = winterDay.atTime(10, 30).atZone(Dates.AMSTERDAM).toInstant();
        Instant end = winterDay.atTime(12, 0).atZone(Dates.AMSTERDAM).toInstant();
        fixtures.event("webinar-in-de-winter", "Ruimte voor eerstelijnszorg (winter)", start, end,
                EventStatus.PUBLISHED, e -> { });
        String document = download("/events/webinar-in-de-winter.ics");
        Calendar calendar = Ics.parse(document);
        VEvent vevent = Ics.onlyEvent(calendar);
        VTimeZone timezone = (VTimeZone) calendar.getComponent(Component.VTIMEZONE).orElseThrow();

        assertEquals("DTSTART;TZID=Europe/Amsterdam:20270114T103000", Ics.line(document, "DTSTART"));
        assertEquals("DTEND;TZID=Europe/Amsterdam:20270114T120000", Ics.line(document, "DTEND"));
        assertEquals(LocalTime.of(9, 30), utcWithVTimeZone(vevent, "DTSTART", timezone).toLocalTime());
        assertEquals(LocalTime.of(11, 0), utcWithVTimeZone(vevent, "DTEND", timezone).toLocalTime());
        // ical4j's own conversion (a zone built from the same VTIMEZONE) agrees.
        assertEquals(Instant.parse("2027-01-14T09:30:00Z"), Ics.instant(vevent, "DTSTART"));
        assertEquals(Instant.parse("2027-01-14T11:00:00Z"), Ics.instant(vevent, "DTEND"));
        // A client set to Europe/Amsterdam shows 10:30–12:00.
        assertEquals(LocalTime.of(10, 30), Ics.instant(vevent, "DTSTART").atZone(Dates.AMSTERDAM).toLocalTime());
    }

    /**
     * Local time of DTSTART/DTEND minus the TZOFFSETTO of the VTIMEZONE observance in force, as a client does it:
     * the offset is the one whose observance is in force at the instant it gives.
     */
    static LocalDateTime utcWithVTimeZone(VEvent vevent, String property, VTimeZone timezone) {
        String local = Ics.value(vevent, property);
        LocalDateTime localTime = LocalDateTime.parse(local,
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        for (Observance observance : timezone.getObservances()) {
            ZoneOffset offset = observance.getTimeZoneOffsetTo().getOffset();
            java.time.OffsetDateTime candidate = localTime.atOffset(offset);
            if (timezone.getApplicableObservance(candidate) == observance) {
                return candidate.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
        }
        throw new AssertionError("no observance of the VTIMEZONE applies to " + localTime);
    }

    @Test
    void anEditRaisesTheSequenceButKeepsTheUid() {
        Instant start = Instant.parse("2027-04-08T08:00:00Z");
        Event event = fixtures.event("wordt-verplaatst", "Wordt verplaatst", start, start.plusSeconds(3600),
                EventStatus.PUBLISHED, e -> { });
        VEvent before = Ics.onlyEvent(Ics.parse(download("/events/wordt-verplaatst.ics")));

        changes.reschedule(event, start.plusSeconds(86400), start.plusSeconds(86400 + 3600));

        VEvent after = Ics.onlyEvent(Ics.parse(download("/events/wordt-verplaatst.ics")));
        assertEquals(Ics.value(before, "UID"), Ics.value(after, "UID"));
        assertEquals(Integer.parseInt(Ics.value(before, "SEQUENCE")) + 1, Integer.parseInt(Ics.value(after, "SEQUENCE")));
        assertNotEquals(Ics.value(before, "DTSTART"), Ics.value(after, "DTSTART"));
        assertEquals(start.plusSeconds(86400), Ics.instant(after, "DTSTART"));
        assertTrue(!Ics.instant(after, "DTSTAMP").isBefore(Ics.instant(before, "DTSTAMP")), "DTSTAMP follows the edit");
    }

    static DtStart<?> start(VEvent vevent) {
        return vevent.getStartDate().orElseThrow();
    }
}
