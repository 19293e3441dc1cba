package nl.kennisagenda.backoffice;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Plays a browser in the back-office: opens the log-in page, logs in through the form, keeps its cookies. */
public final class AdminClient {

    public static final String DEMO_PASSWORD = "kennisagenda-demo";
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final Map<String, String> cookies = new HashMap<>();
    String csrf;

    /** A browser that has opened the log-in page (so it holds a CSRF cookie and token). */
    static AdminClient atLoginPage() {
        AdminClient client = new AdminClient();
        client.get("/admin/login");
        return client;
    }

    /** A browser logged in as this account; fails the test when the log-in does not succeed. */
    public static AdminClient loggedIn(String email, String password) {
        AdminClient client = atLoginPage();
        Response response = client.login(email, password);
        if (response.statusCode() != 302 || !response.header("Location").endsWith("/admin")) {
            throw new AssertionError("log-in as " + email + " failed: " + response.statusCode() + " "
                    + response.header("Location"));
        }
        return client;
    }

    /** Posts the log-in form (with this browser's CSRF token) and returns the answer without following it. */
    Response login(String email, String password) {
        Response response = post().formParam("j_username", email).formParam("j_password", password)
                .post("/admin/j_security_check");
        remember(response);
        return response;
    }

    public Response get(String path) {
        Response response = request().redirects().follow(false).get(path);
        remember(response);
        Matcher matcher = TOKEN.matcher(response.asString());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    /** Posts a form with just the CSRF token (a button such as "log out") and keeps the cookies it sets. */
    Response submit(String path) {
        Response response = post().post(path);
        remember(response);
        return response;
    }

    /** A form POST carrying the CSRF token, not following redirects. */
    public RequestSpecification post() {
        return request().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf == null ? "" : csrf);
    }

    /** The CSRF token of the last page opened (valid for this browser's cookie). */
    public String csrfToken() {
        return csrf;
    }

    /** This browser's cookies as a {@code Cookie} header, for clients other than REST Assured. */
    public String cookieHeader() {
        return cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public RequestSpecification request() {
        return given().cookies(cookies).header("Accept-Language", "nl");
    }

    boolean hasSession() {
        String session = cookies.get("ka_session");
        return session != null && !session.isEmpty();
    }

    private void remember(Response response) {
        response.getDetailedCookies().forEach(cookie -> {
            if (cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
    }
}
