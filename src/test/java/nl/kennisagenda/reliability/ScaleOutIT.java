package nl.kennisagenda.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import nl.kennisagenda.reliability.LoopbackClient.Answer;
import nl.kennisagenda.testsupport.Await;
import nl.kennisagenda.testsupport.LocalPostgres;
import nl.kennisagenda.testsupport.PostgresAvailable;

/**
 * The platform as operators scale it out (docs/operations.md, "Scaling out"): two instances of the packaged
 * PostgreSQL build, started at the same moment on one empty database, behind Debian's nginx as a round-robin load
 * balancer configured as the documentation says, with a real SMTP server (GreenMail) as their mail server. Everything
 * a visitor or organiser does goes through nginx; the instances are addressed directly only to show what each of them
 * serves. What must hold across instances holds: no overbooking under a burst spread over both, every mail (sign-up
 * confirmations and a newsletter sent by both instances together) delivered once, a back-office session and a form
 * token from one instance accepted by the other and after a restart, the sign-up and log-in limits counted once for
 * both and not fooled by a forged {@code X-Forwarded-For}, and a change made through one instance shown by the other
 * within the page cache's documented bound.
 *
 * <p>Skipped only on a machine without PostgreSQL outside CI ({@link PostgresAvailable}); nginx missing is a failure
 * (.ci/run installs it).
 */
