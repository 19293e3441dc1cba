package nl.kennisagenda.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.testsupport.Await;

/**
 * The cached public pages seen from outside: HTTP validators and cache rules per kind of page, every change shown
 * (content at once, places within the lag, which is 0 in the test profile; {@link PlacesLagTest} covers a real
 * lag), languages apart, and CSRF tokens never shared.
 */
@QuarkusTest
class PageCacheTest {

    @Inject
    CsrfTokens csrfTokens;

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** An unlisted test event (so the agenda other tests count stays as it is) with 50 places and a form. */
    static TestEvents.Created unlistedEvent(String name) {
        TestEvents.Created event = TestEvents.create(name, 50);
        TestEvents.change(event.id(), e -> e.unlisted = true);
        return event;
    }

    static void signUp(String slug) {
        given().contentType(ContentType.JSON)
                .body(Map.of("firstName", "Anna", "lastName", "de Vries", "email",
                        "cache-" + UUID.randomUUID() + "@example.org", "organisation", "Gemeente Utrecht"))
                .post("/api/events/" + slug + "/registrations").then().statusCode(201);
    }

    static String page(String slug) {
        return given().get("/events/" + slug).then().statusCode(200).extract().asString();
    }

    @Test
    void anEventPageCarriesAnEtagAndAnswersIfNoneMatchWith304() {
        TestEvents.Created event = unlistedEvent("etag");
        Response first = given().get("/events/" + event.slug());
        first.then().statusCode(200)
                .header("ETag", startsWith("W/\""))
                .header("Cache-Control", is("public, max-age=0, s-maxage=2, must-revalidate"))
                .header("Vary", containsString("Accept-Language"))
                .header("Vary", containsString("Cookie"));
        String etag = first.header("ETag");

        given().header("If-None-Match", etag).get("/events/" + event.slug())
                .then().statusCode(304).body(is(emptyString()))
                .header("ETag", is(etag))
                .header("Cache-Control", startsWith("public"))
                .header("Vary", containsString("Accept-Language"));
        given().header("If-None-Match", "W/\"something-else\", " + etag.substring(2)).get("/events/" + event.slug())
                .then().statusCode(304);
        given().header("If-None-Match", "W/\"something-else\"").get("/events/" + event.slug())
                .then().statusCode(200).header("ETag", is(etag));
    }

    @Test
    void theAgendaAndTheEventListApiAnswer304Too() {
        for (String path : new String[] { "/", "/api/events" }) {
            Response first = given().get(path);
            first.then().statusCode(200).header("Cache-Control", startsWith("public, max-age=0"));
            String etag = first.header("ETag");
            assertNotNull(etag, path);
            given().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", is(etag));
        }
        given().get("/api/events").then().contentType(ContentType.JSON).body("slug", hasItem("ruimte-voor-eerstelijnszorg"));
    }

    @Test
    void aContentChangeIsShownOnTheVeryNextRequest() {
        TestEvents.Created event = unlistedEvent("content");
        String before = given().get("/events/" + event.slug()).header("ETag");
        assertTrue(page(event.slug()).contains("Testbijeenkomst content"));

        TestEvents.change(event.id(), e -> e.title = "Nieuwe titel " + event.slug());

        Response after = given().header("If-None-Match", before).get("/events/" + event.slug());
        after.then().statusCode(200).body(containsString("Nieuwe titel " + event.slug()));
        assertNotEquals(before, after.header("ETag"));
    }

    @Test
    void aSignUpShowsInPlacesLeft() {
        TestEvents.Created event = unlistedEvent("places");
        assertTrue(page(event.slug()).contains("Nog 50 plaatsen vrij"));

        signUp(event.slug());

        Await.until("the event page shows 49 places left", Duration.ofSeconds(10),
                () -> page(event.slug()).contains("Nog 49 plaatsen vrij"));
    }

    @Test
    void languagesAreRenderedAndKeptApart() {
        TestEvents.Created event = unlistedEvent("talen");
        Response dutch = given().header("Accept-Language", "nl").get("/events/" + event.slug());
        Response english = given().header("Accept-Language", "en").get("/events/" + event.slug());
        Response dutchAgain = given().header("Accept-Language", "nl").get("/events/" + event.slug());

        dutch.then().statusCode(200).body(containsString("<html lang=\"nl\">")).header("Content-Language", "nl");
        english.then().statusCode(200).body(containsString("<html lang=\"en\">")).header("Content-Language", "en")
                .body(containsString("50 places left"));
        dutchAgain.then().body(containsString("<html lang=\"nl\">")).body(containsString("Nog 50 plaatsen vrij"));
        assertNotEquals(dutch.header("ETag"), english.header("ETag"));
        assertEquals(dutch.header("ETag"), dutchAgain.header("ETag"));
        given().header("Accept-Language", "en").header("If-None-Match", dutch.header("ETag"))
                .get("/events/" + event.slug()).then().statusCode(200);
        given().cookie("lang", "en").get("/events/" + event.slug()).then().body(containsString("<html lang=\"en\">"));
    }

