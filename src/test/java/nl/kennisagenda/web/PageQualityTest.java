package nl.kennisagenda.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFixtures;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.testsupport.Axe;
import nl.kennisagenda.testsupport.Chromium;
import nl.kennisagenda.testsupport.HtmlChecker;

/**
 * Every public page kind and the main back-office pages are valid HTML (the Nu Html Checker, zero errors) and meet
 * WCAG 2.1 level AA as far as axe-core can tell (zero violations, in headless Chromium, after the page's CSS and
 * scripts). The pages are listed once, in {@link #pages()}: adding a page is one line there.
 */
@QuarkusTest
class PageQualityTest {

    static final String ORGANISER = "platform31@example.org";
    static final String ADMINISTRATOR = "admin@example.org";
    static final String DEMO_PASSWORD = "kennisagenda-demo";

    static final String WEBINAR = "ruimte-voor-eerstelijnszorg";
    static final String SEMINAR = "van-regiobeeld-naar-regioplan";
    static final String FULL = "test-kwaliteit-vol";
    static final String CLOSED = "test-kwaliteit-gesloten";
    static final String CANCELLED = "test-kwaliteit-geannuleerd";

    /** The pages both checks visit, each with the status it must answer. Add a page here, in one line. */
    List<Page> pages() {
        return List.of(
                // Public: the agenda and lists
                Page.get("agenda", "/"),
                Page.get("agenda in English", "/?lang=en"),
                Page.get("agenda filtered", "/?theme=Eerstelijnszorg&q=zorg"),
                Page.get("agenda with an unreadable filter", "/?month=13-2099").status(400),
                Page.get("past events", "/events/past"),
                Page.get("organisations", "/organisations"),
                Page.get("one organisation", "/organisations/platform31"),
                Page.get("a speaker", "/speakers/klaas-beniers"),
                // Public: event pages (every demo event, and the states an event can be in)
                Page.get("webinar", "/events/" + WEBINAR),
                Page.get("seminar with breakout rounds", "/events/" + SEMINAR),
                Page.get("seminar in English", "/events/" + SEMINAR + "?lang=en"),
                Page.get("programme event of Vilans", "/events/samen-bouwen-aan-medisch-generalistische-zorg"),
                Page.get("hybrid event", "/events/gezondheidscentra-vlissingen"),
                Page.get("past event with materials", "/events/samenwerken-in-de-wijk"),
                Page.get("full event", "/events/" + FULL),
                Page.get("cancelled event", "/events/" + CANCELLED),
                // Public: signing up and managing a registration
                Page.get("sign-up form with breakout rounds", "/events/" + SEMINAR + "/register"),
                Page.get("sign-up form in English", "/events/" + SEMINAR + "/register?lang=en"),
                Page.get("sign-up form for the waiting list", "/events/" + FULL + "/register"),
                Page.get("sign-up closed", "/events/" + CLOSED + "/register"),
                Page.post("sign-up form with errors", "/events/" + SEMINAR + "/register",
                        Map.of("firstName", "Anna", "email", "geen-adres")).status(422),
                Page.post("sign-up result", "/events/" + open() + "/register", signUp("kwaliteit-resultaat")),
                Page.get("manage a registration", () -> "/registrations/" + registrationToken()),
                Page.get("cancel a registration", () -> "/registrations/" + registrationToken() + "/cancel"),
                // Public: error pages
                Page.get("not found", "/events/bestaat-niet").status(404),
                Page.get("not found in English", "/events/does-not-exist?lang=en").status(404),
                Page.raw("bad request", "/events/" + SEMINAR + "/register", "%zz").status(400),
                // Back-office
                Page.get("log-in", "/admin/login"),
                Page.get("log-in refused", "/admin/login?error=invalid").status(401),
                Page.get("log-in locked", "/admin/login?error=locked").status(401),
                Page.get("logged out", "/admin/login?logged-out=1"),
                Page.get("overview of an organiser", "/admin").as(ORGANISER),
                Page.get("overview of the administrator", "/admin").as(ADMINISTRATOR),
                Page.get("organisation in the back-office", "/admin/organisations/platform31").as(ORGANISER),
                Page.get("API tokens", "/admin/tokens").as(ORGANISER),
                Page.get("mail log", "/admin/mails").as(ADMINISTRATOR),
                Page.get("mail log of an event", () -> admin(WEBINAR, "/mails")).as(ORGANISER),
                Page.get("audit log", "/admin/audit").as(ADMINISTRATOR),
                Page.get("audit log of an organiser, filtered", "/admin/audit?who=a&from=2020-01-01&to=2099-12-31").as(ORGANISER),
                Page.get("accounts", "/admin/accounts").as(ADMINISTRATOR),
                Page.get("organisations in the back-office", "/admin/organisations").as(ADMINISTRATOR),
                Page.get("own account", "/admin/account").as(ORGANISER),
                Page.get("forgotten password", "/admin/password-reset"),
                // Back-office: one event's hub, editors and registrations (the seminar has breakout rounds)
                Page.get("event hub", () -> admin(SEMINAR, "")).as(ADMINISTRATOR),
                Page.get("event hub as its organiser", () -> admin(WEBINAR, "")).as(ORGANISER),
                Page.get("edit an event", () -> admin(SEMINAR, "/edit")).as(ADMINISTRATOR),
                Page.get("edit an event in English", () -> admin(SEMINAR, "/edit?lang=en")).as(ADMINISTRATOR),
                Page.get("new event", "/admin/events/new?organisation=platform31").as(ORGANISER),
                Page.get("programme editor", () -> admin(SEMINAR, "/programme")).as(ADMINISTRATOR),
                Page.get("sign-up form editor", () -> admin(SEMINAR, "/form")).as(ADMINISTRATOR),
                Page.get("sign-up form preview in English", () -> admin(SEMINAR, "/form?preview=en")).as(ADMINISTRATOR),
                Page.get("materials editor", () -> admin(SEMINAR, "/materials")).as(ADMINISTRATOR),
                Page.get("event image", () -> admin(SEMINAR, "/image")).as(ADMINISTRATOR),
                Page.get("speaker library", "/admin/speakers").as(ORGANISER),
                Page.get("new speaker", "/admin/speakers/new").as(ORGANISER),
                Page.get("registrations of an event", () -> admin(SEMINAR, "/registrations")).as(ADMINISTRATOR),
                Page.get("registrations searched", () -> admin(SEMINAR, "/registrations?q=a&status=CONFIRMED"))
                        .as(ADMINISTRATOR),
                Page.get("add a registration by hand", () -> admin(SEMINAR, "/registrations/new")).as(ADMINISTRATOR),
                Page.get("one registration", this::registrationInTheBackoffice).as(ADMINISTRATOR),
                Page.get("check-in", () -> admin(SEMINAR, "/checkin")).as(ADMINISTRATOR),
                Page.get("presence list", () -> admin(SEMINAR, "/presence")).as(ADMINISTRATOR),
                Page.get("event dashboard", () -> admin(SEMINAR, "/dashboard")).as(ADMINISTRATOR),
                Page.get("event dashboard in English", () -> admin(SEMINAR, "/dashboard?lang=en")).as(ADMINISTRATOR),
                Page.get("organisation dashboard", "/admin/organisations/platform31/dashboard").as(ORGANISER));
    }

