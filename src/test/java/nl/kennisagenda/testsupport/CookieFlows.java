package nl.kennisagenda.testsupport;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;

/**
 * Walks the main flows as a browser (a visitor signing up, switching language; an organiser being sent to the log-in
 * page, logging in and out) and collects every {@code Set-Cookie} header the application answered with, by cookie
 * name, so tests can check their attributes.
 */
public final class CookieFlows {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Map<String, List<String>> headers = new HashMap<>();
    private final Map<String, String> jar = new HashMap<>();

    private CookieFlows() {
    }

    /** The flows; {@code signupSlug} is an open event with the standard form, {@code admin} a demo account. */
    public static Map<String, List<String>> walk(String signupSlug, String admin, String password) {
        CookieFlows browser = new CookieFlows();
        browser.visitor(signupSlug);
        browser.organiser(admin, password);
        return browser.headers;
    }

    private void visitor(String slug) {
        String form = "/events/" + slug + "/register";
        String token = token(get(form + "?lang=en"));
        Response signedUp = keep(given().cookies(jar).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", token)
                .formParam("firstName", "Koekje").formParam("lastName", "Proef").formParam("organisation", "Test")
                .formParam("email", "koekje-" + System.nanoTime() + "@example.org").post(form));
        if (signedUp.statusCode() != 303) {
            throw new AssertionError("sign-up answered " + signedUp.statusCode() + ": " + signedUp.asString());
        }
        get(signedUp.header("Location").replaceFirst("^https?://[^/]+", ""));
    }

    private void organiser(String email, String password) {
        jar.clear();
        get("/admin");
        String token = token(get("/admin/login"));
        Response login = keep(given().cookies(jar).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", token)
                .formParam("j_username", email).formParam("j_password", password).post("/admin/j_security_check"));
        if (login.statusCode() != 302 || login.header("Location").contains("error")) {
            throw new AssertionError("log-in answered " + login.statusCode() + " " + login.header("Location"));
        }
        String logoutToken = token(get("/admin"));
        keep(given().cookies(jar).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", logoutToken).post("/admin/logout"));
    }

    private Response get(String path) {
        return keep(given().cookies(jar).redirects().follow(false).get(path));
    }

    private Response keep(Response response) {
        for (String header : response.headers().getValues("Set-Cookie")) {
            String name = header.substring(0, header.indexOf('='));
            headers.computeIfAbsent(name, ignored -> new ArrayList<>()).add(header);
            String value = header.substring(header.indexOf('=') + 1).split(";", 2)[0];
            jar.put(name, value);
        }
        return response;
    }

    private static String token(Response page) {
        Matcher matcher = TOKEN.matcher(page.asString());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on the page: " + page.statusCode());
        }
        return matcher.group(1);
    }
}
