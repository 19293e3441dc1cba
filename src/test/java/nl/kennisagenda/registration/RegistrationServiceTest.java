package nl.kennisagenda.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.calendar.CalendarUids;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.service.InvalidSignupException;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupClosedException;
import nl.kennisagenda.registration.service.SignupInput;
import nl.kennisagenda.registration.service.SignupResult;

@QuarkusTest
class RegistrationServiceTest {

    private static final Locale NL = Locale.forLanguageTag("nl");

    @Inject
    RegistrationService service;

    @Inject
    RecordedChanges changes;

    @Inject
    CalendarUids uids;

    static SignupInput input(String email, Long... sessions) {
        return new SignupInput(Map.of("firstName", List.of("Anna"), "lastName", List.of("de Vries"),
                "email", List.of(email), "organisation", List.of("Gemeente Utrecht")),
                java.util.Arrays.stream(sessions).map(String::valueOf).toList(), false);
    }

    private static String mail(String name) {
        return name + "-" + System.nanoTime() + "@example.org";
    }

    @Test
    void signingUpAgainAfterCancellingIsANewCalendarEntry() {
        TestEvents.Created event = TestEvents.create("opnieuw", 10);
        String email = mail("terug");
        service.signUp(event.slug(), input(email), NL);
        Registration first = TestEvents.registration(event.id(), email);
        String firstUid = uids.registration(first);
        service.cancel(first.token);

        assertEquals(RegistrationStatus.CONFIRMED, service.signUp(event.slug(), input(email), NL).status());
        Registration again = TestEvents.registration(event.id(), email);
        assertEquals(first.id, again.id);
        assertEquals(1, again.calendarGeneration);
        assertNotEquals(firstUid, uids.registration(again));
    }

    @Test
    void confirmedUntilTheEventIsFullThenWaitlistedInOrder() {
        TestEvents.Created event = TestEvents.create("vol", 2);
        assertEquals(RegistrationStatus.CONFIRMED, service.signUp(event.slug(), input(mail("a")), NL).status());
        assertEquals(RegistrationStatus.CONFIRMED, service.signUp(event.slug(), input(mail("b")), NL).status());
        String third = mail("c");
        assertEquals(RegistrationStatus.WAITLISTED, service.signUp(event.slug(), input(third), NL).status());
        assertEquals(List.of(Change.WAITLISTED), changes.forEmail(third).stream().map(RecordedChanges.Seen::change).toList());
        assertCountersMatchRows(event.id(), 2, 1);
    }

