package nl.kennisagenda.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFixtures;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.Speaker;

/** What the whole public side promises: join links stay private, 404s are real, OpenAPI and health are there. */
@QuarkusTest
class PublicSurfaceTest {

    @AfterEach
    void removeTestEvents() {
        EventFixtures.cleanUp();
    }

    @Test
    void joinLinksAppearNowhereOnPublicPagesOrTheApi() {
        EventFixtures.create("test-hybride-geheim", Duration.ofDays(3), event -> {
            event.format = EventFormat.HYBRID;
            event.venueCity = "Zwolle";
        });
        List<String> joinUrls = QuarkusTransaction.requiringNew().call(() -> Event.<Event>list("joinUrl is not null")
                .stream().map(event -> event.joinUrl).toList());
        List<String> paths = new ArrayList<>(List.of("/", "/?format=ONLINE", "/events/past", "/organisations",
                "/api/events", "/api/events?format=HYBRID"));
        QuarkusTransaction.requiringNew().run(() -> {
            Event.<Event>listAll().forEach(event -> {
                paths.add("/events/" + event.slug);
                paths.add("/api/events/" + event.slug);
            });
            Organisation.<Organisation>listAll().forEach(org -> paths.add("/organisations/" + org.slug));
            Speaker.<Speaker>listAll().forEach(speaker -> paths.add("/speakers/" + speaker.slug));
        });
        for (String path : paths) {
            String body = given().when().get(path).then().extract().asString();
            for (String joinUrl : joinUrls) {
                assertFalse(body.contains(joinUrl), joinUrl + " leaked on " + path);
            }
            assertFalse(body.contains("secret-test-link"), "test join link leaked on " + path);
        }
    }

    @Test
    void everyPublicPageHasOneH1HeadingsInOrderAndUniqueIds() {
        List<String> paths = new ArrayList<>(List.of("/", "/?q=niets-hiervan", "/?month=2026-13", "/events/past",
                "/organisations", "/events/bestaat-niet"));
        QuarkusTransaction.requiringNew().run(() -> {
            Event.<Event>list("status <> ?1", nl.kennisagenda.event.EventStatus.DRAFT)
                    .forEach(event -> paths.add("/events/" + event.slug));
            Organisation.<Organisation>listAll().forEach(org -> paths.add("/organisations/" + org.slug));
        });
        paths.add("/speakers/klaas-beniers");
        for (String path : paths) {
            String html = given().when().get(path).then().extract().asString();
            assertTrue(html.startsWith("<!DOCTYPE html>"), path);
            assertTrue(html.contains("<html lang=\"nl\">"), path);
            Matcher headings = Pattern.compile("<h([1-6])[ >]").matcher(html);
            int previous = 0;
            int h1s = 0;
            while (headings.find()) {
                int level = Integer.parseInt(headings.group(1));
                assertTrue(level <= previous + 1, "heading level jumps to h" + level + " on " + path);
                h1s += level == 1 ? 1 : 0;
                previous = level;
            }
            assertEquals(1, h1s, "one h1 on " + path);
            Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
            Set<String> seen = new HashSet<>();
            while (ids.find()) {
                assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1) + " on " + path);
            }
        }
    }

    @Test
    void englishBundleHasEveryDutchText() throws Exception {
        Properties dutch = new Properties();
        Properties english = new Properties();
        try (InputStream nl = getClass().getResourceAsStream("/messages/msg_nl.properties");
                InputStream en = getClass().getResourceAsStream("/messages/msg_en.properties")) {
            dutch.load(new InputStreamReader(nl, StandardCharsets.UTF_8));
            english.load(new InputStreamReader(en, StandardCharsets.UTF_8));
        }
        assertTrue(dutch.size() > 100, "the bundle is loaded");
        assertEquals(new TreeSet<>(dutch.stringPropertyNames()), new TreeSet<>(english.stringPropertyNames()));
    }

    @Test
    void unknownPathGivesTheHtmlNotFoundPage() {
        given().when().get("/dit/bestaat/niet")
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Pagina niet gevonden"));
    }

    @Test
    void unknownApiPathGivesJsonNotFound() {
        given().when().get("/api/onbekend")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("status", is(404));
    }

    @Test
    void openApiDocumentDescribesTheEventsApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/events"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/events/{slug}"))
                .body("paths.'/api/events'.get.tags", org.hamcrest.Matchers.hasItem("Events"))
                .body("components.schemas", org.hamcrest.Matchers.hasKey("EventDetail"));
    }

    @Test
    void healthIsUpIncludingTheDatabase() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("status", is("UP"));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }
}
