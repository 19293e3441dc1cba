package nl.kennisagenda.backoffice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.account.AccountSeeder;
import nl.kennisagenda.account.LoginThrottle;
import nl.kennisagenda.testsupport.OwnH2;

/**
 * Failed log-ins are counted in the database per address and per client, and a key at its limit is refused until
 * its window has passed. Runs on a database of its own with small limits: every request here comes from the same
 * client address, which must not lock out the other test classes.
 */
@QuarkusTest
@TestProfile(LoginThrottleTest.SmallLimits.class)
class LoginThrottleTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", OwnH2.url("login-throttle"),
                    "kennisagenda.login.max-failures-per-account", "3",
                    "kennisagenda.login.max-failures-per-client", "6",
                    "kennisagenda.login.window", "15m");
        }
    }

    @Inject
    EntityManager em;

    @Inject
    LoginThrottle throttle;

    @BeforeEach
    void forgetFailures() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from rate_limit_hits").executeUpdate());
    }

    @Test
    void anAddressIsLockedAfterTooManyFailuresEvenWithTheRightPassword() {
        AdminClient browser = AdminClient.atLoginPage();
        for (int i = 0; i < 3; i++) {
            browser.login("vilans@example.org", "fout-" + i).then().header("Location", endsWith("?error=invalid"));
        }
        assertEquals(3, throttle.failures("account", "vilans@example.org"), "counted in the database");
        browser.login("vilans@example.org", AdminClient.DEMO_PASSWORD).then().statusCode(302)
                .header("Location", endsWith("/admin/login?error=locked"));
        assertFalse(browser.hasSession());
        browser.get("/admin/login?error=locked").then().statusCode(401)
                .body(containsString("Er is te vaak een verkeerd wachtwoord ingevuld. Wacht 15 minuten"));
        given().header("Accept-Language", "en").get("/admin/login?error=locked").then().statusCode(401)
                .body(containsString("A wrong password was entered too often. Wait 15 minutes"));
        // Another account from the same client is not locked by it.
        AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
    }

    @Test
    void theLockEndsWhenTheWindowHasPassed() {
        AdminClient browser = AdminClient.atLoginPage();
        for (int i = 0; i < 3; i++) {
            browser.login("ineen@example.org", "fout-" + i);
        }
        browser.login("ineen@example.org", AdminClient.DEMO_PASSWORD).then()
                .header("Location", endsWith("?error=locked"));
        // Seventeen minutes later, as far as the stored counts are concerned (a failure counts for the 15-minute
        // window plus at most one 90-second slot):
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update rate_limit_hits set slot_start = slot_start - interval '17' minute").executeUpdate());
        browser.login("ineen@example.org", AdminClient.DEMO_PASSWORD).then().statusCode(302)
                .header("Location", endsWith("/admin"));
    }

    @Test
    void aSuccessfulLoginResetsTheAccountsCount() {
        AdminClient browser = AdminClient.atLoginPage();
        browser.login("vws@example.org", "fout-1");
        browser.login("vws@example.org", "fout-2");
        assertEquals(2, throttle.failures("account", "vws@example.org"));
        browser.login("vws@example.org", AdminClient.DEMO_PASSWORD).then().header("Location", endsWith("/admin"));
        assertEquals(0, throttle.failures("account", "vws@example.org"));
        // So two more failures do not lock it.
        AdminClient other = AdminClient.atLoginPage();
        other.login("vws@example.org", "fout-3");
        other.login("vws@example.org", "fout-4");
        AdminClient.loggedIn("vws@example.org", AdminClient.DEMO_PASSWORD);
    }

    @Test
    void aClientIsLockedAfterTooManyFailuresAcrossAddresses() {
        AdminClient browser = AdminClient.atLoginPage();
        for (int i = 0; i < 6; i++) {
            // Unknown addresses count too, and answer just like wrong passwords.
            browser.login("onbekend-" + i + "@example.org", "fout").then().header("Location", endsWith("?error=invalid"));
        }
        assertEquals(6, throttle.failures("client", "127.0.0.1"));
        browser.login(AccountSeeder.DEMO_ADMIN, AdminClient.DEMO_PASSWORD).then()
                .header("Location", endsWith("/admin/login?error=locked"));
        assertFalse(browser.hasSession());
    }

    @Test
    void aBurstOfParallelGuessesGetsNoMoreThanTheLimit() throws Exception {
        int guesses = 12;
        List<AdminClient> browsers = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            browsers.add(AdminClient.atLoginPage());
        }
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                AdminClient browser = browsers.get(i);
                String guess = "fout-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return browser.login("eur@example.org", guess).header("Location");
                }));
            }
            start.countDown();
            int invalid = 0;
            int locked = 0;
            for (Future<String> answer : answers) {
                String location = answer.get(5, TimeUnit.MINUTES);
                if (location.endsWith("?error=invalid")) {
                    invalid++;
                } else if (location.endsWith("?error=locked")) {
                    locked++;
                }
            }
            // Each attempt is counted before its password is checked: only the limit's worth get a bcrypt check.
            assertEquals(3, invalid, "passwords checked");
            assertEquals(guesses - 3, locked, "refused unchecked");
            assertEquals(3, throttle.failures("account", "eur@example.org"));
        } finally {
            pool.shutdownNow();
        }
    }
}
