package nl.kennisagenda.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import nl.kennisagenda.backoffice.AdminClient;
import nl.kennisagenda.testsupport.Routes;
import nl.kennisagenda.testsupport.Routes.Route;

/**
 * Every form that changes something refuses a post without this browser's CSRF token, the back-office included:
 * the routes come from the application's own classes, so a form added later is covered without touching this test.
 * The forger's request carries the victim's cookies (session and CSRF nonce), as a browser would send them; only
 * the token in the body is missing or wrong.
 */
@QuarkusTest
class CsrfCoverageTest {

    private static final String OPEN_EVENT = "ruimte-voor-eerstelijnszorg";
    /**
     * Form posts that are exempt on purpose (a {@link CsrfExempt} body), with the reason: the RFC 8058 one-click
     * unsubscribe, which mail programs post without any cookie or token of ours (the secret is the token in the URL).
     */
    private static final Set<String> EXEMPT = Set.of("POST /newsletter/unsubscribe/{token}");

    @Test
    void everyChangingFormOutsideTheApiRefusesAPostWithoutItsToken() {
        List<Route> forms = Routes.all().stream()
                .filter(route -> route.changesSomething() && !route.isApi())
                .filter(route -> !EXEMPT.contains(route.toString()))
                .toList();
        assertTrue(forms.stream().anyMatch(route -> route.template().equals("/events/{slug}/register")), "" + forms);
        assertTrue(forms.stream().anyMatch(route -> route.template().equals("/admin/logout")), "" + forms);
        // The embedded form checks a page-bound token instead of the cookie one (web/PageBoundTokens): also 403.
        assertTrue(forms.stream().anyMatch(route -> route.template().equals("/embed/events/{slug}")), "" + forms);

        AdminClient admin = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        Map<String, String> visitorCookies = given().get("/events/" + OPEN_EVENT + "/register").then()
                .statusCode(200).extract().cookies();

        List<String> unprotected = new ArrayList<>();
        for (Route route : forms) {
            String path = route.template().replace("{slug}", OPEN_EVENT).replaceAll("\\{[^}]+}", "1");
            for (String token : new String[] { null, "not-the-token" }) {
                RequestSpecification request = route.template().startsWith("/admin")
                        ? admin.request() : given().cookies(visitorCookies);
                request = request.redirects().follow(false);
                if (route.consumes("multipart/form-data")) {
                    request = request.multiPart("note", "x");
                    if (token != null) {
                        request = request.multiPart("_csrf", token);
                    }
                } else {
                    request = request.contentType("application/x-www-form-urlencoded; charset=UTF-8")
                            .formParam("note", "x");
                    if (token != null) {
                        request = request.formParam("_csrf", token);
                    }
                }
                Response response = request.request(route.method(), path);
                if (response.statusCode() != 403) {
                    unprotected.add(route + " with token " + token + " answered " + response.statusCode());
                }
            }
        }
        assertEquals(List.of(), unprotected);
    }

    @Test
    void theRefusalIsAShortPageInTheVisitorsLanguage() {
        given().header("Accept-Language", "en").contentType("application/x-www-form-urlencoded")
                .formParam("email", "a@example.org")
                .post("/events/" + OPEN_EVENT + "/register")
                .then().statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("Form expired"))
                .body(containsString("href=\"/events/" + OPEN_EVENT + "/register\""));
    }
}
