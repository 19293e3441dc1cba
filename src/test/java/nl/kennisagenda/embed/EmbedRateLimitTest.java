package nl.kennisagenda.embed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import nl.kennisagenda.registration.TestEvents;

/**
 * The embedded form counts against the same per-client budget as the site's own form: with a limit of 2 per minute,
 * one sign-up on the site and one in the frame leave nothing for a second one in the frame.
 */
@QuarkusTest
@TestProfile(EmbedRateLimitTest.TwoPerMinute.class)
class EmbedRateLimitTest {

    public static class TwoPerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kennisagenda.rate-limit.signups-per-minute", "2");
        }
    }

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Inject
    EntityManager em;

    /** The limit is counted in the database, which this profile shares with others: start from an empty count. */
    @BeforeEach
    void forgetEarlierSignupCounts() {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from rate_limit_hits where bucket = 'signup'").executeUpdate());
    }

    @Test
    void theFrameSharesTheSiteFormsLimit() {
        TestEvents.Created event = TestEvents.create("ingesloten-limiet", 100);
        Response own = given().get("/events/" + event.slug() + "/register");
        post(given().cookie("ka_csrf", own.getCookie("ka_csrf")).formParam("_csrf", token(own)),
                "/events/" + event.slug() + "/register").then().statusCode(303);

        post(given().formParam("_csrf", token(given().get("/embed/events/" + event.slug()))),
                "/embed/events/" + event.slug()).then().statusCode(303);

        post(given().formParam("_csrf", token(given().get("/embed/events/" + event.slug()))),
                "/embed/events/" + event.slug()).then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body(containsString("<h1>Even geduld</h1>"));
    }

    private static Response post(io.restassured.specification.RequestSpecification request, String path) {
        return request.redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("firstName", "A").formParam("lastName", "B").formParam("organisation", "X")
                .formParam("email", "limiet-" + System.nanoTime() + "@example.org").post(path);
    }

    private static String token(Response form) {
        Matcher matcher = TOKEN.matcher(form.asString());
        if (!matcher.find()) {
            throw new AssertionError("no token on the form");
        }
        return matcher.group(1);
    }
}