@ExtendWith(PostgresAvailable.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));
    private static final String DATABASE = LocalPostgres.forThisRun("kennisagenda_scale_test");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ADMIN = "beheer@example.org";
    private static final String PASSWORD = "een-heel-lang-wachtwoord";
    private static final String ORGANISATION = "schaal-" + RUN;
    /** The production default of {@code kennisagenda.rate-limit.signups-per-minute}, set explicitly. */
    private static final int SIGNUPS_PER_MINUTE = 10;
    /** {@code kennisagenda.page-cache.max-age}: its default, as docs/operations.md documents it. */
    private static final Duration PAGE_CACHE_MAX_AGE = Duration.ofSeconds(5);
    private static final Duration MAIL_DEADLINE = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.logging.Logger GREENMAIL_USERS = org.jboss.logmanager.LogContext.getLogContext()
            .getLogger("com.icegreen.greenmail.user.UserManager");

    /** Logs of nginx and both instances, kept after the run (target/scale-out-it) to read when something failed. */
    private static final Path WORK = TARGET.resolve("scale-out-it");

    private static GreenMail smtp;
    private static Nginx nginx;
    private static AppProcess a;
    private static AppProcess b;
    private static Browser organiser;

    @BeforeAll
    static void startTwoInstancesBehindNginx() {
        assertTrue(Nginx.installed(), Nginx.BINARY + " is missing: install Debian's nginx (apt-get install nginx; "
                + ".ci/run does it)");
        long started = System.nanoTime();
        // GreenMail logs every new mailbox at INFO: hundreds of lines that would hide the test's own.
        GREENMAIL_USERS.setLevel(java.util.logging.Level.WARNING);
        smtp = new GreenMail(new ServerSetup(AppProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        LocalPostgres.recreate(DATABASE);
        recreate(WORK);
        URI site = URI.create("http://127.0.0.1:" + AppProcess.freePort());
        a = instance("a", site);
        b = instance("b", site);
        CompletableFuture.allOf(CompletableFuture.runAsync(a::start), CompletableFuture.runAsync(b::start)).join();
        nginx = new Nginx(WORK.resolve("nginx"), site.getPort(), List.of(a.baseUri(), b.baseUri()));
        nginx.start();

        organiser = new Browser();
        HttpResponse<String> login = organiser.logIn(nginx.baseUri(), ADMIN, PASSWORD);
        assertEquals(302, login.statusCode(), login.body());
        HttpResponse<String> created = organiser.submit(nginx.baseUri(), "/admin/organisations/new",
                "/admin/organisations", Map.of("name", "Schaalnetwerk " + RUN, "slug", ORGANISATION, "website", ""));
        assertEquals(303, created.statusCode(), created.body());
        System.out.printf("scale-out: two instances and nginx started, organiser logged in, in %d ms%n",
                millisSince(started));
    }

    /** The production configuration an operator gives each instance behind the balancer. */
    private static AppProcess instance(String name, URI site) {
        int port = AppProcess.freePort();
        return new AppProcess(TARGET.resolve("quarkus-app-postgres/quarkus-run.jar"), port,
                List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx384m",
                        // Quicker than the production 5 s, so the test waits less for mail; the sending is the same.
                        "-Dkennisagenda.mail.send-interval=1s", "-Dkennisagenda.mail.batch-size=50",
                        "-Dkennisagenda.newsletter.send-interval=1s",
                        // Small newsletter batches, so both instances' senders take part in one send.
                        "-Dkennisagenda.newsletter.batch-size=10"),
                Map.ofEntries(
                        Map.entry("KENNISAGENDA_DB_URL", LocalPostgres.url(DATABASE)),
                        Map.entry("KENNISAGENDA_DB_USER", LocalPostgres.user()),
                        Map.entry("KENNISAGENDA_DB_PASSWORD", LocalPostgres.password()),
                        Map.entry("KENNISAGENDA_BASE_URL", site.toString()),
                        Map.entry("KENNISAGENDA_ADMIN_EMAIL", ADMIN),
                        Map.entry("KENNISAGENDA_ADMIN_PASSWORD", PASSWORD),
                        Map.entry("KENNISAGENDA_SIGNUPS_PER_MINUTE", String.valueOf(SIGNUPS_PER_MINUTE)),
                        Map.entry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true"),
                        Map.entry("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true"),
                        Map.entry("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", Nginx.PROXY_ADDRESS),
                        Map.entry("QUARKUS_MAILER_MOCK", "false"),
                        Map.entry("QUARKUS_MAILER_HOST", "127.0.0.1"),
                        Map.entry("QUARKUS_MAILER_PORT", String.valueOf(smtp.getSmtp().getPort())),
                        Map.entry("QUARKUS_MAILER_START_TLS", "DISABLED"),
                        Map.entry("QUARKUS_MAILER_FROM", "Kennisagenda <agenda@example.org>")),
                WORK.resolve("instance-" + name + ".log"));
    }

    @AfterAll
    static void stopEverything() {
        List<AutoCloseable> parts = new ArrayList<>();
        parts.add(nginx);
        parts.add(a);
        parts.add(b);
        for (AutoCloseable part : parts) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        LocalPostgres.drop(DATABASE);
    }

    @Test
    @Order(1)
    void theFirstAdministratorIsCreatedOnceThoughBothInstancesStartedTogether() throws SQLException {
        assertEquals(1, count("select count(*) from accounts where email = ?", ADMIN));
    }

    @Test
    @Order(2)
    void twoHundredSimultaneousSignUpsThroughTheBalancerConfirmExactlyTheTenPlaces() throws Exception {
        Event event = publishedEvent("druk", 10);
        String hub = "/admin/events/" + event.id();
        assertEquals(303, organiser.submit(nginx.baseUri(), hub, hub + "/notifications",
                Map.of("notifications", "on")).statusCode(), "the organiser asks to be told when it fills up");
        assertEquals(10, placesLeft(a, event), "before");
        assertEquals(10, placesLeft(b, event), "before"); // both instances now keep the page with 10 places

        int visitors = 200;
        long burstStarted = System.nanoTime();
        Map<String, Answer> answers = signUpAtOnce(event, visitors);
        long committed = System.nanoTime();

        Set<String> confirmed = new TreeSet<>();
        Set<String> waitlisted = new TreeSet<>();
        Map<String, Answer> busy = new TreeMap<>();
        Map<String, Answer> other = new TreeMap<>();
        answers.forEach((email, answer) -> {
            if (answer.status() == 201 && answer.body().contains("\"status\":\"CONFIRMED\"")) {
                confirmed.add(email);
            } else if (answer.status() == 201 && answer.body().contains("\"status\":\"WAITLISTED\"")) {
                waitlisted.add(email);
            } else if (isBusyRefusal(answer)) {
                busy.put(email, answer);
            } else {
                other.put(email, answer);
            }
        });
        // Nothing else: no 500 (a full connection pool), no 502/504 from nginx, no refusal that does not say why.
        assertTrue(other.isEmpty(), other.size() + " answers neither a sign-up nor the busy refusal: " + other);
        assertEquals(10, confirmed.size(), "confirmed answers; waitlisted " + waitlisted.size() + ", busy "
                + busy.size());

        // The database agrees with what the visitors were told: counters and rows.
        assertEquals(List.of(10, waitlisted.size()), counters(event), "confirmed and waitlisted counters");
        assertEquals(confirmed, emails(event, "CONFIRMED"), "the confirmed rows are those told so");
        assertEquals(waitlisted, emails(event, "WAITLISTED"), "the waiting list is those told so");
        assertEquals(confirmed.size() + waitlisted.size(),
                count("select count(*) from registrations where event_id = ?", event.id()),
                "nothing stored for a visitor told it was too busy");

        // Both instances took sign-ups: round robin, by nginx's log and by each instance's own counter.
        Map<String, Integer> perInstance = nginx.requestsPerInstance(
                line -> line.contains("\"POST /api/events/" + event.slug() + "/registrations "));
        assertEquals(Set.of(address(a), address(b)), perInstance.keySet(), "instances that took sign-ups");
        assertEquals(visitors, perInstance.values().stream().mapToInt(Integer::intValue).sum(), perInstance.toString());
        double confirmedOnA = metric(a, "kennisagenda_signups_total", "outcome=\"confirmed\"");
        double confirmedOnB = metric(b, "kennisagenda_signups_total", "outcome=\"confirmed\"");
        assertEquals(10, confirmedOnA + confirmedOnB, "confirmed sign-ups counted by the two instances");
        List<Long> times = nginx.answerTimes(
                line -> line.contains("\"POST /api/events/" + event.slug() + "/registrations "));
        System.out.printf("scale-out: %d sign-ups through nginx in %d ms (answers: median %d ms, slowest %d ms; a %s, "
                + "b %s): %d confirmed (a %.0f, b %.0f), %d waitlisted, %d told it was too busy%n", visitors,
                millisSince(burstStarted), times.get(times.size() / 2), times.get(times.size() - 1),
                perInstance.get(address(a)), perInstance.get(address(b)), confirmed.size(), confirmedOnA,
                confirmedOnB, waitlisted.size(), busy.size());

        // Each instance shows the event full within the page cache's bound, also the one that kept a page with 10.
        for (AppProcess instance : List.of(a, b)) {
            awaitShownWithinMaxAge(instance, "/api/events/" + event.slug(), committed,
                    body -> body.contains("\"placesLeft\":0"));
        }

        // Every visitor who was told CONFIRMED or WAITLISTED gets exactly one mail, from whichever instance.
        Set<String> told = new TreeSet<>(confirmed);
        told.addAll(waitlisted);
        awaitMailFor(told);
        Await.until("every mail in the outbox marked SENT", MAIL_DEADLINE, () -> unsent() == 0);
        Map<String, List<String>> subjects = subjectsTo(told);
        for (String email : told) {
            String expected = confirmed.contains(email) ? "Aanmelding bevestigd: " : "Op de wachtlijst: ";
            assertEquals(1, subjects.get(email).size(), email + " received " + subjects.get(email));
            assertTrue(subjects.get(email).get(0).startsWith(expected), email + " received " + subjects.get(email));
        }
        // The organiser is told once that the event is full and once that the waiting list started, though the
        // sign-ups that did it were spread over two instances.
        List<String> toOrganiser = subjectsTo(Set.of(ADMIN)).getOrDefault(ADMIN, List.of()).stream()
                .filter(subject -> subject.endsWith(event.title())).sorted().toList();
        assertEquals(List.of("Vol: " + event.title(), "Wachtlijst begonnen: " + event.title()).stream().sorted()
                .toList(), toOrganiser, "the organiser's notices");
        System.out.printf("scale-out: the %d sign-up mails all delivered %d ms after the burst, sent by a %.0f, "
                + "b %.0f%n",
                told.size(), millisSince(committed),
                metric(a, "kennisagenda_mail_sent_total", "stream=\"transactional\""),
                metric(b, "kennisagenda_mail_sent_total", "stream=\"transactional\""));
    }

    @Test
    @Order(3)
    void aNewsletterSentWithBothInstancesRunningReachesEverySubscriberExactlyOnce() throws Exception {
        int subscribers = 300;
        Set<String> audience = confirmedSubscribers(subscribers);

        String newsletter = "/admin/organisations/" + ORGANISATION + "/newsletter";
        HttpResponse<String> created = organiser.submit(nginx.baseUri(), newsletter, newsletter + "/issues", Map.of());
        assertEquals(303, created.statusCode(), created.body());
        Matcher id = Pattern.compile("/admin/newsletter/issues/(\\d+)")
                .matcher(created.headers().firstValue("Location").orElse(""));
        assertTrue(id.find(), created.headers().map().toString());
        long issue = Long.parseLong(id.group(1));
        String editor = "/admin/newsletter/issues/" + issue;
        HttpResponse<String> sending = organiser.submit(nginx.baseUri(), editor, editor + "/send-now", Map.of());
        assertEquals(303, sending.statusCode(), sending.body());

        long sendStarted = System.nanoTime();
        Await.until(() -> "a newsletter for each of the " + subscribers + " subscribers; "
                + receivedBy(audience).size() + " so far\n" + a.logTail() + "\n" + b.logTail(), MAIL_DEADLINE,
                () -> receivedBy(audience).size() == subscribers);
        // The send is over only when every delivery is recorded and the issue is SENT: a mail sent twice by two
        // instances would have arrived by then.
        Await.until("the issue SENT and every delivery recorded", MAIL_DEADLINE, () -> query(
                "select status from newsletter_issues where id = ?", issue).equals("SENT")
                && count("select count(*) from outbox_mails where newsletter_issue_id = ? and status <> 'SENT'",
                        issue) == 0);

        Map<String, Integer> received = new TreeMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (String to : to(message)) {
                if (audience.contains(to)) {
                    received.merge(to, 1, Integer::sum);
                }
            }
        }
        assertEquals(audience, received.keySet(), "every subscriber received the issue");
        Map<String, Integer> twice = new TreeMap<>(received);
        twice.values().removeIf(times -> times == 1);
        assertTrue(twice.isEmpty(), "received more than once: " + twice);
        assertEquals(subscribers, count("select count(*) from outbox_mails where newsletter_issue_id = ?", issue));

        double sentByA = metric(a, "kennisagenda_mail_sent_total", "stream=\"newsletter\"");
        double sentByB = metric(b, "kennisagenda_mail_sent_total", "stream=\"newsletter\"");
        System.out.printf("scale-out: newsletter to %d subscribers in %d ms: sent by a %.0f, b %.0f; %d sent on a "
                + "later attempt (failed attempts: a %.0f, b %.0f)%n", subscribers, millisSince(sendStarted), sentByA,
                sentByB, count("select count(*) from outbox_mails where newsletter_issue_id = ? and attempts > 1",
                        issue),
                metric(a, "kennisagenda_mail_attempts_failed_total", "stream=\"newsletter\""),
                metric(b, "kennisagenda_mail_attempts_failed_total", "stream=\"newsletter\""));
        assertEquals(subscribers, sentByA + sentByB, "newsletter mails counted by the instances");
        assertTrue(sentByA > 0 && sentByB > 0, "both instances sent part of the issue: a " + sentByA + ", b "
                + sentByB);
    }

    @Test
    @Order(4)
    void aChangeMadeThroughOneInstanceIsShownByTheOtherWithinThePageCacheMaxAge() throws Exception {
        Event event = publishedEvent("wijziging", 50);
        String page = "/events/" + event.slug();
        assertTrue(title(a.baseUri(), page).contains(event.title()));
        assertTrue(title(b.baseUri(), page).contains(event.title())); // B now keeps the page with the old title

        String newTitle = "Gewijzigd via instantie A " + RUN;
        ObjectNode changed = (ObjectNode) JSON.readTree(
                organiser.json(a.baseUri(), "GET", "/api/admin/events/" + event.id(), null).body());
        changed.put("title", newTitle);
        changed.remove("status"); // a status in the body would ask to publish again
        HttpResponse<String> saved = organiser.json(a.baseUri(), "PUT", "/api/admin/events/" + event.id(),
                JSON.writeValueAsString(changed));
        assertEquals(200, saved.statusCode(), saved.body());
        long committed = System.nanoTime();

        assertTrue(title(a.baseUri(), page).contains(newTitle), "the instance that made the change shows it at once");
        Duration lag = awaitShownWithinMaxAge(b, page, committed, body -> body.contains(">" + newTitle + "</h1>"));
        System.out.printf("scale-out: the other instance showed the new title after %d ms (bound %d ms)%n",
                lag.toMillis(), PAGE_CACHE_MAX_AGE.toMillis());
    }

    @Test
    @Order(5)
    void aClientThatWritesANewXForwardedForOnEveryRequestIsStillLimitedAcrossBothInstances() throws Exception {
        Event event = publishedEvent("limiet", 100);
        LoopbackClient client = new LoopbackClient("127.2.0.1");
        URI signUp = nginx.baseUri().resolve("/api/events/" + event.slug() + "/registrations");
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < SIGNUPS_PER_MINUTE + 5; i++) {
            answers.add(client.postJson(signUp, signUpBody("limiet-" + RUN + "-" + i + "@example.org"),
                    Map.of("X-Forwarded-For", "198.51.100." + (i + 1))));
        }

        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            if (i < SIGNUPS_PER_MINUTE) {
                assertEquals(201, answer.status(), "sign-up " + (i + 1) + ": " + answer);
            } else {
                assertEquals(429, answer.status(), "sign-up " + (i + 1) + ": " + answer);
                assertEquals("Er kwamen vanaf jouw verbinding in korte tijd veel verzoeken binnen. Wacht een minuut "
                        + "en probeer het dan opnieuw; er is niets opgeslagen.",
                        JSON.readTree(answer.body()).path("message").asText(), answer.body());
                assertTrue(answer.header("Retry-After").isPresent(), answer.headers().toString());
            }
        }
        assertEquals(SIGNUPS_PER_MINUTE, count("select count(*) from registrations r join events e on e.id = "
                + "r.event_id where e.slug = ?", event.slug()));
        assertEquals(SIGNUPS_PER_MINUTE, count("select coalesce(sum(hits), 0) from rate_limit_hits where bucket = "
                + "'signup' and key_hash = ?", sha256(client.address())), "hits counted for the real client");
        assertEquals(0, count("select count(*) from rate_limit_hits where bucket = 'signup' and key_hash = ?",
                sha256("198.51.100.1")), "nothing counted for an address the client made up");
        assertEquals(Set.of(address(a), address(b)), nginx.requestsPerInstance(
                line -> line.contains("\"POST /api/events/" + event.slug() + "/registrations ")).keySet(),
                "both instances judged this client");
    }

    @Test
    @Order(6)
    void failedLogInsAreCountedAcrossInstances() throws SQLException {
        String address = "ander-" + RUN + "@example.org";
        // Five wrong passwords spread over both instances lock the address.
        for (int i = 0; i < 5; i++) {
            new Browser().logIn((i % 2 == 0 ? a : b).baseUri(), address, "fout-" + i);
        }
        assertEquals(5, count("select sum(hits) from rate_limit_hits where bucket = 'login-account' and key_hash = ?",
                sha256(address)));
        HttpResponse<String> locked = new Browser().logIn(b.baseUri(), address, "fout-5");
        assertTrue(locked.headers().firstValue("Location").orElse("").endsWith("/admin/login?error=locked"),
                locked.headers().map().toString());
    }

    @Test
    @Order(7)
    void aSessionAndAFormFromOneInstanceWorkOnTheOtherAndAfterARestart() {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.logIn(nginx.baseUri(), ADMIN, PASSWORD);
        assertEquals(302, login.statusCode());
        assertTrue(login.headers().firstValue("Location").orElse("").endsWith("/admin"), login.headers().map()
                .toString());
        assertTrue(browser.has("ka_session"), "session cookie");

        // The cookie from the log-in through nginx opens the back-office on each instance.
        for (AppProcess instance : List.of(a, b)) {
            HttpResponse<String> home = browser.get(instance.baseUri(), "/admin");
            assertEquals(200, home.statusCode(), instance.baseUri().toString());
            assertTrue(home.body().contains("<h1>Beheer</h1>"), instance.baseUri().toString());
        }

        // A form shown by A is accepted by B: the CSRF signing key is shared.
        String newsletter = "/admin/organisations/" + ORGANISATION + "/newsletter";
        String token = browser.formToken(a.baseUri(), newsletter);
        HttpResponse<String> posted = browser.post(b.baseUri(), newsletter + "/issues", token, Map.of());
        assertEquals(303, posted.statusCode(), posted.body());

        // A rolling restart: while A is down nginx sends everything to B, and A accepts the session again after.
        a.stop();
        for (int i = 0; i < 4; i++) {
            assertEquals(200, browser.get(nginx.baseUri(), "/admin").statusCode(), "through nginx with A down");
        }
        a.start();
        HttpResponse<String> afterRestart = browser.get(a.baseUri(), "/admin");
        assertEquals(200, afterRestart.statusCode(), "after the restart");
        assertTrue(afterRestart.body().contains("<h1>Beheer</h1>"), "after the restart");
    }

    private static void recreate(Path folder) {
        try {
            if (Files.exists(folder)) {
                try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    // ---- sign-ups ---------------------------------------------------------------------------------------------

    /** Every visitor from its own address, all released at the same moment; the answers by e-mail address. */
    private static Map<String, Answer> signUpAtOnce(Event event, int visitors) throws Exception {
        URI uri = nginx.baseUri().resolve("/api/events/" + event.slug() + "/registrations");
        CountDownLatch ready = new CountDownLatch(visitors);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(visitors);
        try {
            Map<String, Future<Answer>> pending = new TreeMap<>();
            for (int i = 0; i < visitors; i++) {
                String email = "druk-" + RUN + "-" + i + "@example.org";
                LoopbackClient visitor = LoopbackClient.visitor(i);
                pending.put(email, pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return visitor.postJson(uri, signUpBody(email), Map.of());
                }));
            }
            ready.await();
            go.countDown();
            Map<String, Answer> answers = new TreeMap<>();
            for (Map.Entry<String, Future<Answer>> answer : pending.entrySet()) {
                answers.put(answer.getKey(), answer.getValue().get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The one refusal a burst may get besides a sign-up: the event had no free turn on the instance in time
     * ({@code SignupAdmission}), 503 with Retry-After and words that say nothing was saved. A machine too busy to
     * finish 200 sign-ups within the wait gets these instead of failed connections.
     */
    private static boolean isBusyRefusal(Answer answer) {
        return answer.status() == 503 && answer.header("Retry-After").isPresent() && answer.body().contains(
                "Er melden zich op dit moment heel veel mensen tegelijk aan. Je aanmelding is niet opgeslagen.");
    }

    private static String signUpBody(String email) {
        return "{\"firstName\":\"Schaal\",\"lastName\":\"Proef\",\"email\":\"" + email
                + "\",\"organisation\":\"Gemeente Proefstad\",\"role\":\"Tester\"}";
    }

    // ---- events -----------------------------------------------------------------------------------------------

    record Event(long id, String slug, String title) {
    }

    /** An event of the test's organisation, a month ahead, created and published by the organiser through nginx. */
    private static Event publishedEvent(String name, int capacity) throws IOException {
        String slug = name + "-" + RUN;
        String title = "Schaaltest " + name + " " + RUN;
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.HOURS);
        ObjectNode body = JSON.createObjectNode().put("organisationSlug", ORGANISATION).put("slug", slug)
                .put("title", title).put("format", "ONLINE").put("start", start.toString())
                .put("end", start.plusHours(2).toString()).put("joinUrl", "https://meet.example.org/" + slug)
                .put("capacity", capacity);
        HttpResponse<String> created = organiser.json(nginx.baseUri(), "POST", "/api/admin/events",
                JSON.writeValueAsString(body));
        assertEquals(201, created.statusCode(), created.body());
        long id = JSON.readTree(created.body()).path("id").asLong();
        HttpResponse<String> published = organiser.json(nginx.baseUri(), "POST", "/api/admin/events/" + id
                + "/publish", null);
        assertEquals(200, published.statusCode(), published.body());
        return new Event(id, slug, title);
    }

    private static int placesLeft(AppProcess instance, Event event) throws IOException {
        HttpResponse<String> detail = new Browser().get(instance.baseUri(), "/api/events/" + event.slug());
        assertEquals(200, detail.statusCode(), detail.body());
        JsonNode places = JSON.readTree(detail.body()).path("placesLeft");
        return places.asInt(-1);
    }

    private static String title(URI instance, String page) {
        HttpResponse<String> answer = new Browser().get(instance, page);
        assertEquals(200, answer.statusCode(), instance + page);
        Matcher h1 = Pattern.compile("<h1[^>]*>([^<]*)</h1>").matcher(answer.body());
        return h1.find() ? h1.group(1) : "";
    }

    /**
     * Asks the instance for the page until it shows the change made at {@code committedNanos}, and fails if a request
     * sent later than the page cache's max age after the change still got the old page: that is the documented bound,
     * checked by order of events rather than by timing. Returns when the change was first seen.
     */
    private static Duration awaitShownWithinMaxAge(AppProcess instance, String path, long committedNanos,
            Predicate<String> showsTheChange) {
        long[] seenAfter = { -1 };
        Await.until(() -> instance.baseUri() + path + " shows the change", MAIL_DEADLINE, () -> {
            long sent = System.nanoTime();
            HttpResponse<String> answer = new Browser().get(instance.baseUri(), path);
            if (answer.statusCode() == 200 && showsTheChange.test(answer.body())) {
                seenAfter[0] = sent - committedNanos;
                return true;
            }
            Duration since = Duration.ofNanos(sent - committedNanos);
            assertTrue(since.compareTo(PAGE_CACHE_MAX_AGE) < 0, instance.baseUri() + path + " still answered "
                    + answer.statusCode() + " without the change to a request sent " + since.toMillis()
                    + " ms after it, beyond the max age of " + PAGE_CACHE_MAX_AGE.toMillis() + " ms");
            return false;
        });
        return Duration.ofNanos(Math.max(0, seenAfter[0]));
    }

    // ---- newsletter subscribers -------------------------------------------------------------------------------

    /** Confirmed subscribers of the test's organisation, written as the double opt-in leaves them. */
    private static Set<String> confirmedSubscribers(int how) throws SQLException {
        Set<String> addresses = new TreeSet<>();
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            long organisation;
            try (PreparedStatement find = connection.prepareStatement("select id from organisations where slug = ?")) {
                find.setString(1, ORGANISATION);
                try (ResultSet row = find.executeQuery()) {
                    assertTrue(row.next(), ORGANISATION);
                    organisation = row.getLong(1);
                }
            }
            try (PreparedStatement subscriber = connection.prepareStatement("""
                    insert into newsletter_subscribers (email, email_key, name, mail_locale, status, token, created_at,
                                                        confirmed_at, updated_at)
                    values (?, ?, ?, 'nl', 'CONFIRMED', ?, now() - interval '1 day', now() - interval '1 day',
                            now())""",
                    new String[] { "id" });
                    PreparedStatement choice = connection.prepareStatement(
                            "insert into newsletter_subscriber_organisations (subscriber_id, organisation_id) "
                                    + "values (?, ?)")) {
                for (int i = 0; i < how; i++) {
                    String email = "lezer-" + RUN + "-" + i + "@example.org";
                    subscriber.setString(1, email);
                    subscriber.setString(2, email);
                    subscriber.setString(3, "Lezer " + i);
                    subscriber.setString(4, (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""));
                    subscriber.executeUpdate();
                    try (ResultSet key = subscriber.getGeneratedKeys()) {
                        key.next();
                        choice.setLong(1, key.getLong(1));
                    }
                    choice.setLong(2, organisation);
                    choice.executeUpdate();
                    addresses.add(email);
                }
            }
            connection.commit();
        }
        return addresses;
    }

    // ---- mail -------------------------------------------------------------------------------------------------

    private static void awaitMailFor(Set<String> addresses) {
        Set<String> missing = new TreeSet<>(addresses);
        Await.until(() -> "a mail for every sign-up; " + missing.size() + " still missing, e.g. "
                + missing.iterator().next() + "\n" + a.logTail() + "\n" + b.logTail(), MAIL_DEADLINE, () -> {
                    missing.removeAll(receivedBy(addresses));
                    return missing.isEmpty();
                });
    }

    private static Set<String> receivedBy(Set<String> addresses) {
        Set<String> received = new TreeSet<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (String to : to(message)) {
                if (addresses.contains(to)) {
                    received.add(to);
                }
            }
        }
        return received;
    }

    private static Map<String, List<String>> subjectsTo(Set<String> addresses) throws MessagingException {
        Map<String, List<String>> subjects = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (String to : to(message)) {
                if (addresses.contains(to)) {
                    subjects.computeIfAbsent(to, x -> new ArrayList<>()).add(message.getSubject());
                }
            }
        }
        return subjects;
    }

    private static List<String> to(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : java.util.Arrays.stream(to).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- what each instance says about itself -------------------------------------------------------------------

    /** The instance's address as nginx logs it. */
    private static String address(AppProcess instance) {
        return "127.0.0.1:" + instance.baseUri().getPort();
    }

    /** The sum of a Prometheus series' values with this label on one instance ({@code /q/metrics}, directly). */
    private static double metric(AppProcess instance, String name, String label) {
        HttpResponse<String> metrics = new Browser().get(instance.baseUri(), "/q/metrics");
        assertEquals(200, metrics.statusCode());
        double sum = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    // ---- the database -----------------------------------------------------------------------------------------

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(LocalPostgres.url(DATABASE), LocalPostgres.user(), LocalPostgres.password());
    }

    private static List<Integer> counters(Event event) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "select confirmed_count, waitlisted_count from events where id = ?")) {
            query.setLong(1, event.id());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return List.of(row.getInt(1), row.getInt(2));
            }
        }
    }

    private static Set<String> emails(Event event, String status) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "select email from registrations where event_id = ? and status = ?")) {
            query.setLong(1, event.id());
            query.setString(2, status);
            Set<String> emails = new TreeSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    emails.add(rows.getString(1));
                }
            }
            return emails;
        }
    }

    /** Outbox mails still to send or being sent, of any kind. */
    private static int unsent() {
        return count("select count(*) from outbox_mails where status not in ('SENT', 'SUPERSEDED', 'FAILED')");
    }

    private static int count(String sql, Object... parameters) {
        return Integer.parseInt(query(sql, parameters));
    }

    private static String query(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), sql);
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
