package nl.kennisagenda.backoffice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.audit.AuditEntry;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.backoffice.service.Dashboards;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.RegistrationHistory;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.registration.admin.AttendanceTickets;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;

/**
 * Attendance after an online event (docs/attendance.md): a participant list uploaded, checked and confirmed, and
 * presence ticked by hand, through HTTP as the organiser of platform31 does it; the outcome read from the database,
 * the audit log and the dashboard.
 */
@QuarkusTest
class AttendanceTest {

    private static final String ORGANISER = "platform31@example.org";
    private static final String OBSERVER = "meelezer-att-" + System.nanoTime() + "@example.org";
    private static final Pattern TICKET = Pattern.compile("name=\"ticket\" value=\"([^\"]+)\"");

    @Inject
    RegistrationService service;

    @Inject
    Dashboards dashboards;

    @Inject
    AttendanceTickets tickets;

    @BeforeAll
    static void createObserver() {
        BackofficeLoginTest.createAccount(OBSERVER, Role.OBSERVER, "platform31");
    }

    @AfterAll
    static void removeObserver() {
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>list("email", OBSERVER).forEach(Account::delete));
    }

    /** An event of platform31 with four confirmed people (Cor already checked in) and Eva on the waiting list. */
    record Webinar(TestEvents.Created event, long ada, long bram, long cor, long fien, long eva, String adaMail,
            String bramMail, String corMail, String evaMail) {
    }

    @Test
    void aParticipantListIsCheckedFirstThenConfirmedAndMarksTheMatchedPeoplePresent() {
        Webinar w = webinarThatHasTakenPlace("deelnemerslijst");
        AdminClient organiser = organiser();
        String stranger = mail("onbekend");
        String csv = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n"
                + "Ada Lovelace, " + w.adaMail().toUpperCase(Locale.ROOT) + " ,10:00,11:00,60,No\r\n"
                + "\"Bakker, Bram\"," + w.bramMail() + ",10:01,11:00,59,No\r\n"
                + "Cor Claassen," + w.corMail() + ",10:02,11:00,58,No\r\n"
                + "Eva Evers," + w.evaMail() + ",10:03,11:00,57,No\r\n"
                + "Onbekende Gast," + stranger + ",10:04,11:00,56,Yes\r\n"
                + "Telefoon zonder adres,,10:05,11:00,55,Yes\r\n";

        Response preview = upload(organiser, w.event().id(), "deelnemers.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertEquals(200, preview.statusCode(), preview.asString());
        XmlPath page = new XmlPath(XmlPath.CompatibilityMode.HTML, preview.asString());
        assertEquals("2", text(page, "count-to-mark"));
        assertEquals("1", text(page, "count-already"));
        assertEquals("1", text(page, "count-not-registered"));
        assertEquals("1", text(page, "count-without-address"));
        assertEquals("1", text(page, "count-not-confirmed"));
        // The unmatched row is listed with its name and address from the file; the row without one by name.
        assertTrue(text(page, "not-registered").contains("Onbekende Gast"), text(page, "not-registered"));
        assertTrue(text(page, "not-registered").contains(stranger), text(page, "not-registered"));
        assertTrue(text(page, "without-address").contains("Telefoon zonder adres"));
        assertTrue(preview.asString().contains("Eva Evers (" + w.evaMail() + ")"), preview.asString());
        // Nothing changed before the confirmation.
        assertNull(registration(w.ada()).checkedInAt);

        organiser.post().formParam("ticket", ticket(preview)).post(attendance(w) + "/import").then().statusCode(303)
                .header("Location", containsString("done=imported&marked=2"));

        Instant start = QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(w.event().id()).startsAt);
        String name = QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(ORGANISER).orElseThrow().name);
        for (long id : List.of(w.ada(), w.bram())) {
            Registration marked = registration(id);
            assertEquals(start.truncatedTo(ChronoUnit.SECONDS), marked.checkedInAt.truncatedTo(ChronoUnit.SECONDS));
            assertEquals("list upload by " + name, marked.checkedInBy);
            RegistrationHistory line = history(id).get(history(id).size() - 1);
            assertEquals(Change.CHECKED_IN, line.change);
            assertEquals("participant list", line.detail);
        }
        assertNotNull(registration(w.cor()).checkedInAt);
        assertFalse(registration(w.cor()).checkedInBy.startsWith("list upload"), "Cor's own check-in is kept");
        assertNull(registration(w.eva()).checkedInAt);
        assertNull(registration(w.fien()).checkedInAt);
        organiser.get(attendance(w) + "?done=imported&marked=2").then().statusCode(200)
                .body(containsString("2 personen als aanwezig gemarkeerd."))
                .body(containsString("Aanwezig: 3 van 4 bevestigde aanmeldingen"));
    }

    @Test
    void theImportLeavesAnAuditEntryAndOnePerPersonMarked() {
        Webinar w = webinarThatHasTakenPlace("audit");
        AdminClient organiser = organiser();
        Response preview = upload(organiser, w.event().id(), "teams.csv",
                ("Email;Naam\n" + w.adaMail() + ";Ada\n" + w.bramMail() + ";Bram\n").getBytes(StandardCharsets.UTF_8));
        organiser.post().formParam("ticket", ticket(preview)).post(attendance(w) + "/import").then().statusCode(303);

        List<AuditEntry> entries = audit(w.event().id());
        AuditEntry imported = entries.stream().filter(e -> e.action.equals(AuditLog.ATTENDANCE_IMPORTED)).findFirst()
                .orElseThrow(() -> new AssertionError("no import entry in " + entries));
        assertTrue(imported.detail.startsWith("attendance list imported (2 marked present): teams.csv"),
                imported.detail);
        List<String> perPerson = entries.stream()
                .filter(e -> e.action.equals(AuditLog.REGISTRATION + Change.CHECKED_IN.name()))
                .map(e -> e.detail).filter(d -> d.endsWith(": participant list")).toList();
        assertEquals(2, perPerson.size(), entries.toString());
        assertTrue(perPerson.stream().anyMatch(d -> d.startsWith(w.adaMail())), perPerson.toString());
        assertTrue(perPerson.stream().anyMatch(d -> d.startsWith(w.bramMail())), perPerson.toString());
    }

    @Test
    void theDashboardCountsAgreeWithTheImport() {
        Webinar w = webinarThatHasTakenPlace("dashboard");
        AdminClient organiser = organiser();
        Response preview = upload(organiser, w.event().id(), "lijst.csv",
                ("e-mail\n" + w.adaMail() + "\n" + w.bramMail() + "\n").getBytes(StandardCharsets.UTF_8));
        organiser.post().formParam("ticket", ticket(preview)).post(attendance(w) + "/import").then().statusCode(303);

        Dashboards.EventStats stats = QuarkusTransaction.requiringNew().call(() -> dashboards
                .event(Actor.of(Account.findByEmail(ORGANISER).orElseThrow()), w.event().id(), Locale.ROOT)
                .orElseThrow());
        // Ada, Bram (the list) and Cor (checked in before) of four confirmed: one no-show in four.
        assertEquals(3, stats.checkedIn());
        assertEquals(75, stats.checkInPercent());
        assertEquals(25, stats.noShowPercent());
        organiser.get("/admin/events/" + w.event().id() + "/registrations?presence=absent").then().statusCode(200)
                .body(containsString("Fien")).body(not(containsString("Bram Bakker")));
    }

    @Test
    void aChangedOrForeignTicketIsRefusedAndChangesNothing() {
        Webinar w = webinarThatHasTakenPlace("vervalst");
        Webinar other = webinarThatHasTakenPlace("ander");
        AdminClient organiser = organiser();
        String ticket = ticket(upload(organiser, w.event().id(), "lijst.csv",
                ("email\n" + w.adaMail() + "\n").getBytes(StandardCharsets.UTF_8)));
        String changed = ticket.substring(0, 10) + (ticket.charAt(10) == 'A' ? 'B' : 'A') + ticket.substring(11);

        organiser.post().formParam("ticket", changed).post(attendance(w) + "/import").then().statusCode(409)
                .body(containsString("upload het bestand opnieuw"));
        organiser.post().formParam("ticket", ticket).post(attendance(other) + "/import").then().statusCode(409);
        // Another account (the administrator may change every event) cannot use the organiser's check either.
        AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD).post().formParam("ticket", ticket)
                .post(attendance(w) + "/import").then().statusCode(409);
        assertNull(registration(w.ada()).checkedInAt);
    }

    @Test
    void aCheckIsValidForItsEventAndAccountUntilItExpires() {
        Instant now = Instant.now();
        String ticket = tickets.issue(new AttendanceTickets.Ticket(7, 8, now.plus(Duration.ofHours(1)), List.of(1L, 2L),
                3, "lijst.csv"));

        assertEquals(List.of(1L, 2L), tickets.read(ticket, 7, 8, now).orElseThrow().registrationIds());
        assertEquals("lijst.csv", tickets.read(ticket, 7, 8, now).orElseThrow().fileName());
        assertTrue(tickets.read(ticket, 7, 8, now.plus(Duration.ofHours(2))).isEmpty(), "expired");
        assertTrue(tickets.read(ticket, 6, 8, now).isEmpty(), "another event");
        assertTrue(tickets.read(ticket, 7, 9, now).isEmpty(), "another account");
        assertTrue(tickets.read(ticket.replace('.', 'x'), 7, 8, now).isEmpty(), "no signature");
    }

    @Test
    void uploadingBeforeTheEventHasStartedIsRefusedWithAClearMessage() {
        TestEvents.Created event = RegistrationAdminTest.platform31Event("toekomst", null);
        String ada = mail("ada");
        long id = signUp(event, "Ada", "Lovelace", ada);
        AdminClient organiser = organiser();
        String path = "/admin/events/" + event.id() + "/attendance";

        organiser.get(path).then().statusCode(200).body(containsString("zodra de bijeenkomst begonnen is"))
                .body(not(containsString("name=\"file\"")));
        upload(organiser, event.id(), "lijst.csv", ("email\n" + ada + "\n").getBytes(StandardCharsets.UTF_8))
                .then().statusCode(409).body(containsString("Deze bijeenkomst is nog niet begonnen."));
        organiser.post().formParam("shown", id).formParam("present", id).post(path).then().statusCode(409);
        assertNull(registration(id).checkedInAt);
    }

    @Test
    void aFileThatIsNoParticipantListIsRefusedAndTheFormShownAgain() {
        Webinar w = webinarThatHasTakenPlace("onleesbaar");
        AdminClient organiser = organiser();

        upload(organiser, w.event().id(), "lijst.xlsx", new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0 }).then()
                .statusCode(422).body(containsString("Sla de lijst in Excel op als CSV"))
                .body(containsString("aria-invalid=\"true\"")).body(containsString("name=\"file\""));
        upload(organiser, w.event().id(), "namen.csv", "Naam\nAda\n".getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(422).body(containsString("geen kolom met e-mailadressen"));
        organiser.request().redirects().follow(false).multiPart("_csrf", organiser.csrf)
                .post(attendance(w) + "/upload").then().statusCode(422)
                .body(containsString("Kies het bestand met de deelnemerslijst."));
        assertTrue(audit(w.event().id()).stream().noneMatch(e -> e.action.startsWith("ATTENDANCE")));
    }

    @Test
    void presenceIsTickedByHandForTheListedPeopleOnlyAndAudited() {
        Webinar w = webinarThatHasTakenPlace("hand");
        AdminClient organiser = organiser();
        String path = attendance(w);
        organiser.get(path).then().statusCode(200).body(containsString("id=\"p-" + w.ada() + "\""))
                .body(not(containsString("id=\"p-" + w.eva() + "\"")));

        // Ada ticked, Bram left unticked, Cor (present) unticked; Fien was not on the (filtered) page.
        organiser.post().formParam("shown", w.ada(), w.bram(), w.cor()).formParam("present", w.ada()).post(path)
                .then().statusCode(303).header("Location", containsString("done=saved&marked=1&other=1"));

        assertNotNull(registration(w.ada()).checkedInAt);
        assertNull(registration(w.bram()).checkedInAt);
        assertNull(registration(w.cor()).checkedInAt);
        assertNull(registration(w.fien()).checkedInAt);
        AuditEntry entry = audit(w.event().id()).stream().filter(e -> e.action.equals(AuditLog.ATTENDANCE_BY_HAND))
                .findFirst().orElseThrow();
        assertEquals("attendance by hand: 1 marked present, 1 marked absent", entry.detail);
        assertEquals(Change.CHECK_IN_UNDONE, history(w.cor()).get(history(w.cor()).size() - 1).change);

        organiser.get(path + "?presence=present").then().statusCode(200)
                .body(containsString("id=\"p-" + w.ada() + "\"")).body(not(containsString("id=\"p-" + w.bram() + "\"")));
        organiser.get(path + "?q=bakker").then().statusCode(200)
                .body(containsString("id=\"p-" + w.bram() + "\"")).body(not(containsString("id=\"p-" + w.ada() + "\"")));
    }

    @Test
    void anObserverSeesTheListButCannotUploadOrSave() {
        Webinar w = webinarThatHasTakenPlace("meelezer");
        AdminClient observer = AdminClient.loggedIn(OBSERVER, "een-lang-wachtwoord");
        observer.get(attendance(w)).then().statusCode(200).body(containsString("Lovelace, Ada"))
                .body(not(containsString("name=\"file\""))).body(not(containsString("name=\"present\"")));
        upload(observer, w.event().id(), "lijst.csv", ("email\n" + w.adaMail() + "\n").getBytes(StandardCharsets.UTF_8))
                .then().statusCode(403);
        observer.post().formParam("shown", w.ada()).formParam("present", w.ada()).post(attendance(w)).then()
                .statusCode(403);
        assertNull(registration(w.ada()).checkedInAt);
    }

    // ---------------------------------------------------------------- helpers

    private Webinar webinarThatHasTakenPlace(String name) {
        TestEvents.Created event = RegistrationAdminTest.platform31Event(name, 4);
        String ada = mail("ada");
        String bram = mail("bram");
        String cor = mail("cor");
        String eva = mail("eva");
        long adaId = signUp(event, "Ada", "Lovelace", ada);
        long bramId = signUp(event, "Bram", "Bakker", bram);
        long corId = signUp(event, "Cor", "Claassen", cor);
        long fienId = signUp(event, "Fien", "Vergeten", mail("fien"));
        long evaId = signUp(event, "Eva", "Evers", eva);
        assertEquals(RegistrationStatus.WAITLISTED, registration(evaId).status);
        AdminClient organiser = organiser();
        organiser.get("/admin/events/" + event.id() + "/checkin");
        organiser.post().post("/admin/events/" + event.id() + "/checkin/" + corId).then().statusCode(303);
        TestEvents.change(event.id(), e -> {
            e.startsAt = Instant.now().minus(Duration.ofHours(3));
            e.endsAt = Instant.now().minus(Duration.ofHours(1));
        });
        return new Webinar(event, adaId, bramId, corId, fienId, evaId, ada, bram, cor, eva);
    }

    private static Response upload(AdminClient client, long eventId, String fileName, byte[] body) {
        client.get("/admin/events/" + eventId + "/attendance");
        return client.request().redirects().follow(false).multiPart("_csrf", client.csrf == null ? "" : client.csrf)
                .multiPart("file", fileName, body, "text/csv").post("/admin/events/" + eventId + "/attendance/upload");
    }

    private static String ticket(Response preview) {
        Matcher matcher = TICKET.matcher(preview.asString());
        assertTrue(matcher.find(), preview.asString());
        return matcher.group(1);
    }

    private static String attendance(Webinar w) {
        return "/admin/events/" + w.event().id() + "/attendance";
    }

    private long signUp(TestEvents.Created event, String first, String last, String email) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        values.put("firstName", List.of(first));
        values.put("lastName", List.of(last));
        values.put("email", List.of(email));
        values.put("organisation", List.of("Testorganisatie"));
        service.signUp(event.slug(), new SignupInput(values, List.of(), false), Locale.forLanguageTag("nl"));
        return TestEvents.registration(event.id(), email).id;
    }

    private static Registration registration(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(id));
    }

    private static List<RegistrationHistory> history(long registrationId) {
        return QuarkusTransaction.requiringNew().call(() -> RegistrationHistory.of(registrationId));
    }

    private static List<AuditEntry> audit(long eventId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("eventId = ?1 order by id",
                eventId));
    }

    private static String text(XmlPath page, String id) {
        return page.getString("**.find { it.@id == '" + id + "' }").strip();
    }

    private static String mail(String name) {
        return name + "-att-" + Long.toString(System.nanoTime(), 36) + "@example.org";
    }

    private static AdminClient organiser() {
        return AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
    }
}
