package nl.kennisagenda.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * One test per problem that {@link HostileInputTest} found, each with the smallest request that showed it.
 */
@QuarkusTest
class HostileInputFixesTest {

    private RawHttp http;

    @org.junit.jupiter.api.BeforeEach
    void client() {
        http = new RawHttp(RestAssured.port);
    }

    @Test
    void aBackOfficeAddressThatACookieCannotHoldRedirectsToTheLogInInsteadOfFailing() throws Exception {
        // The form log-in keeps the requested address in a cookie; ";", a space or a non-ASCII octet cannot be in one.
        for (String target : List.of("/admin/events/;x=1", "/admin/organisations/\u00c3/newsletter",
                "/admin?organisation=%5C%27&r=\u00e9", "/admin/mails/1?x=a,b")) {
            RawHttp.Reply reply = http.send(new RawHttp.Request("GET", target));
            assertEquals(302, reply.status(), target + ": " + reply.body());
            assertTrue(reply.header("Location").endsWith("/admin/login"), target + ": " + reply.header("Location"));
        }
        // An ordinary address is still remembered for after the log-in.
        RawHttp.Reply ordinary = http.send(new RawHttp.Request("GET", "/admin/tokens"));
        assertEquals(302, ordinary.status());
        assertTrue(ordinary.all("Set-Cookie").stream().anyMatch(cookie -> cookie.contains("/admin/tokens")),
                ordinary.headers().toString());
    }

    @Test
    void anUploadPostedAsAFormInACharsetThatDoesNotExistIsA400NotA500() throws Exception {
        // The uploads take any body (so a post without a file still meets the CSRF and access checks); the
        // framework's form parser threw UnsupportedCharsetException, a 500, before the resource ran.
        nl.kennisagenda.backoffice.AdminClient organiser = nl.kennisagenda.backoffice.AdminClient
                .loggedIn("admin@example.org", nl.kennisagenda.backoffice.AdminClient.DEMO_PASSWORD);
        for (String path : List.of("/admin/organisations/platform31/subscribers/import",
                "/admin/events/1/image")) {
            for (String charset : List.of("bogus", "x:y")) {
                RawHttp.Reply reply = http.send(new RawHttp.Request("POST", path)
                        .header("Cookie", organiser.cookieHeader())
                        .body("application/x-www-form-urlencoded; charset=" + charset, "_csrf=x&a=%".getBytes()));
                assertEquals(400, reply.status(), path + " " + charset + ": " + reply.body());
                assertTrue(reply.body().contains("<h1"), reply.body());
            }
        }
    }

    @Test
    void aMethodTheRouteDoesNotHaveGets405WithAPage() throws Exception {
        RawHttp.Reply reply = http.send(new RawHttp.Request("PUT", "/newsletter/check-your-mail")
                .header("Accept-Language", "nl"));
        assertEquals(405, reply.status());
        assertTrue(reply.contentType().startsWith("text/html"), reply.contentType());
        assertTrue(reply.body().contains("<h1>Dit kan hier niet</h1>"), reply.body());
    }

    @Test
    void aBodyTheRouteCannotReadGets415WithAPage() throws Exception {
        RawHttp.Reply reply = http.send(new RawHttp.Request("POST", "/organisations/platform31/newsletter")
                .header("Accept-Language", "en").body("text/plain", "email=a@example.org".getBytes()));
        assertEquals(415, reply.status());
        assertTrue(reply.body().contains("(Content-Type)"), reply.body());
    }

    @Test
    void anAcceptTheRouteCannotAnswerGets406WithAMessage() throws Exception {
        RawHttp.Reply reply = http.send(new RawHttp.Request("GET", "/toegankelijkheid").header("Accept", "image/png"));
        assertEquals(406, reply.status());
        assertTrue(reply.body().contains("(Accept)"), reply.body());
    }

    @Test
    void aBackOfficePageOutsideTheRoleGets403WithAPage() {
        nl.kennisagenda.backoffice.AdminClient organiser = nl.kennisagenda.backoffice.AdminClient
                .loggedIn("vilans@example.org", nl.kennisagenda.backoffice.AdminClient.DEMO_PASSWORD);
        io.restassured.response.Response answer = organiser.request().redirects().follow(false).get("/admin/accounts");
        assertEquals(403, answer.statusCode());
        assertTrue(answer.asString().contains("<h1>Dit kan hier niet</h1>"), answer.asString());
    }

