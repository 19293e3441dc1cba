package nl.kennisagenda.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import nl.kennisagenda.registration.TestEvents;

/**
 * Behind a proxy, as docs/signup.md and docs/operations.md advise (forwarding on, the proxy trusted), the limits
 * count the address the proxy appended to X-Forwarded-For. Before: a client that wrote a new first value on every
 * request was never limited (14 of 14 sign-ups accepted with a limit of 10). The test plays the proxy from 127.0.0.1
 * and gives each simulated client an address of its own in 2001:db8::/32, so other tests' counts do not mix in.
 */
@QuarkusTest
@TestProfile(ForwardedClientLimitsTest.BehindAProxy.class)
class ForwardedClientLimitsTest {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1",
                    "kennisagenda.rate-limit.signups-per-minute", "10",
                    "kennisagenda.login.max-failures-per-client", "4");
        }
    }

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static String someClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(random.nextInt(1, 0xffff)) + ":"
                + Integer.toHexString(random.nextInt(1, 0xffff)) + "::" + Integer.toHexString(random.nextInt(1, 0xffff));
    }

    /** What the client wrote itself (new every time), then what the proxy appended: the client's real address. */
    private static String forwardedFor(String client) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(1, 224) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + random.nextInt(1, 255) + ", " + client;
    }

    private static int signUp(String slug, String client) {
        return given().header("X-Forwarded-For", forwardedFor(client)).contentType(ContentType.JSON)
                .body(Map.of("firstName", "A", "lastName", "B", "organisation", "X",
                        "email", "fwd-" + System.nanoTime() + "@example.org"))
                .post("/api/events/" + slug + "/registrations").statusCode();
    }

    @Test
    void aClientThatChangesTheFirstForwardedValueIsStillLimited() {
        TestEvents.Created event = TestEvents.create("doorgestuurd", 1000);
        String client = someClient();
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 14; i++) {
            int status = signUp(event.slug(), client);
            if (status == 201) {
                accepted++;
            } else if (status == 429) {
                refused++;
            }
        }
        assertEquals(10, accepted, "the limit, not 14");
        assertEquals(4, refused);
    }

    @Test
    void clientsBehindTheSameProxyAreCountedApart() {
        TestEvents.Created event = TestEvents.create("doorgestuurd-apart", 1000);
        String first = someClient();
        for (int i = 0; i < 10; i++) {
            assertEquals(201, signUp(event.slug(), first));
        }
        assertEquals(429, signUp(event.slug(), first));
        // The proxy's own address is not what is counted: another client behind it signs up as usual.
        assertEquals(201, signUp(event.slug(), someClient()));
    }

    @Test
    void failedLoginsCountTheAddressTheProxyAppended() {
        String client = someClient();
        for (int i = 0; i < 4; i++) {
            String location = logIn(client, "onbekend-" + System.nanoTime() + "@example.org").header("Location");
            assertTrue(location.endsWith("/admin/login?error=invalid"), location);
        }
        String locked = logIn(client, "onbekend-" + System.nanoTime() + "@example.org").header("Location");
        assertTrue(locked.endsWith("/admin/login?error=locked"), locked);
        String other = logIn(someClient(), "onbekend-" + System.nanoTime() + "@example.org").header("Location");
        assertTrue(other.endsWith("/admin/login?error=invalid"), "another client is not locked: " + other);
    }

    /** Opens the log-in page and posts the form through the "proxy", each time with a new first value. */
    private static Response logIn(String client, String email) {
        Response page = given().header("X-Forwarded-For", forwardedFor(client)).get("/admin/login");
        Matcher token = TOKEN.matcher(page.asString());
        assertTrue(token.find(), "log-in form with a CSRF token");
        return given().redirects().follow(false).cookies(page.getCookies())
                .header("X-Forwarded-For", forwardedFor(client))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("j_username", email).formParam("j_password", "fout").formParam("_csrf", token.group(1))
                .post("/admin/j_security_check");
    }
}