    /** A back-office address of an event: /admin/events/{id} plus the rest. */
    private static String admin(String slug, String rest) {
        long id = QuarkusTransaction.requiringNew().call(() -> Event.findBySlug(slug).orElseThrow().id);
        return "/admin/events/" + id + rest;
    }

    /** The back-office page of the registration made through the sign-up form. */
    private String registrationInTheBackoffice() {
        String token = registrationToken();
        return QuarkusTransaction.requiringNew().call(() -> {
            Registration registration = Registration.<Registration>find("token", token).firstResult();
            return "/admin/events/" + registration.event.id + "/registrations/" + registration.id;
        });
    }

    @TestHTTPResource("/")
    URL base;

    /** An open event to sign up for; not a "test-" event, as those are removed and registrations are not. */
    private static String openEvent;

    private final Map<String, Map<String, String>> sessions = new HashMap<>();
    private String registrationToken;

    @BeforeEach
    void createTheEventsInEachState() {
        EventFixtures.cleanUp();
        EventFixtures.create(FULL, Duration.ofDays(12), event -> {
            event.capacity = 20;
            event.confirmedCount = 20;
        });
        EventFixtures.create(CLOSED, Duration.ofDays(3),
                event -> event.signupClosesAt = java.time.Instant.now().minus(Duration.ofHours(1)));
        EventFixtures.create(CANCELLED, Duration.ofDays(4), event -> event.status = EventStatus.CANCELLED);
    }

    @AfterEach
    void removeThem() {
        EventFixtures.cleanUp();
    }

    @Test
    void theCheckersSeeAProblemWhenThereIsOne() {
        HtmlChecker.Report report = new HtmlChecker().check(
                "<!DOCTYPE html><html lang=\"nl\"><head><title>x</title></head><body><img src=\"x.png\"></body></html>");
        assertTrue(report.errors().stream().anyMatch(e -> e.text().contains("alt")), report.toString());
    }

