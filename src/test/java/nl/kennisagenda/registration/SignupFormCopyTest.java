package nl.kennisagenda.registration;

import static io.restassured.RestAssured.given;
import static nl.kennisagenda.registration.TestEvents.apiPath;
import static nl.kennisagenda.registration.TestEvents.apiPerson;
import static nl.kennisagenda.registration.TestEvents.uniqueMail;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.event.StandardFormFields;
import nl.kennisagenda.web.PageCache;

/**
 * Sign-ups are checked against a kept copy of the event's form (registration.service.SignupForms): every committed
 * change of the form or programme is seen by the very next sign-up, and a sign-up itself is no change of the event.
 */
@QuarkusTest
class SignupFormCopyTest {

    @Inject
    PageCache pages;

    @Test
    void aFieldAddedAfterSignUpsBeganIsRequiredFromTheNextSignUpOn() {
        TestEvents.Created event = TestEvents.create("kopie-veld", 50);
        given().contentType(ContentType.JSON).body(apiPerson(uniqueMail("voor"))).post(apiPath(event))
                .then().statusCode(201);

        QuarkusTransaction.requiringNew().run(() -> {
            Event stored = Event.findById(event.id());
            FormField diet = StandardFormFields.field(stored, 9, "dieet", "Dieetwensen", "Dietary needs",
                    FieldType.TEXT, true, 200);
            diet.persist();
        });

        given().contentType(ContentType.JSON).body(apiPerson(uniqueMail("na"))).post(apiPath(event))
                .then().statusCode(422).body("errors", hasKey("dieet"));
        Map<String, Object> withDiet = new java.util.HashMap<>(apiPerson(uniqueMail("na")));
        withDiet.put("dieet", "Vegetarisch");
        given().contentType(ContentType.JSON).body(withDiet).post(apiPath(event)).then().statusCode(201);
        assertEquals("Vegetarisch", TestEvents.registration(event.id(), (String) withDiet.get("email"))
                .answers.get("dieet"));
    }

    @Test
    void aSessionAddedAfterSignUpsBeganCanBeChosenAtOnce() {
        TestEvents.Created event = TestEvents.create("kopie-sessie", 50, 10);
        Map<String, Object> first = new java.util.HashMap<>(apiPerson(uniqueMail("eerste")));
        first.put("sessions", java.util.List.of(event.sessionIds().get(0)));
        given().contentType(ContentType.JSON).body(first).post(apiPath(event)).then().statusCode(201);

        long added = QuarkusTransaction.requiringNew().call(() -> {
            Event stored = Event.findById(event.id());
            ProgrammeItem session = new ProgrammeItem();
            session.event = stored;
            session.startsAt = stored.startsAt.plusSeconds(3600);
            session.endsAt = session.startsAt.plusSeconds(3600);
            session.title = "Extra sessie";
            session.kind = ProgrammeItemKind.BREAKOUT;
            session.roundNumber = 1;
            session.capacity = 5;
            session.persist();
            return session.id;
        });

        Map<String, Object> second = new java.util.HashMap<>(apiPerson(uniqueMail("tweede")));
        second.put("sessions", java.util.List.of(added));
        given().contentType(ContentType.JSON).body(second).post(apiPath(event))
                .then().statusCode(201).body("status", is("CONFIRMED"));
        assertEquals(1, TestEvents.sessionCounts(added).confirmedRows());
    }

    @Test
    void aSessionRemovedBehindTheCopysBackIsRefusedLikeAnUnknownOne() {
        TestEvents.Created event = TestEvents.create("kopie-weg", 50, 10, 10);
        Map<String, Object> first = new java.util.HashMap<>(apiPerson(uniqueMail("eerste")));
        first.put("sessions", java.util.List.of(event.sessionIds().get(0)));
        given().contentType(ContentType.JSON).body(first).post(apiPath(event)).then().statusCode(201);

        // As another instance would: a change this instance does not hear of, so its copy still offers the session.
        long removed = event.sessionIds().get(1);
        QuarkusTransaction.requiringNew().run(() -> ProgrammeItem.getEntityManager()
                .createNativeQuery("delete from programme_items where id = ?1").setParameter(1, removed)
                .executeUpdate());

        Map<String, Object> second = new java.util.HashMap<>(apiPerson(uniqueMail("tweede")));
        second.put("sessions", java.util.List.of(removed));
        given().contentType(ContentType.JSON).body(second).post(apiPath(event))
                .then().statusCode(422).body("errors", hasKey("sessions"));
        second.put("sessions", java.util.List.of(event.sessionIds().get(0)));
        given().contentType(ContentType.JSON).body(second).post(apiPath(event)).then().statusCode(201);
        assertEquals(2, TestEvents.counts(event.id()).confirmedRows());
    }

    @Test
    void aCancelledEventTakesNoMoreSignUpsAlthoughItsFormWasKept() {
        TestEvents.Created event = TestEvents.create("kopie-geannuleerd", 50);
        given().contentType(ContentType.JSON).body(apiPerson(uniqueMail("voor"))).post(apiPath(event))
                .then().statusCode(201);
        TestEvents.change(event.id(), e -> e.status = nl.kennisagenda.event.EventStatus.CANCELLED);
        given().contentType(ContentType.JSON).body(apiPerson(uniqueMail("na"))).post(apiPath(event))
                .then().statusCode(409).body("reason", is("CANCELLED"));
    }

    @Test
    void aSignUpChangesThePlacesButNotTheEventItself() {
        TestEvents.Created event = TestEvents.create("kopie-telling", 50);
        Instant updatedBefore = QuarkusTransaction.requiringNew()
                .call(() -> Event.<Event>findById(event.id()).updatedAt);
        long generationBefore = pages.contentGeneration();

        given().contentType(ContentType.JSON).body(apiPerson(uniqueMail("telling"))).post(apiPath(event))
                .then().statusCode(201);

        assertEquals(1, TestEvents.counts(event.id()).confirmedCounter());
        assertEquals(updatedBefore, QuarkusTransaction.requiringNew()
                .call(() -> Event.<Event>findById(event.id()).updatedAt), "a calendar's LAST-MODIFIED stays");
        assertEquals(generationBefore, pages.contentGeneration(), "cached pages stay valid (places may lag)");
    }

    @Test
    void anEditOfTheEventStampsItsUpdateTime() {
        TestEvents.Created event = TestEvents.create("kopie-bewerking", 50);
        Instant updatedBefore = QuarkusTransaction.requiringNew()
                .call(() -> Event.<Event>findById(event.id()).updatedAt);
        TestEvents.change(event.id(), e -> e.title = "Nieuwe titel");
        Instant updatedAfter = QuarkusTransaction.requiringNew()
                .call(() -> Event.<Event>findById(event.id()).updatedAt);
        assertEquals(true, updatedAfter.isAfter(updatedBefore), updatedBefore + " → " + updatedAfter);
    }
}
