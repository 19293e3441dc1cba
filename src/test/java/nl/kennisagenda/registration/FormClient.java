package nl.kennisagenda.registration;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Plays a browser for form tests: keeps the CSRF cookie and the token from the last page it opened. */
final class FormClient {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    String cookie;
    String csrf;
    String lang = "nl";

    static FormClient open(String path) {
        FormClient client = new FormClient();
        client.get(path);
        return client;
    }

    FormClient english() {
        lang = "en";
        return this;
    }

    Response get(String path) {
        Response response = request().get(path);
        String issued = response.getCookie("ka_csrf");
        if (issued != null) {
            cookie = issued;
        }
        Matcher matcher = TOKEN.matcher(response.asString());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    /** A form POST with the CSRF token, not following the redirect. */
    RequestSpecification post() {
        return request().contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false)
                .formParam("_csrf", csrf);
    }

    RequestSpecification request() {
        RequestSpecification spec = given().cookie("lang", lang);
        return cookie == null ? spec : spec.cookie("ka_csrf", cookie);
    }
}
