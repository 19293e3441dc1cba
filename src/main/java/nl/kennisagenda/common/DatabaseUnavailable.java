package nl.kennisagenda.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.hibernate.exception.JDBCConnectionException;

/**
 * The one rule for "this failed because the database could not be reached", as opposed to a failure of the work
 * itself. Such a failure says nothing about the request: the same request may succeed a moment later, so the web
 * layer answers it with 503 and Retry-After instead of a 500, and retry loops give up at once instead of hammering
 * a database that is away.
 *
 * <p>Where it surfaces (seen in {@code reliability/DatabaseOutageIT}): the driver reports a refused or broken
 * connection with SQLState class {@code 08} (PostgreSQL: "Connection refused", "An I/O error occurred while sending
 * to the backend", "This connection has been closed"), which Hibernate turns into a {@link JDBCConnectionException};
 * a commit on a broken connection reaches the caller as the transaction manager's exceptions, with the driver's
 * exception among their suppressed ones; the pool (Agroal) gives up waiting for a connection with an
 * {@link SQLException} caused by a {@link TimeoutException} ({@code quarkus.datasource.jdbc.acquisition-timeout}).
 */
public final class DatabaseUnavailable {

    /**
     * PostgreSQL states that mean the server is going away or not accepting connections: admin shutdown, crash
     * shutdown, cannot connect now (starting up or in recovery), too many connections.
     */
    private static final Set<String> SERVER_AWAY = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    /**
     * Whether this failure, or any failure it was caused by, is the database being unreachable. Suppressed
     * exceptions count as causes: a commit that fails on a broken connection reaches the caller as the transaction
     * manager's {@code RollbackException} ("Could not commit transaction") with the driver's exception only among
     * the suppressed ones.
     */
    public static boolean isCauseOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> toSee = new ArrayDeque<>();
        if (failure != null) {
            toSee.add(failure);
        }
        while (!toSee.isEmpty() && seen.size() < 50) {
            Throwable t = toSee.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (isConnectionFailure(t)) {
                return true;
            }
            if (t.getCause() != null) {
                toSee.add(t.getCause());
            }
            toSee.addAll(Arrays.asList(t.getSuppressed()));
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return state != null && (state.startsWith("08") || SERVER_AWAY.contains(state))
                    || sql.getCause() instanceof TimeoutException;
        }
        return false;
    }
}
