package nl.kennisagenda.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;

/** The public feeds and the personal feed: content, names and refresh hints, and correct HTTP. */
@QuarkusTest
class CalendarFeedsTest {

    final CalendarFixtures fixtures = new CalendarFixtures();

    @Inject
    PersonalInvites invites;

    @AfterEach
    void cleanUp() {
        fixtures.cleanUp();
    }

    static String download(String path) {
        byte[] octets = given().when().get(path).then().statusCode(200)
                .header("Content-Type", startsWith("text/calendar"))
                .header("Content-Type", containsString("charset=utf-8"))
                .header("Content-Disposition", startsWith("attachment; filename=\""))
                .extract().asByteArray();
        return new String(octets, StandardCharsets.UTF_8);
    }

    static List<String> summaries(Calendar calendar) {
        return Ics.events(calendar).stream().map(v -> Ics.value(v, "SUMMARY")).toList();
    }

    static void assertFeedProperties(String document, Calendar calendar, String name) {
        assertEquals(name, Ics.value(calendar, "X-WR-CALNAME"));
        assertEquals(name, Ics.value(calendar, "NAME"));
        assertEquals("Europe/Amsterdam", Ics.value(calendar, "X-WR-TIMEZONE"));
        assertEquals("PT1H", Ics.value(calendar, "X-PUBLISHED-TTL"));
        assertThat(Ics.calendarLine(document, "REFRESH-INTERVAL"), is("REFRESH-INTERVAL;VALUE=DURATION:PT1H"));
    }

    @Test
    void theFeedOfAllEventsHasEveryUpcomingPublishedEventButNoDraftsAndNoJoinLinks() {
        Instant start = Instant.parse("2027-05-20T08:00:00Z");
        fixtures.event("nog-een-concept", "Nog een concept", start, start.plusSeconds(3600), EventStatus.DRAFT,
                e -> { });
        fixtures.event("afgelast-in-mei", "Afgelast in mei", start, start.plusSeconds(3600), EventStatus.CANCELLED,
                e -> { });

        String document = download("/calendar/events.ics");
        Calendar calendar = Ics.parse(document);

        assertFeedProperties(document, calendar, "Kennisagenda");
        assertThat(Ics.calendarLine(document, "SOURCE"), is("SOURCE;VALUE=URI:http://localhost:8080/calendar/events.ics"));
        List<String> summaries = summaries(calendar);
        assertThat(summaries, hasItem("Ruimte voor eerstelijnszorg: wat kunnen gemeenten doen?"));
        assertThat(summaries, hasItem("Van regiobeeld naar regioplan"));
        assertThat(summaries, not(hasItem("Nog een concept")));
        Map<String, VEvent> bySummary = Ics.events(calendar).stream()
                .collect(Collectors.toMap(v -> Ics.value(v, "SUMMARY"), Function.identity(), (first, other) -> first));
        assertEquals("CANCELLED", Ics.value(bySummary.get("Afgelast in mei"), "STATUS"));
        assertThat(document, not(containsString("zoom.example.org")));
        // UIDs are the event export's UIDs.
        Event webinar = QuarkusTransaction.requiringNew().call(() -> Event.findBySlug("ruimte-voor-eerstelijnszorg").orElseThrow());
        assertEquals("event-" + webinar.id + "@localhost",
                Ics.value(bySummary.get("Ruimte voor eerstelijnszorg: wat kunnen gemeenten doen?"), "UID"));
    }

    @Test
    void theFeedOfAnOrganisationHasItsOwnEventsAndThoseItIsAPartnerIn() {
        String document = download("/calendar/organisations/vws.ics");
        Calendar calendar = Ics.parse(document);
        assertFeedProperties(document, calendar, "Kennisagenda: Ministerie van Volksgezondheid, Welzijn en Sport");
        List<String> summaries = summaries(calendar);
        assertThat(summaries, hasItem("Van regiobeeld naar regioplan"));
        assertThat(summaries,
                hasItem("Samen bouwen aan toekomstbestendige medisch generalistische zorg in de regio"));
        assertThat(summaries, not(hasItem("Ruimte voor eerstelijnszorg: wat kunnen gemeenten doen?")));

        given().get("/calendar/organisations/bestaat-niet.ics").then().statusCode(404);
    }

