package nl.kennisagenda.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.restassured.path.xml.element.Node;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import nl.kennisagenda.backoffice.AdminClient;
import nl.kennisagenda.testsupport.Routes;
import nl.kennisagenda.testsupport.Routes.Route;

/**
 * CSRF tokens are bound to the visitor (their cookie) and to a time, an expired one loses nothing that was typed, and
 * every changing request from another site's page is refused by its {@code Origin}, whatever route it goes to.
 */
@QuarkusTest
class CsrfBindingAndOriginTest {

    private static final String EVENT = "ruimte-voor-eerstelijnszorg";
    private static final String FORM = "/events/" + EVENT + "/register";
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String EVIL = "https://evil.example";
    /** Exempt from the Origin check on purpose ({@link CsrfExempt}): mail programs post the one-click unsubscribe. */
    private static final Set<String> EXEMPT = Set.of("POST /newsletter/unsubscribe/{token}");

    @Inject
    SigningKey key;

    /** A visitor that opened the sign-up form: their cookie nonce and the form's token. */
    record Visitor(String nonce, String token) {

        static Visitor opening(String path) {
            Response page = given().header("Accept-Language", "nl").get(path);
            Matcher matcher = TOKEN.matcher(page.asString());
            assertTrue(matcher.find(), "the form carries a token");
            return new Visitor(page.getCookie(CsrfGuard.COOKIE), matcher.group(1));
        }

        RequestSpecification post(String token) {
            return given().header("Accept-Language", "nl").cookie(CsrfGuard.COOKIE, nonce).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", token);
        }
    }

    /** The sign-up without an address: judged by the resource (422, nothing stored) once the guards let it in. */
    static RequestSpecification withoutAddress(RequestSpecification request) {
        return request.formParam("firstName", "Anna").formParam("lastName", "<b>de Vries</b>")
                .formParam("organisation", "Gemeente Goes");
    }

    @Test
    void aFreshTokenOfThisVisitorIsAccepted() {
        Visitor visitor = Visitor.opening(FORM);
        assertThat(visitor.token(), org.hamcrest.Matchers.matchesPattern("[0-9]+\\.[A-Za-z0-9_-]{43}"));
        withoutAddress(visitor.post(visitor.token())).post(FORM).then().statusCode(422);
    }

