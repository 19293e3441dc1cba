package nl.kennisagenda.backoffice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.AccountSeeder;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.account.SessionKey;

/** Logging in to the back-office, its session cookie and logging out. */
@QuarkusTest
class BackofficeLoginTest {

    @Inject
    SessionKey sessionKey;

    @Inject
    EntityManager em;

    @Test
    void theLoginPageHasLabelledRequiredFieldsAndACsrfToken() {
        Response page = AdminClient.atLoginPage().get("/admin/login");
        assertEquals(200, page.statusCode());
        String html = page.asString();
        assertTrue(html.contains("<h1>Inloggen voor organisatoren</h1>"), html);
        assertTrue(html.contains("<label for=\"login-email\">E-mailadres <abbr class=\"required\""));
        assertTrue(html.contains("<label for=\"login-password\">Wachtwoord <abbr class=\"required\""));
        assertTrue(html.contains("action=\"/admin/j_security_check\""));
        assertTrue(html.contains("name=\"_csrf\" value=\""));
        assertFalse(html.contains("style="), "no inline styles under the CSP");
        given().get("/admin/login?lang=en").then().statusCode(200)
                .body(containsString("<h1>Log in for organisers</h1>"))
                .body(containsString("action=\"/admin/j_security_check?lang=en\""));
    }

