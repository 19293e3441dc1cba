package nl.kennisagenda.event.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFixtures;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.i18n.Dates;

@QuarkusTest
class EventApiTest {

    /** GPath prefixes that pick one demo event out of the list, wherever other events sort. */
    private static final String PRIMARY_CARE = "find { it.slug == 'ruimte-voor-eerstelijnszorg' }.";
    private static final String GENERALIST_CARE = "find { it.slug == 'samen-bouwen-aan-medisch-generalistische-zorg' }.";
    private static final String ISO_WITH_OFFSET = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[12]:00";

    @AfterEach
    void removeTestEvents() {
        EventFixtures.cleanUp();
    }

    @Test
    void listGivesUpcomingPublishedEventsSoonestFirst() {
        List<String> demo = List.of("ruimte-voor-eerstelijnszorg", "samen-bouwen-aan-medisch-generalistische-zorg",
                "van-regiobeeld-naar-regioplan", "gezondheidscentra-vlissingen");
        List<String> slugs = given().when().get("/api/events")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath().getList("slug", String.class);
        assertEquals(demo, slugs.stream().filter(demo::contains).toList());
        assertFalse(slugs.contains("samenwerken-in-de-wijk"), "past events are not listed");
    }

    @Test
    void listItemsCarryTheContractFields() {
        Event primaryCare = EventFixtures.find("ruimte-voor-eerstelijnszorg");
        given().when().get("/api/events")
                .then().statusCode(200)
                .body(PRIMARY_CARE + "slug", is("ruimte-voor-eerstelijnszorg"))
                .body(PRIMARY_CARE + "title", is("Ruimte voor eerstelijnszorg: wat kunnen gemeenten doen?"))
                .body(PRIMARY_CARE + "organisation", is("Platform31"))
                .body(PRIMARY_CARE + "organisationSlug", is("platform31"))
                .body(PRIMARY_CARE + "partners", hasSize(0))
                .body(PRIMARY_CARE + "format", is("ONLINE"))
                .body(PRIMARY_CARE + "start", matchesPattern(ISO_WITH_OFFSET))
                .body(PRIMARY_CARE + "start", containsString("T10:30:00+0"))
                .body(PRIMARY_CARE + "end", containsString("T12:00:00+0"))
                .body(PRIMARY_CARE + "capacity", is(300))
                .body(PRIMARY_CARE + "placesLeft", is(300 - primaryCare.confirmedCount))
                .body(PRIMARY_CARE + "confirmed", is(primaryCare.confirmedCount))
                .body(PRIMARY_CARE + "waitlisted", is(primaryCare.waitlistedCount))
                .body(PRIMARY_CARE + "themes", hasItem("Eerstelijnszorg"))
                .body(PRIMARY_CARE + "url", is("http://localhost:8080/events/ruimte-voor-eerstelijnszorg"))
                .body(GENERALIST_CARE + "partners", contains("Ministerie van Volksgezondheid, Welzijn en Sport",
                        "Erasmus School of Health Policy & Management"));
    }