    @Test
    void aTokenIsBoundToTheVisitorsCookie() {
        Visitor anna = Visitor.opening(FORM);
        Visitor mallory = Visitor.opening(FORM);
        assertNotEquals(anna.nonce(), mallory.nonce());

        withoutAddress(mallory.post(anna.token())).post(FORM).then().statusCode(403)
                .body(containsString("We konden niet controleren dat dit formulier van deze website kwam"));
        withoutAddress(given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", anna.token())).post(FORM).then().statusCode(403);
    }

    @Test
    void aTokenSignedForAnotherTimeIsRefused() {
        Visitor visitor = Visitor.opening(FORM);
        String signature = visitor.token().substring(visitor.token().indexOf('.') + 1);
        long other = Long.parseLong(visitor.token().substring(0, visitor.token().indexOf('.'))) + 3600;
        withoutAddress(visitor.post(other + "." + signature)).post(FORM).then().statusCode(403);
        // Signed by us for this visitor, but "issued" a day ahead: not a token of ours either.
        long future = Instant.now().plusSeconds(86_400).getEpochSecond();
        withoutAddress(visitor.post(signed(visitor.nonce(), future))).post(FORM).then().statusCode(403)
                .body(containsString("We konden niet controleren"));
    }

    @Test
    void anExpiredTokenKeepsWhatWasTypedAndOffersToSendItAgain() {
        Visitor visitor = Visitor.opening(FORM);
        String expired = signed(visitor.nonce(), Instant.now().minusSeconds(9 * 3600).getEpochSecond());

        Response refused = withoutAddress(visitor.post(expired)).formParam("password", "geheim-wachtwoord")
                .post(FORM);
        refused.then().statusCode(403).header("Cache-Control", "no-store");
        String html = refused.asString();
        XmlPath page = new XmlPath(XmlPath.CompatibilityMode.HTML, html);
        assertThat(page.getString("**.find { it.name() == 'h1' }"), is("Formulier verlopen"));
        assertThat(page.getString("**.find { it.name() == 'main' }"), containsString("Wat je had ingevuld is bewaard"));
        assertThat(html, not(containsString("geheim-wachtwoord")));
        assertThat(html, not(containsString("<b>de Vries</b>")));
        Node form = page.getNode("**.find { it.name() == 'form' && it.@method == 'post' }");
        assertEquals(FORM, form.getAttribute("action"));

        // Sending it again: the values as typed, with a fresh token of this visitor; the resource re-shows its form.
        RequestSpecification again = given().header("Accept-Language", "nl").cookie(CsrfGuard.COOKIE, visitor.nonce())
                .redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8");
        List<String> names = new ArrayList<>();
        for (Node input : form.getNodes("input")) {
            again = again.formParam(input.getAttribute("name"), input.getAttribute("value"));
            names.add(input.getAttribute("name"));
        }
        assertTrue(names.containsAll(List.of("_csrf", "firstName", "lastName", "organisation")), "" + names);
        assertTrue(!names.contains("password"), "passwords are not kept");
        again.post(FORM).then().statusCode(422)
                .body(containsString("value=\"Anna\""))
                .body(containsString("value=\"&lt;b&gt;de Vries&lt;/b&gt;\""))
                .body(containsString("value=\"Gemeente Goes\""));
    }

    @Test
    void aPostFromAnotherSitesPageIsRefusedEvenWithAValidToken() {
        Visitor visitor = Visitor.opening(FORM);
        withoutAddress(visitor.post(visitor.token())).header("Origin", EVIL).post(FORM).then().statusCode(403)
                .body(containsString("kwam van een pagina van een andere website"));
        withoutAddress(visitor.post(visitor.token())).header("Origin", "null").post(FORM).then().statusCode(403);
        // No Origin: the Referer's origin counts.
        withoutAddress(visitor.post(visitor.token())).header("Referer", EVIL + "/aanmelden").post(FORM).then()
                .statusCode(403);
    }

    @Test
    void aPostFromOurOwnPagesPasses() {
        Visitor visitor = Visitor.opening(FORM);
        // The site's base URL (the test profile's) and the address the request was sent to.
        withoutAddress(visitor.post(visitor.token())).header("Origin", "http://localhost:8080").post(FORM).then()
                .statusCode(422);
        withoutAddress(visitor.post(visitor.token())).header("Origin", "http://LOCALHOST:8080").post(FORM).then()
                .statusCode(422);
        String own = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        withoutAddress(visitor.post(visitor.token())).header("Origin", own).post(FORM).then().statusCode(422);
        withoutAddress(visitor.post(visitor.token())).header("Referer", "http://localhost:8080" + FORM).post(FORM)
                .then().statusCode(422);
    }

    @Test
    void everyChangingRouteRefusesARequestFromAnotherOrigin() {
        List<Route> changing = Routes.all().stream().filter(Route::changesSomething)
                .filter(route -> !EXEMPT.contains(route.toString())).toList();
        assertTrue(changing.stream().anyMatch(route -> route.template().equals("/api/events/{slug}/registrations")));
        assertTrue(changing.stream().anyMatch(route -> route.template().equals("/admin/logout")));

        AdminClient admin = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        Visitor visitor = Visitor.opening(FORM);
        List<String> unprotected = new ArrayList<>();
        for (Route route : changing) {
            String path = route.template().replace("{slug}", EVENT).replaceAll("\\{[^}]+}", "1");
            boolean back = route.template().startsWith("/admin") || route.template().startsWith("/api/admin");
            RequestSpecification request = (back ? admin.request() : given().cookie(CsrfGuard.COOKIE, visitor.nonce()))
                    .redirects().follow(false).header("Origin", EVIL);
            if (route.isApi()) {
                request = request.contentType("application/json").body("{}");
            } else if (route.consumes("multipart/form-data")) {
                request = request.multiPart("_csrf", back ? admin.csrfToken() : visitor.token());
            } else {
                request = request.contentType("application/x-www-form-urlencoded; charset=UTF-8")
                        .formParam("_csrf", back ? admin.csrfToken() : visitor.token());
            }
            Response response = request.request(route.method(), path);
            if (response.statusCode() != 403) {
                unprotected.add(route + " answered " + response.statusCode());
            }
        }
        assertEquals(List.of(), unprotected);
        // The admin's session still works: nothing was done with it.
        assertEquals(200, admin.get("/admin").statusCode());
    }

    @Test
    void theOneClickUnsubscribeOfMailProgramsIsExempt() {
        Response response = given().redirects().follow(false).header("Origin", EVIL)
                .contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post("/newsletter/unsubscribe/onbekend-token-0000000000");
        assertNotEquals(403, response.statusCode());
        Response multipart = given().redirects().follow(false).header("Origin", EVIL)
                .multiPart("List-Unsubscribe", "One-Click").post("/newsletter/unsubscribe/onbekend-token-0000000000");
        assertNotEquals(403, multipart.statusCode());
    }

    @Test
    void theBackOfficeLogInRefusesAPostFromAnotherOrigin() {
        Response page = given().get("/admin/login");
        Matcher matcher = TOKEN.matcher(page.asString());
        assertTrue(matcher.find());
        Map<String, String> cookies = page.getCookies();
        RequestSpecification login = given().cookies(cookies).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", matcher.group(1))
                .formParam("j_username", "admin@example.org").formParam("j_password", AdminClient.DEMO_PASSWORD);
        Response refused = login.header("Origin", EVIL).post("/admin/j_security_check");
        assertEquals(302, refused.statusCode());
        assertThat(refused.header("Location"), containsString("error=expired"));
        assertThat(refused.getCookie("ka_session"), org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(),
                is("")));

        Response accepted = given().cookies(cookies).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", matcher.group(1))
                .formParam("j_username", "admin@example.org").formParam("j_password", AdminClient.DEMO_PASSWORD)
                .header("Origin", "http://localhost:8080").post("/admin/j_security_check");
        assertEquals(302, accepted.statusCode());
        assertThat(accepted.header("Location"), endsWith("/admin"));
    }

    private String signed(String nonce, long issued) {
        return issued + "." + key.sign("csrf|" + nonce + "|" + issued);
    }
}