    @Test
    void theDemoAdministratorLogsInAndLandsOnTheOverview() {
        AdminClient admin = AdminClient.atLoginPage();
        Response login = admin.login(AccountSeeder.DEMO_ADMIN, AdminClient.DEMO_PASSWORD);
        assertEquals(302, login.statusCode());
        assertTrue(login.header("Location").endsWith("/admin"), login.header("Location"));
        Cookie session = login.getDetailedCookie("ka_session");
        assertNotNull(session, "session cookie set");
        assertTrue(session.isHttpOnly(), "HttpOnly");
        assertEquals("Strict", session.getSameSite());

        admin.get("/admin").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("<h1>Beheer</h1>"))
                .body(containsString("alle organisaties"))
                .body(containsString("Ruimte voor eerstelijnszorg"))
                .body(containsString("Samen bouwen aan toekomstbestendige"));
        Account stored = QuarkusTransaction.requiringNew()
                .call(() -> Account.findByEmail(AccountSeeder.DEMO_ADMIN).orElseThrow());
        assertNotNull(stored.lastLoginAt);
        assertTrue(stored.passwordHash.startsWith("$2"), "bcrypt");
    }

    @Test
    void addressesAreMatchedWithoutCaseOrSpaces() {
        AdminClient admin = AdminClient.atLoginPage();
        admin.login("  Admin@Example.ORG ", AdminClient.DEMO_PASSWORD).then().statusCode(302)
                .header("Location", endsWith("/admin"));
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
        AdminClient browser = AdminClient.atLoginPage();
        Response wrongPassword = browser.login("platform31@example.org", "niet-het-wachtwoord");
        Response unknown = browser.login("niemand-" + System.nanoTime() + "@example.org", "niet-het-wachtwoord");
        for (Response response : new Response[] { wrongPassword, unknown }) {
            assertEquals(302, response.statusCode());
            assertTrue(response.header("Location").endsWith("/admin/login?error=invalid"), response.header("Location"));
            assertFalse(browser.hasSession());
        }
        browser.get("/admin/login?error=invalid").then().statusCode(401)
                .body(containsString("Het e-mailadres of het wachtwoord klopt niet."))
                .body(containsString("aria-describedby=\"login-error\""));
    }

    @Test
    void aLoginWithoutTheFormsCsrfTokenIsRefused() {
        AdminClient browser = AdminClient.atLoginPage();
        browser.csrf = "vervalst";
        browser.login(AccountSeeder.DEMO_ADMIN, AdminClient.DEMO_PASSWORD).then().statusCode(302)
                .header("Location", endsWith("/admin/login?error=expired"));
        assertFalse(browser.hasSession());
        // Nor does a token from another browser help.
        AdminClient other = AdminClient.atLoginPage();
        browser.csrf = other.csrf;
        browser.login(AccountSeeder.DEMO_ADMIN, AdminClient.DEMO_PASSWORD).then()
                .header("Location", endsWith("/admin/login?error=expired"));
        assertFalse(browser.hasSession());
    }

    @Test
    void anInactiveAccountCannotLogInAndLosesItsSession() {
        String email = "inactief-" + System.nanoTime() + "@example.org";
        createAccount(email, Role.ORGANISER, "platform31");
        AdminClient browser = AdminClient.loggedIn(email, "een-lang-wachtwoord");
        browser.get("/admin").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> Account.update("active = false where email = ?1", email));
        browser.get("/admin").then().statusCode(302).header("Location", endsWith("/admin/login"));
        AdminClient.atLoginPage().login(email, "een-lang-wachtwoord").then()
                .header("Location", endsWith("/admin/login?error=invalid"));
    }

    @Test
    void logoutNeedsTheCsrfTokenAndEndsTheSession() {
        AdminClient admin = AdminClient.loggedIn(AccountSeeder.DEMO_ADMIN, AdminClient.DEMO_PASSWORD);
        String page = admin.get("/admin").asString();
        assertTrue(page.contains("action=\"/admin/logout\""), page);

        String token = admin.csrf;
        admin.csrf = "vervalst";
        admin.submit("/admin/logout").then().statusCode(403);
        assertTrue(admin.hasSession());

        admin.csrf = token;
        admin.submit("/admin/logout").then().statusCode(303)
                .header("Location", endsWith("/admin/login?logged-out=1"));
        assertFalse(admin.hasSession(), "the session cookie is removed");
        admin.get("/admin").then().statusCode(302).header("Location", endsWith("/admin/login"));
        admin.get("/admin/login?logged-out=1").then().statusCode(200).body(containsString("Je bent uitgelogd."));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        given().redirects().follow(false).get("/admin").then().statusCode(302)
                .header("Location", endsWith("/admin/login"));
        // API clients get a 401 they can read, not a redirect to an HTML page (see AdminApiTokenTest).
        given().redirects().follow(false).get("/api/admin/anything").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        // Public pages stay public.
        given().get("/").then().statusCode(200);
    }

    @Test
    void theSessionKeyIsStoredOnceInTheDatabaseAndStable() {
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select secret from app_secrets where name = 'session-key'").getSingleResult());
        assertFalse(sessionKey.configured(), "tests use the key from the database");
        assertEquals(stored, sessionKey.value());
        assertTrue(stored.length() >= 32);
        assertEquals(sessionKey.value(), sessionKey.value());
        // And it is not the signing key.
        String signing = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select secret from app_secrets where name = 'signup-hmac'").getResultStream()
                .findFirst().orElse(""));
        assertFalse(stored.equals(signing));
    }

    @Test
    void demoAccountsExistForTheAdministratorAndEveryDemoOrganisation() {
        Set<String> emails = QuarkusTransaction.requiringNew().call(() -> Set.copyOf(Account.<Account>listAll().stream()
                .map(account -> account.email).toList()));
        assertTrue(emails.containsAll(Set.of("admin@example.org", "platform31@example.org", "vilans@example.org",
                "ineen@example.org", "vws@example.org")), emails.toString());
        AdminClient.loggedIn("vilans@example.org", AdminClient.DEMO_PASSWORD).get("/admin").then().statusCode(200)
                .body(not(containsString("Ruimte voor eerstelijnszorg")));
    }

    @Test
    void theEnglishBackofficeTextsAreComplete() throws Exception {
        java.util.Properties dutch = new java.util.Properties();
        java.util.Properties english = new java.util.Properties();
        try (var nl = getClass().getResourceAsStream("/messages/adm_nl.properties");
                var en = getClass().getResourceAsStream("/messages/adm_en.properties")) {
            dutch.load(new java.io.InputStreamReader(nl, java.nio.charset.StandardCharsets.UTF_8));
            english.load(new java.io.InputStreamReader(en, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(new java.util.TreeSet<>(dutch.stringPropertyNames()),
                new java.util.TreeSet<>(english.stringPropertyNames()));
        given().get("/admin/login?error=invalid&lang=en").then().statusCode(401)
                .body(containsString("The e-mail address or the password is not right."));
    }

    static void createAccount(String email, Role role, String... organisationSlugs) {
        QuarkusTransaction.requiringNew().run(() -> {
            Account account = new Account();
            account.email = email;
            account.name = "Test " + role.securityRole();
            account.role = role;
            account.setPassword("een-lang-wachtwoord");
            for (String slug : organisationSlugs) {
                account.organisations.add(nl.kennisagenda.event.Organisation.findBySlug(slug).orElseThrow());
            }
            account.persist();
        });
    }
}
