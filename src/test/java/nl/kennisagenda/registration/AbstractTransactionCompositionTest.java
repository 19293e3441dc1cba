package nl.kennisagenda.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventChangeService;
import nl.kennisagenda.event.EventLocks;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.service.RegistrationOperations;
import nl.kennisagenda.registration.service.RegistrationService;

/**
 * The registration operations compose: an organiser action locks the event, changes it and promotes from the waiting
 * list in ONE transaction, and that neither waits on itself nor loses the change. Before, every operation started a
 * transaction of its own and suspended the caller's: the promotion then waited for the event lock its own paused
 * caller held — ten seconds and five retries on H2, forever on PostgreSQL. The time limit below turns such a wait
 * into a failure.
 */
abstract class AbstractTransactionCompositionTest {

    static final Locale NL = Locale.forLanguageTag("nl");
    /** Far below H2's 10 s lock timeout: a self-deadlock cannot pass by timing out and retrying. */
    static final Duration NO_WAITING = Duration.ofSeconds(8);

    @Inject
    RegistrationService service;

    @Inject
    RegistrationOperations operations;

    @Inject
    EventLocks locks;

    @Inject
    EventChangeService eventChanges;

    @Inject
    RecordedChanges changes;

    @Inject
    UserTransaction transaction;

    static String mail(String name) {
        return name + "-" + System.nanoTime() + "@example.org";
    }

    /** An event with one place: one confirmed, then the given people on the waiting list, in that order. */
    TestEvents.Created fullEventWithWaitingList(String name, String confirmed, String... waiting) {
        TestEvents.Created event = TestEvents.create(name, 1);
        service.signUp(event.slug(), RegistrationServiceTest.input(confirmed), NL);
        for (String person : waiting) {
            assertEquals(RegistrationStatus.WAITLISTED,
                    service.signUp(event.slug(), RegistrationServiceTest.input(person), NL).status());
        }
        return event;
    }

    static RegistrationStatus statusIn(long eventId, String email) {
        Registration registration = Registration.find("event.id = ?1 and email = ?2", eventId, email).firstResult();
        return registration.status;
    }

    @Test
    void raisingTheCapacityAndPromotingIsOneTransactionUnderOneLock() {
        String holder = mail("holder");
        String second = mail("second");
        String third = mail("third");
        String fourth = mail("fourth");
        TestEvents.Created event = fullEventWithWaitingList("samen", holder, second, third, fourth);

        int promoted = assertTimeoutPreemptively(NO_WAITING, () -> QuarkusTransaction.requiringNew().call(() -> {
            // The organiser action: lock the event, raise its capacity, promote, all in this one transaction.
            Event locked = locks.lockEvent(event.id());
            locked.capacity = 3;
            int count = operations.promoteWaitlisted(event.id());
            // Promoted in this transaction: this transaction sees it, a concurrent one does not yet.
            assertEquals(RegistrationStatus.CONFIRMED, statusIn(event.id(), second));
            assertEquals(RegistrationStatus.CONFIRMED, statusIn(event.id(), third));
            assertEquals(RegistrationStatus.WAITLISTED, statusIn(event.id(), fourth));
            assertEquals(RegistrationStatus.WAITLISTED, TestEvents.registration(event.id(), second).status,
                    "not committed yet");
            return count;
        }));

        assertEquals(2, promoted);
        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), second).status);
        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), third).status);
        assertEquals(RegistrationStatus.WAITLISTED, TestEvents.registration(event.id(), fourth).status);
        assertTrue(changes.forEmail(second).stream().anyMatch(s -> s.change() == Change.PROMOTED));
        assertEquals(3, (int) QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(event.id()).capacity),
                "the capacity raised before the promotion is kept");
        RegistrationServiceTest.assertCountersMatchRows(event.id(), 3, 1);
    }

    @Test
    void whenTheOrganisersTransactionRollsBackNothingIsPromoted() {
        String holder = mail("holder");
        String waiting = mail("waiting");
        TestEvents.Created event = fullEventWithWaitingList("terug", holder, waiting);

        assertTimeoutPreemptively(NO_WAITING, () -> {
            transaction.begin();
            try {
                locks.lockEvent(event.id()).capacity = 2;
                assertEquals(1, operations.promoteWaitlisted(event.id()));
            } finally {
                transaction.rollback();
            }
        });

        assertEquals(RegistrationStatus.WAITLISTED, TestEvents.registration(event.id(), waiting).status);
        assertEquals(1, (int) QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(event.id()).capacity));
        RegistrationServiceTest.assertCountersMatchRows(event.id(), 1, 1);
    }

    @Test
    void anEventChangeAndSeveralOperationsShareOneTransaction() {
        String first = mail("first");
        String second = mail("second");
        String third = mail("third");
        TestEvents.Created event = fullEventWithWaitingList("reeks", first, second, third);
        long firstId = TestEvents.registration(event.id(), first).id;
        long secondId = TestEvents.registration(event.id(), second).id;

        assertTimeoutPreemptively(NO_WAITING, () -> QuarkusTransaction.requiringNew().run(() -> {
            // EventChangeService locks through the same helper, joins this transaction and holds the lock.
            assertTrue(eventChanges.changeVenue(Event.findById(event.id()), "Stadhuis", "Markt 1", "Utrecht"));
            operations.cancelByOrganiser(firstId);
            operations.cancelByOrganiser(secondId);
        }));

        assertEquals(RegistrationStatus.CANCELLED, TestEvents.registration(event.id(), first).status);
        assertEquals(RegistrationStatus.CANCELLED, TestEvents.registration(event.id(), second).status);
        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), third).status);
        assertEquals("Stadhuis", QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(event.id()).venueName));
        RegistrationServiceTest.assertCountersMatchRows(event.id(), 1, 0);
    }

    @Test
    void theOperationsNeedTheCallersTransaction() {
        TestEvents.Created event = TestEvents.create("zonder", 1);
        assertThrows(TransactionalException.class, () -> operations.promoteWaitlisted(event.id()));
        assertThrows(TransactionalException.class, () -> locks.lockEvent(event.id()));
    }

    @Test
    void theRetryingEntryPointRefusesToSuspendACallersTransaction() {
        String holder = mail("holder");
        String waiting = mail("waiting");
        TestEvents.Created event = fullEventWithWaitingList("buiten", holder, waiting);

        assertTimeoutPreemptively(NO_WAITING, () -> QuarkusTransaction.requiringNew().run(() -> {
            locks.lockEvent(event.id()).capacity = 2;
            assertThrows(IllegalStateException.class, () -> service.promoteWaitlisted(event.id()));
            assertThrows(IllegalStateException.class,
                    () -> service.signUp(event.slug(), RegistrationServiceTest.input(mail("binnen")), NL));
        }));

        // Outside a transaction it runs in one of its own, which it commits.
        assertEquals(1, service.promoteWaitlisted(event.id()));
        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), waiting).status);
        assertEquals(List.of(Change.WAITLISTED, Change.PROMOTED),
                changes.forEmail(waiting).stream().map(RecordedChanges.Seen::change).toList());
    }
}
