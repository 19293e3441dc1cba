package nl.kennisagenda.backoffice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.audit.AuditEntry;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;

/**
 * An organiser creates, edits, publishes and cancels events in the back-office and through the admin API; the
 * public pages show what they wrote (in English where they wrote it), and the rules hold whichever way in.
 */
@QuarkusTest
class EventEditingTest {

    private static final String ORGANISER = "platform31@example.org";
    private static final String OBSERVER = "meelezer-ev-" + System.nanoTime() + "@example.org";
    private static final LocalDate DAY = LocalDate.now(Dates.AMSTERDAM).plusMonths(3);

    @Inject
    RegistrationService registrations;

    @BeforeAll
    static void accounts() {
        BackofficeLoginTest.createAccount(OBSERVER, Role.OBSERVER, "platform31");
    }

    @AfterAll
    static void removeAccounts() {
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>list("email", OBSERVER).forEach(Account::delete));
    }

    // ---------------------------------------------------------------- helpers

    private static String slug(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A complete, valid form for an online event on DAY 10:00–12:00. */
    private static Map<String, String> validForm(String slug) {
        Map<String, String> form = new LinkedHashMap<>();
        // A title of its own: other test classes read the shared feeds and expect distinct titles.
        form.put("title", "Werkplaats wonen en zorg " + slug);
        form.put("slug", slug);
        form.put("summary", "Samen kijken naar wonen en zorg in de wijk.");
        form.put("description", "Een middag om van elkaar te leren.\n\nMet **praktijkvoorbeelden**.");
        form.put("format", "ONLINE");
        form.put("startsAt", DAY + "T10:00");
        form.put("endsAt", DAY + "T12:00");
        form.put("onlinePlatform", "Zoom");
        form.put("joinUrl", "https://zoom.example.org/j/123");
        form.put("audience", "Beleidsmakers bij gemeenten.");
        form.put("outcomes", "Nieuwe inzichten\nContacten");
        form.put("contactName", "Anna de Vries");
        form.put("contactEmail", "anna@example.org");
        return form;
    }

    private static RequestSpecification withForm(AdminClient client, Map<String, String> form) {
        RequestSpecification request = client.post();
        form.forEach(request::formParam);
        return request;
    }

    /** Creates the event through the form; returns its id. */
    private static long create(AdminClient client, Map<String, String> form) {
        Response response = withForm(client, form).post("/admin/organisations/platform31/events");
        assertEquals(303, response.statusCode(), response.asString());
        String location = response.header("Location");
        return Long.parseLong(location.replaceAll(".*/admin/events/(\\d+).*", "$1"));
    }

    private static void publish(AdminClient client, long id) {
        client.submit("/admin/events/" + id + "/publish").then().statusCode(303)
                .header("Location", endsWith("/admin/events/" + id + "?done=published"));
    }

    private static Event event(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event event = Event.findById(id);
            event.outcomes.size();
            return event;
        });
    }

    private String signUp(String slug, String name) {
        String email = name.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 6)
                + "@example.org";
        registrations.signUp(slug, new SignupInput(Map.of("firstName", List.of(name), "lastName", List.of("Jansen"),
                "email", List.of(email), "organisation", List.of("Gemeente Test")), List.of(), false),
                Locale.forLanguageTag("nl"));
        return email;
    }

    private static RegistrationStatus statusOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>find("email", email)
                .firstResult().status);
    }

    private static AdminClient organiser() {
        return AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
    }

    // ---------------------------------------------------------------- pages

    @Test
    void theOrganisationPageLinksNewEventAndTheHubOfEachEventAndSearches() {
        AdminClient client = organiser();
        String slug = slug("zoekbaar");
        Map<String, String> form = validForm(slug);
        form.put("title", "Zoekbare werkplaats " + slug);
        long id = create(client, form);
        client.get("/admin/organisations/platform31?q=" + slug).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("href=\"/admin/events/new?organisation=platform31\""))
                .body(containsString("<a href=\"/admin/events/" + id + "\">Zoekbare werkplaats " + slug + "</a>"))
                .body(not(containsString("Ruimte voor eerstelijnszorg")));
        client.get("/admin/organisations/platform31?show=cancelled&q=" + slug).then().statusCode(200)
                .body(not(containsString("/admin/events/" + id + "\"")));
    }

    @Test
    void invalidInputIsShownAgainWithEveryProblemAndTheValuesKept() {
        AdminClient client = organiser();
        Map<String, String> form = validForm("Niet Goed!");
        form.put("title", "Mijn <b>titel</b>");
        form.put("endsAt", DAY + "T09:00");
        form.put("joinUrl", "javascript:alert(1)");
        form.put("signupClosesAt", DAY + "T11:00");
        form.put("capacity", "veel");
        Response response = withForm(client, form).post("/admin/organisations/platform31/events");
        assertEquals(422, response.statusCode());
        String page = response.asString();
        assertTrue(page.contains("id=\"error-summary\""), page);
        assertTrue(page.contains("Het einde moet na het begin liggen."));
        assertTrue(page.contains("Vul een volledig webadres in dat begint met https:// of http://."));
        assertTrue(page.contains("De aanmelding moet sluiten voordat de bijeenkomst begint."));
        assertTrue(page.contains("Gebruik alleen kleine letters, cijfers en streepjes"));
        assertTrue(page.contains("Vul een heel getal in."));
        assertTrue(page.contains("value=\"Mijn &lt;b&gt;titel&lt;/b&gt;\""), "typed value kept, escaped");
        assertTrue(page.contains("aria-describedby=\"f-endsAt-error\""));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Event.count("title", "Mijn <b>titel</b>")));
    }

    @Test
    void theMessagesAreInEnglishForAnEnglishReader() {
        AdminClient client = organiser();
        Map<String, String> form = validForm(slug("engels"));
        form.put("endsAt", DAY + "T09:00");
        RequestSpecification request = withForm(client, form).queryParam("lang", "en");
        request.post("/admin/organisations/platform31/events").then().statusCode(422)
                .body(containsString("The end must be after the start."));
    }

    @Test
    void aPublishedEventShowsEnglishTextsAndMarksDutchFallbacks() {
        AdminClient client = organiser();
        String slug = slug("tweetalig");
        Map<String, String> form = validForm(slug);
        form.put("titleEn", "Housing and care workshop");
        long id = create(client, form);
        given().get("/events/" + slug).then().statusCode(404);
        publish(client, id);

        String english = given().queryParam("lang", "en").get("/events/" + slug).then().statusCode(200)
                .extract().asString();
        assertTrue(english.contains("<h1>Housing and care workshop</h1>"), english);
        assertTrue(english.contains("<p class=\"lead\" lang=\"nl\">Samen kijken naar wonen en zorg"));
        assertTrue(english.contains("id=\"event-description\" lang=\"nl\""));
        assertTrue(english.contains("<strong>praktijkvoorbeelden</strong>"));
        given().queryParam("lang", "en").get("/organisations/platform31").then().statusCode(200)
                .body(containsString(">Housing and care workshop</a>"));
        String dutch = given().queryParam("lang", "nl").get("/events/" + slug).asString();
        assertTrue(dutch.contains("<h1>Werkplaats wonen en zorg " + slug + "</h1>"));
        assertFalse(dutch.contains("lang=\"nl\">Samen"));
    }

    @Test
    void markdownIsRenderedAndSanitised() {
        AdminClient client = organiser();
        String slug = slug("markdown");
        Map<String, String> form = validForm(slug);
        form.put("description", "# Kop\n\nTekst <script>alert(1)</script> en <img src=x onerror=alert(2)>.\n\n"
                + "[gevaar](javascript:alert(3)) en [goed](https://example.org/pagina)");
        long id = create(client, form);
        publish(client, id);
        String page = given().get("/events/" + slug).asString();
        String description = page.substring(page.indexOf("id=\"event-description\""));
        description = description.substring(0, description.indexOf("</div>"));
        assertTrue(description.contains("<h3>Kop</h3>"), description);
        assertFalse(description.contains("<script"), description);
        assertFalse(description.contains("<img"), description);
        assertFalse(description.contains("onerror="), description);
        assertFalse(description.contains("javascript:"), description);
        // The sanitiser writes the two rel values in either order.
        assertTrue(description.matches("(?s).*<a href=\"https://example\\.org/pagina\" "
                + "rel=\"(noopener nofollow|nofollow noopener)\">goed</a>.*"), description);
    }

    @Test
    void thePreviewButtonShowsTheRenderedDescriptionAndSavesNothing() {
        AdminClient client = organiser();
        String slug = slug("voorbeeld");
        Map<String, String> form = validForm(slug);
        form.put("description", "Dit is **vet** <script>x()</script>");
        form.put("preview", "1");
        Response response = withForm(client, form).post("/admin/organisations/platform31/events");
        assertEquals(200, response.statusCode());
        assertTrue(response.asString().contains("<p>Dit is <strong>vet</strong> &lt;script&gt;x()&lt;/script&gt;</p>"),
                response.asString());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Event.count("slug", slug)));
    }

    @Test
    void anUnlistedEventIsReachableByItsLinkOnly() {
        AdminClient client = organiser();
        String slug = slug("besloten");
        Map<String, String> form = validForm(slug);
        form.put("unlisted", "true");
        long id = create(client, form);
        publish(client, id);

        given().get("/events/" + slug).then().statusCode(200)
                .body(containsString("<meta name=\"robots\" content=\"noindex\">"));
        given().get("/").then().statusCode(200).body(not(containsString(slug)));
        given().get("/events/past").then().body(not(containsString(slug)));
        given().get("/organisations/platform31").then().body(not(containsString(slug)));
        given().get("/calendar/events.ics").then().statusCode(200).body(not(containsString(slug)));
        given().get("/calendar/organisations/platform31.ics").then().body(not(containsString(slug)));
        given().get("/api/events").then().statusCode(200).body("slug", not(hasItem(slug)));
        given().get("/api/events/" + slug).then().statusCode(200).body("slug", equalTo(slug));
        // A listed event of the same organiser is there, so the absence above means something.
        String listed = slug("openbaar");
        publish(client, create(client, validForm(listed)));
        given().get("/api/events").then().body("slug", hasItem(listed));
        given().get("/events/" + listed).then().body(not(containsString("noindex")));
    }

    @Test
    void changingTheTimeOfAPublishedEventAsksToConfirmWithTheNumberOfAttendees() {
        AdminClient client = organiser();
        String slug = slug("verzet");
        long id = create(client, validForm(slug));
        publish(client, id);
        signUp(slug, "Eva");
        signUp(slug, "Joost");
        long mailsBefore = QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("kind", MailKind.EVENT_UPDATED));

        Map<String, String> moved = validForm(slug);
        moved.put("startsAt", DAY + "T14:00");
        moved.put("endsAt", DAY + "T16:00");
        Response asked = withForm(client, moved).post("/admin/events/" + id + "/edit");
        assertEquals(200, asked.statusCode());
        assertTrue(asked.asString().contains("2 bevestigde deelnemers krijgen een bijgewerkte agenda-uitnodiging"),
                asked.asString());
        assertEquals(DAY.atTime(10, 0).atZone(Dates.AMSTERDAM).toInstant(), event(id).startsAt, "nothing saved yet");

        moved.put("confirm", "1");
        withForm(client, moved).post("/admin/events/" + id + "/edit").then().statusCode(303);
        Event after = event(id);
        assertEquals(DAY.atTime(14, 0).atZone(Dates.AMSTERDAM).toInstant(), after.startsAt);
        assertEquals(1, after.icalSequence);
        long mailsAfter = QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("kind", MailKind.EVENT_UPDATED));
        assertEquals(mailsBefore + 2, mailsAfter, "one update per confirmed attendee");
        client.get("/admin/events/" + id).then().statusCode(200).body(containsString("RESCHEDULED"))
                .body(containsString("UPDATED"));
    }

    @Test
    void contentChangesOfAPublishedEventNeedNoConfirmation() {
        AdminClient client = organiser();
        String slug = slug("tekst");
        long id = create(client, validForm(slug));
        publish(client, id);
        signUp(slug, "Eva");
        Map<String, String> form = validForm(slug);
        form.put("summary", "Een nieuwe samenvatting.");
        withForm(client, form).post("/admin/events/" + id + "/edit").then().statusCode(303);
        assertEquals("Een nieuwe samenvatting.", event(id).summary);
        assertEquals(0, event(id).icalSequence);
    }

    @Test
    void raisingTheCapacityPromotesFromTheWaitingListInTheSameRequest() {
        AdminClient client = organiser();
        String slug = slug("vol");
        Map<String, String> form = validForm(slug);
        form.put("capacity", "1");
        long id = create(client, form);
        publish(client, id);
        String first = signUp(slug, "Eerste");
        String second = signUp(slug, "Tweede");
        assertEquals(RegistrationStatus.WAITLISTED, statusOf(second));

        form.put("capacity", "0");
        withForm(client, form).post("/admin/events/" + id + "/edit").then().statusCode(422)
                .body(containsString("Er zijn al 1 bevestigde aanmeldingen"));

        form.put("capacity", "2");
        withForm(client, form).post("/admin/events/" + id + "/edit").then().statusCode(303);
        assertEquals(RegistrationStatus.CONFIRMED, statusOf(first));
        assertEquals(RegistrationStatus.CONFIRMED, statusOf(second));
        Event after = event(id);
        assertEquals(2, after.confirmedCount);
        assertEquals(0, after.waitlistedCount);
    }

    @Test
    void unpublishIsRefusedOnceSomebodyRegistered() {
        AdminClient client = organiser();
        String slug = slug("terug");
        long id = create(client, validForm(slug));
        publish(client, id);
        client.submit("/admin/events/" + id + "/unpublish").then().statusCode(303);
        assertEquals(EventStatus.DRAFT, event(id).status);
        publish(client, id);
        signUp(slug, "Eva");
        client.submit("/admin/events/" + id + "/unpublish").then().statusCode(409)
                .body(containsString("Er hebben zich al mensen aangemeld"));
        assertEquals(EventStatus.PUBLISHED, event(id).status);
        client.submit("/admin/events/" + id + "/delete").then().statusCode(409);
    }

    @Test
    void cancellingMailsEveryoneWithTheOrganisersMessage() {
        AdminClient client = organiser();
        String slug = slug("afgelast");
        long id = create(client, validForm(slug));
        publish(client, id);
        signUp(slug, "Eva");
        client.post().formParam("message", "Door ziekte van de spreker gaat het niet door.")
                .post("/admin/events/" + id + "/cancel").then().statusCode(303);
        Event after = event(id);
        assertEquals(EventStatus.CANCELLED, after.status);
        assertEquals("Door ziekte van de spreker gaat het niet door.", after.cancellationMessage);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> OutboxMail.count(
                "kind = ?1 and registrationId in (select r.id from Registration r where r.event.id = ?2)",
                MailKind.EVENT_CANCELLED, id)));
        List<AuditEntry> audit = QuarkusTransaction.requiringNew().call(() -> AuditEntry.ofEvent(id, 10));
        AuditEntry cancelled = audit.get(0);
        assertEquals("CANCELLED", cancelled.action);
        assertNotNull(cancelled.accountId, "the organiser, not the system");
    }

    @Test
    void aDraftCanBeDeletedAndDuplicatedAsTheNextEdition() {
        AdminClient client = organiser();
        String slug = slug("reeks");
        long id = create(client, validForm(slug));
        QuarkusTransaction.requiringNew().run(() -> {
            Event event = Event.findById(id);
            ProgrammeItem item = new ProgrammeItem();
            item.event = event;
            item.startsAt = event.startsAt;
            item.endsAt = event.endsAt;
            item.title = "Welkom";
            item.kind = ProgrammeItemKind.PLENARY;
            item.persist();
        });
        Response duplicated = client.submit("/admin/events/" + id + "/duplicate");
        assertEquals(303, duplicated.statusCode());
        long copyId = Long.parseLong(duplicated.header("Location").replaceAll(".*/admin/events/(\\d+).*", "$1"));
        assertNotEquals(id, copyId);
        Event copy = event(copyId);
        assertEquals(EventStatus.DRAFT, copy.status);
        assertNotEquals(slug, copy.slug);
        assertEquals(event(id).startsAt.plus(java.time.Duration.ofDays(364)), copy.startsAt);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ProgrammeItem.count("event.id", copyId)));
        assertEquals(5L, QuarkusTransaction.requiringNew().call(
                () -> nl.kennisagenda.event.FormField.count("event.id", copyId)), "the standard form is copied");

        client.submit("/admin/events/" + copyId + "/delete").then().statusCode(303)
                .header("Location", endsWith("/admin/organisations/platform31?done=deleted"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Event.count("id", copyId)));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Event.count("id", id)));
    }

    @Test
    void anObserverReadsTheHubButChangesNothing() {
        AdminClient organiser = organiser();
        long id = create(organiser, validForm(slug("meelezen")));
        AdminClient observer = AdminClient.loggedIn(OBSERVER, "een-lang-wachtwoord");
        observer.get("/admin/events/" + id).then().statusCode(200)
                .body(containsString("/admin/events/" + id + "/registrations"))
                .body(not(containsString("/admin/events/" + id + "/publish")));
        observer.get("/admin/events/" + id + "/edit").then().statusCode(403);
        observer.submit("/admin/events/" + id + "/publish").then().statusCode(403);
        withForm(observer, validForm(slug("meelezer"))).post("/admin/organisations/platform31/events").then()
                .statusCode(403);
        observer.request().contentType(ContentType.JSON).body("{}").put("/api/admin/events/" + id).then()
                .statusCode(403);
        assertEquals(EventStatus.DRAFT, event(id).status);
    }

    @Test
    void anOrganiserOfAnotherOrganisationIsRefused() {
        long id = create(organiser(), validForm(slug("eigen")));
        AdminClient vilans = AdminClient.loggedIn("vilans@example.org", AdminClient.DEMO_PASSWORD);
        vilans.get("/admin/events/" + id).then().statusCode(403);
        vilans.submit("/admin/events/" + id + "/publish").then().statusCode(403);
        vilans.request().get("/api/admin/events/" + id).then().statusCode(403);
        vilans.request().get("/api/admin/events").then().statusCode(200).body("id", not(hasItem((int) id)));
        assertEquals(EventStatus.DRAFT, event(id).status);
    }

    // ---------------------------------------------------------------- admin API

    @Test
    void theAdminApiCreatesUpdatesAndPublishesLikeThePages() {
        AdminClient client = organiser();
        String slug = slug("api");
        String start = LocalDateTime.of(DAY, java.time.LocalTime.of(10, 0)).atZone(Dates.AMSTERDAM)
                .toOffsetDateTime().toString();
        String end = LocalDateTime.of(DAY, java.time.LocalTime.of(12, 0)).atZone(Dates.AMSTERDAM)
                .toOffsetDateTime().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisationSlug", "platform31");
        body.put("slug", slug);
        body.put("title", "Via de API");
        body.put("format", "ONLINE");
        body.put("start", start);
        body.put("end", end);
        body.put("joinUrl", "https://teams.example.org/l/abc");
        body.put("titleEn", "Through the API");
        body.put("capacity", 40);
        Response created = client.request().contentType(ContentType.JSON).body(body).post("/api/admin/events");
        assertEquals(201, created.statusCode(), created.asString());
        int id = created.jsonPath().getInt("id");
        created.then().body("status", equalTo("DRAFT")).body("joinUrl", equalTo("https://teams.example.org/l/abc"))
                .body("titleEn", equalTo("Through the API")).body("unlisted", equalTo(false));

        Map<String, Object> read = client.request().get("/api/admin/events/" + id).then().statusCode(200).extract()
                .jsonPath().getMap("$");
        read.put("summary", "Bijgewerkt via de API");
        read.put("capacity", 50);
        client.request().contentType(ContentType.JSON).body(read).put("/api/admin/events/" + id).then()
                .statusCode(200).body("summary", equalTo("Bijgewerkt via de API")).body("capacity", equalTo(50));

        // A change through the session cookie must show it comes from a script, not a cross-site form.
        client.request().header("X-Requested-With", "fetch").post("/api/admin/events/" + id + "/publish").then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        given().get("/api/events/" + slug).then().statusCode(200).body("title", equalTo("Via de API"))
                .body("$", not(hasKey("joinUrl")));
        client.request().get("/api/admin/events").then().statusCode(200).body("id", hasItem(id));
        client.request().contentType(ContentType.JSON).body("{\"message\":\"Gaat niet door\"}")
                .post("/api/admin/events/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void theAdminApiSetsAndShowsTheOnlinePlacesOfAHybridEvent() {
        AdminClient client = organiser();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisationSlug", "platform31");
        body.put("slug", slug("api-hybride"));
        body.put("title", "Hybride via de API");
        body.put("format", "HYBRID");
        body.put("start", LocalDateTime.of(DAY, java.time.LocalTime.of(13, 0)).atZone(Dates.AMSTERDAM)
                .toOffsetDateTime().toString());
        body.put("end", LocalDateTime.of(DAY, java.time.LocalTime.of(15, 0)).atZone(Dates.AMSTERDAM)
                .toOffsetDateTime().toString());
        body.put("venue", Map.of("name", "Stadskantoor", "address", "Stationsplein 1", "city", "Utrecht"));
        body.put("joinUrl", "https://teams.example.org/l/hybride");
        body.put("capacity", 30);
        body.put("onlineCapacity", 100);
        Response created = client.request().contentType(ContentType.JSON).body(body).post("/api/admin/events");
        assertEquals(201, created.statusCode(), created.asString());
        int id = created.jsonPath().getInt("id");
        created.then().body("capacity", equalTo(30)).body("onlineCapacity", equalTo(100))
                .body("attendanceModes.onSite.capacity", equalTo(30))
                .body("attendanceModes.online.capacity", equalTo(100))
                .body("attendanceModes.online.placesLeft", equalTo(100));

        Map<String, Object> read = client.request().get("/api/admin/events/" + id).then().statusCode(200).extract()
                .jsonPath().getMap("$");
        read.put("onlineCapacity", 120);
        client.request().contentType(ContentType.JSON).body(read).put("/api/admin/events/" + id).then()
                .statusCode(200).body("onlineCapacity", equalTo(120)).body("capacity", equalTo(30));
        read.put("onlineCapacity", null);
        client.request().contentType(ContentType.JSON).body(read).put("/api/admin/events/" + id).then()
                .statusCode(200).body("onlineCapacity", nullValue())
                .body("attendanceModes.online.capacity", nullValue()).body("capacity", equalTo(30));
    }

    @Test
    void theAdminApiAnswers422WithAMessagePerField() {
        AdminClient client = organiser();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisationSlug", "platform31");
        body.put("slug", "Geen Goede Slug");
        body.put("format", "ONLINE");
        body.put("start", "2027-03-01T12:00:00+01:00");
        body.put("end", "2027-03-01T10:00:00+01:00");
        body.put("joinUrl", "ftp://example.org");
        client.request().contentType(ContentType.JSON).body(body).post("/api/admin/events").then().statusCode(422)
                .contentType(ContentType.JSON)
                .body("status", equalTo(422))
                .body("message", equalTo("Niet alle velden zijn goed ingevuld."))
                .body("errors.title", equalTo("Vul dit veld in."))
                .body("errors.end", equalTo("Het einde moet na het begin liggen."))
                .body("errors.joinUrl", containsString("https://"))
                .body("errors.slug", containsString("kleine letters"));
    }

    @Test
    void theOpenApiDocumentDescribesWhatTheAdminApiAnswers() {
        io.restassured.path.json.JsonPath document = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> paths = document.getMap("paths");
        assertTrue(paths.keySet().containsAll(List.of("/api/admin/events", "/api/admin/events/{eventId}",
                "/api/admin/events/{eventId}/publish", "/api/admin/events/{eventId}/cancel")), paths.keySet().toString());
        java.util.Set<String> documented = document.<String, Object>getMap("components.schemas.AdminEvent.properties")
                .keySet();
        AdminClient client = organiser();
        long id = create(client, validForm(slug("openapi")));
        Map<String, Object> answer = client.request().get("/api/admin/events/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertTrue(documented.containsAll(answer.keySet()), "undocumented: " + answer.keySet());
        assertNotNull(document.get("paths.'/api/admin/events'.post.responses.422"));
    }
}