    @Test
    void waitlistedPersonIsPromotedWhenAPlaceFreesUp() {
        TestEvents.Created event = TestEvents.create("promo", 1);
        String first = mail("first");
        String second = mail("second");
        service.signUp(event.slug(), input(first), NL);
        service.signUp(event.slug(), input(second), NL);
        Registration confirmed = TestEvents.registration(event.id(), first);

        service.cancel(confirmed.token);

        assertEquals(RegistrationStatus.CANCELLED, TestEvents.registration(event.id(), first).status);
        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), second).status);
        assertTrue(changes.forEmail(first).stream().anyMatch(s -> s.change() == Change.CANCELLED));
        assertTrue(changes.forEmail(second).stream()
                .anyMatch(s -> s.change() == Change.PROMOTED && s.status() == RegistrationStatus.CONFIRMED));
        assertCountersMatchRows(event.id(), 1, 0);
    }

    @Test
    void organiserCancellationAlsoPromotes() {
        TestEvents.Created event = TestEvents.create("org-cancel", 1);
        String first = mail("first");
        String second = mail("second");
        service.signUp(event.slug(), input(first), NL);
        service.signUp(event.slug(), input(second), NL);

        service.cancelByOrganiser(TestEvents.registration(event.id(), first).id);

        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), second).status);
        assertCountersMatchRows(event.id(), 1, 0);
    }

    @Test
    void promotionSkipsThoseWhoseSessionIsStillFull() {
        // Event of 2 places; session A has 1 place, session B is unlimited.
        TestEvents.Created event = TestEvents.create("skip", 2, 1, null);
        long a = event.sessionIds().get(0);
        long b = event.sessionIds().get(1);
        String inA = mail("in-a");
        String inB = mail("in-b");
        String waitsForA = mail("waits-a");
        String waitsForB = mail("waits-b");
        assertEquals(RegistrationStatus.CONFIRMED, service.signUp(event.slug(), input(inA, a), NL).status());
        assertEquals(RegistrationStatus.CONFIRMED, service.signUp(event.slug(), input(inB, b), NL).status());
        assertEquals(RegistrationStatus.WAITLISTED, service.signUp(event.slug(), input(waitsForA, a), NL).status());
        assertEquals(RegistrationStatus.WAITLISTED, service.signUp(event.slug(), input(waitsForB, b), NL).status());

        service.cancel(TestEvents.registration(event.id(), inB).token);

        assertEquals(RegistrationStatus.WAITLISTED, TestEvents.registration(event.id(), waitsForA).status,
                "session A is still full, so the first on the list does not fit");
        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), waitsForB).status);
        assertCountersMatchRows(event.id(), 2, 1);
        TestEvents.Counts sessionA = TestEvents.sessionCounts(a);
        assertEquals(new TestEvents.Counts(1, 1, 1, 1), sessionA);
    }

    @Test
    void aSessionChangeFreesThePlaceForTheWaitingList() {
        TestEvents.Created event = TestEvents.create("switch", null, 1, 5);
        long a = event.sessionIds().get(0);
        long b = event.sessionIds().get(1);
        String holder = mail("holder");
        String waiting = mail("waiting");
        service.signUp(event.slug(), input(holder, a), NL);
        assertEquals(RegistrationStatus.WAITLISTED, service.signUp(event.slug(), input(waiting, a), NL).status());

        service.update(TestEvents.registration(event.id(), holder).token, input(holder, b), NL);

        Registration moved = TestEvents.registration(event.id(), holder);
        assertEquals(List.of(b), moved.sessions.stream().map(s -> s.id).toList());
        assertEquals(RegistrationStatus.CONFIRMED, TestEvents.registration(event.id(), waiting).status);
        assertTrue(changes.forEmail(holder).stream().anyMatch(s -> s.change() == Change.UPDATED));
        assertTrue(changes.forEmail(waiting).stream().anyMatch(s -> s.change() == Change.PROMOTED));
        assertEquals(new TestEvents.Counts(1, 0, 1, 0), TestEvents.sessionCounts(a));
        assertEquals(new TestEvents.Counts(1, 0, 1, 0), TestEvents.sessionCounts(b));
    }

    @Test
    void aConfirmedPersonCannotMoveIntoAFullSession() {
        TestEvents.Created event = TestEvents.create("nomove", null, 1, 5);
        long a = event.sessionIds().get(0);
        long b = event.sessionIds().get(1);
        service.signUp(event.slug(), input(mail("holder"), a), NL);
        String other = mail("other");
        service.signUp(event.slug(), input(other, b), NL);

        InvalidSignupException refused = assertThrows(InvalidSignupException.class,
                () -> service.update(TestEvents.registration(event.id(), other).token, input(other, a), NL));
        assertTrue(refused.errors().get("sessions").contains("vol"), refused.errors().toString());
        assertEquals(new TestEvents.Counts(1, 0, 1, 0), TestEvents.sessionCounts(a));
    }

    @Test
    void aRepeatedAddressCreatesNothingAndTellsTheOwner() {
        TestEvents.Created event = TestEvents.create("dup", 1);
        String owner = mail("owner");
        assertEquals(RegistrationStatus.CONFIRMED, service.signUp(event.slug(), input(owner), NL).status());
        Registration original = TestEvents.registration(event.id(), owner);

        SignupResult again = service.signUp(event.slug(), input(owner.toUpperCase(Locale.ROOT)), NL);

        // The answer is what a new sign-up would get now (the event is full), not the owner's status.
        assertEquals(RegistrationStatus.WAITLISTED, again.status());
        assertEquals(1, Registration.count("event.id", event.id()));
        List<RecordedChanges.Seen> seen = changes.forEmail(owner);
        assertEquals(List.of(Change.CONFIRMED, Change.DUPLICATE_SIGNUP), seen.stream().map(RecordedChanges.Seen::change).toList());
        assertEquals(original.id, seen.get(1).registrationId());
        assertCountersMatchRows(event.id(), 1, 0);
    }

    @Test
    void aCancelledPersonCanSignUpAgainAndJoinsTheBackOfTheList() {
        TestEvents.Created event = TestEvents.create("again", 1);
        String person = mail("person");
        service.signUp(event.slug(), input(person), NL);
        service.cancel(TestEvents.registration(event.id(), person).token);
        String other = mail("other");
        service.signUp(event.slug(), input(other), NL);

        assertEquals(RegistrationStatus.WAITLISTED, service.signUp(event.slug(), input(person), NL).status());

        Registration back = TestEvents.registration(event.id(), person);
        assertEquals(RegistrationStatus.WAITLISTED, back.status);
        assertNull(back.cancelledAt);
        assertCountersMatchRows(event.id(), 1, 1);
    }

    @Test
    void noSignUpOnceSignUpHasClosed() {
        TestEvents.Created event = TestEvents.create("closed", 10);
        TestEvents.change(event.id(), e -> e.signupClosesAt = Instant.now().minus(Duration.ofMinutes(1)));
        assertThrows(SignupClosedException.class, () -> service.signUp(event.slug(), input(mail("late")), NL));
        assertCountersMatchRows(event.id(), 0, 0);
    }

    @Test
    void sameAddressTwiceAtOnceGivesOneRegistrationAndNoError() throws Exception {
        TestEvents.Created event = TestEvents.create("race", 10);
        String same = mail("same");
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SignupResult>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return service.signUp(event.slug(), input(same), NL);
            }));
        }
        start.countDown();
        for (Future<SignupResult> result : results) {
            assertNotNull(result.get().status());
        }
        pool.shutdown();
        assertEquals(1, Registration.count("event.id", event.id()));
        assertEquals(threads - 1, changes.forEmail(same).stream()
                .filter(s -> s.change() == Change.DUPLICATE_SIGNUP).count());
        assertCountersMatchRows(event.id(), 1, 0);
    }

    static void assertCountersMatchRows(long eventId, int confirmed, int waitlisted) {
        assertEquals(new TestEvents.Counts(confirmed, waitlisted, confirmed, waitlisted), TestEvents.counts(eventId));
    }
}
