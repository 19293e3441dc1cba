package nl.kennisagenda.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import nl.kennisagenda.account.AccountSeeder;
import nl.kennisagenda.testsupport.OwnH2;

/**
 * A site served over https (here: behind a proxy that ends TLS, so the application itself sees plain http) sets
 * its session cookies Secure.
 */
@QuarkusTest
@TestProfile(HttpsSiteCookiesTest.HttpsSite.class)
class HttpsSiteCookiesTest {

    public static class HttpsSite implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", OwnH2.url("https-site"),
                    "kennisagenda.site.base-url", "https://agenda.example.org");
        }
    }

    @Test
    void theSessionCookieIsSecureWhenTheSiteIsServedOverHttps() {
        AdminClient admin = AdminClient.atLoginPage();
        Response login = admin.login(AccountSeeder.DEMO_ADMIN, AdminClient.DEMO_PASSWORD);
        assertEquals(302, login.statusCode(), login.headers().toString());
        Cookie session = login.getDetailedCookie("ka_session");
        assertNotNull(session);
        assertTrue(session.isSecured(), session.toString());
        assertTrue(session.isHttpOnly());

        // Cookies the browser sent are not sent back.
        Response page = admin.get("/admin");
        assertEquals(200, page.statusCode());
        assertTrue(page.getDetailedCookie("ka_session") == null, page.headers().toString());

        Response logout = admin.submit("/admin/logout");
        assertEquals(303, logout.statusCode());
        assertTrue(logout.getDetailedCookie("ka_session").isSecured());

        // The page remembered before logging in comes back in a Secure cookie as well.
        Response anonymous = io.restassured.RestAssured.given().redirects().follow(false).get("/admin");
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.getDetailedCookie("quarkus-redirect-location").isSecured());
    }

    @Test
    void everyCookieOfTheMainFlowsIsSecureHttpOnlyAndSameSite() {
        nl.kennisagenda.registration.TestEvents.Created event = nl.kennisagenda.registration.TestEvents
                .create("veilige-koekjes", 50);
        Map<String, java.util.List<String>> cookies = nl.kennisagenda.testsupport.CookieFlows.walk(event.slug(),
                AccountSeeder.DEMO_ADMIN, AdminClient.DEMO_PASSWORD);
        assertTrue(cookies.keySet().containsAll(java.util.Set.of("ka_csrf", "lang", "ka-signup-summary",
                "quarkus-redirect-location", "ka_session")), cookies.keySet().toString());
        java.util.List<String> wrong = new java.util.ArrayList<>();
        cookies.values().forEach(headers -> headers.forEach(header -> {
            java.util.List<String> attributes = new java.util.ArrayList<>();
            for (String part : header.split(";")) {
                attributes.add(part.trim().toLowerCase(java.util.Locale.ROOT));
            }
            if (!attributes.contains("secure") || !attributes.contains("httponly")
                    || !(attributes.contains("samesite=lax") || attributes.contains("samesite=strict"))) {
                wrong.add(header);
            }
        }));
        assertEquals(java.util.List.of(), wrong);
    }
}
