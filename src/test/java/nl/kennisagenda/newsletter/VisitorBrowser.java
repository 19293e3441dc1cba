package nl.kennisagenda.newsletter;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Plays a visitor's browser on the public newsletter pages: keeps its cookies and the CSRF token of the last page. */
final class VisitorBrowser {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern PRIVACY = Pattern.compile("name=\"privacyVersion\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private final String language;
    private String csrf = "";
    private String privacyVersion;

    private VisitorBrowser(String language) {
        this.language = language;
    }

    static VisitorBrowser dutch() {
        return new VisitorBrowser("nl");
    }

    static VisitorBrowser english() {
        return new VisitorBrowser("en");
    }

    Response get(String path) {
        Response response = request().get(path);
        response.getCookies().forEach(cookies::put);
        Matcher matcher = TOKEN.matcher(response.asString());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        Matcher privacy = PRIVACY.matcher(response.asString());
        privacyVersion = privacy.find() ? privacy.group(1) : null;
        return response;
    }

    /**
     * A form POST with this browser's CSRF token and, like a browser, the privacy statement version the last page's
     * form carried; not following the redirect.
     */
    RequestSpecification post() {
        RequestSpecification post = request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf);
        return privacyVersion == null ? post : post.formParam("privacyVersion", privacyVersion);
    }

    RequestSpecification request() {
        return given().cookies(cookies).cookie("lang", language).redirects().follow(false);
    }
}
