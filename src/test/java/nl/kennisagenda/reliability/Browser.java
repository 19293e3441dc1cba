package nl.kennisagenda.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser against the packaged application: a cookie jar that goes along to whichever address it is
 * pointed at (the load balancer or one instance directly, which is how the tests show that a session or a form token
 * from one instance works on another), forms with their CSRF token read from the page, and JSON calls as the
 * back-office's scripts make them. Redirects are not followed, so tests see them.
 */
final class Browser {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    boolean has(String cookie) {
        return cookies.containsKey(cookie);
    }

    HttpResponse<String> get(URI site, String path) {
        return send(request(site, path).GET());
    }

    /** The CSRF token of the form on the page at {@code path}. */
    String formToken(URI site, String path) {
        HttpResponse<String> page = get(site, path);
        Matcher token = TOKEN.matcher(page.body());
        assertTrue(token.find(), "no form token on " + site + path + ": " + page.statusCode() + " " + page.body());
        return token.group(1);
    }

    /** Posts a form with the given token, as a browser does after the page with the form was shown. */
    HttpResponse<String> post(URI site, String path, String token, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        String form = all.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(site, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Opens the page with the form, then sends it: what a person does. */
    HttpResponse<String> submit(URI site, String formPage, String action, Map<String, String> fields) {
        return post(site, action, formToken(site, formPage), fields);
    }

    HttpResponse<String> logIn(URI site, String email, String password) {
        return submit(site, "/admin/login", "/admin/j_security_check",
                Map.of("j_username", email, "j_password", password));
    }

    /** A JSON call with the session cookie, as a script in the back-office sends it. */
    HttpResponse<String> json(URI site, String method, String path, String body) {
        return send(request(site, path).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-Requested-With", "fetch").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(URI site, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(site.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept-Language", "nl");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            remember(response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
