package nl.kennisagenda.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PublicListPagesTest {

    @AfterEach
    void removeTestEvents() {
        EventFixtures.cleanUp();
    }

    @Test
    void pastPageListsPastEventsWithMaterials() {
        given().when().get("/events/past")
                .then().statusCode(200)
                .body("html.head.title", is("Terugblik · Kennisagenda"))
                .body(containsString("Samenwerken voor goede zorg en ondersteuning in de wijk"))
                .body(containsString("Presentaties van het webinar (pdf)"))
                .body(containsString("(Opname)"))
                .body(not(containsString("Van regiobeeld naar regioplan")));
    }

    @Test
    void pastPageShowsMostRecentFirst() {
        EventFixtures.create("test-gisteren", Duration.ofDays(-1), event -> { });
        String html = given().when().get("/events/past").then().statusCode(200).extract().asString();
        int yesterday = html.indexOf("Testbijeenkomst test-gisteren");
        int weeksAgo = html.indexOf("Samenwerken voor goede zorg en ondersteuning in de wijk");
        org.junit.jupiter.api.Assertions.assertTrue(yesterday > 0 && yesterday < weeksAgo);
    }

    @Test
    void pastPageHidesDrafts() {
        EventFixtures.create("test-concept-verleden", Duration.ofDays(-2), event -> event.status = EventStatus.DRAFT);
        given().when().get("/events/past").then().statusCode(200)
                .body(not(containsString("test-concept-verleden")));
    }

    @Test
    void organisationsPageListsAllNetworks() {
        given().when().get("/organisations")
                .then().statusCode(200)
                .body(containsString("<a href=\"/organisations/platform31\">Platform31</a>"))
                .body(containsString("<a href=\"/organisations/vilans\">Vilans</a>"))
                .body(containsString("<a href=\"/organisations/ineen\">InEen</a>"));
    }

    @Test
    void organisationPageShowsEventsAsOrganiserAndAsPartner() {
        given().when().get("/organisations/vws")
                .then().statusCode(200)
                .body(containsString("<h1>Ministerie van Volksgezondheid, Welzijn en Sport</h1>"))
                .body(containsString("Van regiobeeld naar regioplan"))
                .body(containsString("Samen bouwen aan toekomstbestendige medisch generalistische zorg in de regio"))
                .body(not(containsString("Ruimte voor eerstelijnszorg")));
    }

    @Test
    void organisationPageShowsPastEventsWithMaterials() {
        given().when().get("/organisations/ineen")
                .then().statusCode(200)
                .body(containsString("Eerdere bijeenkomsten"))
                .body(containsString("Samenwerken voor goede zorg en ondersteuning in de wijk"))
                .body(containsString("Opname van het webinar"));
    }

    @Test
    void organisationPageHidesDrafts() {
        EventFixtures.create("test-concept-organisatie", Duration.ofDays(9), event -> event.status = EventStatus.DRAFT);
        given().when().get("/organisations/platform31").then().statusCode(200)
                .body(not(containsString("test-concept-organisatie")));
    }

    @Test
    void unknownOrganisationGivesNotFound() {
        given().when().get("/organisations/bestaat-niet").then().statusCode(404)
                .body(containsString("Pagina niet gevonden"));
    }

    @Test
    void speakerPageShowsBioAndEvents() {
        given().when().get("/speakers/klaas-beniers")
                .then().statusCode(200)
                .body(containsString("<h1>Klaas Beniers</h1>"))
                .body(containsString("Programmadirecteur IZA, Ministerie van VWS"))
                .body(containsString("Verantwoordelijk voor het programma rond het Integraal Zorgakkoord."))
                .body(containsString("Spreekt bij"))
                .body(containsString("Van regiobeeld naar regioplan"));
    }

    @Test
    void speakerIdRedirectsToTheSlugAddress() {
        Long id = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Speaker.findBySlug("klaas-beniers").orElseThrow().id);
        given().redirects().follow(false).when().get("/speakers/" + id)
                .then().statusCode(301)
                .header("Location", containsString("/speakers/klaas-beniers"));
    }

    @Test
    void unknownSpeakerGivesNotFound() {
        given().when().get("/speakers/niemand").then().statusCode(404);
        given().when().get("/speakers/999999").then().statusCode(404);
    }

    @Test
    void listPagesAreInEnglishWithLangEn() {
        given().queryParam("lang", "en").when().get("/events/past").then().statusCode(200)
                .body(containsString("<h1>Past events</h1>"));
        given().queryParam("lang", "en").when().get("/organisations").then().statusCode(200)
                .body(containsString("<h1>Organisations</h1>"));
        given().queryParam("lang", "en").when().get("/speakers/klaas-beniers").then().statusCode(200)
                .body(containsString("Speaking at"));
    }
}
