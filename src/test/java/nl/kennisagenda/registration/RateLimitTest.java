package nl.kennisagenda.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With a limit of 3 per minute, the fourth sign-up attempt from one client gets a 429, on the API and the form. */
@QuarkusTest
@TestProfile(RateLimitTest.ThreePerMinute.class)
class RateLimitTest {

    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kennisagenda.rate-limit.signups-per-minute", "3");
        }
    }

    @Inject
    EntityManager em;

    /** The limit is counted in the database, which this profile shares with others: start from an empty count. */
    @BeforeEach
    void forgetEarlierSignupCounts() {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from rate_limit_hits where bucket = 'signup'").executeUpdate());
    }

    @Test
    void theFourthAttemptInAMinuteIsRefusedWith429() {
        TestEvents.Created event = TestEvents.create("limiet", 100);
        String api = "/api/events/" + event.slug() + "/registrations";
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Map.of("firstName", "A", "lastName", "B",
                    "email", "r" + i + "-" + System.nanoTime() + "@example.org", "organisation", "X"))
                    .post(api).then().statusCode(201);
        }
        given().contentType(ContentType.JSON).body(Map.of("firstName", "A", "lastName", "B",
                "email", "r4-" + System.nanoTime() + "@example.org", "organisation", "X"))
                .post(api).then().statusCode(429).contentType(ContentType.JSON)
                .header("Retry-After", notNullValue())
                .body("status", is(429)).body("message", containsString("Wacht een minuut"));

        FormClient browser = FormClient.open("/events/" + event.slug() + "/register");
        browser.post().formParam("firstName", "A").formParam("lastName", "B").formParam("email", "f@example.org")
                .formParam("organisation", "X").post("/events/" + event.slug() + "/register")
                .then().statusCode(429).contentType(containsString("text/html"))
                .body(containsString("<h1>Even geduld</h1>"));
    }
}
