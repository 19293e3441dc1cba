package nl.kennisagenda.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import nl.kennisagenda.audit.AuditEntry;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.backoffice.AdminClient;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.newsletter.Subscriber;
import nl.kennisagenda.newsletter.SubscriberStatus;
import nl.kennisagenda.newsletter.subscription.Consent;
import nl.kennisagenda.newsletter.subscription.ConsentSource;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.TestEvents;

/**
 * Privacy statements: the platform default until an organisation writes its own, a new version with every save
 * (old ones stay readable), the notice on the sign-up and newsletter forms, and the version recorded on each sign-up
 * and newsletter consent (only the version in force; anything else shows the form again). Also the accessibility
 * statement and the footer links to both.
 */
@QuarkusTest
class PrivacyStatementTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void anOrganisationWithoutItsOwnStatementShowsThePlatformDefault() {
        TestEvents.Created event = TestEvents.create("privacy-standaard", 100);
        String org = organisationSlug(event);
        given().get("/organisations/" + org + "/privacy").then().statusCode(200)
                .body("html.head.title", startsWith("Privacyverklaring Testnetwerk"))
                .body(containsString("standaardverklaring van Kennisagenda"))
                .body(containsString("Testnetwerk organiseert de bijeenkomst"))
                .body(containsString("<a href=\"mailto:privacy@example.org\">"));
        given().get("/organisations/" + org + "/privacy?lang=en").then().statusCode(200)
                .body("html.@lang", is("en"))
                .body(containsString("Testnetwerk organises the event"));
        given().get("/privacy").then().statusCode(200)
                .body("html.head.title", startsWith("Privacyverklaring Kennisagenda"))
                .body(containsString("De organiserende organisatie organiseert de bijeenkomst"));
        given().get("/organisations/bestaat-niet/privacy").then().statusCode(404);
    }

    @Test
    void everySaveIsANewVersionAndOldVersionsStayReadable() {
        AdminClient organiser = AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/organisations/platform31/privacy").then().statusCode(200);
        String marker = "Verklaring-" + System.nanoTime();
        int first = save(organiser, "# Wie\n\nPlatform31 verwerkt. " + marker + "-een", "privacy@platform31.nl",
                "een jaar na de bijeenkomst");
        int second = save(organiser, "# Wie\n\nPlatform31 verwerkt. " + marker + "-twee <script>alert(1)</script>",
                "privacy@platform31.nl", "twee jaar na de bijeenkomst");
        assertEquals(first + 1, second);

        given().get("/organisations/platform31/privacy").then().statusCode(200)
                .body(containsString(marker + "-twee"))
                .body(not(containsString("<script>alert")))
                .body(containsString("Versie " + second + ", geldig vanaf"))
                .body(containsString("twee jaar na de bijeenkomst"))
                .body(containsString("?version=" + first));
        given().get("/organisations/platform31/privacy?version=" + first).then().statusCode(200)
                .body(containsString(marker + "-een"))
                .body(not(containsString(marker + "-twee")))
                .body(containsString("Dit is een eerdere versie"))
                .body(containsString("<meta name=\"robots\" content=\"noindex\">"));
        given().get("/organisations/platform31/privacy?version=99999").then().statusCode(404);
        given().get("/organisations/platform31/privacy?version=abc").then().statusCode(404);

        List<PrivacyStatement> versions = QuarkusTransaction.requiringNew().call(() -> PrivacyStatement.historyOf(
                Organisation.findBySlug("platform31").orElseThrow()));
        assertEquals(second, versions.get(0).version);
        assertNotEquals(versions.get(0).textHash, versions.get(1).textHash);
        org.junit.jupiter.api.Assertions.assertNotNull(versions.get(0).createdByName, "who saved it");
        AuditEntry entry = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                "action = ?1 order by id desc", AuditLog.PRIVACY_STATEMENT_SAVED).firstResult());
        assertTrue(entry.detail.startsWith("platform31 v" + second), entry.detail);
    }

    @Test
    void anIncompleteStatementIsShownAgainWithItsValuesAndNothingIsSaved() {
        AdminClient organiser = AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/organisations/platform31/privacy");
        long before = QuarkusTransaction.requiringNew().call(() -> PrivacyStatement.count());
        organiser.post().formParam("textNl", "").formParam("contact", "privacy@platform31.nl")
                .formParam("retentionNl", "").formParam("textEn", "Kept text")
                .post("/admin/organisations/platform31/privacy").then().statusCode(422)
                .body(containsString("id=\"error-summary\""))
                .body(containsString("href=\"#privacy-textNl\""))
                .body(containsString("aria-describedby=\"privacy-text-hint privacy-textNl-error\""))
                .body(containsString(">Kept text</textarea>"));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> PrivacyStatement.count()));
    }

    @Test
    void theSignupFormShowsTheNoticeAndTheRegistrationRecordsTheVersionInForce() {
        TestEvents.Created event = TestEvents.create("privacy-aanmelding", 100);
        Response form = given().get("/events/" + event.slug() + "/register");
        form.then().statusCode(200)
                .body(containsString("class=\"privacy-notice\""))
                .body(containsString("Testnetwerk gebruikt uw gegevens (voornaam, achternaam"))
                .body(containsString("href=\"/organisations/" + organisationSlug(event) + "/privacy\""));
        String before = signUp(event, form);
        assertEquals(PrivacyStatements.PLATFORM_VERSION, before);

        // The organisation writes its own statement: the next sign-up records version 1 of it.
        QuarkusTransaction.requiringNew().run(() -> {
            Organisation organisation = Event.<Event>findById(event.id()).organisation;
            PrivacyStatement statement = new PrivacyStatement();
            statement.organisation = organisation;
            statement.version = 1;
            statement.textNl = "Eigen verklaring";
            statement.contact = "privacy@example.org";
            statement.retentionNl = "een maand";
            statement.textHash = PrivacyStatements.hash("Eigen verklaring");
            statement.createdAt = java.time.Instant.now();
            statement.persist();
        });
        Response again = given().get("/events/" + event.slug() + "/register");
        again.then().body(containsString("Bewaartermijn: een maand"))
                .body(containsString("href=\"/organisations/" + organisationSlug(event) + "/privacy?version=1\""));
        assertEquals("1", signUp(event, again));
    }

    @Test
    void theNewsletterFormsShowTheRightStatementAndTheConsentRecordsTheVersionShown() {
        String org = organisationWithStatement();
        Response orgForm = given().get("/organisations/" + org + "/newsletter");
        orgForm.then().statusCode(200)
                .body(containsString("class=\"privacy-notice\""))
                .body(containsString("Privacynet gebruikt uw gegevens (e-mailadres"))
                .body(containsString("Bewaartermijn: zolang u bent ingeschreven"))
                .body(containsString("href=\"/organisations/" + org + "/privacy?version=1\""))
                .body(containsString("name=\"privacyVersion\" value=\"1\""));
        String viaOrganisation = "privacy-nb-" + System.nanoTime() + "@example.org";
        subscribe(orgForm, "/organisations/" + org + "/newsletter", viaOrganisation, org, "1").then().statusCode(303);
        Consent recorded = consentOf(viaOrganisation);
        assertEquals(ConsentSource.ORGANISATION_FORM, recorded.source);
        assertEquals("1", recorded.privacyVersion);

        Response general = given().get("/newsletter");
        general.then().statusCode(200)
                .body(containsString("De organisaties waarvan u de nieuwsbrief kiest, gebruiken uw gegevens"))
                .body(containsString("<a href=\"/privacy\">Lees de volledige privacyverklaring</a>"))
                .body(containsString("name=\"privacyVersion\" value=\"platform-1\""));
        given().get("/newsletter?lang=en").then().statusCode(200)
                .body(containsString("The organisations whose newsletter you choose use your details"));
        String viaPlatform = "privacy-nb-" + System.nanoTime() + "@example.org";
        subscribe(general, "/newsletter", viaPlatform, org, PrivacyStatements.PLATFORM_VERSION).then().statusCode(303);
        assertEquals(PrivacyStatements.PLATFORM_VERSION, consentOf(viaPlatform).privacyVersion);
    }

    @Test
    void anAbsentAlteredOrOutdatedPrivacyVersionShowsTheFormAgainAndStoresNothing() {
        String org = organisationWithStatement();
        String action = "/organisations/" + org + "/newsletter";
        Response form = given().get(action);
        String email = "privacy-nb-" + System.nanoTime() + "@example.org";
        // "platform-1" was in force before the organisation wrote its statement: outdated now.
        for (String sent : java.util.Arrays.asList(null, "", "2", "platform-1", "1\"><script>alert(1)</script>")) {
            subscribe(form, action, email, org, sent).then().statusCode(422)
                    .body(containsString("De privacyverklaring bij dit formulier is gewijzigd of ontbrak"))
                    .body(containsString("<a href=\"#privacy-notice-title\">"))
                    .body(containsString("value=\"" + email + "\""))
                    .body(containsString("name=\"privacyVersion\" value=\"1\""))
                    .body(not(containsString("<script>alert")));
        }
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Subscriber.count("emailKey",
                Subscriber.keyOf(email))));
    }

    @Test
    void thePreferencesPageShowsThePlatformStatementAndRecordsItsVersion() {
        String org = organisationWithStatement();
        String token = QuarkusTransaction.requiringNew().call(() -> {
            Subscriber subscriber = new Subscriber();
            subscriber.email = "privacy-voorkeur-" + System.nanoTime() + "@example.org";
            subscriber.emailKey = Subscriber.keyOf(subscriber.email);
            subscriber.status = SubscriberStatus.CONFIRMED;
            subscriber.token = "privacy-" + System.nanoTime();
            subscriber.createdAt = java.time.Instant.now();
            subscriber.updatedAt = subscriber.createdAt;
            subscriber.organisations.add(Organisation.findBySlug(org).orElseThrow());
            subscriber.persist();
            return subscriber.token;
        });
        String path = "/newsletter/preferences/" + token;
        Response page = given().get(path);
        page.then().statusCode(200)
                .body(containsString("class=\"privacy-notice\""))
                .body(containsString("<a href=\"/privacy\">"))
                .body(containsString("name=\"privacyVersion\" value=\"platform-1\""));
        post(page, path).formParam("organisation", org).formParam("language", "nl")
                .formParam("privacyVersion", "7").post(path).then().statusCode(422)
                .body(containsString("<a href=\"#privacy-notice-title\">"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Consent.count("subscriber.token",
                token)));
        post(page, path).formParam("organisation", org).formParam("language", "nl")
                .formParam("privacyVersion", PrivacyStatements.PLATFORM_VERSION).post(path).then().statusCode(303);
        Consent saved = QuarkusTransaction.requiringNew().call(() -> Consent.<Consent>find("subscriber.token",
                token).firstResult());
        assertEquals(ConsentSource.PREFERENCES, saved.source);
        assertEquals(PrivacyStatements.PLATFORM_VERSION, saved.privacyVersion);
    }

    @Test
    void theRegistrationInTheBackofficeShowsTheVersion() {
        AdminClient admin = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        TestEvents.Created event = TestEvents.create("privacy-backoffice", 100);
        signUp(event, given().get("/events/" + event.slug() + "/register"));
        long id = QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>find("event.id", event.id())
                .firstResult().id);
        admin.get("/admin/events/" + event.id() + "/registrations/" + id).then().statusCode(200)
                .body(containsString("Privacyverklaring getoond"))
                .body(containsString("?version=platform-1\">platform-1</a>"));
    }

    @Test
    void theAccessibilityStatementIsThereInBothLanguagesAndLinkedFromEveryPage() {
        given().get("/toegankelijkheid").then().statusCode(200)
                .body("html.head.title", startsWith("Toegankelijkheidsverklaring"))
                .body(containsString("WCAG"))
                .body(containsString("axe-core"))
                .body(containsString("24 november 2026"));
        given().get("/toegankelijkheid?lang=en").then().statusCode(200)
                .body("html.@lang", is("en"))
                .body("html.head.title", startsWith("Accessibility statement"))
                .body(containsString("24 November 2026"));
        given().get("/").then().statusCode(200)
                .body(containsString("<a href=\"/privacy\">Privacy</a>"))
                .body(containsString("<a href=\"/toegankelijkheid\">Toegankelijkheid</a>"));
    }

    // ---- helpers

    /** A new organisation "Privacynet" with version 1 of a statement of its own; answers its slug. */
    private static String organisationWithStatement() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Organisation organisation = new Organisation();
            organisation.slug = "privacynet-" + System.nanoTime();
            organisation.name = "Privacynet";
            organisation.persist();
            PrivacyStatement statement = new PrivacyStatement();
            statement.organisation = organisation;
            statement.version = 1;
            statement.textNl = "Verklaring van Privacynet";
            statement.contact = "privacy@example.org";
            statement.retentionNl = "een jaar";
            statement.textHash = PrivacyStatements.hash("Verklaring van Privacynet");
            statement.createdAt = java.time.Instant.now();
            statement.persist();
            return organisation.slug;
        });
    }

    /** A form POST with the CSRF cookie and token of the page it came from, not following the redirect. */
    private static io.restassured.specification.RequestSpecification post(Response page, String path) {
        Matcher token = TOKEN.matcher(page.asString());
        assertTrue(token.find(), "a CSRF token on " + path);
        return given().redirects().follow(false).cookie("ka_csrf", page.getCookie("ka_csrf"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", token.group(1));
    }

    /** Subscribes through a newsletter form, sending the given privacy version (null: none). */
    private static Response subscribe(Response form, String action, String email, String organisation,
            String privacyVersion) {
        io.restassured.specification.RequestSpecification post = post(form, action).formParam("email", email)
                .formParam("name", "Anna").formParam("organisation", organisation).formParam("language", "nl");
        return (privacyVersion == null ? post : post.formParam("privacyVersion", privacyVersion)).post(action);
    }

    private static Consent consentOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Consent.<Consent>find("subscriber.emailKey",
                Subscriber.keyOf(email)).firstResult());
    }

    /** Signs up through the form and answers the privacy version stored on the registration. */
    private static String signUp(TestEvents.Created event, Response form) {
        Matcher token = TOKEN.matcher(form.asString());
        assertTrue(token.find());
        String email = "privacy-" + System.nanoTime() + "@example.org";
        given().redirects().follow(false).cookie("ka_csrf", form.getCookie("ka_csrf"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", token.group(1))
                .formParam("firstName", "Anna").formParam("lastName", "de Vries").formParam("organisation", "X")
                .formParam("email", email).post("/events/" + event.slug() + "/register").then().statusCode(303);
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>find("email", email)
                .firstResult().privacyVersion);
    }

    private static int save(AdminClient organiser, String text, String contact, String retention) {
        Response saved = organiser.post().formParam("textNl", text).formParam("contact", contact)
                .formParam("retentionNl", retention).formParam("textEn", "").formParam("retentionEn", "")
                .post("/admin/organisations/platform31/privacy");
        saved.then().statusCode(303);
        String location = saved.header("Location");
        return Integer.parseInt(location.substring(location.indexOf("saved=") + 6));
    }

    private static String organisationSlug(TestEvents.Created event) {
        return QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(event.id()).organisation.slug);
    }
}
