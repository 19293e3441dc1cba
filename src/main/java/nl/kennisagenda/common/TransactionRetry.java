package nl.kennisagenda.common;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The outer edge of a unit of work that takes row locks: runs it in a transaction of its own and, when the database
 * reports a conflict that a fresh attempt resolves (lock timeout, deadlock victim, serialization failure, a unique-key
 * race), rolls that transaction back and runs the whole unit again in a new one, at most {@value #ATTEMPTS} times,
 * with a short random pause in between so the contenders do not collide again in step.
 *
 * <p>It refuses to start inside a transaction. A new transaction there would suspend the caller, which may hold the
 * very locks the work needs (it would wait on its own paused caller), and a retry inside the caller's transaction is
 * impossible: after a failed statement that transaction can only roll back. Code already in a transaction calls the
 * operations that join it (e.g. {@code RegistrationOperations}) and leaves the retry to whoever owns the transaction.
 */
@ApplicationScoped
public class TransactionRetry {

    private static final Logger LOG = Logger.getLogger(TransactionRetry.class);

    /** Attempts in all, the first included. */
    public static final int ATTEMPTS = 5;
    /** Upper bound of the first pause; it doubles per attempt, and the pause is random between half of it and it. */
    private static final long FIRST_BACKOFF_MILLIS = 10;

    @Inject
    TransactionManager transactionManager;

    /**
     * Runs the work in a new transaction, committed when it returns and rolled back when it throws; a transient
     * failure of the work or of its commit runs it again in another new transaction.
     *
     * @throws IllegalStateException when called inside a transaction
     */
    public <T> T inNewTransaction(Supplier<T> work) {
        requireNoTransaction();
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                LOG.debugf("Retrying after a transient database conflict (attempt %d): %s", attempt, e);
                pause(attempt, e);
            }
        }
    }

    private void requireNoTransaction() {
        int status;
        try {
            status = transactionManager.getStatus();
        } catch (SystemException e) {
            throw new IllegalStateException("Cannot read the transaction status", e);
        }
        if (status != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("Called inside a transaction: join it with the operation itself "
                    + "(transaction MANDATORY) and let the owner of the transaction retry");
        }
    }

    private static void pause(int attempt, RuntimeException cause) {
        long bound = FIRST_BACKOFF_MILLIS << (attempt - 1);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound / 2, bound + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    /**
     * Whether a fresh transaction may succeed where this one failed: a lock timeout or lock not available, a deadlock
     * victim, a serialization failure, or a unique-key violation (two transactions inserting the same key: the retry
     * finds the other's row).
     */
    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof org.hibernate.PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // unique violation, serialization failure, deadlock, lock not available, H2 lock timeout
                if (state.equals("23505") || state.equals("40001") || state.equals("40P01")
                        || state.equals("55P03") || state.equals("HYT00")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
