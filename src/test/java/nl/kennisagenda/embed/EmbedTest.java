package nl.kennisagenda.embed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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
import nl.kennisagenda.privacy.PrivacyStatements;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.TestEvents;

/**
 * The embeddable sign-up form and agenda: framed only by the origins the organisation lists, signed up through
 * without our cookie (the page-bound token), refused without that token, and described by oEmbed.
 */
@QuarkusTest
class EmbedTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PARTNER_SITE = "https://www.platform31.nl";

    /** The site's public address (the oEmbed answers name pages and frames by it). */
    @jakarta.inject.Inject
    nl.kennisagenda.config.SiteConfig siteConfig;

    @jakarta.inject.Inject
    nl.kennisagenda.web.SigningKey signingKey;

    @Test
    void theEmbedMayBeFramedByTheListedOriginsOnlyAndOtherPagesByNobody() {
        TestEvents.Created event = TestEvents.create("inlijsten", 100);
        allowOrigins(event, PARTNER_SITE + "\nhttps://agenda.example.org:8443");

        given().get("/embed/events/" + event.slug()).then().statusCode(200)
                .header("Content-Security-Policy",
                        containsString("frame-ancestors " + PARTNER_SITE + " https://agenda.example.org:8443"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Frame-Options", nullValue());
        given().get("/embed/organisations/" + organisationSlug(event)).then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors " + PARTNER_SITE))
                .header("X-Frame-Options", nullValue());

        for (String page : new String[] { "/events/" + event.slug(), "/events/" + event.slug() + "/register",
                "/organisations/" + organisationSlug(event), "/", "/toegankelijkheid", "/embed/events/bestaat-niet" }) {
            given().get(page).then()
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", is("DENY"));
        }
    }

    @Test
    void anOrganisationThatListsNoOriginsCannotBeFramedAnywhere() {
        TestEvents.Created event = TestEvents.create("geen-sites", 100);
        given().get("/embed/events/" + event.slug()).then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", is("DENY"));
    }

    @Test
    void signingUpInsideTheFrameWorksWithoutOurCookie() {
        TestEvents.Created event = TestEvents.create("ingesloten-aanmelding", 100);
        allowOrigins(event, PARTNER_SITE);
        Response form = given().get("/embed/events/" + event.slug());
        form.then().statusCode(200).body(containsString("action=\"/embed/events/" + event.slug() + "?lang=nl\""))
                .body(containsString("class=\"privacy-notice\""));
        assertNull(form.getCookie("ka_csrf"), "the embed sets no CSRF cookie: a cross-site frame would not send it back");

        String email = "ingesloten-" + System.nanoTime() + "@example.org";
        // As a cross-site iframe posts: no cookies at all.
        Response posted = given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", token(form)).formParam("firstName", "Anna").formParam("lastName", "de Vries")
                .formParam("organisation", "Gemeente Utrecht").formParam("email", email)
                .post("/embed/events/" + event.slug() + "?lang=nl");
        posted.then().statusCode(303).header("Location", containsString("/embed/events/" + event.slug() + "/registered?r="));

        String result = URI.create(posted.header("Location")).getRawPath() + "?" + URI.create(posted.header("Location")).getRawQuery();
        given().get(result).then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors " + PARTNER_SITE))
                .body("html.head.title", startsWith("Je bent aangemeld"));

        Registration registration = QuarkusTransaction.requiringNew().call(() -> Registration
                .<Registration>find("email", email).firstResult());
        assertNotNull(registration, "the embed sign-up is stored");
        assertEquals(PrivacyStatements.PLATFORM_VERSION, registration.privacyVersion);
    }

    @Test
    void theSameAddressTwiceGetsTheSameAnswerInTheFrame() {
        TestEvents.Created event = TestEvents.create("ingesloten-dubbel", 100);
        String email = "dubbel-" + System.nanoTime() + "@example.org";
        String first = signUpInFrame(event.slug(), email).header("Location");
        String second = signUpInFrame(event.slug(), email).header("Location");
        assertTrue(first.contains("/registered?r=" + event.id() + "-c-"), first);
        assertTrue(second.contains("/registered?r=" + event.id() + "-c-"), second);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Registration.count("email", email)));
    }

    @Test
    void aPostWithoutTheFramesTokenIsRefused() {
        TestEvents.Created event = TestEvents.create("ingesloten-zonder-token", 100);
        TestEvents.Created other = TestEvents.create("ingesloten-ander", 100);
        String path = "/embed/events/" + event.slug();
        String email = "zonder-" + System.nanoTime() + "@example.org";
        // no token; a made-up one; one issued for another event's form; the site's own cookie-bound token
        Response ownForm = given().get("/events/" + event.slug() + "/register");
        String[][] attempts = {
                { null, null },
                { "4102444800.abcdefghijklmnop.xyz", null },
                { token(given().get("/embed/events/" + other.slug())), null },
                { token(ownForm), ownForm.getCookie("ka_csrf") } };
        for (String[] attempt : attempts) {
            var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("firstName", "A").formParam("lastName", "B").formParam("organisation", "X")
                    .formParam("email", email);
            if (attempt[0] != null) {
                request = request.formParam("_csrf", attempt[0]);
            }
            if (attempt[1] != null) {
                request = request.cookie("ka_csrf", attempt[1]);
            }
            request.post(path).then().statusCode(403);
        }
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Registration.count("email", email)));
    }

    @Test
    void anExpiredFrameTokenKeepsTheValuesAndSendsThemAgainInTheFrame() {
        TestEvents.Created event = TestEvents.create("ingesloten-nogmaals", 100);
        allowOrigins(event, PARTNER_SITE);
        String path = "/embed/events/" + event.slug();
        long expired = java.time.Instant.now().minusSeconds(60).getEpochSecond();
        String nonce = "abcdefghijklmnop";
        String token = expired + "." + nonce + "." + signingKey.sign("page-form|" + path + "|" + expired + "|" + nonce);
        String email = "nogmaals-" + System.nanoTime() + "@example.org";
        io.restassured.response.Response refused = given().contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", token).formParam("firstName", "Ånna").formParam("lastName", "<b>B</b>")
                .formParam("organisation", "X").formParam("email", email).redirects().follow(false)
                .post(path + "?lang=nl");
        refused.then().statusCode(403)
                .header("Content-Security-Policy", containsString("frame-ancestors " + PARTNER_SITE))
                .body(containsString("Wat je had ingevuld is bewaard"))
                .body(not(containsString("<b>B</b>")));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Registration.count("email", email)));

        io.restassured.path.xml.XmlPath page = new io.restassured.path.xml.XmlPath(
                io.restassured.path.xml.XmlPath.CompatibilityMode.HTML, refused.asString());
        io.restassured.path.xml.element.Node form = page.getNode("**.find { it.name() == 'form' }");
        assertEquals(path + "?lang=nl", form.getAttribute("action"));
        io.restassured.specification.RequestSpecification again = given()
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false);
        for (io.restassured.path.xml.element.Node input : form.getNodes("input")) {
            again = again.formParam(input.getAttribute("name"), input.getAttribute("value"));
        }
        again.post(form.getAttribute("action")).then().statusCode(303);
        assertEquals("Ånna", QuarkusTransaction.requiringNew().call(() -> Registration
                .<Registration> find("email", email).firstResult().firstName));
    }

    @Test
    void anExpiredFrameTokenIsRefused() {
        TestEvents.Created event = TestEvents.create("ingesloten-verlopen", 100);
        allowOrigins(event, PARTNER_SITE);
        String path = "/embed/events/" + event.slug();
        long expired = java.time.Instant.now().minusSeconds(60).getEpochSecond();
        String nonce = "abcdefghijklmnop";
        String token = expired + "." + nonce + "." + signingKey.sign("page-form|" + path + "|" + expired + "|" + nonce);
        long stillValid = java.time.Instant.now().plusSeconds(600).getEpochSecond();
        String fresh = stillValid + "." + nonce + "." + signingKey.sign("page-form|" + path + "|" + stillValid + "|" + nonce);
        String email = "verlopen-" + System.nanoTime() + "@example.org";
        given().contentType("application/x-www-form-urlencoded").formParam("_csrf", token)
                .formParam("firstName", "A").formParam("lastName", "B").formParam("organisation", "X")
                .formParam("email", email).redirects().follow(false).post(path).then().statusCode(403)
                // answered inside the frame, which the browser may show there, with a way back to the form
                .header("Content-Security-Policy", containsString("frame-ancestors " + PARTNER_SITE))
                .header("X-Frame-Options", nullValue())
                .body("html.head.title", startsWith("Formulier verlopen"))
                .body(containsString("href=\"" + path + "?lang=nl\""));
        // The same token with a future expiry is taken: the expiry alone made the difference.
        given().contentType("application/x-www-form-urlencoded").formParam("_csrf", fresh)
                .formParam("firstName", "A").formParam("lastName", "B").formParam("organisation", "X")
                .formParam("email", email).redirects().follow(false).post(path).then().statusCode(303);
    }

    @Test
    void theEventHubOffersTheSnippetToCopy() {
        TestEvents.Created event = TestEvents.create("ingesloten-hub", 100);
        AdminClient admin = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        admin.get("/admin/events/" + event.id()).then().statusCode(200)
                .body(containsString("id=\"embed-snippet\""))
                .body(containsString("&lt;iframe src=&quot;" + siteConfig.baseUrl() + "/embed/events/" + event.slug()));
    }

    @Test
    void aFormWithErrorsIsShownAgainInTheFrameWithItsValues() {
        TestEvents.Created event = TestEvents.create("ingesloten-fout", 100);
        allowOrigins(event, PARTNER_SITE);
        Response form = given().get("/embed/events/" + event.slug() + "?lang=en");
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", token(form))
                .formParam("firstName", "Anna").formParam("email", "geen-adres")
                .post("/embed/events/" + event.slug() + "?lang=en")
                .then().statusCode(422)
                .header("Content-Security-Policy", containsString("frame-ancestors " + PARTNER_SITE))
                .body(containsString("id=\"error-summary\""))
                .body(containsString("value=\"Anna\""))
                .body("html.@lang", is("en"));
    }

    @Test
    void theAgendaEmbedListsUpcomingEventsWithLinksOutOfTheFrame() {
        TestEvents.Created event = TestEvents.create("ingesloten-agenda", 100);
        given().get("/embed/organisations/" + organisationSlug(event)).then().statusCode(200)
                .body(containsString("href=\"/events/" + event.slug() + "\" target=\"_blank\""))
                .body(containsString("href=\"/embed/events/" + event.slug() + "?lang=nl\""))
                .body(not(containsString("site-nav")));
        given().get("/embed/organisations/bestaat-niet").then().statusCode(404);
    }

    @Test
    void oEmbedDescribesEventAndOrganisationPages() {
        TestEvents.Created event = TestEvents.create("oembed", 100);
        String site = siteConfig.baseUrl();
        given().queryParam("url", site + "/events/" + event.slug()).queryParam("format", "json")
                .queryParam("maxwidth", 400).get("/oembed").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("type", is("rich")).body("version", is("1.0"))
                .body("title", is("Testbijeenkomst oembed"))
                .body("provider_name", is("Kennisagenda"))
                .body("width", is(400)).body("height", is(EmbedSnippets.DEFAULT_HEIGHT))
                .body("html", containsString("<iframe src=\"" + site + "/embed/events/" + event.slug() + "\""))
                .body("html", containsString("title=\"Aanmelden: Testbijeenkomst oembed\""))
                .body("html", containsString("loading=\"lazy\""))
                .body("html", containsString("<script src=\"" + site + "/js/embed.js\" async></script>"));
        given().queryParam("url", site + "/organisations/" + organisationSlug(event)).get("/oembed").then()
                .statusCode(200).body("html", containsString("/embed/organisations/" + organisationSlug(event)));
        given().queryParam("url", site + "/events/bestaat-niet").get("/oembed").then().statusCode(404);
        given().queryParam("url", "https://elders.example.org/events/" + event.slug()).get("/oembed").then()
                .statusCode(404);
        given().queryParam("url", site + "/events/" + event.slug()).queryParam("format", "xml").get("/oembed")
                .then().statusCode(501);
    }

    @Test
    void eventAndOrganisationPagesAnnounceTheirOEmbed() {
        TestEvents.Created event = TestEvents.create("ontdekken", 100);
        given().get("/events/" + event.slug()).then().statusCode(200)
                .body(containsString("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"http://localhost:"))
                .body(containsString("/oembed?url=http%3A%2F%2Flocalhost%3A"));
        given().get("/organisations/" + organisationSlug(event)).then().statusCode(200)
                .body(containsString("type=\"application/json+oembed\""));
    }

    @Test
    void organisersListTheirSitesInTheBackofficeAndOnlyValidOriginsAreKept() {
        AdminClient organiser = AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/organisations/platform31/embedding").then().statusCode(200)
                .body(containsString("/embed/organisations/platform31"));
        organiser.post().formParam("origins", "https://www.platform31.nl/agenda\nhttp://example.org\nhttps://*.example.org")
                .post("/admin/organisations/platform31/embedding").then().statusCode(422)
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("https://www.platform31.nl/agenda"));
        organiser.post().formParam("origins", " https://WWW.Platform31.nl/ \n\nhttps://kennis.platform31.nl:8443")
                .post("/admin/organisations/platform31/embedding").then().statusCode(303);
        try {
            Organisation saved = QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug("platform31").orElseThrow());
            assertEquals("https://www.platform31.nl\nhttps://kennis.platform31.nl:8443", saved.embedOrigins);
            AuditEntry entry = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                    "action = ?1 order by id desc", AuditLog.EMBED_ORIGINS_CHANGED).firstResult());
            assertTrue(entry.detail.contains("https://kennis.platform31.nl:8443"), entry.detail);
        } finally {
            organiser.post().formParam("origins", "").post("/admin/organisations/platform31/embedding")
                    .then().statusCode(303);
        }
    }

    @Test
    void originsAreHttpsHostsWithAnOptionalPortAndNothingElse() {
        assertEquals("https://www.example.org", EmbedOrigins.canonical("https://www.example.org/").orElseThrow());
        assertEquals("https://example.org:8443", EmbedOrigins.canonical("https://Example.org:8443").orElseThrow());
        assertEquals("https://example.org", EmbedOrigins.canonical("https://example.org:443").orElseThrow());
        for (String bad : new String[] { "http://example.org", "https://example.org/path", "https://*.example.org",
                "https://user@example.org", "https://example.org?x=1", "example.org", "https://", "'self'",
                "https://example.org; script-src *", "javascript:alert(1)" }) {
            assertTrue(EmbedOrigins.canonical(bad).isEmpty(), bad);
        }
    }

    // ---- helpers

    private static Response signUpInFrame(String slug, String email) {
        Response form = given().get("/embed/events/" + slug);
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", token(form)).formParam("firstName", "Anna").formParam("lastName", "de Vries")
                .formParam("organisation", "X").formParam("email", email).post("/embed/events/" + slug);
    }

    static String token(Response form) {
        Matcher matcher = TOKEN.matcher(form.asString());
        assertTrue(matcher.find(), "the form has a token");
        return matcher.group(1);
    }

    private static void allowOrigins(TestEvents.Created event, String origins) {
        QuarkusTransaction.requiringNew().run(() -> {
            Event found = Event.findById(event.id());
            found.organisation.embedOrigins = origins;
        });
    }

    private static String organisationSlug(TestEvents.Created event) {
        return QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(event.id()).organisation.slug);
    }
}
