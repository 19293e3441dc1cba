package nl.kennisagenda.backoffice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.MailTestData;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;
import nl.kennisagenda.web.Receipts;

/**
 * "Aanmelding onder voorbehoud": sign-ups to an event that requires approval wait as PENDING, take no place, get
 * their own mail; the organiser approves (a place, or the waiting list when full, with the normal mails) or
 * declines (its own mail).
 */
@QuarkusTest
class ApprovalEventTest {

    private static final Locale NL = Locale.forLanguageTag("nl");

    @Inject
    RegistrationService service;

    @Inject
    MailTestData mails;

    @Inject
    Receipts receipts;

    @Test
    void theOrganiserSwitchesApprovalOnAndOffOnTheRegistrationsPage() {
        TestEvents.Created event = RegistrationAdminTest.platform31Event("schakelaar", null);
        AdminClient organiser = AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/events/" + event.id() + "/registrations").then().statusCode(200);
        organiser.post().formParam("requiresApproval", "true")
                .post("/admin/events/" + event.id() + "/registrations/approval").then().statusCode(303);
        assertTrue(requiresApproval(event.id()));
        organiser.post().formParam("requiresApproval", "false")
                .post("/admin/events/" + event.id() + "/registrations/approval").then().statusCode(303);
        assertEquals(false, requiresApproval(event.id()));
    }

    @Test
    void aPendingSignUpTakesNoPlaceAndGetsItsOwnMail() {
        TestEvents.Created event = approvalEvent("wachtend", 1);
        String email = RegistrationAdminTest.mail("wacht");
        assertEquals(RegistrationStatus.PENDING, signUp(event, email));

        TestEvents.Counts counts = TestEvents.counts(event.id());
        assertEquals(0, counts.confirmedCounter());
        assertEquals(0, counts.waitlistedCounter());
        Registration registration = TestEvents.registration(event.id(), email);
        assertEquals(RegistrationStatus.PENDING, registration.status);
        OutboxMail mail = mails.onlyMailFor(registration.id);
        assertEquals(MailKind.REGISTRATION_PENDING, mail.kind);
        assertTrue(mail.subject.startsWith("Aanmelding ontvangen: "), mail.subject);
        assertTrue(mail.textBody.contains("de organisator elke aanmelding"), mail.textBody);
        assertTrue(!mail.textBody.contains("Je bent aangemeld."), mail.textBody);
    }

    @Test
    void approvingGivesAPlaceWithTheConfirmationAndDecliningSendsItsOwnMail() {
        TestEvents.Created event = approvalEvent("beoordelen", 1);
        String yes = RegistrationAdminTest.mail("ja");
        String no = RegistrationAdminTest.mail("nee");
        signUp(event, yes);
        signUp(event, no);
        long yesId = TestEvents.registration(event.id(), yes).id;
        long noId = TestEvents.registration(event.id(), no).id;
        AdminClient organiser = AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/events/" + event.id() + "/registrations/" + yesId).then().statusCode(200)
                .body(containsString("Goedkeuren"));

        organiser.post().post("/admin/events/" + event.id() + "/registrations/" + yesId + "/approve")
                .then().statusCode(303);
        organiser.post().post("/admin/events/" + event.id() + "/registrations/" + noId + "/decline")
                .then().statusCode(303);

        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), yes).status);
        assertEquals(RegistrationStatus.DECLINED, TestEvents.registration(event.id(), no).status);
        assertEquals(1, TestEvents.counts(event.id()).confirmedCounter());
        List<OutboxMail> yesMails = mails.mailsFor(yesId);
        assertEquals(List.of(MailKind.REGISTRATION_PENDING, MailKind.CONFIRMATION),
                yesMails.stream().map(m -> m.kind).toList());
        OutboxMail declined = mails.mailsFor(noId).get(1);
        assertEquals(MailKind.REGISTRATION_DECLINED, declined.kind);
        assertTrue(declined.subject.startsWith("Aanmelding niet geaccepteerd: "), declined.subject);
        // Approving twice is refused: it is no longer pending.
        organiser.post().post("/admin/events/" + event.id() + "/registrations/" + yesId + "/approve")
                .then().statusCode(409);
    }

    @Test
    void approvingWhenFullPutsThePersonOnTheWaitingListWithTheWaitingListMail() {
        TestEvents.Created event = approvalEvent("vol", 1);
        String first = RegistrationAdminTest.mail("eerste");
        String second = RegistrationAdminTest.mail("tweede");
        signUp(event, first);
        signUp(event, second);
        long firstId = TestEvents.registration(event.id(), first).id;
        long secondId = TestEvents.registration(event.id(), second).id;
        nl.kennisagenda.account.Actor organiser = QuarkusTransaction.requiringNew().call(() -> nl.kennisagenda.account.Actor
                .of(nl.kennisagenda.account.Account.findByEmail("platform31@example.org").orElseThrow()));

        service.approve(organiser, event.id(), firstId);
        service.approve(organiser, event.id(), secondId);

        assertEquals(RegistrationStatus.WAITLISTED, TestEvents.registration(event.id(), second).status);
        TestEvents.Counts counts = TestEvents.counts(event.id());
        assertEquals(1, counts.confirmedCounter());
        assertEquals(1, counts.waitlistedCounter());
        assertEquals(MailKind.WAITING_LIST, mails.mailsFor(secondId).get(1).kind);
        // When the confirmed person cancels, the approved one on the waiting list moves up as usual.
        service.cancelByOrganiser(organiser, event.id(), firstId);
        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), second).status);
    }

    @Test
    void theApiAndTheResultPageSayPendingHonestly() {
        TestEvents.Created event = approvalEvent("eerlijk", null);
        given().contentType("application/json").header("Accept-Language", "nl")
                .body(Map.of("firstName", "Api", "lastName", "Aanvrager", "email", RegistrationAdminTest.mail("api"),
                        "organisation", "Gemeente"))
                .post("/api/events/" + event.slug() + "/registrations")
                .then().statusCode(201).body("status", equalTo("PENDING"))
                .body("message", containsString("beoordeelt"));
        String receipt = receipts.issue(event.id(), RegistrationStatus.PENDING);
        given().header("Accept-Language", "nl").queryParam("r", receipt)
                .get("/events/" + event.slug() + "/registered")
                .then().statusCode(200).body("html.head.title", containsString("Aanmelding ontvangen"))
                .body(containsString("Je hebt nog geen plek"));
    }

    private static TestEvents.Created approvalEvent(String name, Integer capacity) {
        TestEvents.Created event = RegistrationAdminTest.platform31Event(name, capacity);
        TestEvents.change(event.id(), e -> e.requiresApproval = true);
        return event;
    }

    private RegistrationStatus signUp(TestEvents.Created event, String email) {
        return service.signUp(event.slug(), new SignupInput(Map.of("firstName", List.of("Voor"), "lastName",
                List.of("Behoud"), "email", List.of(email), "organisation", List.of("Testorganisatie")), List.of(),
                false), NL).status();
    }

    private static boolean requiresApproval(long eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(eventId).requiresApproval);
    }
}
