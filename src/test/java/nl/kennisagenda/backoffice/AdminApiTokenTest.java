package nl.kennisagenda.backoffice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.ApiToken;
import nl.kennisagenda.account.ApiTokens;
import nl.kennisagenda.account.Role;

/**
 * Personal API tokens: made and revoked in the back-office, shown once, stored hashed, and accepted as
 * {@code Authorization: Bearer} on the admin API with the rights of their account. Also how the admin API answers
 * without (valid) credentials, and its rule against cross-site forgery for session calls.
 */
@QuarkusTest
class AdminApiTokenTest {

    private static final String ORGANISER = "platform31@example.org";
    private static final String OBSERVER = "token-meelezer-" + System.nanoTime() + "@example.org";
    private static final Pattern SECRET = Pattern.compile("ka_[A-Za-z0-9_-]{32}");

    @Inject
    EntityManager em;

    @BeforeAll
    static void accounts() {
        BackofficeLoginTest.createAccount(OBSERVER, Role.OBSERVER, "platform31");
    }

    @AfterAll
    static void removeAccounts() {
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>list("email", OBSERVER).forEach(Account::delete));
    }

    @Test
    void aTokenMadeInTheBackofficeOpensTheAdminApiAsItsAccount() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        String secret = makeToken(organiser, "Koppeling CRM");

        bearer(secret).get("/api/admin/me").then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("email", equalTo(ORGANISER))
                .body("role", equalTo("ORGANISER"))
                .body("authenticatedBy", equalTo("token"))
                .body("organisations.slug", equalTo(List.of("platform31")))
                .body("organisations[0].canChange", is(true));
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHashIsStored() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        String secret = makeToken(organiser, "Eenmalig getoond");

        String later = organiser.get("/admin/tokens").then().statusCode(200).extract().asString();
        assertFalse(later.contains(secret), "the secret is not shown again");
        assertTrue(later.contains(secret.substring(0, 9) + "…"), "the prefix identifies the token");

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select token_hash, prefix, name from api_tokens where token_hash = ?1")
                .setParameter(1, ApiTokens.hash(secret)).getSingleResult());
        assertEquals(64, row[0].toString().length(), "a hex SHA-256");
        assertEquals(secret.substring(0, 9), row[1]);
        long containing = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from api_tokens where token_hash like ?1 or prefix like ?1 or name like ?1")
                .setParameter(1, "%" + secret.substring(3) + "%").getSingleResult()).longValue());
        assertEquals(0, containing, "the secret itself is nowhere in the table");
    }

    @Test
    void aRevokedTokenGets401JsonWithABearerChallenge() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        String secret = makeToken(organiser, "In te trekken");
        bearer(secret).get("/api/admin/me").then().statusCode(200);

        long id = tokenId(secret);
        organiser.get("/admin/tokens");
        organiser.post().post("/admin/tokens/" + id + "/revoke").then().statusCode(303)
                .header("Location", containsString("/admin/tokens?revoked=1"));
        organiser.get("/admin/tokens?revoked=1").then().statusCode(200)
                .body(containsString("Het token is ingetrokken"));

        assertRefusedToken(bearer(secret).get("/api/admin/me"));
    }

    @Test
    void revokingNeedsTheCsrfToken() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        String secret = makeToken(organiser, "CSRF-proef");
        organiser.request().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", "vals").post("/admin/tokens/" + tokenId(secret) + "/revoke")
                .then().statusCode(not(303));
        bearer(secret).get("/api/admin/me").then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        String secret = makeToken(organiser, "Verloopt");
        bearer(secret).get("/api/admin/me").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> ApiToken.update("expiresAt = ?1 where tokenHash = ?2",
                Instant.now().minusSeconds(1), ApiTokens.hash(secret)));
        assertRefusedToken(bearer(secret).get("/api/admin/me"));
    }

    @Test
    void aTokenWithAnExpiryDayWorksUntilThatDayEnds() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/tokens");
        String page = organiser.post().formParam("name", "Tot volgend jaar").formParam("expires", "2099-12-31")
                .post("/admin/tokens").then().statusCode(200).extract().asString();
        Matcher matcher = SECRET.matcher(page);
        assertTrue(matcher.find(), page);
        Instant expiresAt = QuarkusTransaction.requiringNew().call(() -> ApiToken
                .findByHash(ApiTokens.hash(matcher.group())).orElseThrow().expiresAt);
        assertEquals(Instant.parse("2099-12-31T23:00:00Z"), expiresAt, "the start of 1 January in Amsterdam");
        bearer(matcher.group()).get("/api/admin/me").then().statusCode(200);
    }

    @Test
    void unknownAndMalformedTokensAreRefused() {
        assertRefusedToken(bearer("ka_" + "A".repeat(32)).get("/api/admin/me"));
        assertRefusedToken(bearer("geen-token").get("/api/admin/organisations"));
    }

    @Test
    void anonymousAdminApiCallsGet401JsonAndNoRedirect() {
        Response anonymous = given().redirects().follow(false).accept(ContentType.JSON).get("/api/admin/me");
        anonymous.then().statusCode(401)
                .contentType(ContentType.JSON)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"kennisagenda\""))
                .header("Location", (String) null)
                .body("status", equalTo(401))
                .body("message", startsWith("Log in of stuur een persoonlijk API-token mee"));
        given().redirects().follow(false).header("Accept-Language", "en").get("/api/admin/organisations")
                .then().statusCode(401).body("message", startsWith("Log in or send a personal API token"));
        // The pages still send people to the log-in page.
        given().redirects().follow(false).get("/admin/tokens").then().statusCode(302)
                .header("Location", containsString("/admin/login"));
    }

    @Test
    void theSessionCookieWorksForTheAdminApiToo() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.request().accept(ContentType.JSON).get("/api/admin/me").then().statusCode(200)
                .body("email", equalTo(ORGANISER))
                .body("authenticatedBy", equalTo("session"));
    }

    @Test
    void anOrganisersTokenReadsOnlyTheirOwnOrganisations() {
        String organiser = makeToken(AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD), "Eigen organisatie");
        bearer(organiser).get("/api/admin/organisations").then().statusCode(200)
                .body("slug", equalTo(List.of("platform31")));

        String vilans = makeToken(AdminClient.loggedIn("vilans@example.org", AdminClient.DEMO_PASSWORD), "Vilans");
        bearer(vilans).get("/api/admin/organisations").then().statusCode(200)
                .body("slug", equalTo(List.of("vilans")))
                .body(not(containsString("platform31")));

        String admin = makeToken(AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD), "Beheer");
        bearer(admin).get("/api/admin/organisations").then().statusCode(200)
                .body("slug", hasItem("platform31"))
                .body("slug", hasItem("vilans"));
    }

    @Test
    void theTokenPageIsInDutchAndEnglish() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/tokens").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("html.head.title", startsWith("API-tokens"))
                .body("html.body.main.h1", equalTo("API-tokens"))
                .body(containsString("<label for=\"token-name\">"));
        organiser.get("/admin/tokens?lang=en").then().statusCode(200)
                .body("html.head.title", startsWith("API tokens"))
                .body(containsString("Your tokens"));
        organiser.get("/admin").then().statusCode(200).body(containsString("href=\"/admin/tokens\""));
    }

    @Test
    void anObserverMayMakeATokenThatOnlyReads() {
        AdminClient observer = AdminClient.loggedIn(OBSERVER, "een-lang-wachtwoord");
        observer.get("/admin/tokens").then().statusCode(200).body(containsString("Je bent meelezer"));
        String secret = makeToken(observer, "Alleen lezen");
        bearer(secret).get("/api/admin/me").then().statusCode(200).body("role", equalTo("OBSERVER"));
        bearer(secret).get("/api/admin/organisations").then().statusCode(200)
                .body("slug", equalTo(List.of("platform31")))
                .body("[0].canChange", is(false));
    }

    @Test
    void aSessionChangeSentAsAFormIsRefusedButJsonAndTokensAreNot() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        // As a page on another site could send it: a form post, with the browser's cookie.
        organiser.request().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("name", "x").post("/api/admin/me").then().statusCode(403)
                .contentType(ContentType.JSON)
                .body("status", equalTo(403))
                .body("message", containsString("application/json"));
        organiser.request().redirects().follow(false).contentType("text/plain").body("{}")
                .put("/api/admin/organisations").then().statusCode(403);
        // JSON (or the explicit header) passes this check; there is no POST here, so the route answers 405.
        organiser.request().contentType(ContentType.JSON).body("{}").post("/api/admin/me").then().statusCode(405);
        organiser.request().header("X-Requested-With", "fetch").post("/api/admin/me").then().statusCode(405);
        // A token cannot be sent by a forged page: no CSRF rule.
        String secret = makeToken(organiser, "Formulier");
        bearer(secret).contentType("application/x-www-form-urlencoded").formParam("name", "x")
                .post("/api/admin/me").then().statusCode(405);
    }

    @Test
    void lastUsedIsNotedAtMostOnceAMinute() {
        String secret = makeToken(AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD), "Gebruik");
        assertNull(lastUsed(secret));
        bearer(secret).get("/api/admin/me").then().statusCode(200);
        Instant first = lastUsed(secret);
        assertNotNull(first);
        bearer(secret).get("/api/admin/me").then().statusCode(200);
        assertEquals(first, lastUsed(secret), "not written again within the minute");

        Instant twoMinutesAgo = Instant.now().minus(2, ChronoUnit.MINUTES);
        QuarkusTransaction.requiringNew().run(() -> ApiToken.update("lastUsedAt = ?1 where tokenHash = ?2",
                twoMinutesAgo, ApiTokens.hash(secret)));
        bearer(secret).get("/api/admin/me").then().statusCode(200);
        assertTrue(lastUsed(secret).isAfter(twoMinutesAgo.plusSeconds(60)), "written again after a minute");
    }

    @Test
    void anOrganiserCannotRevokeSomebodyElsesTokenButAnAdministratorCan() {
        String secret = makeToken(AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD), "Van een ander");
        long id = tokenId(secret);

        AdminClient outsider = AdminClient.loggedIn("vilans@example.org", AdminClient.DEMO_PASSWORD);
        outsider.get("/admin/tokens").then().statusCode(200).body(not(containsString("Van een ander")));
        outsider.post().post("/admin/tokens/" + id + "/revoke").then().statusCode(403);
        bearer(secret).get("/api/admin/me").then().statusCode(200);

        AdminClient admin = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        admin.get("/admin/tokens").then().statusCode(200)
                .body(containsString("Tokens van alle accounts"))
                .body(containsString("Van een ander"));
        admin.post().post("/admin/tokens/" + id + "/revoke").then().statusCode(303);
        bearer(secret).get("/api/admin/me").then().statusCode(401);
    }

    @Test
    void theFormExplainsWhatIsWrongAndKeepsWhatWasTyped() {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/tokens");
        String page = organiser.post().formParam("name", " ").formParam("expires", "2020-01-01")
                .post("/admin/tokens").then().statusCode(422)
                .header("Cache-Control", "no-store")
                .body(containsString("id=\"error-summary\""))
                .body(containsString("Vul een naam in."))
                .body(containsString("Kies een datum na vandaag."))
                .body(containsString("value=\"2020-01-01\""))
                .extract().asString();
        assertFalse(SECRET.matcher(page).find(), "no token was made");
        organiser.post().formParam("name", "x").formParam("expires", "31-12-2099").post("/admin/tokens")
                .then().statusCode(422).body(containsString("Vul een datum in als jjjj-mm-dd"));
        organiser.post().formParam("name", "x".repeat(101)).post("/admin/tokens")
                .then().statusCode(422).body(containsString("hoogstens 100 tekens"));
    }

    /** Makes a token on the page and returns its secret, read from the answer (the one place it appears). */
    static String makeToken(AdminClient client, String name) {
        client.get("/admin/tokens").then().statusCode(200);
        String page = client.post().formParam("name", name).post("/admin/tokens").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        Matcher matcher = SECRET.matcher(page);
        assertTrue(matcher.find(), "the new token is shown: " + page);
        return matcher.group();
    }

    private static io.restassured.specification.RequestSpecification bearer(String secret) {
        return given().redirects().follow(false).header("Authorization", "Bearer " + secret);
    }

    private static void assertRefusedToken(Response response) {
        response.then().statusCode(401)
                .contentType(ContentType.JSON)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"kennisagenda\", error=\"invalid_token\""))
                .body("status", equalTo(401))
                .body("message", equalTo("Dit API-token is onbekend, ingetrokken of verlopen."));
    }

    private static long tokenId(String secret) {
        return QuarkusTransaction.requiringNew().call(() -> ApiToken.findByHash(ApiTokens.hash(secret))
                .orElseThrow().id);
    }

    private static Instant lastUsed(String secret) {
        return QuarkusTransaction.requiringNew().call(() -> ApiToken.findByHash(ApiTokens.hash(secret))
                .orElseThrow().lastUsedAt);
    }
}