    @Test
    void unlimitedEventHasNullPlacesLeft() {
        EventFixtures.create("test-onbeperkt", Duration.ofDays(1), event -> event.capacity = null);
        given().queryParam("q", "test-onbeperkt").when().get("/api/events")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0]", hasKey("placesLeft"))
                .body("[0].placesLeft", nullValue())
                .body("[0].capacity", nullValue());
    }

    @Test
    void listFiltersLikeTheAgenda() {
        given().queryParam("organisation", "vws").when().get("/api/events").then().statusCode(200)
                .body("slug", contains("samen-bouwen-aan-medisch-generalistische-zorg", "van-regiobeeld-naar-regioplan"));
        given().queryParam("theme", "Eerstelijnszorg").when().get("/api/events").then().statusCode(200)
                .body("slug", contains("ruimte-voor-eerstelijnszorg", "gezondheidscentra-vlissingen"));
        given().queryParam("format", "hybrid").when().get("/api/events").then().statusCode(200)
                .body("slug", contains("gezondheidscentra-vlissingen"));
        given().queryParam("q", "zeeland").when().get("/api/events").then().statusCode(200)
                .body("slug", contains("gezondheidscentra-vlissingen"));
        given().queryParam("organisation", "vws").queryParam("format", "IN_PERSON").when().get("/api/events")
                .then().statusCode(200).body("slug", contains("van-regiobeeld-naar-regioplan"));
    }

    @Test
    void monthFilterSelectsByStartInAmsterdam() {
        Event seminar = EventFixtures.find("van-regiobeeld-naar-regioplan");
        String month = YearMonth.from(Dates.local(seminar.startsAt)).toString();
        given().queryParam("month", month).when().get("/api/events").then().statusCode(200)
                .body("slug", hasItem("van-regiobeeld-naar-regioplan"))
                .body("start", everyItem(containsString(month + "-")));
    }

    @Test
    void noMatchGivesAnEmptyArray() {
        given().queryParam("q", "niets-dat-zo-heet").when().get("/api/events")
                .then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void badFilterValuesGiveBadRequestWithAMessage() {
        given().queryParam("format", "FOO").when().get("/api/events")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("status", is(400))
                .body("message", containsString("FOO"));
        given().queryParam("month", "2026-13").header("Accept-Language", "en").when().get("/api/events")
                .then().statusCode(400)
                .body("message", is("‘2026-13’ is not a valid month. Use yyyy-mm, for example 2026-12."));
    }

    @Test
    void listHidesDraftsAndCancelledEvents() {
        EventFixtures.create("test-api-concept", Duration.ofDays(2), event -> event.status = EventStatus.DRAFT);
        EventFixtures.create("test-api-geannuleerd", Duration.ofDays(2), event -> event.status = EventStatus.CANCELLED);
        given().when().get("/api/events").then().statusCode(200)
                .body("slug", not(hasItem("test-api-concept")))
                .body("slug", not(hasItem("test-api-geannuleerd")));
    }

    @Test
    void detailCarriesProgrammeWithRoundsAndSessionPlaces() {
        ProgrammeItem session = EventFixtures.item("van-regiobeeld-naar-regioplan",
                "Bestaanszekerheid in de huisartsenpraktijk");
        given().when().get("/api/events/van-regiobeeld-naar-regioplan")
                .then().statusCode(200)
                .body("slug", is("van-regiobeeld-naar-regioplan"))
                .body("summary", notNullValue())
                .body("description", containsString("regioplan"))
                .body("audience", containsString("managers"))
                .body("outcomes", hasSize(3))
                .body("venue.name", is("Jaarbeurs Meeting Center"))
                .body("venue.city", is("Utrecht"))
                .body("onlinePlatform", nullValue())
                .body("contact.name", is("Team regioplannen"))
                .body("contact.email", is("regioplannen@example.org"))
                .body("signupOpen", is(true))
                .body("signupState", is("OPEN"))
                .body("programme.findAll { it.round == 1 }", hasSize(4))
                .body("programme.findAll { it.round == 2 }", hasSize(4))
                .body("programme.find { it.round == 1 }.kind", is("BREAKOUT"))
                .body("programme.find { it.round == 1 }.capacity", is(40))
                .body("programme.find { it.round == 1 }.title", is(session.title))
                .body("programme.find { it.round == 1 }.placesLeft", is(session.placesLeft()))
                .body("programme.find { it.round == 1 }.confirmed", is(session.confirmedCount))
                .body("programme[0].id", notNullValue())
                .body("programme[0].start", matchesPattern(ISO_WITH_OFFSET))
                .body("programme[1].speakers[0].name", is("Klaas Beniers"))
                .body("programme[1].speakers[0].role", is("Programmadirecteur IZA"))
                .body("programme[1].speakers[0].organisation", is("Ministerie van VWS"));
    }

    @Test
    void detailCarriesTheSignUpFormInTheRequestLanguage() {
        given().when().get("/api/events/ruimte-voor-eerstelijnszorg")
                .then().statusCode(200)
                .body("form.fields.key", contains("firstName", "lastName", "email", "organisation", "role",
                        "organisationType", "question"))
                .body("form.fields[0].label", is("Voornaam"))
                .body("form.fields[0].type", is("TEXT"))
                .body("form.fields[0].required", is(true))
                .body("form.fields[0].maxLength", is(100))
                .body("form.fields[5].options", hasItem("Woningcorporatie"))
                .body("onlinePlatform", is("Zoom"))
                .body("venue", nullValue());
        given().queryParam("lang", "en").when().get("/api/events/ruimte-voor-eerstelijnszorg")
                .then().statusCode(200)
                .body("form.fields[0].label", is("First name"))
                .body("form.fields[2].label", is("Email address"));
    }

    @Test
    void detailOfPastEventListsMaterialsAndSignUpState() {
        given().when().get("/api/events/samenwerken-in-de-wijk")
                .then().statusCode(200)
                .body("signupOpen", is(false))
                .body("signupState", is("PAST"))
                .body("materials.kind", contains("SLIDES", "RECORDING"));
    }

    @Test
    void unknownEventGivesJsonNotFound() {
        given().when().get("/api/events/bestaat-niet")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("status", is(404))
                .body("message", containsString("bestaat-niet"));
    }

    @Test
    void draftEventGivesJsonNotFound() {
        EventFixtures.create("test-api-concept-detail", Duration.ofDays(2), event -> event.status = EventStatus.DRAFT);
        given().when().get("/api/events/test-api-concept-detail")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("status", is(404));
    }

    @Test
    void cancelledEventDetailSaysCancelled() {
        EventFixtures.create("test-api-afgelast", Duration.ofDays(2), event -> event.status = EventStatus.CANCELLED);
        given().when().get("/api/events/test-api-afgelast")
                .then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("signupState", is("CANCELLED"))
                .body("signupOpen", is(false));
    }
}
