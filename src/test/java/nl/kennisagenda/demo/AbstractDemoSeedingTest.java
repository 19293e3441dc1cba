package nl.kennisagenda.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Organisation;

/**
 * Two instances that start at the same moment on an empty database: exactly one seeds the demo content, the other
 * waits for it and does nothing, and neither fails. The profiles start the application with demo data off and an
 * empty database of its own, so the test calls the seeding itself, from two threads at once.
 */
abstract class AbstractDemoSeedingTest {

    @Inject
    DemoData demoData;

    @Test
    void instancesSeedingAnEmptyDatabaseAtOnceSeedItExactlyOnce() throws Exception {
        LocalDate today = LocalDate.now();
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> seeded = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            seeded.add(instances.submit(() -> {
                start.await();
                return demoData.seedIfEmpty(today);
            }));
        }
        start.countDown();
        int seeders = 0;
        for (Future<Boolean> result : seeded) {
            seeders += result.get(2, TimeUnit.MINUTES) ? 1 : 0;
        }
        instances.shutdown();

        assertEquals(1, seeders);
        assertEquals(5, QuarkusTransaction.requiringNew().call(() -> Event.count()));
        long organisations = QuarkusTransaction.requiringNew().call(() -> Organisation.count());
        assertFalse(demoData.seedIfEmpty(today), "a database with events is never seeded again");
        assertEquals(organisations, QuarkusTransaction.requiringNew().call(() -> Organisation.count()));
    }
}
