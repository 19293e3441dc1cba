package nl.kennisagenda.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.testsupport.Await;

/**
 * With a places lag (as in production) and a max age so long that it cannot be what refreshes the page: a sign-up
 * reaches the cached event page within the lag, and a content change still shows on the very next request.
 */
@QuarkusTest
@TestProfile(PlacesLagTest.WithLag.class)
class PlacesLagTest {

    public static class WithLag implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kennisagenda.page-cache.places-lag", "1s", "kennisagenda.page-cache.max-age", "10m");
        }
    }

    @Test
    void placesLeftFollowASignUpWithinTheLag() {
        TestEvents.Created event = PageCacheTest.unlistedEvent("lag");
        PageCacheTest.page(event.slug());
        PageCacheTest.signUp(event.slug());
        PageCacheTest.signUp(event.slug());
        // The lag is 1 s; 5 s leaves room for a slow machine, far below the 10 min max age.
        Await.until("the cached page shows 48 places left", Duration.ofSeconds(5),
                () -> PageCacheTest.page(event.slug()).contains("Nog 48 plaatsen vrij"));
    }

    @Test
    void aContentChangeDoesNotWaitForTheLag() {
        TestEvents.Created event = PageCacheTest.unlistedEvent("direct");
        PageCacheTest.page(event.slug());
        TestEvents.change(event.id(), e -> e.venueName = "Zaal " + event.slug());
        given().get("/events/" + event.slug()).then().statusCode(200).body(containsString("Zaal " + event.slug()));
    }
}