    @Test
    void everyPageIsValidHtml() {
        long start = System.nanoTime();
        HtmlChecker checker = new HtmlChecker();
        long ready = System.nanoTime();
        Map<String, List<HtmlChecker.Message>> errors = new LinkedHashMap<>();
        StringBuilder warnings = new StringBuilder();
        for (Page page : pages()) {
            Served served = serve(page);
            HtmlChecker.Report report = checker.check(served.html());
            if (!report.errors().isEmpty()) {
                errors.put(page.name() + " (" + served.url() + ")", report.errors());
            }
            report.warnings().forEach(w -> warnings.append("  ").append(page.name()).append(": ").append(w).append('\n'));
        }
        System.out.printf("Nu Html Checker: %d pages in %d ms (schema read in %d ms)%n", pages().size(),
                (System.nanoTime() - ready) / 1_000_000, (ready - start) / 1_000_000);
        if (!warnings.isEmpty()) {
            System.out.println("Nu Html Checker warnings (they do not fail the test):\n" + warnings);
        }
        assertTrue(errors.isEmpty(), () -> "HTML errors:\n" + describe(errors));
    }

    @Test
    void everyPageMeetsWcag21AA() {
        Axe axe = Axe.load();
        Map<String, List<Axe.Violation>> violations = new LinkedHashMap<>();
        StringBuilder review = new StringBuilder();
        long start = System.nanoTime();
        try (Chromium chromium = Chromium.start()) {
            WebDriver driver = chromium.driver();
            long ready = System.nanoTime();
            driver.get(base + "robots.txt");
            for (Page page : pages()) {
                Served served = serve(page);
                show(driver, served);
                Axe.Result result = axe.check(driver);
                if (!result.violations().isEmpty()) {
                    violations.put(page.name() + " (" + served.url() + ")", result.violations());
                }
                result.needsReview().forEach(rule -> review.append("  ").append(page.name()).append(": ")
                        .append(rule.rule()).append(" (").append(rule.help()).append(")\n"));
            }
            System.out.printf("axe-core: %d pages in %d ms (browser started in %d ms)%n", pages().size(),
                    (System.nanoTime() - ready) / 1_000_000, (ready - start) / 1_000_000);
            if (!review.isEmpty()) {
                System.out.println("axe-core could not decide these alone (review by hand; they do not fail):\n" + review);
            }
            // The engine is awake: an image without a text alternative on the last page is found.
            ((JavascriptExecutor) driver).executeScript("document.querySelector('main').append(document.createElement('img'));");
            assertTrue(axe.wcag21aaViolations(driver).stream().anyMatch(v -> v.rule().equals("image-alt")),
                    "axe-core finds an image without alt text");
        }
        assertTrue(violations.isEmpty(), () -> "WCAG 2.1 A/AA violations (axe-core):\n" + describe(violations));
    }

    // ---- the pages ----

    /**
     * A page to check: fetched with {@code GET path} (as {@code account}, when given), or reached by posting a form
     * ({@link #post}: the form page is opened first for its CSRF token), or by posting a raw body ({@link #raw}).
     */
    record Page(String name, Supplier<String> path, Map<String, String> form, String rawBody, String account,
            int status) {

        static Page get(String name, String path) {
            return get(name, () -> path);
        }

        static Page get(String name, Supplier<String> path) {
            return new Page(name, path, null, null, null, 200);
        }

        /** The answer to submitting the form on {@code path} with these fields (and its CSRF token). */
        static Page post(String name, String path, Map<String, String> fields) {
            return new Page(name, () -> path, fields, null, null, 200);
        }

        /** The answer to posting this body, byte for byte, as a form to {@code path}. */
        static Page raw(String name, String path, String body) {
            return new Page(name, () -> path, null, body, null, 200);
        }

        Page as(String email) {
            return new Page(name, path, form, rawBody, email, status);
        }

        Page status(int expected) {
            return new Page(name, path, form, rawBody, account, expected);
        }
    }

