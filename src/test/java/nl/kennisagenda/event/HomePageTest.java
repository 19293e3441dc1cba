package nl.kennisagenda.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.YearMonth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.i18n.Dates;

@QuarkusTest
class HomePageTest {

    private static final String PRIMARY_CARE = "Ruimte voor eerstelijnszorg: wat kunnen gemeenten doen?";
    private static final String GENERALIST_CARE = "Samen bouwen aan toekomstbestendige medisch generalistische zorg in de regio";
    private static final String REGION_PLAN = "Van regiobeeld naar regioplan";
    private static final String VLISSINGEN = "Gezondheidscentra Vlissingen";
    private static final String PAST = "Samenwerken voor goede zorg en ondersteuning in de wijk";

    @AfterEach
    void removeTestEvents() {
        EventFixtures.cleanUp();
    }

    @Test
    void homePageListsTheDemoEventsInDutch() {
        given().when().get("/")
                .then().statusCode(200)
                .header("Content-Language", is("nl"))
                .body(containsString("<html lang=\"nl\">"))
                .body(containsString(PRIMARY_CARE))
                .body(containsString("10:30–12:00"));
    }

    @Test
    void englishIsChosenWithLangAndRememberedInACookie() {
        given().queryParam("lang", "en").when().get("/")
                .then().statusCode(200)
                .cookie("lang", "en")
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Past events"))
                .body(containsString("Search and filter"));
        given().cookie("lang", "en").when().get("/")
                .then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Show events"));
    }

    @Test
    void upcomingEventsAreListedSoonestFirstWithoutPastOnes() {
        String html = given().when().get("/").then().statusCode(200).extract().asString();
        int primary = html.indexOf(PRIMARY_CARE);
        int generalist = html.indexOf(GENERALIST_CARE);
        int regionPlan = html.indexOf(REGION_PLAN);
        int vlissingen = html.indexOf(VLISSINGEN);
        org.junit.jupiter.api.Assertions.assertTrue(primary > 0 && primary < generalist && generalist < regionPlan
                && regionPlan < vlissingen, "soonest first");
        org.junit.jupiter.api.Assertions.assertFalse(html.contains(PAST), "past events are not on the agenda");
    }

    @Test
    void cardsShowOrganiserPartnersFormatPlacesAndThemes() {
        given().when().get("/")
                .then().statusCode(200)
                .body(containsString("Vilans met VWS en Erasmus School of Health Policy &amp; Management"))
                .body(containsString("VWS met VNG en ZN"))
                .body(containsString("Online via Zoom"))
                .body(containsString("Utrecht"))
                .body(containsString(EventFixtures.placesLeftText("ruimte-voor-eerstelijnszorg")))
                .body(containsString("<a href=\"/?theme=Eerstelijnszorg\">Eerstelijnszorg</a>"))
                .body(containsString("<time datetime=\""));
    }

    @Test
    void fullEventShowsFullWithWaitingList() {
        EventFixtures.create("test-vol", Duration.ofDays(3), event -> {
            event.capacity = 10;
            event.confirmedCount = 10;
        });
        given().when().get("/").then().statusCode(200)
                .body(containsString("Testbijeenkomst test-vol"))
                .body(containsString("Vol — wachtlijst"));
    }

    @Test
    void filterOnNetworkShowsEventsItOrganisesOrPartnersIn() {
        given().queryParam("organisation", "vws").when().get("/")
                .then().statusCode(200)
                .body(containsString(GENERALIST_CARE))
                .body(containsString(REGION_PLAN))
                .body(not(containsString(PRIMARY_CARE)))
                .body(containsString("<option value=\"vws\" selected>"));
    }

    @Test
    void filterOnThemeIgnoresCase() {
        given().queryParam("theme", "integraal zorgakkoord").when().get("/")
                .then().statusCode(200)
                .body(containsString(REGION_PLAN))
                .body(not(containsString(PRIMARY_CARE)))
                .body(containsString("1 bijeenkomst gevonden"));
    }

    @Test
    void filterOnFormatShowsOnlyThatFormat() {
        given().queryParam("format", "IN_PERSON").when().get("/")
                .then().statusCode(200)
                .body(containsString(REGION_PLAN))
                .body(not(containsString(VLISSINGEN)))
                .body(not(containsString(PRIMARY_CARE)))
                .body(containsString("<option value=\"IN_PERSON\" selected>"));
    }

