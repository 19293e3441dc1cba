package nl.kennisagenda.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import jakarta.transaction.RollbackException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures count as "the database could not be reached", in the shapes they were seen in. */
class DatabaseUnavailableTest {

    private static SQLException driver(String message, String state) {
        return new SQLException(message, state, new EOFException());
    }

    @Test
    void aRefusedOrBrokenConnectionInTheCausesIs() {
        assertTrue(DatabaseUnavailable.isCauseOf(new JDBCConnectionException("Unable to acquire JDBC Connection",
                driver("Connection to 127.0.0.1:5432 refused", "08001"))));
        assertTrue(DatabaseUnavailable.isCauseOf(new IllegalStateException("wrapped",
                new RuntimeException(driver("An I/O error occurred while sending to the backend.", "08006")))));
        assertTrue(DatabaseUnavailable.isCauseOf(driver("terminating connection due to administrator command",
                "57P01")));
    }

    @Test
    void aCommitOnABrokenConnectionIsThoughTheDriversExceptionIsOnlySuppressed() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new javax.transaction.xa.XAException("Error trying to transactionCommit local "
                + "transaction") {
            {
                initCause(driver("An I/O error occurred while sending to the backend.", "08006"));
            }
        });
        assertTrue(DatabaseUnavailable.isCauseOf(new RuntimeException(commit)));
    }

    @Test
    void thePoolGivingUpWaitingForAConnectionIs() {
        assertTrue(DatabaseUnavailable.isCauseOf(new RuntimeException(
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException()))));
    }

    @Test
    void failuresOfTheWorkItselfAreNot() {
        assertFalse(DatabaseUnavailable.isCauseOf(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value", "23505"), "registrations_email")));
        assertFalse(DatabaseUnavailable.isCauseOf(new SQLException("canceling statement due to lock timeout",
                "55P03")));
        assertFalse(DatabaseUnavailable.isCauseOf(new IllegalStateException("no database involved")));
        assertFalse(DatabaseUnavailable.isCauseOf(null));
    }
}
