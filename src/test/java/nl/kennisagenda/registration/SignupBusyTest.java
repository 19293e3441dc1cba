package nl.kennisagenda.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import nl.kennisagenda.registration.service.SignupAdmission;

/**
 * When every turn for an event is taken on this instance and a sign-up may not wait ({@code max-wait} 0 here; 45 s
 * in production), the visitor is told it is too busy and that nothing was saved: 503 with Retry-After, on the API and
 * on the form (re-shown with what was typed), and no registration is stored.
 */
@QuarkusTest
@TestProfile(SignupBusyTest.NoWaitForATurn.class)
class SignupBusyTest {

    public static class NoWaitForATurn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kennisagenda.signup.admission.max-wait", "0s");
        }
    }

    @Inject
    SignupAdmission admission;

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService holders = Executors.newCachedThreadPool();

    @AfterEach
    void releaseTheTurns() {
        release.countDown();
        holders.shutdown();
    }

    @Test
    void aSignUpThatGetsNoTurnIsRefusedWith503AndNothingIsSaved() throws Exception {
        TestEvents.Created event = TestEvents.create("druk", 100);
        List<CompletableFuture<Void>> turns = takeEveryTurn(event.slug());

        given().contentType(ContentType.JSON).body(Map.of("firstName", "A", "lastName", "B",
                "email", "druk-" + System.nanoTime() + "@example.org", "organisation", "X"))
                .post("/api/events/" + event.slug() + "/registrations").then().statusCode(503)
                .contentType(ContentType.JSON).header("Retry-After", "60").body("status", is(503))
                .body("message", is("Er melden zich op dit moment heel veel mensen tegelijk aan. Je aanmelding is niet "
                        + "opgeslagen. Probeer het over een minuut opnieuw."));

        FormClient browser = FormClient.open("/events/" + event.slug() + "/register");
        // The form comes back with what was typed and a line that says why, so sending it again is one click.
        browser.post().formParam("firstName", "Aafke").formParam("lastName", "Bos")
                .formParam("email", "aafke@example.org").formParam("organisation", "Gemeente Ede")
                .post("/events/" + event.slug() + "/register")
                .then().statusCode(503).contentType(containsString("text/html")).header("Retry-After", "60")
                .header("Cache-Control", "no-store")
                .body(containsString("id=\"error-summary\""))
                .body(containsString("Het is nu erg druk: Er melden zich op dit moment heel veel mensen tegelijk aan."))
                .body(containsString("value=\"Aafke\"")).body(containsString("value=\"aafke@example.org\""))
                .body(containsString("value=\"Gemeente Ede\""))
                .body(containsString("name=\"_csrf\""));

        assertEquals(0L, registrations(event));

        release.countDown();
        for (CompletableFuture<Void> turn : turns) {
            turn.get(30, TimeUnit.SECONDS);
        }
        given().contentType(ContentType.JSON).body(Map.of("firstName", "A", "lastName", "B",
                "email", "daarna-" + System.nanoTime() + "@example.org", "organisation", "X"))
                .post("/api/events/" + event.slug() + "/registrations").then().statusCode(201);
        assertEquals(1L, registrations(event));
    }

    /** Takes the event's four turns of this instance, as four sign-ups in progress would, until the test releases. */
    private List<CompletableFuture<Void>> takeEveryTurn(String slug) throws InterruptedException {
        CountDownLatch taken = new CountDownLatch(4);
        List<CompletableFuture<Void>> turns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            turns.add(CompletableFuture.runAsync(() -> admission.admit(slug, () -> {
                taken.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }), holders));
        }
        if (!taken.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the four turns were not taken");
        }
        return turns;
    }

    private static long registrations(TestEvents.Created event) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.count("event.id", event.id()));
    }
}
