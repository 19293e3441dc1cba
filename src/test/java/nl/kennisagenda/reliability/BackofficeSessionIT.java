package nl.kennisagenda.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import nl.kennisagenda.testsupport.LocalPostgres;
import nl.kennisagenda.testsupport.PostgresAvailable;

/**
 * The back-office as operators run it: two instances of the packaged PostgreSQL build on one database, started at
 * the same moment. The first administrator comes from the environment and is created once; a session started on one
 * instance works on the other and after a restart (the cookie key is shared in the database); failed log-ins are
 * counted across both instances.
 */
@ExtendWith(PostgresAvailable.class)
class BackofficeSessionIT {

    private static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));
    private static final String DATABASE = LocalPostgres.forThisRun("kennisagenda_session_test");
    private static final String ADMIN = "beheer@example.org";
    private static final String PASSWORD = "een-heel-lang-wachtwoord";
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void dropTheDatabase() {
        LocalPostgres.drop(DATABASE);
    }

    @Test
    void aSessionWorksOnEveryInstanceAndSurvivesARestart() throws Exception {
        LocalPostgres.recreate(DATABASE);
        try (AppProcess a = instance("a"); AppProcess b = instance("b")) {
            CompletableFuture.allOf(CompletableFuture.runAsync(a::start), CompletableFuture.runAsync(b::start)).join();
            assertEquals(1, count("select count(*) from accounts where email = '" + ADMIN + "'"),
                    "the first administrator is created once");

            Map<String, String> browser = new HashMap<>();
            HttpResponse<String> login = logIn(a, browser, ADMIN, PASSWORD);
            assertEquals(302, login.statusCode());
            assertTrue(login.headers().firstValue("Location").orElse("").endsWith("/admin"));
            assertNotNull(browser.get("ka_session"), "session cookie");

            assertEquals(200, get(a, "/admin", browser).statusCode(), "on the instance that logged in");
            assertEquals(200, get(b, "/admin", browser).statusCode(), "on the other instance");

            a.stop();
            a.start();
            assertEquals(200, get(a, "/admin", browser).statusCode(), "after a restart");
            assertTrue(get(a, "/admin", browser).body().contains("<h1>Beheer</h1>"));

            // Failed log-ins count across instances: five wrong passwords spread over both lock the address.
            for (int i = 0; i < 5; i++) {
                logIn(i % 2 == 0 ? a : b, new HashMap<>(), "ander@example.org", "fout-" + i);
            }
            assertEquals(5, count("select sum(hits) from rate_limit_hits where bucket = 'login-account'"
                    + " and key_hash = encode(sha256(convert_to('ander@example.org', 'UTF8')), 'hex')"));
            HttpResponse<String> locked = logIn(b, new HashMap<>(), "ander@example.org", "fout-5");
            assertTrue(locked.headers().firstValue("Location").orElse("").endsWith("/admin/login?error=locked"),
                    locked.headers().map().toString());
        }
    }

    private AppProcess instance(String name) {
        int port = AppProcess.freePort();
        return new AppProcess(TARGET.resolve("quarkus-app-postgres/quarkus-run.jar"), port, List.of(),
                Map.ofEntries(
                        Map.entry("KENNISAGENDA_DB_URL", LocalPostgres.url(DATABASE)),
                        Map.entry("KENNISAGENDA_BASE_URL", "http://localhost:" + port),
                        Map.entry("QUARKUS_MAILER_MOCK", "true"),
                        Map.entry("QUARKUS_MAILER_FROM", "Kennisagenda <agenda@example.org>"),
                        Map.entry("KENNISAGENDA_DB_USER", LocalPostgres.user()),
                        Map.entry("KENNISAGENDA_DB_PASSWORD", LocalPostgres.password()),
                        Map.entry("KENNISAGENDA_ADMIN_EMAIL", ADMIN),
                        Map.entry("KENNISAGENDA_ADMIN_PASSWORD", PASSWORD),
                        Map.entry("KENNISAGENDA_MAIL_SEND_INTERVAL", "off"),
                        Map.entry("KENNISAGENDA_MAIL_REMINDER_INTERVAL", "off")),
                work.resolve("instance-" + name + ".log"));
    }

    /** Opens the log-in page (CSRF cookie and token) and posts the form; the cookies land in {@code browser}. */
    private HttpResponse<String> logIn(AppProcess app, Map<String, String> browser, String email, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> page = get(app, "/admin/login", browser);
        Matcher token = TOKEN.matcher(page.body());
        assertTrue(token.find(), page.body());
        String form = "j_username=" + encode(email) + "&j_password=" + encode(password) + "&_csrf="
                + encode(token.group(1));
        HttpRequest post = HttpRequest.newBuilder(app.baseUri().resolve("/admin/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies(browser))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return remember(http.send(post, HttpResponse.BodyHandlers.ofString()), browser);
    }

    private HttpResponse<String> get(AppProcess app, String path, Map<String, String> browser)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.baseUri().resolve(path));
        if (!browser.isEmpty()) {
            request.header("Cookie", cookies(browser));
        }
        return remember(http.send(request.build(), HttpResponse.BodyHandlers.ofString()), browser);
    }

    private static HttpResponse<String> remember(HttpResponse<String> response, Map<String, String> browser) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                browser.remove(name);
            } else {
                browser.put(name, value);
            }
        }
        return response;
    }

    private static String cookies(Map<String, String> browser) {
        return browser.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(LocalPostgres.url(DATABASE), LocalPostgres.user(),
                LocalPostgres.password()); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