    @Test
    void anAnswerThatSetsTheLanguageCookieIsNotForSharedCaches() {
        TestEvents.Created event = unlistedEvent("keuze");
        given().queryParam("lang", "en").get("/events/" + event.slug())
                .then().statusCode(200).cookie("lang", "en")
                .header("Cache-Control", is("private, no-cache"))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("href=\"?lang=nl\""));
        // The same page without the query: public again, and its language link is its own.
        given().header("Accept-Language", "en").get("/events/" + event.slug())
                .then().header("Cache-Control", startsWith("public")).header("Set-Cookie", nullValue())
                .body(containsString("href=\"?lang=nl\""));
        given().queryParam("utm_source", "nieuwsbrief").get("/events/" + event.slug())
                .then().body(containsString("href=\"?utm_source=nieuwsbrief&amp;lang=en\""));
    }

    @Test
    void cachedPagesHoldNoCsrfTokenAndTheSignUpFormGivesEveryVisitorTheirOwn() {
        TestEvents.Created event = unlistedEvent("csrf");
        page(event.slug());
        Response cached = given().get("/events/" + event.slug());
        assertFalse(cached.asString().contains("_csrf"), "the event page carries no token");
        assertEquals(null, cached.cookie(CsrfGuard.COOKIE), "nor sets a CSRF cookie");

        Response visitorA = given().get("/events/" + event.slug() + "/register");
        Response visitorB = given().get("/events/" + event.slug() + "/register");
        for (Response form : new Response[] { visitorA, visitorB }) {
            form.then().statusCode(200).header("Cache-Control", containsString("no-store"))
                    .header("Cache-Control", not(containsString("public")));
        }
        assertNotEquals(visitorA.cookie(CsrfGuard.COOKIE), visitorB.cookie(CsrfGuard.COOKIE));
        assertNotEquals(token(visitorA), token(visitorB));
        // A returning visitor keeps their cookie, and the new form's token belongs to it. (The token itself changes
        // with the second it was issued in, so comparing it to the first one would depend on the clock.)
        String nonceA = visitorA.cookie(CsrfGuard.COOKIE);
        Response again = given().cookie(CsrfGuard.COOKIE, nonceA).get("/events/" + event.slug() + "/register");
        assertEquals(null, again.cookie(CsrfGuard.COOKIE), "no new cookie for a returning visitor");
        assertEquals(CsrfTokens.Verdict.VALID, csrfTokens.check(nonceA, token(again)));
        assertEquals(CsrfTokens.Verdict.INVALID, csrfTokens.check(visitorB.cookie(CsrfGuard.COOKIE), token(again)));
    }

    @Test
    void aMissingPageIsNotRememberedAsMissing() {
        String slug = "test-later-" + UUID.randomUUID().toString().substring(0, 8);
        given().get("/events/" + slug).then().statusCode(404);
        nl.kennisagenda.event.EventFixtures.create(slug, Duration.ofDays(20), e -> e.unlisted = true);
        try {
            given().get("/events/" + slug).then().statusCode(200);
        } finally {
            nl.kennisagenda.event.EventFixtures.cleanUp();
        }
        given().get("/events/" + slug).then().statusCode(404);
    }

    @Test
    void anEventThatBecomesListedIsOnTheAgendaAndInTheApiAtOnce() {
        TestEvents.Created event = unlistedEvent("agenda");
        String title = "Testbijeenkomst agenda";
        assertFalse(given().get("/").asString().contains("/events/" + event.slug() + "\""));
        assertFalse(given().get("/api/events").asString().contains("\"" + event.slug() + "\""));
        try {
            TestEvents.change(event.id(), e -> e.unlisted = false);
            given().get("/").then().body(containsString("/events/" + event.slug() + "\"")).body(containsString(title));
            given().get("/api/events").then().body(containsString("\"" + event.slug() + "\""));
        } finally {
            TestEvents.change(event.id(), e -> e.unlisted = true);
        }
        given().get("/").then().body(not(containsString("/events/" + event.slug() + "\"")));
    }

    private static String token(Response form) {
        Matcher matcher = CSRF_FIELD.matcher(form.asString());
        assertTrue(matcher.find(), "the form has a CSRF field");
        return matcher.group(1);
    }
}
