package nl.kennisagenda.registration.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The turns an instance gives the sign-ups of one event: a few at once, the rest wait without a database connection,
 * and whoever gets no turn in time is refused before anything runs.
 */
class SignupAdmissionTest {

    private final CountDownLatch release = new CountDownLatch(1);
    /** A thread per holder and waiter: they block on purpose, so not the common pool. */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void letHoldersGo() {
        release.countDown();
        threads.shutdown();
    }

    @Test
    void noMoreThanTheTurnsPerEventRunAtOnceAndTheNextIsRefusedWhenItMayNotWait() throws Exception {
        SignupAdmission admission = new SignupAdmission(2, Duration.ZERO);
        hold(admission, "druk");
        hold(admission, "druk");

        AtomicBoolean ran = new AtomicBoolean();
        SignupBusyException refused = assertThrows(SignupBusyException.class,
                () -> admission.admit("druk", () -> ran.getAndSet(true)));
        assertFalse(ran.get(), "a refused sign-up runs nothing");
        assertEquals(60, refused.retryAfterSeconds());
    }

    @Test
    void aBusyEventDoesNotHoldUpAnotherEvent() throws Exception {
        SignupAdmission admission = new SignupAdmission(1, Duration.ZERO);
        hold(admission, "druk");

        assertEquals("rustig", admission.admit("rustig", () -> "rustig"));
    }

    @Test
    void aWaitingSignUpRunsAsSoonAsATurnComesFree() throws Exception {
        SignupAdmission admission = new SignupAdmission(1, Duration.ofMinutes(1));
        CompletableFuture<String> first = hold(admission, "druk");
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> admission.admit("druk", () -> "tweede"),
                threads);

        release.countDown();
        assertEquals("vastgehouden", first.get(30, TimeUnit.SECONDS));
        assertEquals("tweede", second.get(30, TimeUnit.SECONDS));
    }

    @Test
    void noTurnsAreKeptForEventsNobodyIsSigningUpFor() throws Exception {
        SignupAdmission admission = new SignupAdmission(1, Duration.ZERO);
        CompletableFuture<String> holder = hold(admission, "druk");
        assertThrows(SignupBusyException.class, () -> admission.admit("druk", () -> "te laat"));
        admission.admit("andere", () -> "klaar");
        assertThrows(IllegalStateException.class, () -> admission.admit("fout", () -> {
            throw new IllegalStateException("de aanmelding zelf faalt");
        }));
        assertEquals(1, admission.eventsInUse(), "only the event whose turn is held");

        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        assertEquals(0, admission.eventsInUse());
    }

    /** Takes a turn for the event and keeps it until the test lets go; returns once the turn is taken. */
    private CompletableFuture<String> hold(SignupAdmission admission, String event) throws InterruptedException {
        CountDownLatch taken = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> admission.admit(event, () -> {
            taken.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "vastgehouden";
        }), threads);
        if (!taken.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the turn was not taken: " + holder);
        }
        return holder;
    }
}
