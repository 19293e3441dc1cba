package nl.kennisagenda.backoffice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.audit.AuditEntry;
import nl.kennisagenda.backoffice.service.EventEditing;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;

/**
 * The audit log: what organisers do to registrations, downloads, log-ins and account changes each leave an entry with
 * who did it; the page {@code /admin/audit} shows administrators everything and others only their organisations'.
 */
@QuarkusTest
class AuditLogTest {

    private static final String ORGANISER = "platform31@example.org";
    private static final String OUTSIDER = "vilans@example.org";
    private static final String ADMIN = "admin@example.org";
    private static final String OBSERVER = "meelezer-audit-" + System.nanoTime() + "@example.org";
    private static final String CHANGED = "rol-audit-" + System.nanoTime() + "@example.org";

    @Inject
    RegistrationService service;

    @Inject
    EventEditing editing;

    @BeforeAll
    static void createAccounts() {
        BackofficeLoginTest.createAccount(OBSERVER, Role.OBSERVER, "platform31");
        BackofficeLoginTest.createAccount(CHANGED, Role.OBSERVER, "platform31");
    }

    @AfterAll
    static void removeAccounts() {
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>list("email in ?1", List.of(OBSERVER, CHANGED))
                .forEach(Account::delete));
    }

    @Test
    void anOrganisersAddingCancellingAndCheckingInAreRecordedWithTheOrganiserAsActor() {
        TestEvents.Created event = RegistrationAdminTest.platform31Event("audit-acties", 10);
        String visitor = RegistrationAdminTest.mail("bezoeker");
        long self = signUp(event, visitor);
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        long organiserId = accountId(ORGANISER);

        String added = RegistrationAdminTest.mail("handmatig");
        organiser.get("/admin/events/" + event.id() + "/registrations/new").then().statusCode(200);
        organiser.post().formParam("firstName", "Hand").formParam("lastName", "Werk").formParam("email", added)
                .formParam("organisation", "Testorganisatie").post("/admin/events/" + event.id() + "/registrations")
                .then().statusCode(303);
        long addedId = TestEvents.registration(event.id(), added).id;
        organiser.post().post("/admin/events/" + event.id() + "/checkin/" + addedId).then().statusCode(303);
        organiser.post().formParam("undo", "true").post("/admin/events/" + event.id() + "/checkin/" + addedId)
                .then().statusCode(303);
        organiser.post().post("/admin/events/" + event.id() + "/registrations/" + self + "/cancel")
                .then().statusCode(303);

        List<AuditEntry> entries = entries(event.id());
        for (String action : List.of("REGISTRATION_CONFIRMED", "REGISTRATION_CHECKED_IN",
                "REGISTRATION_CHECK_IN_UNDONE", "REGISTRATION_CANCELLED")) {
            AuditEntry entry = find(entries, action).orElseThrow(() -> new AssertionError(action + " in " + entries));
            assertEquals(ActedBy.Kind.ORGANISER, entry.actorKind, action);
            assertEquals(organiserId, entry.accountId, action);
            assertEquals(platform31(), entry.organisationId, action);
        }
        assertTrue(find(entries, "REGISTRATION_CANCELLED").orElseThrow().detail.contains(visitor));
        // The visitor's own sign-up is in the registration history, not in the audit log.
        assertEquals(1, entries.stream().filter(e -> e.action.equals("REGISTRATION_CONFIRMED")).count());
    }

    @Test
    void downloadingTheCsvIsRecorded() {
        TestEvents.Created event = RegistrationAdminTest.platform31Event("audit-export", 10);
        AdminClient observer = AdminClient.loggedIn(OBSERVER, "een-lang-wachtwoord");
        observer.request().get("/admin/events/" + event.id() + "/registrations.csv").then().statusCode(200);

        AuditEntry entry = find(entries(event.id()), "EXPORTED").orElseThrow();
        assertEquals("CSV", entry.detail);
        assertEquals(accountId(OBSERVER), entry.accountId);
    }

    @Test
    void aFailedLogInIsRecordedWithTheAddressTriedButNeverThePassword() {
        String tried = RegistrationAdminTest.mail("onbekend");
        String password = "geheim-" + System.nanoTime();
        AdminClient.atLoginPage().login(tried, password);

        List<AuditEntry> failed = QuarkusTransaction.requiringNew().call(
                () -> AuditEntry.<AuditEntry>list("action = ?1 and actorName = ?2", "LOGIN_FAILED", tried));
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).detail.contains(tried), failed.get(0).detail);
        assertFalse(failed.get(0).detail.contains(password));
        assertEquals(null, failed.get(0).organisationId);
        AdminClient.loggedIn(ADMIN, AdminClient.DEMO_PASSWORD).get("/admin/audit?action=LOGIN_FAILED&who=" + tried)
                .then().statusCode(200).body(containsString(tried)).body(not(containsString(password)));
        // Log-ins belong to no organisation: an organiser does not see them.
        // (the filter field shows the typed address back, so the test looks for the empty result)
        AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD).get("/admin/audit?who=" + tried)
                .then().statusCode(200).body(containsString("Geen regels gevonden."));
    }

    @Test
    void aRoleChangeIsRecordedWithTheAdministratorAsActorForAdministratorsOnly() {
        long changed = accountId(CHANGED);
        long platform31 = platform31();
        AdminClient admin = AdminClient.loggedIn(ADMIN, AdminClient.DEMO_PASSWORD);
        admin.get("/admin/accounts/" + changed).then().statusCode(200);
        admin.post().formParam("name", "Rol Wissel").formParam("role", "ORGANISER")
                .formParam("organisation", Long.toString(platform31)).formParam("active", "on")
                .post("/admin/accounts/" + changed).then().statusCode(303);

        AuditEntry entry = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "action = ?1 and detail like ?2", "ACCOUNT_CHANGED", CHANGED + "%")).get(0);
        assertEquals(accountId(ADMIN), entry.accountId);
        assertTrue(entry.detail.contains("OBSERVER") && entry.detail.contains("-> " + CHANGED + " ORGANISER"),
                entry.detail);
        admin.get("/admin/audit?action=ACCOUNT_CHANGED").then().statusCode(200).body(containsString(CHANGED));
        AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD).get("/admin/audit")
                .then().statusCode(200).body(not(containsString(CHANGED)));
    }

    @Test
    void anObserverSeesTheirOrganisationsEntriesAndAnOutsiderDoesNot() {
        TestEvents.Created event = RegistrationAdminTest.platform31Event("audit-zicht", 10);
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.request().get("/admin/events/" + event.id() + "/registrations.xlsx").then().statusCode(200);
        String title = QuarkusTransaction.requiringNew()
                .call(() -> nl.kennisagenda.event.Event.<nl.kennisagenda.event.Event>findById(event.id()).title);

        AdminClient.loggedIn(OBSERVER, "een-lang-wachtwoord").get("/admin/audit?action=EXPORTED")
                .then().statusCode(200).body(containsString(title)).body(containsString("XLSX"));
        AdminClient.loggedIn(OUTSIDER, AdminClient.DEMO_PASSWORD).get("/admin/audit?action=EXPORTED")
                .then().statusCode(200).body(not(containsString(title)));
        AdminClient.loggedIn(ADMIN, AdminClient.DEMO_PASSWORD).get("/admin/audit?action=EXPORTED")
                .then().statusCode(200).body(containsString(title));
    }

    @Test
    void anEditNamesTheFieldsThatChanged() {
        TestEvents.Created event = RegistrationAdminTest.platform31Event("audit-bewerkt", 10);
        nl.kennisagenda.account.Actor organiser = QuarkusTransaction.requiringNew()
                .call(() -> nl.kennisagenda.account.Actor.of(Account.findByEmail(ORGANISER).orElseThrow()));
        nl.kennisagenda.backoffice.service.EventInput was = QuarkusTransaction.requiringNew().call(() -> EventEditing
                .inputOf(nl.kennisagenda.event.Event.findById(event.id())));
        nl.kennisagenda.backoffice.service.EventInput now = new nl.kennisagenda.backoffice.service.EventInput(
                was.slug(), was.title() + " (herzien)", was.titleEn(), "Een nieuwe samenvatting", was.summaryEn(),
                was.description(), was.descriptionEn(), was.themes(), was.format(), was.startsAt(), was.endsAt(),
                was.venueName(), was.venueAddress(), was.venueCity(), was.onlinePlatform(), was.joinUrl(),
                was.audience(), was.audienceEn(), was.outcomes(), was.outcomesEn(), was.contactName(),
                was.contactRole(), was.contactEmail(), was.capacity(), was.signupOpensAt(), was.signupClosesAt(),
                was.partners(), was.unlisted(), was.requiresApproval(), new nl.kennisagenda.backoffice.service.PracticalInput(
                        "25", null, null, "nl", null, null, false, false, null, null, "Lopen vanaf het station.", null,
                        null, null, null, null));
        editing.update(organiser, event.id(), now, true);

        AuditEntry entry = find(entries(event.id()), "UPDATED").orElseThrow();
        assertEquals("title, summary, cost, routeInfo", entry.detail);
        assertEquals(accountId(ORGANISER), entry.accountId);
    }

    @Test
    void anUnreadableDateIsABadRequest() {
        AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD).get("/admin/audit?from=gisteren")
                .then().statusCode(400);
    }

    // ---------------------------------------------------------------- helpers

    long signUp(TestEvents.Created event, String email) {
        service.signUp(event.slug(), new SignupInput(Map.of("firstName", List.of("Zelf"), "lastName",
                List.of("Aanmelder"), "email", List.of(email), "organisation", List.of("Testorganisatie")),
                List.of(), false), Locale.forLanguageTag("nl"));
        return TestEvents.registration(event.id(), email).id;
    }

    static List<AuditEntry> entries(long eventId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.ofEvent(eventId, 100));
    }

    static Optional<AuditEntry> find(List<AuditEntry> entries, String action) {
        return entries.stream().filter(e -> e.action.equals(action)).findFirst();
    }

    static long platform31() {
        return QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug("platform31").orElseThrow().id);
    }

    static long accountId(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).orElseThrow().id);
    }
}