    @Test
    void filterOnMonthShowsEventsStartingInThatMonth() {
        Event regionPlan = EventFixtures.find("van-regiobeeld-naar-regioplan");
        YearMonth month = YearMonth.from(Dates.local(regionPlan.startsAt));
        String html = given().queryParam("month", month.toString()).when().get("/")
                .then().statusCode(200)
                .body(containsString(REGION_PLAN))
                .body(containsString("<option value=\"" + month + "\" selected>"))
                .extract().asString();
        Event primary = EventFixtures.find("ruimte-voor-eerstelijnszorg");
        if (!YearMonth.from(Dates.local(primary.startsAt)).equals(month)) {
            org.junit.jupiter.api.Assertions.assertFalse(html.contains(PRIMARY_CARE));
        }
    }

    @Test
    void textSearchLooksInTitleSummaryDescriptionAndOrganisation() {
        given().queryParam("q", "GRONINGEN").when().get("/").then().statusCode(200)
                .body(containsString(PRIMARY_CARE)).body(not(containsString(REGION_PLAN)));
        given().queryParam("q", "Zorgverzekeraars Nederland").when().get("/").then().statusCode(200)
                .body(containsString(REGION_PLAN)).body(not(containsString(PRIMARY_CARE)));
        given().queryParam("q", "gezondheidscentra").when().get("/").then().statusCode(200)
                .body(containsString(VLISSINGEN));
    }

