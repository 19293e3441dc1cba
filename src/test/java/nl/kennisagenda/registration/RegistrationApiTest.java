package nl.kennisagenda.registration;

import static io.restassured.RestAssured.given;
import static nl.kennisagenda.registration.TestEvents.apiPath;
import static nl.kennisagenda.registration.TestEvents.apiPerson;
import static nl.kennisagenda.registration.TestEvents.uniqueMail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RegistrationApiTest {

    @Test
    void aSignUpIs201WithStatusAndEvent() {
        TestEvents.Created event = TestEvents.create("api", 1);
        given().contentType(ContentType.JSON).body(apiPerson(uniqueMail("a"))).post(apiPath(event))
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("status", is("CONFIRMED"))
                .body("event", is(event.slug()))
                .body("message", containsString("Aangemeld"))
                .body("$", not(hasKey("token")));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(apiPerson(uniqueMail("b")))
                .post(apiPath(event))
                .then().statusCode(201).body("status", is("WAITLISTED")).body("message", containsString("waiting list"));
    }

    @Test
    void aRepeatedAddressGetsTheSameStatusCodeAndShapeAndNoToken() {
        TestEvents.Created event = TestEvents.create("api-dup", 10);
        String email = uniqueMail("dup");
        String first = given().contentType(ContentType.JSON).body(apiPerson(email)).post(apiPath(event))
                .then().statusCode(201).extract().asString();
        String second = given().contentType(ContentType.JSON).body(apiPerson(email)).post(apiPath(event))
                .then().statusCode(201).extract().asString();
        assertEquals(first, second);
        Registration existing = TestEvents.registration(event.id(), email);
        assertEquals(false, second.contains(existing.token));
        assertEquals(1, TestEvents.counts(event.id()).confirmedRows());
    }

    @Test
    void invalidFieldsAre422WithAMessagePerField() {
        TestEvents.Created event = TestEvents.create("api-422", 10);
        given().contentType(ContentType.JSON)
                .body(Map.of("firstName", "x".repeat(10_000), "lastName", "Jansen\r\nBcc: x@example.org",
                        "email", "not an address", "shoeSize", "44"))
                .post(apiPath(event))
                .then().statusCode(422).contentType(ContentType.JSON)
                .body("errors.firstName", is("Gebruik maximaal 100 tekens."))
                .body("errors.lastName", containsString("regeleinden"))
                .body("errors.email", containsString("geldig e-mailadres"))
                .body("errors.organisation", is("Vul dit veld in."))
                .body("errors.shoeSize", containsString("niet op het aanmeldformulier"));
        assertEquals(0, TestEvents.counts(event.id()).confirmedRows());
    }

    @Test
    void addressesThatMailCannotUseAre422NotAFailedSignUp() {
        TestEvents.Created event = TestEvents.create("api-strict-mail", 10);
        for (String address : new String[] {".anna@example.org", "anna..de.vries@example.org"}) {
            given().contentType(ContentType.JSON).body(apiPerson(address)).post(apiPath(event))
                    .then().statusCode(422).body("errors.email", containsString("geldig e-mailadres"));
        }
        assertEquals(0, TestEvents.counts(event.id()).confirmedRows());
    }

    @Test
    void wrongJsonTypesAre422AndBrokenJsonIs400() {
        TestEvents.Created event = TestEvents.create("api-types", 10);
        given().contentType(ContentType.JSON)
                .body(Map.of("firstName", Map.of("nested", true), "lastName", "X", "email", uniqueMail("t"),
                        "organisation", "X", "newsletter", "maybe", "sessions", "all"))
                .post(apiPath(event))
                .then().statusCode(422)
                .body("errors.firstName", is("Deze waarde is niet geldig."))
                .body("errors.newsletter", is("Deze waarde is niet geldig."))
                .body("errors.sessions", is("Deze waarde is niet geldig."));
        given().contentType(ContentType.JSON).body("{\"email\": ").post(apiPath(event)).then().statusCode(400);
    }

    @Test
    void sessionsMustBelongToTheEventAndBeOnePerRound() {
        TestEvents.Created event = TestEvents.create("api-sessions", 10, 5, 5);
        TestEvents.Created other = TestEvents.create("api-other", 10, 5);
        Map<String, Object> base = new java.util.HashMap<>(apiPerson(uniqueMail("s")));
        base.put("sessions", List.of(other.sessionIds().get(0)));
        given().contentType(ContentType.JSON).body(base).post(apiPath(event))
                .then().statusCode(422).body("errors.sessions", is("Deze sessie hoort niet bij deze bijeenkomst."));
        base.put("sessions", event.sessionIds());
        given().contentType(ContentType.JSON).body(base).post(apiPath(event))
                .then().statusCode(422).body("errors.sessions", is("Kies niet meer dan één sessie in ronde 1."));
        base.put("sessions", List.of());
        given().contentType(ContentType.JSON).body(base).post(apiPath(event))
                .then().statusCode(422).body("errors.sessions", is("Kies een sessie in ronde 1."));
        base.put("sessions", List.of(event.sessionIds().get(1)));
        base.put("newsletter", true);
        given().contentType(ContentType.JSON).body(base).post(apiPath(event)).then().statusCode(201);
        Registration stored = TestEvents.registration(event.id(), (String) base.get("email"));
        assertEquals(List.of(event.sessionIds().get(1)), stored.sessions.stream().map(s -> s.id).toList());
        assertEquals(true, stored.newsletterOptIn);
    }

    @Test
    void aClosedEventIs409WithAReason() {
        TestEvents.Created event = TestEvents.create("api-closed", 10);
        TestEvents.change(event.id(), e -> e.signupOpensAt = Instant.now().plus(Duration.ofDays(2)));
        given().contentType(ContentType.JSON).body(apiPerson(uniqueMail("c"))).post(apiPath(event))
                .then().statusCode(409).body("reason", is("NOT_YET_OPEN"))
                .body("message", containsString("De aanmelding opent op")).body("opensAt", not(nullValue()));
    }

    @Test
    void anUnknownEventIs404() {
        given().contentType(ContentType.JSON).body(apiPerson(uniqueMail("x")))
                .post("/api/events/bestaat-niet/registrations")
                .then().statusCode(404).contentType(ContentType.JSON).body("message", is("Deze bijeenkomst bestaat niet."));
    }

    @Test
    void aFormPostToTheApiIsRefused() {
        TestEvents.Created event = TestEvents.create("api-form", 10);
        given().contentType("application/x-www-form-urlencoded").formParam("email", uniqueMail("f"))
                .post(apiPath(event))
                .then().statusCode(415);
        assertEquals(0, TestEvents.counts(event.id()).confirmedRows());
    }
}
