package nl.kennisagenda.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
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

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventMaterial;
import nl.kennisagenda.event.MaterialKind;
import nl.kennisagenda.mail.MailTestData;
import nl.kennisagenda.message.MessageDispatcher;
import nl.kennisagenda.message.OrganiserMessages;
import nl.kennisagenda.message.OrganiserMessages.LinkInput;
import nl.kennisagenda.message.OrganiserMessages.MessageInput;
import nl.kennisagenda.event.EventFixtures;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.newsletter.NewsletterFixtures;
import nl.kennisagenda.newsletter.sending.SendingFixtures;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;
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
    static final String HYBRID = "gezondheidscentra-vlissingen";

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
                Page.get("past event with materials in English", "/events/samenwerken-in-de-wijk?lang=en"),
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
                Page.get("read-only registration (calendar link)", this::readOnlyPath),
                Page.get("read-only registration in English", () -> readOnlyPath() + "?lang=en"),
                // Public: a hybrid event asks on site or online, with the places per mode
                Page.get("hybrid sign-up form", "/events/" + HYBRID + "/register"),
                Page.get("hybrid sign-up form in English", "/events/" + HYBRID + "/register?lang=en"),
                Page.post("hybrid sign-up form without a mode", "/events/" + HYBRID + "/register",
                        signUp("kwaliteit-zonder-modus")).status(422),
                Page.get("manage a hybrid registration", () -> "/registrations/" + hybridToken()),
                Page.get("manage a hybrid registration in English", () -> "/registrations/" + hybridToken() + "?lang=en"),
                // Public: a person's own data, from the manage or preferences link (docs/privacy.md)
                Page.get("personal data of a registration", () -> "/registrations/" + registrationToken()
                        + "/personal-data"),
                Page.get("personal data of a registration in English", () -> "/registrations/" + registrationToken()
                        + "/personal-data?lang=en"),
                Page.get("erasing personal data: confirm", () -> "/registrations/" + registrationToken()
                        + "/personal-data/erase"),
                Page.get("erasing personal data: confirm in English", () -> "/registrations/" + registrationToken()
                        + "/personal-data/erase?lang=en"),
                Page.get("personal data of a subscriber", () -> "/newsletter/preferences/"
                        + NewsletterFixtures.confirmedSubscriberToken("kwaliteit-gegevens") + "/personal-data"),
                Page.post("personal data erased", () -> "/newsletter/preferences/"
                        + NewsletterFixtures.confirmedSubscriberToken("kwaliteit-gewist") + "/personal-data/erase",
                        Map.of()),
                Page.post("personal data erased in English", () -> "/newsletter/preferences/"
                        + NewsletterFixtures.confirmedSubscriberToken("kwaliteit-gewist-en")
                        + "/personal-data/erase?lang=en", Map.of()),
                // Public: the newsletter (subscribing, confirming, preferences, unsubscribing)
                Page.get("newsletter form", "/newsletter"),
                Page.get("newsletter form in English", "/newsletter?lang=en"),
                Page.get("newsletter form of an organisation", "/organisations/platform31/newsletter"),
                Page.post("newsletter form with errors", "/newsletter", Map.of("email", "geen-adres", "name", "Anna"))
                        .status(422),
                Page.get("newsletter: check your mail", "/newsletter/check-your-mail"),
                Page.get("newsletter: confirm", () -> "/newsletter/confirm/"
                        + NewsletterFixtures.pendingConfirmToken("kwaliteit-bevestig")),
                Page.get("newsletter: link expired", () -> "/newsletter/confirm/"
                        + NewsletterFixtures.expiredConfirmToken("kwaliteit-verlopen")).status(410),
                Page.get("newsletter: unknown link", "/newsletter/confirm/bestaat-niet").status(404),
                Page.get("newsletter preferences", () -> "/newsletter/preferences/"
                        + NewsletterFixtures.confirmedSubscriberToken("kwaliteit-voorkeur") + "?confirmed=1"),
                Page.get("newsletter preferences in English", () -> "/newsletter/preferences/"
                        + NewsletterFixtures.confirmedSubscriberToken("kwaliteit-voorkeur-en") + "?lang=en"),
                Page.post("newsletter preferences with errors", () -> "/newsletter/preferences/"
                        + NewsletterFixtures.confirmedSubscriberToken("kwaliteit-voorkeur-fout"), Map.of())
                        .status(422),
                Page.get("newsletter unsubscribe page", () -> "/newsletter/unsubscribe/"
                        + NewsletterFixtures.confirmedSubscriberToken("kwaliteit-afmelden")),
                Page.post("newsletter unsubscribed", () -> "/newsletter/unsubscribe/"
                        + NewsletterFixtures.confirmedSubscriberToken("kwaliteit-afgemeld"), Map.of()),
                // Public: privacy and accessibility statements
                Page.get("privacy statement of an organisation", "/organisations/platform31/privacy"),
                Page.get("privacy statement in English", "/organisations/platform31/privacy?lang=en"),
                Page.get("privacy statement of the platform", "/privacy"),
                Page.get("accessibility statement", "/toegankelijkheid"),
                Page.get("accessibility statement in English", "/toegankelijkheid?lang=en"),
                // Embeds (shown in other sites' iframes)
                Page.get("embedded sign-up form", "/embed/events/" + SEMINAR),
                Page.get("embedded sign-up form in English", "/embed/events/" + SEMINAR + "?lang=en"),
                Page.post("embedded sign-up form with errors", "/embed/events/" + SEMINAR,
                        Map.of("firstName", "Anna", "email", "geen-adres")).status(422),
                Page.post("embedded sign-up result", "/embed/events/" + open(), signUp("kwaliteit-ingesloten")),
                Page.get("embedded sign-up closed", "/embed/events/" + CLOSED),
                Page.raw("embedded form expired", "/embed/events/" + SEMINAR, "_csrf=verlopen&firstName=Anna").status(403),
                Page.raw("form expired, values kept", "/embed/events/" + SEMINAR, expiredBody()).status(403),
                Page.raw("form expired, values kept, in English", "/embed/events/" + SEMINAR + "?lang=en",
                        expiredBody()).status(403),
                Page.get("embedded agenda", "/embed/organisations/platform31"),
                Page.get("embedded agenda in English", "/embed/organisations/platform31?lang=en"),
                // Public: error pages
                Page.get("not found", "/events/bestaat-niet").status(404),
                Page.get("not found in English", "/events/does-not-exist?lang=en").status(404),
                Page.raw("bad request", "/events/" + SEMINAR + "/register", "%zz").status(400),
                Page.get("database unavailable", "/test-only/database-away").status(503),
                Page.get("database unavailable in English", "/test-only/database-away?lang=en").status(503),
                // Back-office
                Page.get("log-in", "/admin/login"),
                Page.get("log-in refused", "/admin/login?error=invalid").status(401),
                Page.get("log-in locked", "/admin/login?error=locked").status(401),
                Page.get("logged out", "/admin/login?logged-out=1"),
                Page.get("back-office page outside the role", "/admin/accounts").as(ORGANISER).status(403),
                Page.get("back-office page outside the role in English", "/admin/accounts?lang=en").as(ORGANISER)
                        .status(403),
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
                Page.get("newsletter send progress", () -> "/admin/newsletter/issues/" + sendingIssue() + "/sending")
                        .as(ORGANISER),
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
                Page.get("registrations of a hybrid event", () -> admin(HYBRID, "/registrations?mode=ONLINE"))
                        .as(ADMINISTRATOR),
                Page.get("check-in of a hybrid event", () -> admin(HYBRID, "/checkin")).as(ADMINISTRATOR),
                Page.get("presence list", () -> admin(SEMINAR, "/presence")).as(ADMINISTRATOR),
                Page.get("attendance before the event", () -> admin(SEMINAR, "/attendance")).as(ADMINISTRATOR),
                Page.get("attendance after the event", () -> endedWebinar() + "/attendance").as(ADMINISTRATOR),
                Page.upload("participant list checked", () -> endedWebinar() + "/attendance", "/upload",
                        "deelnemers.csv", () -> "Name,User Email\r\nAnna," + ENDED_ATTENDEE + "\r\nOnbekend,"
                                + "onbekend@example.org\r\nTelefoon zonder adres,\r\n").as(ADMINISTRATOR),
                Page.upload("participant list refused", () -> endedWebinar() + "/attendance", "/upload",
                        "namen.csv", () -> "Naam\nAnna\n").status(422).as(ADMINISTRATOR),
                Page.get("event dashboard", () -> admin(SEMINAR, "/dashboard")).as(ADMINISTRATOR),
                Page.get("event dashboard in English", () -> admin(SEMINAR, "/dashboard?lang=en")).as(ADMINISTRATOR),
                Page.get("organisation dashboard", "/admin/organisations/platform31/dashboard").as(ORGANISER),
                // Back-office: organiser messages and the follow-up after an event (docs/messages.md)
                Page.get("messages of an event", () -> admin(SEMINAR, "/messages")).as(ADMINISTRATOR),
                Page.get("new message", () -> admin(SEMINAR, "/messages/new")).as(ADMINISTRATOR),
                Page.post("new message with errors", () -> admin(SEMINAR, "/messages"), Map.of("audience", "CONFIRMED",
                        "subjectNl", "Hallo {naam}", "linkLabel1", "Dia's", "linkUrl1", "javascript:alert(1)"))
                        .as(ADMINISTRATOR).status(422),
                Page.get("draft message with its previews", () -> message(false)).as(ADMINISTRATOR),
                Page.get("sent message with its recipients", () -> message(true)).as(ADMINISTRATOR),
                Page.get("follow-up after an event", () -> pastEvent("/follow-up")).as(ORGANISER),
                Page.post("follow-up prepared", () -> pastEvent("/follow-up"), Map.of("surveyUrl", ""))
                        .as(ORGANISER),
                // Back-office: newsletter subscribers
                Page.get("newsletter subscribers", "/admin/organisations/platform31/subscribers").as(ORGANISER),
                Page.get("newsletter subscribers filtered",
                        "/admin/organisations/platform31/subscribers?status=CONFIRMED&q=a").as(ORGANISER),
                Page.get("newsletter subscriber", () -> "/admin/organisations/platform31/subscribers/"
                        + NewsletterFixtures.confirmedSubscriberId("kwaliteit-abonnee")).as(ORGANISER),
                Page.get("newsletter import", "/admin/organisations/platform31/subscribers/import").as(ORGANISER),
                Page.post("newsletter import with errors", "/admin/organisations/platform31/subscribers/import",
                        Map.of("reference", "")).as(ORGANISER).status(422),
                // Newsletter composing: settings and issues, the editor, previews, the public archive
                Page.get("newsletter of an organisation", "/admin/organisations/platform31/newsletter").as(ORGANISER),
                Page.get("newsletter issue editor", () -> "/admin/newsletter/issues/" + newsletterIssue(false))
                        .as(ORGANISER),
                Page.get("newsletter issue sent", () -> "/admin/newsletter/issues/" + newsletterIssue(true))
                        .as(ORGANISER),
                Page.get("newsletter preview", () -> "/admin/newsletter/issues/" + newsletterIssue(false)
                        + "/preview?edition=nl").as(ORGANISER),
                Page.get("newsletter preview of the English edition", () -> "/admin/newsletter/issues/"
                        + newsletterIssue(false) + "/preview?edition=en&lang=en").as(ORGANISER),
                Page.get("newsletter archive", () -> "/newsletter/archive?x=" + newsletterIssue(true)),
                Page.get("newsletter archive of an organisation", "/newsletter/archive?organisation=platform31"),
                Page.get("archived newsletter issue", () -> "/newsletter/archive/" + newsletterIssue(true)),
                Page.get("archived newsletter issue in English", () -> "/newsletter/archive/" + newsletterIssue(true)
                        + "?lang=en"),
                Page.get("privacy statement in the back-office", "/admin/organisations/platform31/privacy").as(ORGANISER),
                Page.post("privacy statement with errors", "/admin/organisations/platform31/privacy",
                        Map.of("textNl", "", "contact", "", "retentionNl", "")).as(ORGANISER).status(422),
                Page.get("embedding in the back-office", "/admin/organisations/platform31/embedding").as(ORGANISER),
                Page.get("personal data search", "/admin/personal-data").as(ORGANISER),
                Page.get("personal data search in English", "/admin/personal-data?lang=en").as(ADMINISTRATOR),
                Page.post("personal data found", "/admin/personal-data",
                        Map.of("address", "kwaliteit-inzage@example.org")).as(ADMINISTRATOR),
                Page.post("personal data found in English", "/admin/personal-data?lang=en",
                        Map.of("address", "kwaliteit-inzage@example.org")).as(ORGANISER),
                Page.post("personal data search with an error", "/admin/personal-data",
                        Map.of("address", "geen-adres")).as(ORGANISER).status(422),
                Page.post("erasing personal data in the back-office", "/admin/personal-data/erase",
                        Map.of("address", "kwaliteit-wissen@example.org")).as(ADMINISTRATOR),
                Page.post("erasing personal data in the back-office in English", "/admin/personal-data/erase?lang=en",
                        Map.of("address", "kwaliteit-wissen@example.org")).as(ORGANISER),
                Page.get("retention period", "/admin/organisations/platform31/retention").as(ORGANISER),
                Page.get("retention period in English", "/admin/organisations/platform31/retention?lang=en")
                        .as(ORGANISER),
                Page.post("retention period with an error", "/admin/organisations/platform31/retention",
                        Map.of("months", "0")).as(ORGANISER).status(422),
                Page.post("embedding with a wrong address", "/admin/organisations/platform31/embedding",
                        Map.of("origins", "http://example.org/pad")).as(ORGANISER).status(422));
    }

    /**
     * An issue of platform31 with texts in both languages: a draft, or (sent) frozen from the calendar and marked
     * SENT, so it shows in the archive and its editor shows a frozen issue.
     */
    private static long newsletterIssue(boolean sent) {
        return QuarkusTransaction.requiringNew().call(() -> {
            nl.kennisagenda.newsletter.NewsletterIssue issue = new nl.kennisagenda.newsletter.NewsletterIssue();
            issue.organisation = nl.kennisagenda.event.Organisation.findBySlug("platform31").orElseThrow();
            issue.subjectNl = "Nieuws van Platform31";
            issue.introNl = "Welkom bij **dit nummer**, met [een link](https://example.org).";
            issue.freeNl = "- eerste punt\n- tweede punt";
            issue.subjectEn = "News from Platform31";
            issue.introEn = "Welcome to *this issue*.";
            issue.createdAt = java.time.Instant.now();
            issue.updatedAt = issue.createdAt;
            issue.persist();
            if (sent) {
                io.quarkus.arc.Arc.container().instance(nl.kennisagenda.newsletter.issue.IssueEditions.class).get()
                        .freeze(issue, nl.kennisagenda.newsletter.issue.NewsletterSettings.of(issue.organisation.id),
                                issue.createdAt, issue.createdAt);
                issue.status = nl.kennisagenda.newsletter.IssueStatus.SENT;
                issue.sentAt = issue.createdAt;
            }
            return issue.id;
        });
    }

    /** A back-office address of an event: /admin/events/{id} plus the rest. */
    private static String admin(String slug, String rest) {
        long id = QuarkusTransaction.requiringNew().call(() -> Event.findBySlug(slug).orElseThrow().id);
        return "/admin/events/" + id + rest;
    }

    /**
     * The back-office page of an organiser message to the confirmed attendees of the open test event (one signed up
     * quietly), in Dutch and English with a link; sent (dispatched to the outbox, so the page lists its recipients)
     * or a draft.
     */
    private static String message(boolean sent) {
        Actor admin = QuarkusTransaction.requiringNew().call(() -> Actor.of(Account.findByEmail(ADMINISTRATOR)
                .orElseThrow()));
        long eventId = QuarkusTransaction.requiringNew().call(() -> Event.findBySlug(open()).orElseThrow().id);
        Arc.container().instance(MailTestData.class).get().registerQuietly(eventId, MailTestData.uniqueEmail(
                "kwaliteit-bericht"), "Bea", "nl", RegistrationStatus.CONFIRMED, Instant.now());
        OrganiserMessages messages = Arc.container().instance(OrganiserMessages.class).get();
        long id = messages.create(admin, eventId, new MessageInput("CONFIRMED", "Praktische informatie",
                "Beste {voornaam},\n\n# Programma\n\n- **Start** om 10:00\n- [Uw aanmelding]({beheerlink})",
                "Practical information", "Dear {first_name},\n\nSee you at *{event}*.",
                List.of(new LinkInput("Dia's", "https://example.org/dias.pdf")))).id;
        if (sent) {
            messages.sendNow(admin, eventId, id, Instant.now());
            Arc.container().instance(MessageDispatcher.class).get().dispatchDue(Instant.now().plusSeconds(1));
        }
        return "/admin/events/" + eventId + "/messages/" + id;
    }

    /** A new event of platform31 that ended two days ago, with its materials (removed after each test). */
    private static String pastEvent(String rest) {
        Event event = EventFixtures.create("test-kwaliteit-afgelopen-" + System.nanoTime(), Duration.ofDays(-2),
                e -> { });
        QuarkusTransaction.requiringNew().run(() -> {
            EventMaterial material = new EventMaterial();
            material.event = Event.findById(event.id);
            material.kind = MaterialKind.RECORDING;
            material.title = "Opname";
            material.url = "https://video.example.org/opname";
            material.persist();
        });
        return "/admin/events/" + event.id + rest;
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
            int status, Upload upload) {

        static Page get(String name, String path) {
            return get(name, () -> path);
        }

        static Page get(String name, Supplier<String> path) {
            return new Page(name, path, null, null, null, 200, null);
        }

        /** The answer to submitting the form on {@code path} with these fields (and its CSRF token). */
        static Page post(String name, String path, Map<String, String> fields) {
            return post(name, () -> path, fields);
        }

        /** The same, with the path known only when the page is served. */
        static Page post(String name, Supplier<String> path, Map<String, String> fields) {
            return new Page(name, path, fields, null, null, 200, null);
        }

        /** The answer to posting this body, byte for byte, as a form to {@code path}. */
        static Page raw(String name, String path, String body) {
            return new Page(name, () -> path, null, body, null, 200, null);
        }

        /** The answer to uploading a file (multipart, field "file") from the form on {@code path} to path + action. */
        static Page upload(String name, Supplier<String> path, String action, String fileName, Supplier<String> body) {
            return new Page(name, path, null, null, null, 200, new Upload(action, fileName, body));
        }

        Page as(String email) {
            return new Page(name, path, form, rawBody, email, status, upload);
        }

        Page status(int expected) {
            return new Page(name, path, form, rawBody, account, expected, upload);
        }
    }

    record Upload(String action, String fileName, Supplier<String> body) {
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
        } else if (page.upload() != null) {
            Response form = request(cookies).get(path);
            remember(form, cookies);
            Matcher token = CSRF.matcher(form.asString());
            assertTrue(token.find(), page.name() + ": no form with a CSRF token on " + path);
            response = request(cookies).multiPart("_csrf", token.group(1))
                    .multiPart("file", page.upload().fileName(),
                            page.upload().body().get().getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                    .post(path + page.upload().action());
            byGet = false;
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

    /** The address of a confirmed person of {@link #endedWebinar()}. */
    private static final String ENDED_ATTENDEE = "kwaliteit-aanwezig-" + System.nanoTime() + "@example.org";
    private static Long endedWebinar;

    /**
     * /admin/events/{id} of an event that ended an hour ago with two confirmed people (made once; not a "test-"
     * event, as those are removed and registrations are not).
     */
    private static String endedWebinar() {
        if (endedWebinar == null) {
            TestEvents.Created event = TestEvents.create("kwaliteit-afgelopen", 100);
            nl.kennisagenda.mail.MailTestData data = io.quarkus.arc.Arc.container()
                    .instance(nl.kennisagenda.mail.MailTestData.class).get();
            data.registerQuietly(event.id(), ENDED_ATTENDEE, "Anna", "nl",
                    nl.kennisagenda.registration.RegistrationStatus.CONFIRMED, java.time.Instant.now());
            data.registerQuietly(event.id(), "kwaliteit-afwezig-" + System.nanoTime() + "@example.org", "Bram", "nl",
                    nl.kennisagenda.registration.RegistrationStatus.CONFIRMED, java.time.Instant.now());
            TestEvents.change(event.id(), e -> {
                e.startsAt = java.time.Instant.now().minus(Duration.ofHours(3));
                e.endsAt = java.time.Instant.now().minus(Duration.ofHours(1));
            });
            endedWebinar = event.id();
        }
        return "/admin/events/" + endedWebinar;
    }

    /** The manage token of a registration made through the sign-up form (made once per test). */
    private Long sendingIssue;

    /** An issue of platform31 that is being sent (started, audience expanded), for its progress page. */
    private long sendingIssue() {
        if (sendingIssue == null) {
            sendingIssue = SendingFixtures.sendingIssue("platform31");
        }
        return sendingIssue;
    }

    @jakarta.inject.Inject
    SigningKey signingKey;

    @jakarta.inject.Inject
    nl.kennisagenda.registration.RegistrationViewLinks viewLinks;

    /** The read-only page of the registration made for the manage page (the link calendar entries carry). */
    private String readOnlyPath() {
        String token = registrationToken();
        return nl.kennisagenda.registration.RegistrationViewLinks.PATH + QuarkusTransaction.requiringNew()
                .call(() -> viewLinks.reference(Registration.findByToken(token).orElseThrow()).orElseThrow());
    }

    /** A sign-up body whose page-bound token was ours but has expired: the "send again" page keeps the values. */
    private String expiredBody() {
        String path = "/embed/events/" + SEMINAR;
        long expired = java.time.Instant.now().minusSeconds(60).getEpochSecond();
        String nonce = "verlopenverlopen";
        String token = expired + "." + nonce + "." + signingKey.sign("page-form|" + path + "|" + expired + "|" + nonce);
        return "_csrf=" + token + "&firstName=Anna&lastName=de+Vries&email=anna%40example.org";
    }

    private String hybridToken;

    /** The manage token of an online registration of a hybrid test event, made through the form (once per test). */
    private String hybridToken() {
        if (hybridToken == null) {
            String slug = TestEvents.createHybrid("kwaliteit-hybride", 1, 50).slug();
            Map<String, String> fields = new java.util.HashMap<>(signUp("kwaliteit-hybride"));
            fields.put("attendanceMode", "ONLINE");
            serve(Page.post("sign-up for the hybrid manage page", "/events/" + slug + "/register", fields));
            hybridToken = QuarkusTransaction.requiringNew().call(() -> Registration
                    .<Registration> find("email", fields.get("email")).firstResult().token);
        }
        return hybridToken;
    }

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
