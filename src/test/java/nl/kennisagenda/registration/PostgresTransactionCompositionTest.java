package nl.kennisagenda.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.common.TransactionRetry;
import nl.kennisagenda.testsupport.PostgresAvailable;

/**
 * The composition proof on the local PostgreSQL, where a lock wait has no limit unless the transaction sets one; and
 * proof that every locking transaction sets it ({@code SET LOCAL lock_timeout}), only for itself, and that it bites.
 */
@ExtendWith(PostgresAvailable.class)
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresTransactionCompositionTest extends AbstractTransactionCompositionTest {

    @Inject
    EntityManager em;

    String lockTimeoutSetting() {
        return (String) em.createNativeQuery("show lock_timeout").getSingleResult();
    }

    @Test
    void everyLockingTransactionSetsTheLockTimeoutForItselfOnly() {
        TestEvents.Created event = TestEvents.create("wachttijd", 5);
        String serverDefault = QuarkusTransaction.requiringNew().call(this::lockTimeoutSetting);
        assertNotEquals("10s", serverDefault);

        assertEquals("10s", QuarkusTransaction.requiringNew().call(() -> {
            operations.signUp(event.slug(), RegistrationServiceTest.input(mail("tijd")), NL);
            return lockTimeoutSetting();
        }), "sign-up");
        assertEquals("10s", QuarkusTransaction.requiringNew().call(() -> {
            operations.promoteWaitlisted(event.id());
            return lockTimeoutSetting();
        }), "promotion");
        assertEquals("10s", QuarkusTransaction.requiringNew().call(() -> {
            eventChanges.changeVenue(nl.kennisagenda.event.Event.findById(event.id()), "Zaal 2", null, null);
            return lockTimeoutSetting();
        }), "organiser's event change");

        assertEquals(serverDefault, QuarkusTransaction.requiringNew().call(this::lockTimeoutSetting),
                "SET LOCAL ends with its transaction; the pooled connection keeps the server default");
    }

    @Test
    void aLockHeldTooLongFailsTheWaiterAfterTheLockTimeoutAsATransientConflict() throws Exception {
        TestEvents.Created event = TestEvents.create("bezet", 5);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding = holder.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                locks.lockEvent(event.id());
                locked.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertTrue(locked.await(30, TimeUnit.SECONDS));

            long start = System.nanoTime();
            RuntimeException failure = assertThrows(RuntimeException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> operations.promoteWaitlisted(event.id())));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(TransactionRetry.isTransient(failure), failure.toString());
            assertTrue(waited.compareTo(Duration.ofSeconds(9)) >= 0 && waited.compareTo(Duration.ofSeconds(30)) < 0,
                    "waited " + waited);
            release.countDown();
            holding.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            holder.shutdown();
        }
    }
}
