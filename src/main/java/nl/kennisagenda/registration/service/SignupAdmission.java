package nl.kennisagenda.registration.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Lets at most {@link SignupAdmissionConfig#perEvent()} sign-ups for one event into the database at a time on this
 * instance; the others wait their turn here, first come first served, without a database connection.
 *
 * <p>Why: every sign-up for an event waits for that event's row lock while holding a pooled connection. A burst of
 * hundreds for one event (a newsletter goes out) filled the instance's whole pool with such waiters; everything else
 * the instance had to do with the database (sign-ups for other events, pages, the back-office, the mail senders) had
 * to wait behind them, and whatever waited longer than the pool's 30 s acquisition timeout failed, as a bare 500 for
 * the sign-ups at the back of the queue. Found by {@code reliability.ScaleOutIT} (200 simultaneous sign-ups through
 * nginx on a busy machine).
 *
 * <p>This is load shaping, not a guarantee: each instance has its own turns, and what keeps an event from being
 * overbooked is still the row lock in the database ({@code EventLocks}). A sign-up that cannot get a turn within
 * {@link SignupAdmissionConfig#maxWait()} is refused with {@link SignupBusyException} before anything is written.
 */
@ApplicationScoped
public class SignupAdmission {

    /** Retry-After of the busy answer: a burst is over within a minute or two. */
    static final long RETRY_AFTER_SECONDS = 60;

    private final int perEvent;
    private final Duration maxWait;
    /** Turns per event key, only while someone holds or waits for one: no entry is left behind per slug tried. */
    private final Map<String, Turns> turns = new ConcurrentHashMap<>();

    @Inject
    public SignupAdmission(SignupAdmissionConfig config) {
        this(config.perEvent(), config.maxWait());
    }

    SignupAdmission(int perEvent, Duration maxWait) {
        if (perEvent < 1) {
            throw new IllegalArgumentException("kennisagenda.signup.admission.per-event must be at least 1");
        }
        this.perEvent = perEvent;
        this.maxWait = maxWait;
    }

    /**
     * Runs the work when the event has a free turn on this instance, waiting at most the configured time for one.
     *
     * @throws SignupBusyException no turn came free in time; the work did not run
     */
    public <T> T admit(String event, Supplier<T> work) {
        Turns mine = turns.compute(event, (key, existing) -> {
            Turns counted = existing == null ? new Turns(perEvent) : existing;
            counted.users++;
            return counted;
        });
        try {
            if (!mine.semaphore.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SignupBusyException(RETRY_AFTER_SECONDS);
            }
            try {
                return work.get();
            } finally {
                mine.semaphore.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignupBusyException(RETRY_AFTER_SECONDS);
        } finally {
            turns.computeIfPresent(event, (key, counted) -> --counted.users == 0 ? null : counted);
        }
    }

    /** Events with someone holding or waiting for a turn, for tests. */
    int eventsInUse() {
        return turns.size();
    }

    private static final class Turns {
        final Semaphore semaphore;
        /** Holders and waiters; changed only inside the map's compute, which runs one at a time per key. */
        int users;

        Turns(int permits) {
            semaphore = new Semaphore(permits, true);
        }
    }
}
