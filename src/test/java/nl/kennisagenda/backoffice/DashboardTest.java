package nl.kennisagenda.backoffice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.event.AttendanceMode;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;

/**
 * The dashboards show what the database holds: a fresh platform31 event with five sign-ups (one on the waiting
 * list), one checked in and one cancelled; the page, the CSV and the organisation dashboard are compared with counts
 * taken straight from the registrations table.
 */
@QuarkusTest
class DashboardTest {

    private static final String ORGANISER = "platform31@example.org";
    private static final String OUTSIDER = "vilans@example.org";
    private static final String OBSERVER = "meelezer-dash-" + System.nanoTime() + "@example.org";

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

    @Test
    void theEventDashboardShowsTheNumbersOfTheDatabase() {
        Scenario s = scenario("cijfers");
        XmlPath page = new XmlPath(XmlPath.CompatibilityMode.HTML,
                s.organiser.get("/admin/events/" + s.event.id() + "/dashboard").then().statusCode(200)
                        .header("Cache-Control", "no-store").extract().asString());

        assertEquals(5L, rows(s.event.id(), null));
        assertEquals(String.valueOf(rows(s.event.id(), null)), text(page, "dash-signups"));
        assertEquals(String.valueOf(rows(s.event.id(), RegistrationStatus.CONFIRMED)), text(page, "dash-confirmed"));
        assertEquals("4", text(page, "dash-confirmed"));
        assertEquals("100%", text(page, "dash-fill"));
        assertEquals(String.valueOf(rows(s.event.id(), RegistrationStatus.WAITLISTED)), text(page, "dash-waitlisted"));
        assertEquals(String.valueOf(rows(s.event.id(), RegistrationStatus.CANCELLED)), text(page, "dash-cancelled"));
        assertEquals("1", text(page, "dash-cancelled"));
        assertEquals("1", text(page, "dash-checkedin"));
        assertEquals("25%", text(page, "dash-checkin-rate"));
        assertEquals("1 / 4 (25%)", text(page, "dash-newsletter"));
        String html = page.prettify();
        assertTrue(html.contains("role=\"img\"") || html.contains("role='img'"), "the chart is an image with a name");
        // Top organisations: "Gemeente Zwolle" twice (spelt differently), counted as one.
        assertEquals("2", page.getString("**.find { it.@id == 'orgs-table' }.tbody.tr[0].td[0]"));
        assertEquals("Gemeente Zwolle", page.getString("**.find { it.@id == 'orgs-table' }.tbody.tr[0].th"));
    }