    @Test
    void searchTermIsShownAgainEscaped() {
        given().queryParam("q", "\"><script>alert(1)</script>").when().get("/")
                .then().statusCode(200)
                .body(not(containsString("<script>alert(1)</script>")))
                .body(containsString("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
    }

    @Test
    void filtersCombine() {
        given().queryParam("organisation", "vws").queryParam("format", "ONLINE").when().get("/")
                .then().statusCode(200)
                .body(containsString(GENERALIST_CARE))
                .body(not(containsString(REGION_PLAN)))
                .body(containsString("1 bijeenkomst gevonden"));
    }

    @Test
    void noMatchesShowsAClearNoResultsState() {
        given().queryParam("q", "geen-enkele-bijeenkomst-heet-zo").when().get("/")
                .then().statusCode(200)
                .body(containsString("Geen bijeenkomsten gevonden"))
                .body(containsString("Wis filters"))
                .body(containsString("value=\"geen-enkele-bijeenkomst-heet-zo\""));
    }

    @Test
    void invalidFilterValueGivesBadRequestWithTheFormAgain() {
        given().queryParam("month", "2026-13").queryParam("q", "regio").when().get("/")
                .then().statusCode(400)
                .body(containsString("‘2026-13’ is geen geldige maand"))
                .body(containsString("value=\"regio\""))
                .body(containsString("<html lang=\"nl\">"));
        given().queryParam("format", "FOO").queryParam("lang", "en").when().get("/")
                .then().statusCode(400)
                .body(containsString("Unknown format ‘FOO’"));
    }

    @Test
    void everyFilterControlHasALabel() {
        String html = given().when().get("/").then().statusCode(200).extract().asString();
        for (String id : new String[] {"filter-q", "filter-organisation", "filter-theme", "filter-format", "filter-month"}) {
            org.junit.jupiter.api.Assertions.assertTrue(html.contains("<label for=\"" + id + "\">"), id);
            org.junit.jupiter.api.Assertions.assertTrue(html.contains("id=\"" + id + "\""), id);
        }
    }

    @Test
    void filterChoicesAreThoseOfUpcomingListedPublishedEventsOnly() {
        // Two organisations of this test only: one a partner of an upcoming event, one organiser of a past one.
        QuarkusTransaction.requiringNew().run(() -> {
            for (String slug : new String[] {"test-keuze-partner", "test-keuze-oud"}) {
                Organisation organisation = new Organisation();
                organisation.slug = slug;
                organisation.name = "Testorganisatie " + slug;
                organisation.persist();
            }
        });
        try {
            offersOnlyTheChoicesOfUpcomingEvents();
        } finally {
            EventFixtures.cleanUp();
            QuarkusTransaction.requiringNew().run(() -> Organisation.delete("slug like ?1", "test-keuze-%"));
        }
    }

    private void offersOnlyTheChoicesOfUpcomingEvents() {
        // Themes no other test uses, in a month far enough ahead that only these events may start in it.
        EventFixtures.create("test-keuze-a", Duration.ofDays(800), event -> {
            event.themes.clear();
            event.themes.add("Keuzethema Komend");
        });
        EventFixtures.create("test-keuze-b", Duration.ofDays(801), event -> {
            event.themes.clear();
            event.themes.add("keuzethema komend");
            event.themes.add("Keuzethema Partner");
            event.partners.add(Organisation.findBySlug("test-keuze-partner").orElseThrow());
        });
        EventFixtures.create("test-keuze-verleden", Duration.ofDays(-30), event -> {
            event.organisation = Organisation.findBySlug("test-keuze-oud").orElseThrow();
            event.themes.clear();
            event.themes.add("Keuzethema Verleden");
        });
        EventFixtures.create("test-keuze-concept", Duration.ofDays(5), event -> {
            event.status = EventStatus.DRAFT;
            event.themes.clear();
            event.themes.add("Keuzethema Concept");
        });
        EventFixtures.create("test-keuze-verborgen", Duration.ofDays(5), event -> {
            event.unlisted = true;
            event.themes.clear();
            event.themes.add("Keuzethema Verborgen");
        });
        YearMonth far = YearMonth.from(Dates.local(EventFixtures.find("test-keuze-a").startsAt));
        String html = given().when().get("/").then().statusCode(200).extract().asString();
        String themes = html.substring(html.indexOf("id=\"filter-theme\""), html.indexOf("id=\"filter-format\""));
        // Case-insensitively one choice, spelled as the soonest event does
        org.junit.jupiter.api.Assertions.assertTrue(themes.contains("<option value=\"Keuzethema Komend\">"), themes);
        org.junit.jupiter.api.Assertions.assertFalse(themes.contains("keuzethema komend"), themes);
        org.junit.jupiter.api.Assertions.assertTrue(themes.contains("<option value=\"Keuzethema Partner\">"), themes);
        for (String absent : new String[] {"Verleden", "Concept", "Verborgen"}) {
            org.junit.jupiter.api.Assertions.assertFalse(themes.contains("Keuzethema " + absent), absent);
        }
        String organisations = html.substring(html.indexOf("id=\"filter-organisation\""),
                html.indexOf("id=\"filter-theme\""));
        org.junit.jupiter.api.Assertions.assertTrue(organisations.contains("<option value=\"test-keuze-partner\">"),
                organisations);
        org.junit.jupiter.api.Assertions.assertFalse(organisations.contains("test-keuze-oud"), organisations);
        String months = html.substring(html.indexOf("id=\"filter-month\""));
        org.junit.jupiter.api.Assertions.assertTrue(months.contains("<option value=\"" + far + "\">"), months);
        // The month after (no event there) is not offered
        org.junit.jupiter.api.Assertions.assertFalse(months.contains("<option value=\"" + far.plusMonths(2) + "\">"),
                months);
    }

    @Test
    void draftsAreNotOnTheAgenda() {
        EventFixtures.create("test-concept", Duration.ofDays(2), event -> event.status = EventStatus.DRAFT);
        given().when().get("/").then().statusCode(200)
                .body(not(containsString("test-concept")));
        given().queryParam("q", "test-concept").when().get("/").then().statusCode(200)
                .body(containsString("Geen bijeenkomsten gevonden"));
    }

    @Test
    void pageHasLandmarksSkipLinkAndOneMainHeading() {
        String html = given().when().get("/").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(1, html.split("<h1").length - 1, "exactly one h1");
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<a class=\"skip-link\" href=\"#main\">"));
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<main id=\"main\""));
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<nav class=\"site-nav\" aria-label="));
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<footer"));
    }

    @Test
    void stylesheetIsServedByTheApp() {
        given().when().get("/css/site.css").then().statusCode(200)
                .body(containsString(".card"));
    }
}
