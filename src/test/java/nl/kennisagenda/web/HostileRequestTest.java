package nl.kennisagenda.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/**
 * What hostile or broken requests get: a 400 with a short page (never a 500 and a stack trace), a language switch
 * that stays on this site, a calendar that ignores an unreadable If-Modified-Since, and the security headers.
 */
@QuarkusTest
class HostileRequestTest {

    private static final String EVENT = "ruimte-voor-eerstelijnszorg";
    private static final List<String> FORM_POSTS = List.of("/events/" + EVENT + "/register",
            "/registrations/some-token", "/registrations/some-token/cancel");
    /** Sent byte for byte: RestAssured must not add a charset of its own. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Test
    void formBodiesThatCannotBeReadAnswer400WithAShortPage() {
        for (String path : FORM_POSTS) {
            for (String body : List.of("=", "a=1&=", "%zz", "firstName=%E", "=value")) {
                given().config(RAW).redirects().follow(false)
                        .contentType("application/x-www-form-urlencoded").body(body)
                        .when().post(path)
                        .then().statusCode(400)
                        .contentType(startsWith("text/html"))
                        .body(containsString("Verzoek niet leesbaar"), not(containsString("Exception")));
            }
        }
    }

    @Test
    void unreadableLoginFormsGoBackToTheLoginPage() {
        // The back-office log-in is read by Quarkus' form authentication, not by our form reader: whatever it cannot
        // read is a refused log-in, never a 500.
        for (String body : List.of("=", "a=1&=", "%zz", "j_username=%E", "=value", "j_username=a&j_password=",
                "j_username=admin%40example.org&j_password=x&_csrf=%zz")) {
            given().config(RAW).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded").body(body)
                    .when().post("/admin/j_security_check")
                    .then().statusCode(302)
                    .header("Location", containsString("/admin/login?error="));
        }
    }

    @Test
    void anUnknownCharsetAnswers400() throws Exception {
        // Sent with the JDK client: RestAssured itself refuses to encode a body in a charset that does not exist.
        HttpClient http = HttpClient.newHttpClient();
        for (String path : FORM_POSTS) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=bogus")
                    .POST(HttpRequest.BodyPublishers.ofString("a=1")).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), path);
            assertTrue(response.body().contains("Verzoek niet leesbaar"), path);
        }
    }

    @Test
    void formsInOtherCharsetsAndEmptyPairsAreStillRead() {
        // Latin-1 "é" as %E9 in a form that says so, and stray '&'s: read, then refused for the missing CSRF token
        // (403), not for the encoding.
        given().config(RAW).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=ISO-8859-1")
                .body("&firstName=Ren%E9&&lastName=de+Wit&")
                .when().post("/events/" + EVENT + "/register")
                .then().statusCode(not(is(400))).statusCode(not(is(500)));
    }

    @Test
    void anUnreadableIfModifiedSinceIsIgnoredOnEveryCalendarRoute() {
        for (String path : List.of("/events/" + EVENT + ".ics", "/events/" + EVENT + ".ics?programme=true",
                "/calendar/events.ics", "/calendar/organisations/platform31.ics")) {
            given().header("If-Modified-Since", "garbage")
                    .when().get(path)
                    .then().statusCode(200).contentType(startsWith("text/calendar"));
        }
        // A valid date far in the future still gives 304.
        given().header("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT")
                .when().get("/calendar/events.ics")
                .then().statusCode(304);
    }

    @Test
    void theLanguageSwitchNeverLinksToAnotherHost() throws IOException {
        for (String path : List.of("//evil.example/x", "///evil.example/x", "//evil.example/events/x?lang=nl",
                "/?q=zorg&lang=nl&month=2026-12")) {
            String href = languageSwitch(rawGet(path));
            assertTrue(href.startsWith("?"), path + " -> " + href);
            assertTrue(href.endsWith("lang=en"), path + " -> " + href);
        }
        String keepsFilters = languageSwitch(rawGet("/?q=zorg&month=2026-12"));
        assertEquals("?q=zorg&amp;month=2026-12&amp;lang=en", keepsFilters);
        // Targets the HTTP server cannot parse at all are refused before any page is built.
        for (String path : List.of("/\\evil.example/x", "/?q=%zz")) {
            assertTrue(rawGet(path).startsWith("HTTP/1.1 400 "), path);
        }
    }

    /** A GET with the request target exactly as given (HTTP clients refuse to send most of these). */
    private static String rawGet(String target) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Accept-Language: nl\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String languageSwitch(String html) {
        Matcher link = Pattern.compile("class=\"lang-switch\" href=\"([^\"]*)\"").matcher(html);
        assertTrue(link.find(), "no language switch in the page");
        return link.group(1);
    }

    @Test
    void pagesApiFeedsAndStylesheetsCarryTheSecurityHeaders() {
        for (String path : List.of("/", "/events/" + EVENT, "/api/events", "/calendar/events.ics", "/css/site.css",
                "/does-not-exist")) {
            Response response = given().when().get(path);
            String csp = response.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline")
                    && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertEquals("DENY", response.header("X-Frame-Options"), path);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
            assertEquals("strict-origin-when-cross-origin", response.header("Referrer-Policy"), path);
        }
    }

    @Test
    void htmlSaysItsCharsetAndVariesByWhatChoosesTheLanguage() {
        Response page = given().when().get("/events/" + EVENT);
        assertEquals("text/html;charset=UTF-8", page.contentType().replace(" ", ""));
        String vary = page.header("Vary");
        assertTrue(vary.contains("Cookie") && vary.contains("Accept-Language"), vary);
        String apiVary = given().when().get("/api/events").header("Vary");
        assertTrue(apiVary.contains("Accept-Language"), apiVary);
    }
}
