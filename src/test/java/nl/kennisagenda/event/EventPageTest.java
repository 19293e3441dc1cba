package nl.kennisagenda.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EventPageTest {

    @AfterEach
    void removeTestEvents() {
        EventFixtures.cleanUp();
    }

    @Test
    void eventPageShowsWhenHowOnlineForWhomAndWhatItBrings() {
        given().when().get("/events/ruimte-voor-eerstelijnszorg")
                .then().statusCode(200)
                .body("html.head.title", is("Ruimte voor eerstelijnszorg: wat kunnen gemeenten doen? · Kennisagenda"))
                .body(containsString("<h1>Ruimte voor eerstelijnszorg: wat kunnen gemeenten doen?</h1>"))
                .body(containsString("donderdag "))
                .body(containsString(", 10:30–12:00</time>"))
                .body(containsString("Online via Zoom"))
                .body(containsString("Voor wie?"))
                .body(containsString("Wat levert deelname jou op?"))
                .body(containsString("Je wisselt ervaringen uit met andere gemeenten"))
                .body(containsString(EventFixtures.placesLeftText("ruimte-voor-eerstelijnszorg")))
                .body(containsString("<p>Gemeenten hebben formeel geen taak"));
    }

    @Test
    void eventPageShowsProgrammeWithTimesAndSpeakers() {
        given().when().get("/events/ruimte-voor-eerstelijnszorg")
                .then().statusCode(200)
                .body(containsString("Praktijkvoorbeeld Rotterdam: het H-team 010"))
                .body(containsString(">10:45</time>–<time"))
                .body(containsString("<a href=\"/speakers/wouter-meijer\">Wouter Meijer</a>"))
                .body(containsString("Spreker, H-team 010"));
    }

    @Test
    void breakoutRoundsAreShownAsParallelSessionsWithTheirPlaces() {
        ProgrammeItem session = EventFixtures.item("van-regiobeeld-naar-regioplan",
                "Bestaanszekerheid in de huisartsenpraktijk");
        String html = given().when().get("/events/van-regiobeeld-naar-regioplan")
                .then().statusCode(200)
                .body(containsString("Ronde 1: deelsessies"))
                .body(containsString("Ronde 2: deelsessies"))
                .body(containsString("Jaarbeurs Meeting Center"))
                .body(containsString("Jaarbeursplein 6"))
                .body(containsString("40 plaatsen"))
                .body(containsString("Nog " + session.placesLeft() + " plaatsen vrij"))
                .extract().asString();
        int round1 = html.indexOf("Ronde 1: deelsessies");
        int round2 = html.indexOf("Ronde 2: deelsessies");
        String firstRound = html.substring(round1, round2);
        assertEquals(4, firstRound.split("<li class=\"session\">").length - 1, "four parallel sessions in round 1");
        assertTrue(firstRound.contains("Bestaanszekerheid in de huisartsenpraktijk"));
    }

    @Test
    void eventPageNamesOrganiserPartnersAndContact() {
        given().when().get("/events/van-regiobeeld-naar-regioplan")
                .then().statusCode(200)
                .body(containsString("<a href=\"/organisations/vws\">Ministerie van Volksgezondheid, Welzijn en Sport</a>"))
                .body(containsString("<a href=\"/organisations/vng\">Vereniging van Nederlandse Gemeenten</a>"))
                .body(containsString("<a href=\"/organisations/zn\">Zorgverzekeraars Nederland</a>"))
                .body(containsString("Team regioplannen"))
                .body(containsString("<a href=\"mailto:regioplannen@example.org\">regioplannen@example.org</a>"));
    }

    @Test
    void openSignUpLinksToTheSignUpPageAndTheCalendarFile() {
        given().when().get("/events/ruimte-voor-eerstelijnszorg")
                .then().statusCode(200)
                .body(containsString("href=\"/events/ruimte-voor-eerstelijnszorg/register\">Meld je aan</a>"))
                .body(containsString("/events/ruimte-voor-eerstelijnszorg.ics\" type=\"text/calendar\" download"))
                .body(containsString("Zet in je agenda"));
    }

    @Test
    void fullEventOffersTheWaitingList() {
        EventFixtures.create("test-vol-pagina", Duration.ofDays(5), event -> {
            event.capacity = 20;
            event.confirmedCount = 20;
        });
        given().when().get("/events/test-vol-pagina")
                .then().statusCode(200)
                .body(containsString("Vol — wachtlijst"))
                .body(containsString("Zet me op de wachtlijst"));
    }

    @Test
    void signUpNotYetOpenSaysFromWhen() {
        EventFixtures.create("test-nog-niet-open", Duration.ofDays(30),
                event -> event.signupOpensAt = Instant.now().plus(Duration.ofDays(7)));
        given().when().get("/events/test-nog-niet-open")
                .then().statusCode(200)
                .body(containsString("Aanmelden kan vanaf "))
                .body(not(containsString("/events/test-nog-niet-open/register")));
    }

    @Test
    void closedSignUpSaysSo() {
        EventFixtures.create("test-gesloten", Duration.ofDays(3),
                event -> event.signupClosesAt = Instant.now().minus(Duration.ofHours(1)));
        given().when().get("/events/test-gesloten")
                .then().statusCode(200)
                .body(containsString("De aanmelding is gesloten."))
                .body(not(containsString("/events/test-gesloten/register")));
    }

    @Test
    void cancelledEventShowsABannerAndNoSignUp() {
        EventFixtures.create("test-geannuleerd", Duration.ofDays(4), event -> event.status = EventStatus.CANCELLED);
        given().when().get("/events/test-geannuleerd")
                .then().statusCode(200)
                .body(containsString("Deze bijeenkomst is geannuleerd"))
                .body(containsString("Deze bijeenkomst gaat niet door; aanmelden kan niet meer."))
                .body(not(containsString("/events/test-geannuleerd/register")))
                .body(not(containsString("/events/test-geannuleerd.ics")));
    }

    @Test
    void pastEventShowsItsMaterialsAndThatItHasTakenPlace() {
        given().when().get("/events/samenwerken-in-de-wijk")
                .then().statusCode(200)
                .body(containsString("<h2 id=\"lookback-heading\">Terugblik</h2>"))
                .body(containsString("<a href=\"https://example.org/materialen/samenwerken-in-de-wijk.pdf\">"))
                .body(containsString("Opname van het webinar"))
                .body(containsString("Deze bijeenkomst heeft plaatsgevonden."))
                .body(not(containsString("/events/samenwerken-in-de-wijk/register")));
    }

    @Test
    void unknownEventGivesTheNotFoundPageInTheLayout() {
        given().when().get("/events/bestaat-niet")
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"nl\">"))
                .body(containsString("Pagina niet gevonden"))
                .body(containsString("class=\"skip-link\""));
    }

    @Test
    void notFoundPageIsEnglishWhenAsked() {
        given().queryParam("lang", "en").when().get("/events/does-not-exist")
                .then().statusCode(404)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Page not found"));
    }

    @Test
    void draftEventDoesNotExistForVisitors() {
        EventFixtures.create("test-concept-pagina", Duration.ofDays(6), event -> event.status = EventStatus.DRAFT);
        given().when().get("/events/test-concept-pagina")
                .then().statusCode(404)
                .body(containsString("Pagina niet gevonden"))
                .body(not(containsString("Testbijeenkomst")));
    }

    @Test
    void eventPageIsInEnglishWithLangEn() {
        given().queryParam("lang", "en").when().get("/events/van-regiobeeld-naar-regioplan")
                .then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Who is it for?"))
                .body(containsString("Round 1: breakout sessions"))
                .body(containsString("Sign up</a>"))
                .body(containsString("Tuesday "));
    }

    @Test
    void eventPageHasOneMainHeadingAndNoDuplicateIds() {
        String html = given().when().get("/events/van-regiobeeld-naar-regioplan").then().statusCode(200)
                .extract().asString();
        assertEquals(1, html.split("<h1").length - 1);
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1));
        }
    }

    @Test
    void eventWithSpeakerOnlyInDraftKeepsTheSpeakerPrivate() {
        EventFixtures.create("test-concept-spreker", Duration.ofDays(6), event -> event.status = EventStatus.DRAFT);
        EventFixtures.addSpeaker("test-concept-spreker", "test-geheime-spreker", "Geheime Spreker");
        given().when().get("/speakers/test-geheime-spreker").then().statusCode(404);
    }

    @Test
    void programmeSpeakersComeFromTheDatabaseNotTheTemplate() {
        EventFixtures.create("test-met-spreker", Duration.ofDays(8), event -> { });
        EventFixtures.addSpeaker("test-met-spreker", "test-spreker", "Testa Spreker");
        given().when().get("/events/test-met-spreker")
                .then().statusCode(200)
                .body(containsString("<a href=\"/speakers/test-spreker\">Testa Spreker</a>"))
                .body(containsString("Testspreker, Testorganisatie"));
    }
}
