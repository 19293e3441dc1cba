package nl.kennisagenda.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.registration.service.RegistrationService;

@QuarkusTest
class ManageRegistrationTest {

    private static final Locale NL = Locale.forLanguageTag("nl");

    @Inject
    RegistrationService service;

    private static String mail(String name) {
        return name + "-" + System.nanoTime() + "@example.org";
    }

    @Test
    void theManagePageShowsStatusAnswersSessionsAndCalendarLinks() {
        TestEvents.Created event = TestEvents.create("beheer", 10, 5, 5);
        String email = mail("beheer");
        service.signUp(event.slug(), RegistrationServiceTest.input(email, event.sessionIds().get(0)), NL);
        Registration registration = TestEvents.registration(event.id(), email);

        given().get("/registrations/" + registration.token).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("<h1>Je aanmelding</h1>"))
                .body(containsString("Aangemeld"))
                .body(containsString("Gemeente Utrecht"))
                .body(containsString("Sessie A"))
                .body(containsString("/events/" + event.slug() + ".ics\""))
                .body(containsString("/calendar/" + registration.attendee.calendarToken + ".ics\""))
                .body(containsString("value=\"" + email + "\" maxlength=\"254\" autocomplete=\"email\""))
                .body(containsString("readonly"));
    }

    @Test
    void anUnknownTokenIs404AndRevealsNothing() {
        given().get("/registrations/not-a-real-token").then().statusCode(404)
                .body(containsString("Deze link hoort niet bij een aanmelding"))
                .body(not(containsString("<h1>Je aanmelding</h1>")))
                .body(not(containsString("Status")));
        given().get("/registrations/" + "x".repeat(500)).then().statusCode(404);
    }

    @Test
    void answersAndSessionsCanBeChanged() {
        TestEvents.Created event = TestEvents.create("wijzig", 10, 5, 5);
        String email = mail("wijzig");
        service.signUp(event.slug(), RegistrationServiceTest.input(email, event.sessionIds().get(0)), NL);
        String token = TestEvents.registration(event.id(), email).token;
        FormClient browser = FormClient.open("/registrations/" + token);

        browser.post().formParam("firstName", "Anne").formParam("lastName", "de Vries").formParam("email", "other@example.org")
                .formParam("organisation", "Gemeente Zeist").formParam("session-round-1", event.sessionIds().get(1))
                .post("/registrations/" + token)
                .then().statusCode(303).header("Location", containsString("/registrations/" + token + "?saved=true"));

        Registration changed = TestEvents.registration(event.id(), email);
        assertEquals("Anne", changed.firstName);
        assertEquals(email, changed.email, "the address cannot be changed here");
        assertEquals("Gemeente Zeist", changed.organisationName);
        assertEquals(event.sessionIds().get(1), changed.sessions.iterator().next().id);
        assertEquals(new TestEvents.Counts(0, 0, 0, 0), TestEvents.sessionCounts(event.sessionIds().get(0)));
        assertEquals(new TestEvents.Counts(1, 0, 1, 0), TestEvents.sessionCounts(event.sessionIds().get(1)));
        browser.get("/registrations/" + token + "?saved=true").then().body(containsString("Je wijzigingen zijn opgeslagen."));
    }

    @Test
    void anInvalidChangeIs422WithTheFormAgain() {
        TestEvents.Created event = TestEvents.create("wijzig-fout", 10);
        String email = mail("fout");
        service.signUp(event.slug(), RegistrationServiceTest.input(email), NL);
        String token = TestEvents.registration(event.id(), email).token;
        FormClient browser = FormClient.open("/registrations/" + token);

        browser.post().formParam("firstName", "").formParam("lastName", "Nieuw").formParam("organisation", "X")
                .post("/registrations/" + token)
                .then().statusCode(422)
                .body(containsString("<a href=\"#field-firstName\">Voornaam: Vul dit veld in.</a>"))
                .body(containsString("value=\"Nieuw\""));
        assertEquals("Anna", TestEvents.registration(event.id(), email).firstName);
    }

    @Test
    void cancellingAsksFirstThenFreesThePlaceForTheWaitingList() {
        TestEvents.Created event = TestEvents.create("annuleer", 1);
        String holder = mail("holder");
        String waiting = mail("waiting");
        service.signUp(event.slug(), RegistrationServiceTest.input(holder), NL);
        service.signUp(event.slug(), RegistrationServiceTest.input(waiting), NL);
        String token = TestEvents.registration(event.id(), holder).token;

        FormClient browser = FormClient.open("/registrations/" + token + "/cancel");
        browser.get("/registrations/" + token + "/cancel").then().statusCode(200)
                .body(containsString("Weet je zeker dat je je aanmelding"))
                .body(containsString("Ja, annuleer mijn aanmelding"));
        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), holder).status,
                "opening the confirmation page cancels nothing");

        browser.post().post("/registrations/" + token + "/cancel").then().statusCode(303);

        assertEquals(RegistrationStatus.CANCELLED, TestEvents.registration(event.id(), holder).status);
        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), waiting).status);
        browser.get("/registrations/" + token + "?cancelled=true").then().statusCode(200)
                .body(containsString("Geannuleerd"))
                .body(containsString("Je aanmelding is geannuleerd."))
                .body(not(containsString("Aanmelding annuleren</a>")));
    }

    @Test
    void theCancellationPagesClaimNoWaitingListAndOfferToSignUpAgainWhileSignUpIsOpen() {
        TestEvents.Created event = TestEvents.create("annuleer-eerlijk", 10);
        String email = mail("eerlijk");
        service.signUp(event.slug(), RegistrationServiceTest.input(email), NL);
        String token = TestEvents.registration(event.id(), email).token;

        FormClient browser = FormClient.open("/registrations/" + token + "/cancel");
        browser.get("/registrations/" + token + "/cancel").then().statusCode(200)
                .body(containsString("Je plek komt dan vrij voor iemand anders."))
                .body(not(containsString("wachtlijst")));
        browser.post().post("/registrations/" + token + "/cancel").then().statusCode(303);

        browser.get("/registrations/" + token + "?cancelled=true").then().statusCode(200)
                .body(containsString("Je aanmelding is geannuleerd."))
                .body(not(containsString("wachtlijst")))
                .body(containsString("kun je je opnieuw aanmelden."))
                .body(containsString("<a href=\"/events/" + event.slug() + "\">Opnieuw aanmelden</a>"));

        TestEvents.change(event.id(), e -> e.signupClosesAt = java.time.Instant.now().minusSeconds(60));
        browser.get("/registrations/" + token).then().statusCode(200)
                .body(containsString("Geannuleerd"))
                .body(not(containsString("Opnieuw aanmelden")));
    }

    @Test
    void aWaitlistedPersonIsToldTheyLeaveTheWaitingListNotThatTheyFreeAPlace() {
        TestEvents.Created event = TestEvents.create("annuleer-wachtend", 1);
        service.signUp(event.slug(), RegistrationServiceTest.input(mail("vast")), NL);
        String waiting = mail("wachtend");
        service.signUp(event.slug(), RegistrationServiceTest.input(waiting), NL);
        String token = TestEvents.registration(event.id(), waiting).token;

        given().get("/registrations/" + token + "/cancel").then().statusCode(200)
                .body(containsString("Je staat dan niet meer op de wachtlijst."))
                .body(not(containsString("Je plek komt dan vrij")));
    }

    @Test
    void cancellingWithoutTheCsrfTokenIsRefused() {
        TestEvents.Created event = TestEvents.create("annuleer-csrf", 1);
        String email = mail("csrf");
        service.signUp(event.slug(), RegistrationServiceTest.input(email), NL);
        String token = TestEvents.registration(event.id(), email).token;
        given().contentType("application/x-www-form-urlencoded").post("/registrations/" + token + "/cancel")
                .then().statusCode(403);
        assertTrue(TestEvents.registration(event.id(), email).isConfirmed());
    }
}