    /** The page as the server sent it: where it came from (a GET the browser can repeat, or not) and its HTML. */
    record Served(String url, boolean byGet, String html, Map<String, String> cookies) {
    }

    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]* lang=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private Served serve(Page page) {
        Map<String, String> cookies = new HashMap<>(page.account() == null ? Map.of() : session(page.account()));
        String path = page.path().get();
        Response response;
        boolean byGet = true;
        if (page.form() != null) {
            Response form = request(cookies).get(path);
            remember(form, cookies);
            Matcher token = CSRF.matcher(form.asString());
            assertTrue(token.find(), page.name() + ": no form with a CSRF token on " + path);
            RequestSpecification post = request(cookies).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("_csrf", token.group(1));
            page.form().forEach(post::formParam);
            response = post.post(path);
            remember(response, cookies);
            if (response.statusCode() == 303) {
                path = URI.create(response.header("Location")).getRawPath() + "?"
                        + URI.create(response.header("Location")).getRawQuery();
                response = request(cookies).get(path);
            } else {
                byGet = false;
            }
        } else if (page.rawBody() != null) {
            response = request(cookies).config(RAW).contentType("application/x-www-form-urlencoded")
                    .body(page.rawBody()).post(path);
            byGet = false;
        } else {
            response = request(cookies).get(path);
        }
        assertTrue(response.statusCode() == page.status(), page.name() + ": " + path + " answered "
                + response.statusCode() + " instead of " + page.status() + " " + response.header("Location"));
        return new Served(path, byGet, response.asString(), cookies);
    }

    private static RequestSpecification request(Map<String, String> cookies) {
        return given().redirects().follow(false).cookies(cookies);
    }

    private static void remember(Response response, Map<String, String> cookies) {
        response.getDetailedCookies().forEach(cookie -> cookies.put(cookie.getName(), cookie.getValue()));
    }

    /** The cookies of a logged-in back-office session for this account (logs in once per test). */
    private Map<String, String> session(String email) {
        return sessions.computeIfAbsent(email, account -> {
            Map<String, String> cookies = new HashMap<>();
            Response login = request(cookies).get("/admin/login");
            remember(login, cookies);
            Matcher token = CSRF.matcher(login.asString());
            assertTrue(token.find(), "the log-in page has a CSRF token");
            Response answer = request(cookies).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("_csrf", token.group(1)).formParam("j_username", account)
                    .formParam("j_password", DEMO_PASSWORD).post("/admin/j_security_check");
            assertTrue(answer.statusCode() == 302, "log-in as " + account + " answered " + answer.statusCode());
            remember(answer, cookies);
            return cookies;
        });
    }

    /** Form fields of a complete sign-up with a new address. */
    private static Map<String, String> signUp(String name) {
        return Map.of("firstName", "Anna", "lastName", "de Vries", "organisation", "Gemeente Utrecht",
                "email", name + "-" + System.nanoTime() + "@example.org");
    }

    private static String open() {
        if (openEvent == null) {
            openEvent = TestEvents.create("kwaliteit", 100).slug();
        }
        return openEvent;
    }

    /** The manage token of a registration made through the sign-up form (made once per test). */
    private String registrationToken() {
        if (registrationToken == null) {
            Map<String, String> fields = signUp("kwaliteit-beheer");
            serve(Page.post("sign-up for the manage page", "/events/" + open() + "/register", fields));
            registrationToken = QuarkusTransaction.requiringNew().call(() -> Registration
                    .<Registration> find("email", fields.get("email")).firstResult().token);
        }
        return registrationToken;
    }

    // ---- the browser ----

    /**
     * Shows the served page in the browser with the same cookies: a GET is repeated by the browser itself; the answer
     * to a POST (which the browser cannot repeat) is written into a page of the same origin, so its stylesheets and
     * scripts load as they would.
     */
    private void show(WebDriver driver, Served served) {
        driver.manage().deleteAllCookies();
        served.cookies().forEach((name, value) -> driver.manage().addCookie(new Cookie(name, value, "/")));
        String url = base.toString().replaceAll("/$", "") + served.url();
        driver.get(url);
        assertEquals(url, driver.getCurrentUrl(), "the browser shows the page itself, not a redirect");
        if (!served.byGet()) {
            ((JavascriptExecutor) driver).executeScript(
                    "document.open(); document.write(arguments[0]); document.close();", served.html());
        }
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && [...document.querySelectorAll('link[rel=stylesheet]')]"
                        + ".every(link => link.sheet !== null);"));
        Matcher lang = HTML_LANG.matcher(served.html());
        assertTrue(lang.find(), served.url() + " has <html lang>");
        assertEquals(lang.group(1), ((JavascriptExecutor) driver).executeScript("return document.documentElement.lang;"),
                served.url() + ": the browser shows the page in the language that was served and checked");
    }

    private static String describe(Map<String, ? extends List<?>> problems) {
        StringBuilder text = new StringBuilder();
        problems.forEach((page, list) -> {
            text.append("- ").append(page).append(":\n");
            list.forEach(problem -> text.append("    ").append(problem).append('\n'));
        });
        return text.toString();
    }
}