    @Test
    void aCalendarThatNoLongerMatchesIfMatchSays412InWords() throws Exception {
        RawHttp.Reply reply = http.send(new RawHttp.Request("GET", "/calendar/events.ics")
                .header("If-Match", "\"garbage\"").header("Accept-Language", "en"));
        assertEquals(412, reply.status());
        assertTrue(reply.body().contains("If-Match"), reply.body());
    }

    @Test
    void anUnreadableAcceptLanguageIsIgnoredNotA500() throws Exception {
        for (String language : List.of("lang=en; lang=nl", "nl;q=abc", "en;q=2, nl;q=-1")) {
            RawHttp.Reply reply = http.send(new RawHttp.Request("GET", "/admin/login")
                    .header("Accept-Language", language));
            assertEquals(200, reply.status(), language + ": " + reply.body());
            assertTrue(reply.body().contains("<h1"), language);
        }
    }

    @Test
    void anUnreadableIfUnmodifiedSinceOnACalendarIsIgnoredNotA500() throws Exception {
        for (String value : List.of("W/", "W/\"x", "garbage")) {
            RawHttp.Reply reply = http.send(new RawHttp.Request("GET", "/calendar/events.ics")
                    .header("If-Unmodified-Since", value));
            assertEquals(200, reply.status(), value + ": " + reply.body());
            assertTrue(reply.contentType().startsWith("text/calendar"), value);
        }
    }

    @Test
    void unreadableNegotiationHeadersCountAsAbsentNotA500() throws Exception {
        for (String[] header : new String[][] { { "Accept", "*" }, { "Accept", "text/html;q=x" },
                { "Accept-Charset", "application/json;charset=bogus" }, { "Accept-Language", "lang=en; lang=nl" },
                { "Accept-Encoding", "gzip;level=<x>" } }) {
            for (String target : List.of("/events/past", "/admin/login", "/calendar/events.ics", "/api/events")) {
                RawHttp.Reply reply = http.send(new RawHttp.Request("GET", target).header(header[0], header[1]));
                assertEquals(200, reply.status(), target + " " + header[0] + ": " + header[1] + " -> " + reply.body());
            }
        }
    }

    @Test
    void aFormEncodedBodyToAnUploadGets415NotA500() {
        // The framework read such a body as a form before the upload could refuse it: a broken escape or more than
        // 1,000 fields was a 500.
        nl.kennisagenda.backoffice.AdminClient admin = nl.kennisagenda.backoffice.AdminClient
                .loggedIn("admin@example.org", nl.kennisagenda.backoffice.AdminClient.DEMO_PASSWORD);
        for (String body : List.of("_csrf=x&%EF%BF%AE=%", "_csrf=x&" + "a=1&".repeat(1500))) {
            for (String upload : List.of("/admin/events/1/attendance/upload", "/admin/speakers/1/portrait")) {
                io.restassured.response.Response answer = admin.request().redirects().follow(false)
                        .contentType("application/x-www-form-urlencoded").body(body).post(upload);
                assertEquals(415, answer.statusCode(), upload + ": " + answer.asString());
            }
        }
    }

    @Test
    void jsonNestedBeyondTheParsersLimitGets400WithAMessage() throws Exception {
        String nested = "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);
        RawHttp.Reply reply = http.send(new RawHttp.Request("POST",
                "/api/events/ruimte-voor-eerstelijnszorg/registrations").header("Accept-Language", "en")
                .body("application/json", nested.getBytes()));
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json") && reply.body().contains("\"message\""),
                reply.body());
    }

    @Test
    void aBodyWhoseContentTypeCannotBeParsedGets4xxNotA500() throws Exception {
        for (String type : List.of("multipart/form-data; boundary=", "multipart/form-data",
                "application/x-www-form-urlencoded; charset=")) {
            RawHttp.Reply reply = http.send(new RawHttp.Request("POST", "/newsletter/unsubscribe/bestaat-niet")
                    .body(type, "_csrf=x&%C3%28=%00".getBytes()));
            assertEquals(415, reply.status(), type + ": " + reply.body());
            assertTrue(reply.body().contains("<h1"), type);
        }
        String broken = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%\r\"'\r\"\r\n\r\nx\r\n";
        RawHttp.Reply reply = http.send(new RawHttp.Request("POST", "/newsletter/unsubscribe/bestaat-niet")
                .body("multipart/form-data; boundary=b", broken.getBytes()));
        assertTrue(reply.status() >= 400 && reply.status() < 500, reply.status() + " " + reply.body());
    }
}
