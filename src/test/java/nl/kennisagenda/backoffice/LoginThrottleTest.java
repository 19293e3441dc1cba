package nl.kennisagenda.backoffice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

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
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from login_failures").executeUpdate());
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
        // Sixteen minutes later, as far as the stored window is concerned:
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update login_failures set window_start = window_start - interval '16' minute").executeUpdate());
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
}
