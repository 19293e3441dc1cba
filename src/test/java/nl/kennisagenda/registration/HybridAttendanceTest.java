package nl.kennisagenda.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.kennisagenda.event.AttendanceMode;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;
import nl.kennisagenda.registration.service.SignupResult;

/**
 * Hybrid events: on site and online are separate capacities with separate waiting lists; the form asks the mode; the
 * manage page switches it within capacity; the API gives the places per mode. (Mails and invites per mode:
 * {@code calendar.HybridMailsTest}; the overbooking proof per mode: {@link AbstractSignupConcurrencyTest}.)
 */
@QuarkusTest
class HybridAttendanceTest {

    private static final Locale NL = Locale.forLanguageTag("nl");

    @Inject
    RegistrationService service;

    static String mail(String name) {
        return name + "-" + System.nanoTime() + "@example.org";
    }

    static SignupInput input(String email, AttendanceMode mode) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("firstName", List.of("Anna"));
        values.put("lastName", List.of("de Vries"));
        values.put("email", List.of(email));
        values.put("organisation", List.of("Gemeente Vlissingen"));
        if (mode != null) {
            values.put("attendanceMode", List.of(mode.name()));
        }
        return new SignupInput(values, List.of(), false);
    }

    private SignupResult signUp(TestEvents.Created event, String email, AttendanceMode mode) {
        return service.signUp(event.slug(), input(email, mode), NL);
    }

    @Test
    void anOnlineSignUpDoesNotTakeAnOnSitePlaceAndEachModeHasItsOwnWaitingList() {
        TestEvents.Created event = TestEvents.createHybrid("modi", 1, 1);

        assertEquals(RegistrationStatus.CONFIRMED, signUp(event, mail("ter-plaatse"), AttendanceMode.ON_SITE).status());
        assertEquals(RegistrationStatus.CONFIRMED, signUp(event, mail("online"), AttendanceMode.ONLINE).status(),
                "the online place is not taken by the on-site one");
        assertEquals(RegistrationStatus.WAITLISTED, signUp(event, mail("wacht-plaats"), AttendanceMode.ON_SITE).status());
        assertEquals(RegistrationStatus.WAITLISTED, signUp(event, mail("wacht-online"), AttendanceMode.ONLINE).status());

        assertEquals(new TestEvents.ModeCounts(1, 1, 1, 1), TestEvents.modeCounts(event.id(), AttendanceMode.ON_SITE));
        assertEquals(new TestEvents.ModeCounts(1, 1, 1, 1), TestEvents.modeCounts(event.id(), AttendanceMode.ONLINE));
        assertEquals(new TestEvents.Counts(2, 2, 2, 2), TestEvents.counts(event.id()));
    }

    @Test
    void aFreedOnSitePlaceGoesToWhoeverWaitsOnSiteNotToTheOnlineWaitingList() {
        TestEvents.Created event = TestEvents.createHybrid("doorschuiven", 1, 1);
        String holder = mail("houder");
        signUp(event, holder, AttendanceMode.ON_SITE);
        signUp(event, mail("online"), AttendanceMode.ONLINE);
        String waitingOnline = mail("wacht-online");
        signUp(event, waitingOnline, AttendanceMode.ONLINE);
        String waitingOnSite = mail("wacht-plaats");
        signUp(event, waitingOnSite, AttendanceMode.ON_SITE);

        service.cancel(TestEvents.registration(event.id(), holder).token);

        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), waitingOnSite).status,
                "promoted although the online person waited longer: a place on site came free");
        assertEquals(RegistrationStatus.WAITLISTED, TestEvents.registration(event.id(), waitingOnline).status);
        assertEquals(new TestEvents.ModeCounts(1, 0, 1, 0), TestEvents.modeCounts(event.id(), AttendanceMode.ON_SITE));
        assertEquals(new TestEvents.ModeCounts(1, 1, 1, 1), TestEvents.modeCounts(event.id(), AttendanceMode.ONLINE));
    }

    @Test
    void unlimitedOnlinePlacesNeverWaitlistWhileOnSiteIsFull() {
        TestEvents.Created event = TestEvents.createHybrid("onbeperkt", 1, null);
        signUp(event, mail("plaats"), AttendanceMode.ON_SITE);
        for (int i = 0; i < 3; i++) {
            assertEquals(RegistrationStatus.CONFIRMED, signUp(event, mail("online" + i), AttendanceMode.ONLINE).status());
        }
        assertEquals(RegistrationStatus.WAITLISTED, signUp(event, mail("vol"), AttendanceMode.ON_SITE).status());
    }

    @Test
    void theFormAsksTheModeWithPlacesPerModeAndAMissingChoiceIs422WithTheValuesKept() {
        TestEvents.Created event = TestEvents.createHybrid("formulier", 1, 40);
        signUp(event, mail("vol"), AttendanceMode.ON_SITE);
        FormClient browser = FormClient.open("/events/" + event.slug() + "/register");
        browser.get("/events/" + event.slug() + "/register").then().statusCode(200)
                .body(containsString("<legend>Hoe neem je deel? <abbr class=\"required\""))
                .body(containsString("name=\"attendanceMode\" value=\"ON_SITE\""))
                .body(containsString("Op locatie <span class=\"choice__meta\">· vol: je komt op de wachtlijst</span>"))
                .body(containsString("Online <span class=\"choice__meta\">· nog 40 plaatsen</span>"));

        String email = mail("zonder-keuze");
        browser.post().formParam("firstName", "Anna").formParam("lastName", "de Vries").formParam("email", email)
                .formParam("organisation", "Gemeente Vlissingen")
                .post("/events/" + event.slug() + "/register")
                .then().statusCode(422)
                .body(containsString("<a href=\"#field-attendanceMode-0\">Hoe neem je deel?: Maak een keuze.</a>"))
                .body(containsString("value=\"" + email + "\""))
                .body(containsString("name=\"attendanceMode\" value=\"ONLINE\" aria-invalid=\"true\""));
        assertNull(TestEvents.registration(event.id(), email), "nothing is stored");

        browser.english().get("/events/" + event.slug() + "/register").then().statusCode(200)
                .body(containsString("<legend>How will you take part? <abbr"))
                .body(containsString("On site <span class=\"choice__meta\">· full: you join the waiting list</span>"));
    }

    @Test
    void theFormPostStoresTheChosenMode() {
        TestEvents.Created event = TestEvents.createHybrid("formulier-online", 10, null);
        String email = mail("kiest-online");
        FormClient browser = FormClient.open("/events/" + event.slug() + "/register");
        browser.post().formParam("firstName", "Anna").formParam("lastName", "de Vries").formParam("email", email)
                .formParam("organisation", "Gemeente Vlissingen").formParam("attendanceMode", "ONLINE")
                .post("/events/" + event.slug() + "/register")
                .then().statusCode(303);
        Registration registration = TestEvents.registration(event.id(), email);
        assertEquals(AttendanceMode.ONLINE, registration.attendanceMode);
        assertEquals(RegistrationStatus.CONFIRMED, registration.status);
    }

    @Test
    void theManagePageSwitchesModeWhenTheOtherHasAPlaceAndFreesTheOldPlaceForTheWaitingList() {
        TestEvents.Created event = TestEvents.createHybrid("wissel", 1, 5);
        String email = mail("wisselaar");
        signUp(event, email, AttendanceMode.ON_SITE);
        String waiting = mail("wacht");
        signUp(event, waiting, AttendanceMode.ON_SITE);
        String token = TestEvents.registration(event.id(), email).token;
        int sequenceBefore = TestEvents.registration(event.id(), email).icalSequence;
        FormClient browser = FormClient.open("/registrations/" + token);
        browser.get("/registrations/" + token).then().statusCode(200)
                .body(containsString("name=\"attendanceMode\" value=\"ON_SITE\" checked"))
                .body(containsString("Op locatie <span class=\"choice__meta\">· je huidige keuze</span>"));

        browser.post().formParam("firstName", "Anna").formParam("lastName", "de Vries")
                .formParam("organisation", "Gemeente Vlissingen").formParam("attendanceMode", "ONLINE")
                .post("/registrations/" + token)
                .then().statusCode(303);

        Registration switched = TestEvents.registration(event.id(), email);
        assertEquals(AttendanceMode.ONLINE, switched.attendanceMode);
        assertEquals(RegistrationStatus.CONFIRMED, switched.status);
        assertEquals(sequenceBefore + 1, switched.icalSequence, "another LOCATION: the calendar entry changes");
        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), waiting).status,
                "the place on site went to the waiting list");
        assertEquals(new TestEvents.ModeCounts(1, 0, 1, 0), TestEvents.modeCounts(event.id(), AttendanceMode.ON_SITE));
        assertEquals(new TestEvents.ModeCounts(1, 0, 1, 0), TestEvents.modeCounts(event.id(), AttendanceMode.ONLINE));
        browser.get("/registrations/" + token).then().statusCode(200)
                .body(containsString("Online"))
                .body(containsString("name=\"attendanceMode\" value=\"ONLINE\" checked"));
    }

    @Test
    void switchingToAFullModeIsRefusedClearlyAndTheOldPlaceIsKept() {
        TestEvents.Created event = TestEvents.createHybrid("wissel-vol", 5, 1);
        signUp(event, mail("online"), AttendanceMode.ONLINE);
        String email = mail("blijft");
        signUp(event, email, AttendanceMode.ON_SITE);
        String token = TestEvents.registration(event.id(), email).token;
        FormClient browser = FormClient.open("/registrations/" + token);
        browser.get("/registrations/" + token).then()
                .body(containsString("Online <span class=\"choice__meta\">· vol</span>"));

        browser.post().formParam("firstName", "Anna").formParam("lastName", "de Vries")
                .formParam("organisation", "Gemeente Vlissingen").formParam("attendanceMode", "ONLINE")
                .post("/registrations/" + token)
                .then().statusCode(422)
                .body(containsString("Er is geen plaats meer online. Je houdt je plaats op locatie."));

        Registration kept = TestEvents.registration(event.id(), email);
        assertEquals(AttendanceMode.ON_SITE, kept.attendanceMode);
        assertEquals(RegistrationStatus.CONFIRMED, kept.status);
        assertEquals(new TestEvents.ModeCounts(1, 0, 1, 0), TestEvents.modeCounts(event.id(), AttendanceMode.ON_SITE));
    }

    @Test
    void theApiGivesPlacesLeftPerModeAndKeepsTheTotal() {
        TestEvents.Created event = TestEvents.createHybrid("api", 3, 10);
        signUp(event, mail("plaats"), AttendanceMode.ON_SITE);
        given().contentType(ContentType.JSON)
                .body("{\"firstName\":\"Ole\",\"lastName\":\"Online\",\"email\":\"" + mail("api") + "\","
                        + "\"organisation\":\"Zorggroep\",\"attendanceMode\":\"ONLINE\"}")
                .post("/api/events/" + event.slug() + "/registrations")
                .then().statusCode(201).body("status", is("CONFIRMED"));

        given().get("/api/events/" + event.slug()).then().statusCode(200)
                .body("format", is("HYBRID"))
                .body("capacity", is(3))
                .body("placesLeft", is(2 + 9))
                .body("attendanceModes.onSite.capacity", is(3))
                .body("attendanceModes.onSite.placesLeft", is(2))
                .body("attendanceModes.onSite.confirmed", is(1))
                .body("attendanceModes.online.capacity", is(10))
                .body("attendanceModes.online.placesLeft", is(9))
                .body("attendanceModes.online.full", is(false));

        TestEvents.change(event.id(), e -> e.onlineCapacity = null);
        given().get("/api/events/" + event.slug()).then().statusCode(200)
                .body("placesLeft", nullValue())
                .body("attendanceModes.online.placesLeft", nullValue())
                .body("attendanceModes.onSite.placesLeft", is(2));
    }

    @Test
    void theApiRefusesAHybridSignUpWithoutAModeWith422() {
        TestEvents.Created event = TestEvents.createHybrid("api-zonder", 3, 10);
        given().contentType(ContentType.JSON)
                .body("{\"firstName\":\"Ole\",\"lastName\":\"Online\",\"email\":\"" + mail("api") + "\","
                        + "\"organisation\":\"Zorggroep\"}")
                .post("/api/events/" + event.slug() + "/registrations")
                .then().statusCode(422).body(containsString("attendanceMode"));
    }

    @Test
    void aNonHybridEventHasNoModeChoiceAndNoModesInTheApi() {
        TestEvents.Created event = TestEvents.create("enkel", 10);
        FormClient.open("/events/" + event.slug() + "/register").get("/events/" + event.slug() + "/register")
                .then().statusCode(200).body(not(containsString("attendanceMode")));
        given().get("/api/events/" + event.slug()).then().statusCode(200)
                .body("attendanceModes", nullValue()).body("placesLeft", is(10));
        String email = mail("enkel");
        service.signUp(event.slug(), input(email, null), NL);
        assertEquals(AttendanceMode.ON_SITE, TestEvents.registration(event.id(), email).attendanceMode);
    }
}
