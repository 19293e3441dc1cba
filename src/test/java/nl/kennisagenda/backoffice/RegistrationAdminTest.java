package nl.kennisagenda.backoffice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import nl.kennisagenda.registration.admin.RegistrationQueries;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.RegistrationHistory;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;

/**
 * The registrations of an event in the back-office: list, detail with history ("by whom"), adding by hand with an
 * explicit overbook, moving between sessions, exports, check-in, and who may do what. Events are fresh test events
 * moved into organisation platform31, whose demo organiser is logged in.
 */
@QuarkusTest
class RegistrationAdminTest {

    private static final String ORGANISER = "platform31@example.org";
    private static final String OUTSIDER = "vilans@example.org";
    private static final String OBSERVER = "meelezer-reg-" + System.nanoTime() + "@example.org";
    private static final Locale NL = Locale.forLanguageTag("nl");

    @Inject
    RegistrationService service;

    @BeforeAll
    static void createObserver() {
        BackofficeLoginTest.createAccount(OBSERVER, Role.OBSERVER, "platform31");
    }

    @AfterAll
    static void removeObserver() {
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>list("email", OBSERVER).forEach(Account::delete));
    }

    // ---------------------------------------------------------------- list

    @Test
    void theListFindsPeopleByNameEmailOrOrganisationAndFiltersByStatusAndSession() {
        TestEvents.Created event = platform31Event("lijst", 2, 10, 10);
        signUp(event, "Ada", "Lovelace", mail("ada"), "Analytical Engines BV", 0);
        String bram = mail("bram");
        signUp(event, "Bram", "Bakker", bram, "Gemeente Zwolle", 1);
        signUp(event, "Cor", "Claassen", mail("cor"), "Gemeente Zwolle", 0);
        AdminClient organiser = organiser();
        String list = "/admin/events/" + event.id() + "/registrations";

        organiser.get(list + "?q=lovelace").then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("Ada Lovelace")).body(not(containsString("Bram Bakker")));
        organiser.get(list + "?q=" + bram.substring(0, 12)).then().statusCode(200)
                .body(containsString("Bram Bakker")).body(not(containsString("Ada Lovelace")));
        organiser.get(list + "?q=zwolle").then().statusCode(200)
                .body(containsString("Bram Bakker")).body(containsString("Cor Claassen"))
                .body(not(containsString("Ada Lovelace")));
        organiser.get(list + "?status=WAITLISTED").then().statusCode(200)
                .body(containsString("Cor Claassen")).body(not(containsString("Ada Lovelace")));
        organiser.get(list + "?session=" + event.sessionIds().get(1)).then().statusCode(200)
                .body(containsString("Bram Bakker")).body(not(containsString("Ada Lovelace")));
        // Counts by status and per session.
        String page = organiser.get(list).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<th scope=\"row\">Sessie A</th><td>1</td><td>1 / 10</td><td>1</td>"), page);
    }

    @Test
    void noShowsAreVisibleAsConfirmedPeopleWhoWereNotCheckedIn() {
        TestEvents.Created event = platform31Event("noshow", null);
        long present = signUp(event, "Pieter", "Present", mail("p"), null, -1);
        signUp(event, "Nina", "Noshow", mail("n"), null, -1);
        AdminClient organiser = organiser();
        organiser.post().post("/admin/events/" + event.id() + "/registrations/" + present + "/checkin")
                .then().statusCode(303);
        organiser.get("/admin/events/" + event.id() + "/registrations?presence=absent").then().statusCode(200)
                .body(containsString("Nina Noshow")).body(not(containsString("Pieter Present")));
    }

    // ---------------------------------------------------------------- detail and history

    @Test
    void theDetailShowsAnswersHistoryByWhomAndTheMailsSent() {
        TestEvents.Created event = platform31Event("historie", 1);
        long first = signUp(event, "Fien", "Eerst", mail("fien"), "Vilans", -1);
        long second = signUp(event, "Gijs", "Tweede", mail("gijs"), null, -1);
        AdminClient organiser = organiser();
        organiser.post().post("/admin/events/" + event.id() + "/registrations/" + first + "/cancel")
                .then().statusCode(303);

        String name = QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(ORGANISER).orElseThrow().name);
        organiser.get("/admin/events/" + event.id() + "/registrations/" + first).then().statusCode(200)
                .body(containsString("Fien Eerst"))
                .body(containsString("Vilans"))
                .body(containsString("Aangemeld met plek</th>\n    <td>de deelnemer zelf</td>"))
                .body(containsString("Geannuleerd</th>\n    <td>" + name + "</td>"))
                // The kinds of mail by their names in the page's language (the mail log's labels).
                .body(containsString("<th scope=\"row\">bevestiging</th>"))
                .body(containsString("<th scope=\"row\">afmelding</th>"));
        // The person on the waiting list was promoted automatically when the place came free: by the system.
        organiser.get("/admin/events/" + event.id() + "/registrations/" + second).then().statusCode(200)
                .body(containsString("Van de wachtlijst geplaatst</th>\n    <td>automatisch</td>"));
        List<RegistrationHistory> history = history(first);
        assertEquals(List.of(Change.CONFIRMED, Change.CANCELLED), history.stream().map(h -> h.change).toList());
    }

    // ---------------------------------------------------------------- add by hand

    @Test
    void addingByHandIsRefusedWhenFullUnlessOverbookIsTickedAndTheOverbookIsLogged() {
        TestEvents.Created event = platform31Event("handmatig", 1);
        signUp(event, "Vol", "Zaal", mail("vol"), null, -1);
        AdminClient organiser = organiser();
        organiser.get("/admin/events/" + event.id() + "/registrations/new").then().statusCode(200);
        String email = mail("extra");

        organiser.post().formParam("firstName", "Extra").formParam("lastName", "Gast").formParam("email", email)
                .formParam("organisation", "Gastorganisatie").post("/admin/events/" + event.id() + "/registrations")
                .then().statusCode(409).body(containsString("toch plaatsen boven de capaciteit"));
        assertEquals(null, TestEvents.registration(event.id(), email));

        Response added = organiser.post().formParam("firstName", "Extra").formParam("lastName", "Gast")
                .formParam("email", email).formParam("organisation", "Gastorganisatie").formParam("overbook", "true")
                .post("/admin/events/" + event.id() + "/registrations");
        assertEquals(303, added.statusCode(), added.asString());
        Registration registration = TestEvents.registration(event.id(), email);
        assertEquals(RegistrationStatus.CONFIRMED, registration.status);
        TestEvents.Counts counts = TestEvents.counts(event.id());
        assertEquals(2, counts.confirmedCounter());
        assertEquals(2, counts.confirmedRows());
        RegistrationHistory line = history(registration.id).get(0);
        assertTrue(line.detail.contains("overbooked"), line.detail);
        assertEquals(Role.ORGANISER, QuarkusTransaction.requiringNew().call(
                () -> Account.<Account>findById(line.accountId).role));
        organiser.get(added.header("Location").replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .body(containsString("overbooked"));
    }

    @Test
    void addingByHandWithInvalidFieldsReshowsTheFormWith422() {
        TestEvents.Created event = platform31Event("ongeldig", null);
        organiser().post().formParam("firstName", "Zonder").formParam("email", "geen-adres")
                .post("/admin/events/" + event.id() + "/registrations")
                .then().statusCode(422).body(containsString("error-summary"));
    }

    // ---------------------------------------------------------------- move

    @Test
    void movingBetweenSessionsRespectsTheSessionCapacityAndKeepsCountersExact() {
        TestEvents.Created event = platform31Event("verplaatsen", null, 1, 1);
        long a = signUp(event, "Anna", "InA", mail("a"), null, 0);
        signUp(event, "Bert", "InB", mail("b"), null, 1);
        long sessionA = event.sessionIds().get(0);
        long sessionB = event.sessionIds().get(1);
        AdminClient organiser = organiser();
        String move = "/admin/events/" + event.id() + "/registrations/" + a + "/move";

        organiser.post().formParam("from", sessionA).formParam("to", sessionB).post(move)
                .then().statusCode(409).body(containsString("Die sessie is vol."));
        assertEquals(1, TestEvents.sessionCounts(sessionA).confirmedCounter());

        QuarkusTransaction.requiringNew().run(() -> ProgrammeItem.<ProgrammeItem>findById(sessionB).capacity = 2);
        organiser.post().formParam("from", sessionA).formParam("to", sessionB).post(move).then().statusCode(303);
        TestEvents.Counts inA = TestEvents.sessionCounts(sessionA);
        TestEvents.Counts inB = TestEvents.sessionCounts(sessionB);
        assertEquals(0, inA.confirmedCounter());
        assertEquals(0, inA.confirmedRows());
        assertEquals(2, inB.confirmedCounter());
        assertEquals(2, inB.confirmedRows());
    }

    // ---------------------------------------------------------------- exports

    @Test
    void aHybridEventsListShowsAndFiltersTheModeAndItsCsvHasAModeColumn() {
        TestEvents.Created event = TestEvents.createHybrid("hybride-lijst", 10, null);
        TestEvents.change(event.id(), e -> e.organisation = Organisation.findBySlug("platform31").orElseThrow());
        signUpInMode(event, "Olga", "Online", mail("olga"), nl.kennisagenda.event.AttendanceMode.ONLINE);
        signUpInMode(event, "Piet", "Plaats", mail("piet"), nl.kennisagenda.event.AttendanceMode.ON_SITE);
        AdminClient organiser = organiser();
        String list = "/admin/events/" + event.id() + "/registrations";

        String page = organiser.get(list).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<th scope=\"row\">Op locatie</th><td>1 / 10</td><td>0</td><td>0</td>"), page);
        assertTrue(page.contains("<th scope=\"row\">Online</th><td>1</td><td>0</td><td>0</td>"), page);
        organiser.get(list + "?mode=ONLINE").then().statusCode(200)
                .body(containsString("Olga Online")).body(not(containsString("Piet Plaats")))
                .body(containsString("<option value=\"ONLINE\" selected>Online</option>"));
        organiser.get("/admin/events/" + event.id() + "/checkin").then().statusCode(200)
                .body(containsString("Op locatie: 0 / 1 · Online: 0 / 1"))
                .body(containsString("<span class=\"checkin-mode\">Online</span>"));

        Response response = organiser().request().get(list + ".csv");
        assertEquals(200, response.statusCode());
        String text = new String(response.asByteArray(), StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        List<String> header = List.of(lines[0].split(";"));
        int modeColumn = header.indexOf("\"Deelname\"");
        assertTrue(modeColumn >= 0, lines[0]);
        String olga = java.util.Arrays.stream(lines).filter(line -> line.contains("Olga")).findFirst().orElseThrow();
        String piet = java.util.Arrays.stream(lines).filter(line -> line.contains("Piet")).findFirst().orElseThrow();
        assertEquals("\"Online\"", olga.split(";")[modeColumn], olga);
        assertEquals("\"Op locatie\"", piet.split(";")[modeColumn], piet);
    }

    private void signUpInMode(TestEvents.Created event, String first, String last, String email,
            nl.kennisagenda.event.AttendanceMode mode) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        values.put("firstName", List.of(first));
        values.put("lastName", List.of(last));
        values.put("email", List.of(email));
        values.put("organisation", List.of("Testorganisatie"));
        values.put("attendanceMode", List.of(mode.name()));
        service.signUp(event.slug(), new SignupInput(values, List.of(), false), NL);
    }

    @Test
    void theCsvHasABomSemicolonsOneColumnPerFieldAndNeutralisedFormulas() {
        TestEvents.Created event = platform31Event("csv", null, 10);
        signUp(event, "Eva", "=HYPERLINK(\"http://evil.example\")", mail("eva"), "+31 Zorg; \"West\"", 0);
        Response response = organiser().request().get("/admin/events/" + event.id() + "/registrations.csv");
        assertEquals(200, response.statusCode());
        assertTrue(response.header("Content-Disposition").startsWith("attachment; filename="),
                response.header("Content-Disposition"));
        byte[] bytes = response.asByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertEquals(2, lines.length, text);
        List<String> header = List.of(lines[0].split(";"));
        // Standard form: first name, last name, e-mail, organisation, role, privacy consent (if any), sessions.
        int formFields = QuarkusTransaction.requiringNew().call(() -> nl.kennisagenda.registration.service.SignupValidator
                .effectiveFields(Event.findById(event.id())).size());
        assertEquals(formFields + 4, header.size(), lines[0]);
        assertTrue(header.contains("\"Voornaam\""), lines[0]);
        assertTrue(header.contains("\"Deelsessie\"") || header.contains("\"Sessies\""), lines[0]);
        assertTrue(lines[1].contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""), lines[1]);
        assertTrue(lines[1].contains("\"'+31 Zorg; \"\"West\"\"\""), lines[1]);
        assertTrue(lines[1].contains("\"Sessie A\""), lines[1]);
    }

    @Test
    void theXlsxOpensWithAHeaderAndOneRowPerRegistration() throws Exception {
        TestEvents.Created event = platform31Event("xlsx", null);
        signUp(event, "Xander", "Excel", mail("x"), "Platform31", -1);
        signUp(event, "Yara", "Yes", mail("y"), null, -1);
        Response response = observer().request().get("/admin/events/" + event.id() + "/registrations.xlsx");
        assertEquals(200, response.statusCode());
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            Sheet sheet = workbook.getFirstSheet();
            List<List<String>> rows = new ArrayList<>();
            sheet.openStream().forEach(row -> {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell == null ? "" : cell.getRawValue()));
                rows.add(cells);
            });
            assertEquals(3, rows.size(), rows.toString());
            assertEquals("Voornaam", rows.get(0).get(0));
            assertEquals(List.of("Xander", "Excel"), rows.get(1).subList(0, 2));
            assertEquals(List.of("Yara", "Yes"), rows.get(2).subList(0, 2));
        }
    }

    @Test
    void thePresenceListNamesTheConfirmedPeopleWithASignatureColumn() {
        TestEvents.Created event = platform31Event("presentie", 1);
        signUp(event, "Hanna", "Hier", mail("h"), "Vilans", -1);
        signUp(event, "Wouter", "Wacht", mail("w"), null, -1);
        organiser().get("/admin/events/" + event.id() + "/presence").then().statusCode(200)
                .body(containsString("Hier, Hanna")).body(containsString("Handtekening"))
                .body(not(containsString("Wacht, Wouter")));
    }

    // ---------------------------------------------------------------- check-in

    @Test
    void checkInIsIdempotentFromTwoDevicesAndCanBeUndone() {
        TestEvents.Created event = platform31Event("inchecken", null);
        String tim = mail("tim");
        long id = signUp(event, "Tim", "Tablet", tim, null, -1);
        AdminClient tablet = organiser();
        AdminClient phone = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        String checkin = "/admin/events/" + event.id() + "/checkin";

        tablet.get(checkin + "?q=tab").then().statusCode(200).body(containsString("Tablet, Tim"));
        tablet.get(checkin + "?q=niemand").then().statusCode(200).body(not(containsString("Tablet, Tim")));
        tablet.post().post(checkin + "/" + id).then().statusCode(303);
        phone.get(checkin);
        phone.post().header("X-Requested-With", "fetch").post(checkin + "/" + id).then().statusCode(200)
                .body("checkedIn", equalTo(1)).body("confirmed", equalTo(1));
        assertEquals(1, history(id).stream().filter(h -> h.change == Change.CHECKED_IN).count());
        tablet.get(checkin + "/counts").then().statusCode(200).body("checkedIn", equalTo(1))
                .body("notYet", equalTo(0));

        tablet.post().formParam("undo", "true").post(checkin + "/" + id).then().statusCode(303);
        tablet.get(checkin + "/counts").then().statusCode(200).body("checkedIn", equalTo(0));
        assertFalse(TestEvents.registration(event.id(), tim).isCheckedIn());
    }

    @Test
    void theAdminApiListsRegistrationsAndChecksInAndOut() {
        TestEvents.Created event = platform31Event("api", null);
        long id = signUp(event, "Api", "Persoon", mail("api"), "Vilans", -1);
        AdminClient organiser = organiser();
        String base = "/api/admin/events/" + event.id() + "/registrations";
        organiser.request().get(base).then().statusCode(200)
                .body("[0].lastName", equalTo("Persoon")).body("[0].status", equalTo("CONFIRMED"));
        organiser.request().get(base + ".csv").then().statusCode(200).body(containsString("\"Persoon\""));
        organiser.request().header("X-Requested-With", "fetch").post(base + "/" + id + "/checkin").then().statusCode(200)
                .body("checkedIn", equalTo(true)).body("changed", equalTo(true)).body("present", equalTo(1));
        organiser.request().header("X-Requested-With", "fetch").post(base + "/" + id + "/checkin").then().statusCode(200)
                .body("changed", equalTo(false)).body("present", equalTo(1));
        organiser.request().header("X-Requested-With", "fetch").delete(base + "/" + id + "/checkin").then().statusCode(200)
                .body("checkedIn", equalTo(false)).body("present", equalTo(0));
        observer().request().header("X-Requested-With", "fetch").post(base + "/" + id + "/checkin").then().statusCode(403).body("status", equalTo(403));
        AdminClient.loggedIn(OUTSIDER, AdminClient.DEMO_PASSWORD).request().get(base).then().statusCode(403);
    }

    @Test
    void theOpenApiDocumentDescribesTheAdminRegistrationApiWithItsErrors() {
        io.restassured.path.json.JsonPath document = io.restassured.RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String checkin = "paths.'/api/admin/events/{eventId}/registrations/{registrationId}/checkin'";
        assertEquals(java.util.Set.of("200", "401", "403", "404", "409"),
                document.getMap(checkin + ".post.responses").keySet());
        assertTrue(document.getString(checkin + ".post.responses.'403'.content.'application/json'.schema.$ref")
                .endsWith("/ApiError"));
        assertTrue(document.getString("paths.'/api/admin/events/{eventId}/registrations'.get.responses.'200'"
                + ".content.'application/json'.schema.items.$ref").endsWith("/AdminRegistration"));
        assertTrue(document.getMap("paths").containsKey("/api/admin/events/{eventId}/registrations.csv"));
    }

    // ---------------------------------------------------------------- access

    @Test
    void anObserverReadsAndExportsButChangesNothing() {
        TestEvents.Created event = platform31Event("meelezer", null);
        String olga = mail("olga");
        long id = signUp(event, "Olga", "Observed", olga, null, -1);
        AdminClient observer = observer();
        observer.get("/admin/events/" + event.id() + "/registrations").then().statusCode(200)
                .body(containsString("Olga Observed")).body(not(containsString("Iemand toevoegen")));
        observer.get("/admin/events/" + event.id() + "/registrations/" + id).then().statusCode(200)
                .body(not(containsString("Aanmelding annuleren")));
        observer.request().get("/admin/events/" + event.id() + "/registrations.csv").then().statusCode(200);
        observer.post().post("/admin/events/" + event.id() + "/registrations/" + id + "/cancel").then().statusCode(403);
        observer.post().post("/admin/events/" + event.id() + "/checkin/" + id).then().statusCode(403);
        observer.get("/admin/events/" + event.id() + "/registrations/new").then().statusCode(403);
        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), olga).status);
    }

    @Test
    void anOrganiserOfAnotherOrganisationIsRefused() {
        TestEvents.Created event = platform31Event("buiten", null);
        String geheim = mail("geheim");
        long id = signUp(event, "Geheim", "Persoon", geheim, null, -1);
        AdminClient outsider = AdminClient.loggedIn(OUTSIDER, AdminClient.DEMO_PASSWORD);
        outsider.get("/admin/events/" + event.id() + "/registrations").then().statusCode(403);
        outsider.get("/admin/events/" + event.id() + "/registrations/" + id).then().statusCode(403);
        outsider.request().get("/admin/events/" + event.id() + "/registrations.csv").then().statusCode(403);
        outsider.post().post("/admin/events/" + event.id() + "/registrations/" + id + "/cancel").then().statusCode(403);
        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), geheim).status);
    }

    @Test
    void aRegistrationOfAnotherEventIsNotFoundUnderThisOne() {
        TestEvents.Created one = platform31Event("een", null);
        TestEvents.Created other = platform31Event("ander", null);
        long id = signUp(other, "Elders", "Persoon", mail("elders"), null, -1);
        organiser().get("/admin/events/" + one.id() + "/registrations/" + id).then().statusCode(404);
        organiser().post().post("/admin/events/" + one.id() + "/registrations/" + id + "/cancel").then().statusCode(404);
    }

    // ---------------------------------------------------------------- helpers

    static TestEvents.Created platform31Event(String name, Integer capacity, Integer... sessions) {
        TestEvents.Created event = TestEvents.create(name, capacity, sessions);
        TestEvents.change(event.id(), e -> e.organisation = Organisation.findBySlug("platform31").orElseThrow());
        return event;
    }

    /** Signs up through the service like a visitor; session index -1 for none. */
    @Test
    void aLongListIsPagedWithPreviousAndNextLinks() {
        TestEvents.Created event = platform31Event("pagina", null);
        for (int i = 0; i < RegistrationQueries.PAGE_SIZE + 1; i++) {
            signUp(event, "Persoon", "Nummer" + i, mail("pagina-" + i), "Vilans", -1);
        }
        String base = "/admin/events/" + event.id() + "/registrations";
        String first = organiser().get(base).asString();
        assertTrue(first.contains("rel=\"next\"") && !first.contains("rel=\"prev\""), "page 1 links on only");
        assertTrue(first.contains("Pagina 1 van 2"));
        String second = organiser().get(base + "?page=2").asString();
        assertTrue(second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""), "page 2 links back only");
        assertTrue(second.contains("Pagina 2 van 2"));
    }

    long signUp(TestEvents.Created event, String first, String last, String email, String organisation,
            int session) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        values.put("firstName", List.of(first));
        values.put("lastName", List.of(last));
        values.put("email", List.of(email));
        values.put("organisation", List.of(organisation == null ? "Testorganisatie" : organisation));
        List<String> sessions = session < 0 ? List.of() : List.of(event.sessionIds().get(session).toString());
        service.signUp(event.slug(), new SignupInput(values, sessions, false), NL);
        return TestEvents.registration(event.id(), email).id;
    }

    static List<RegistrationHistory> history(long registrationId) {
        return QuarkusTransaction.requiringNew().call(() -> RegistrationHistory.of(registrationId));
    }

    static String mail(String name) {
        return name + "-" + Long.toString(System.nanoTime(), 36) + "@example.org";
    }

    AdminClient organiser() {
        return AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
    }

    AdminClient observer() {
        return AdminClient.loggedIn(OBSERVER, "een-lang-wachtwoord");
    }
}