    @Test
    void theFeedOfAThemeFindsEventsByTheThemesSlug() {
        String document = download("/calendar/themes/ouderenzorg.ics");
        Calendar calendar = Ics.parse(document);
        assertFeedProperties(document, calendar, "Kennisagenda: Ouderenzorg");
        assertEquals(List.of("Samen bouwen aan toekomstbestendige medisch generalistische zorg in de regio"),
                summaries(calendar));
        Ics.parse(download("/calendar/themes/wonen-en-ruimte.ics"));

        given().get("/calendar/themes/geen-thema.ics").then().statusCode(404);
    }

    @Test
    void feedsAnswerNotModifiedWhenNothingChanged() {
        Response first = given().get("/calendar/events.ics");
        first.then().statusCode(200).header("Cache-Control", is("public, max-age=300"));
        given().header("If-None-Match", first.header("ETag")).get("/calendar/events.ics").then().statusCode(304);
        given().header("If-Modified-Since", first.header("Last-Modified")).get("/calendar/events.ics")
                .then().statusCode(304);
    }

    @Test
    void thePersonalFeedHasEveryRegistrationAsInTheInvitesWithTheJoinLinkOnlyWhereConfirmed() {
        Attendee attendee = fixtures.attendee("feed-" + System.nanoTime() + "@example.org");
        Registration confirmed = fixtures.registration(attendee, "ruimte-voor-eerstelijnszorg",
                RegistrationStatus.CONFIRMED, "nl");
        Registration waitlisted = fixtures.registration(attendee, "samen-bouwen-aan-medisch-generalistische-zorg",
                RegistrationStatus.WAITLISTED, "en");
        Registration cancelled = fixtures.registration(attendee, "van-regiobeeld-naar-regioplan",
                RegistrationStatus.CANCELLED, "nl");

        Response response = given().get("/calendar/" + attendee.calendarToken + ".ics");
        response.then().statusCode(200).header("Cache-Control", is("private, no-cache"));
        String document = new String(response.asByteArray(), StandardCharsets.UTF_8);
        Calendar calendar = Ics.parse(document);

        assertFeedProperties(document, calendar, "Kennisagenda: mijn aanmeldingen");
        assertTrue(calendar.getProperty("SOURCE").isEmpty(), "the secret address is not repeated in the document");
        Map<String, VEvent> byUid = Ics.events(calendar).stream()
                .collect(Collectors.toMap(v -> Ics.value(v, "UID"), Function.identity()));
        assertEquals(3, byUid.size());

        VEvent confirmedEntry = byUid.get("registration-" + confirmed.id + "@localhost");
        assertEquals("CONFIRMED", Ics.value(confirmedEntry, "STATUS"));
        assertThat(Ics.value(confirmedEntry, "DESCRIPTION"), containsString("Online deelnemen: https://zoom.example.org/"));

        VEvent waitlistedEntry = byUid.get("registration-" + waitlisted.id + "@localhost");
        assertEquals("TENTATIVE", Ics.value(waitlistedEntry, "STATUS"));
        assertThat(Ics.value(waitlistedEntry, "DESCRIPTION"), containsString("You are on the waiting list"));
        assertThat(Ics.value(waitlistedEntry, "DESCRIPTION"), not(containsString("zoom.example.org")));

        VEvent cancelledEntry = byUid.get("registration-" + cancelled.id + "@localhost");
        assertEquals("CANCELLED", Ics.value(cancelledEntry, "STATUS"));

        // The invites of these registrations carry the same UIDs and, for the cancellation, the same SEQUENCE.
        QuarkusTransaction.requiringNew().run(() -> {
            Registration r = Registration.findById(confirmed.id);
            VEvent invite = Ics.onlyEvent(Ics.parse(invites.request(r)));
            assertEquals(Ics.value(confirmedEntry, "UID"), Ics.value(invite, "UID"));
            assertEquals(Ics.value(confirmedEntry, "SEQUENCE"), Ics.value(invite, "SEQUENCE"));
            Registration c = Registration.findById(cancelled.id);
            VEvent cancel = Ics.onlyEvent(Ics.parse(invites.cancel(c)));
            assertEquals(Ics.value(cancelledEntry, "UID"), Ics.value(cancel, "UID"));
            assertEquals(Ics.value(cancelledEntry, "SEQUENCE"), Ics.value(cancel, "SEQUENCE"));
        });

        // Polling again without changes: 304.
        given().header("If-None-Match", response.header("ETag")).get("/calendar/" + attendee.calendarToken + ".ics")
                .then().statusCode(304);
    }

    @Test
    void anUnknownPersonalTokenIsNotFound() {
        given().get("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics").then().statusCode(404);
        given().get("/calendar/kort.ics").then().statusCode(404);
    }
}
