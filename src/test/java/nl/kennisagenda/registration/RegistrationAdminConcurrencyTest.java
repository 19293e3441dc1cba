package nl.kennisagenda.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.service.RegistrationRefusedException;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;

/**
 * Organiser actions racing each other and visitors' sign-ups: the counters stay equal to the rows, and check-in from
 * several devices at once counts once.
 */
@QuarkusTest
class RegistrationAdminConcurrencyTest {

    private static final Locale NL = Locale.forLanguageTag("nl");

    @Inject
    RegistrationService service;

    @Test
    void checkInFromEightDevicesAtOnceCountsOnce() throws Exception {
        TestEvents.Created event = TestEvents.create("deur", null);
        String email = "deur-" + System.nanoTime() + "@example.org";
        service.signUp(event.slug(), input(email), NL);
        long id = TestEvents.registration(event.id(), email).id;
        Actor admin = admin();

        List<Boolean> results = race(8, () -> service.checkIn(admin, event.id(), id));

        assertEquals(1, results.stream().filter(Boolean::booleanValue).count(), results.toString());
        long lines = QuarkusTransaction.requiringNew().call(() -> RegistrationHistory.count(
                "registrationId = ?1 and change = ?2", id, Change.CHECKED_IN));
        assertEquals(1, lines);
    }

    @Test
    void addingByHandWhileVisitorsSignUpNeverOverbooksWithoutTheOrganisersChoice() throws Exception {
        TestEvents.Created event = TestEvents.create("druk", 5);
        Actor admin = admin();
        List<Callable<String>> work = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String email = "druk-" + i + "-" + System.nanoTime() + "@example.org";
            if (i % 2 == 0) {
                work.add(() -> service.signUp(event.slug(), input(email), NL).status().name());
            } else {
                work.add(() -> {
                    try {
                        return service.addByOrganiser(admin, event.id(), input(email), NL, false).status.name();
                    } catch (RegistrationRefusedException e) {
                        return e.reason().name();
                    }
                });
            }
        }
        List<String> outcomes = race(work);

        TestEvents.Counts counts = TestEvents.counts(event.id());
        assertEquals(5, counts.confirmedCounter(), outcomes.toString());
        assertEquals(counts.confirmedRows(), counts.confirmedCounter());
        assertEquals(counts.waitlistedRows(), counts.waitlistedCounter());
        assertEquals(12 - 5, outcomes.stream().filter(o -> o.equals("WAITLISTED") || o.equals("FULL")).count(),
                outcomes.toString());
    }

    private static Actor admin() {
        return QuarkusTransaction.requiringNew().call(() -> Actor.of(Account.findByEmail("admin@example.org")
                .orElseThrow()));
    }

    private static SignupInput input(String email) {
        return new SignupInput(Map.of("firstName", List.of("Gelijk"), "lastName", List.of("Tijdig"), "email",
                List.of(email), "organisation", List.of("Testorganisatie")), List.of(), false);
    }

    private static <T> List<T> race(int n, Callable<T> task) throws Exception {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(task);
        }
        return race(tasks);
    }

    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