    @Test
    void aHybridEventShowsItsPlacesPerAttendanceMode() {
        TestEvents.Created event = TestEvents.createHybrid("dash-hybride", 2, 3);
        TestEvents.change(event.id(), e -> e.organisation = Organisation.find("slug", "platform31").firstResult());
        for (String name : List.of("ada", "bram", "cor")) {
            service.signUp(event.slug(), hybridInput(mail(name), AttendanceMode.ON_SITE), Locale.forLanguageTag("nl"));
        }
        service.signUp(event.slug(), hybridInput(mail("dirk"), AttendanceMode.ONLINE), Locale.forLanguageTag("nl"));

        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        XmlPath page = new XmlPath(XmlPath.CompatibilityMode.HTML,
                organiser.get("/admin/events/" + event.id() + "/dashboard").then().statusCode(200).extract()
                        .asString());
        // Both modes' places together: 3 of 5 confirmed; the third on-site sign-up waits.
        assertEquals("60%", text(page, "dash-fill"));
        assertEquals(List.of("5", "3", "1", "60%"), fillRow(page, "Hele bijeenkomst"));
        assertEquals(List.of("2", "2", "1", "100%"), fillRow(page, "Op locatie"));
        assertEquals(List.of("3", "1", "0", "33%"), fillRow(page, "Online"));
        String csv = new String(organiser.request().get("/admin/events/" + event.id() + "/dashboard.csv").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\"Maximum\";\"Online\";\"3\"\r\n"), csv);
        assertTrue(csv.contains("\"Wachtlijst\";\"Op locatie\";\"1\"\r\n"), csv);
    }

    private static List<String> fillRow(XmlPath page, String part) {
        String row = "**.find { it.@id == 'fill-table' }.tbody.tr.find { it.th.text().trim() == '" + part + "' }";
        return page.getList(row + ".td", String.class).stream().map(String::strip).toList();
    }

    private static SignupInput hybridInput(String email, AttendanceMode mode) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("firstName", List.of("Hybride"));
        values.put("lastName", List.of("Dashboard"));
        values.put("email", List.of(email));
        values.put("organisation", List.of("Gemeente Middelburg"));
        values.put("attendanceMode", List.of(mode.name()));
        return new SignupInput(values, List.of(), false);
    }

    @Test
    void theCsvHoldsTheSameNumbersWithABomAndSemicolons() {
        Scenario s = scenario("csv");
        byte[] body = s.organiser.request().get("/admin/events/" + s.event.id() + "/dashboard.csv").then()
                .statusCode(200).header("Content-Type", containsString("text/csv")).extract().asByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"), "UTF-8 BOM");
        assertTrue(csv.contains("\"Aanmeldingen\";\"\";\"5\"\r\n"), csv);
        assertTrue(csv.contains("\"Bevestigd\";\"\";\"4\"\r\n"), csv);
        assertTrue(csv.contains("\"Geannuleerd\";\"\";\"1\"\r\n"), csv);
        assertTrue(csv.contains("\"Aanwezig (ingecheckt)\";\"\";\"1\"\r\n"), csv);
        assertTrue(csv.contains("\"Organisatie\";\"Gemeente Zwolle\";\"2\"\r\n"), csv);
    }

    @Test
    void theOrganisationDashboardShowsAttendanceAndNoShowsOfPastEvents() {
        Scenario s = scenario("terugblik");
        TestEvents.change(s.event.id(), e -> {
            e.startsAt = Instant.now().minus(Duration.ofDays(2));
            e.endsAt = e.startsAt.plus(Duration.ofHours(3));
        });
        XmlPath page = new XmlPath(XmlPath.CompatibilityMode.HTML,
                s.organiser.get("/admin/organisations/platform31/dashboard").then().statusCode(200)
                        .header("Cache-Control", "no-store").extract().asString());
        String row = "**.find { it.name() == 'tr' && it.th.a.@href == '/admin/events/" + s.event.id()
                + "/dashboard' }";
        assertEquals("5", page.getString(row + ".td[1]"));
        assertEquals("4", page.getString(row + ".td[2]"));
        assertEquals("1", page.getString(row + ".td[3]"));
        assertEquals("75%", page.getString(row + ".td[4]"));

        XmlPath event = new XmlPath(XmlPath.CompatibilityMode.HTML,
                s.organiser.get("/admin/events/" + s.event.id() + "/dashboard").then().statusCode(200).extract()
                        .asString());
        assertEquals("75%", text(event, "dash-noshow-rate"));
    }

    @Test
    void anObserverMayReadAndAnOutsiderMayNot() {
        TestEvents.Created event = RegistrationAdminTest.platform31Event("dash-toegang", null);
        AdminClient observer = AdminClient.loggedIn(OBSERVER, "een-lang-wachtwoord");
        observer.get("/admin/events/" + event.id() + "/dashboard").then().statusCode(200);
        observer.request().get("/admin/events/" + event.id() + "/dashboard.csv").then().statusCode(200);
        observer.get("/admin/organisations/platform31/dashboard").then().statusCode(200);
        AdminClient outsider = AdminClient.loggedIn(OUTSIDER, AdminClient.DEMO_PASSWORD);
        outsider.get("/admin/events/" + event.id() + "/dashboard").then().statusCode(403);
        outsider.request().get("/admin/events/" + event.id() + "/dashboard.csv").then().statusCode(403);
        outsider.get("/admin/organisations/platform31/dashboard").then().statusCode(403);
        outsider.get("/admin/organisations/platform31/dashboard").then().body(org.hamcrest.Matchers.not(
                containsString("dash-toegang")));
        observer.get("/admin/events/999999999/dashboard").then().statusCode(equalTo(404));
    }

    // ---------------------------------------------------------------- fixture

    record Scenario(TestEvents.Created event, AdminClient organiser) {
    }

    /** Capacity 4; five sign-ups (the fifth waits); Ada is checked in; Eva (waiting, newsletter) cancels. */
    private Scenario scenario(String name) {
        TestEvents.Created event = RegistrationAdminTest.platform31Event("dash-" + name, 4, 10);
        long ada = signUp(event, "Ada", mail("ada"), "Gemeente Zwolle", true);
        signUp(event, "Bram", mail("bram"), "gemeente zwolle ", false);
        signUp(event, "Cor", mail("cor"), "Vilans", false);
        signUp(event, "Dirk", mail("dirk"), "Testorganisatie", false);
        long eva = signUp(event, "Eva", mail("eva"), "Gemeente Zwolle", true);
        assertEquals(RegistrationStatus.WAITLISTED, QuarkusTransaction.requiringNew().call(
                () -> Registration.<Registration>findById(eva).status));
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/events/" + event.id() + "/registrations").then().statusCode(200);
        organiser.post().post("/admin/events/" + event.id() + "/registrations/" + ada + "/checkin").then()
                .statusCode(303);
        organiser.post().post("/admin/events/" + event.id() + "/registrations/" + eva + "/cancel").then()
                .statusCode(303);
        return new Scenario(event, organiser);
    }

    private long signUp(TestEvents.Created event, String first, String email, String organisation,
            boolean newsletter) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("firstName", List.of(first));
        values.put("lastName", List.of("Dashboard"));
        values.put("email", List.of(email));
        values.put("organisation", List.of(organisation));
        service.signUp(event.slug(), new SignupInput(values, List.of(event.sessionIds().get(0).toString()),
                newsletter), Locale.forLanguageTag("nl"));
        return TestEvents.registration(event.id(), email).id;
    }

    private static long rows(long eventId, RegistrationStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> status == null
                ? Registration.count("event.id", eventId)
                : Registration.count("event.id = ?1 and status = ?2", eventId, status));
    }

    private static String text(XmlPath page, String id) {
        return page.getString("**.find { it.@id == '" + id + "' }").strip();
    }

    private static String mail(String name) {
        return name + "-dash-" + System.nanoTime() + "@example.org";
    }
}
