package nl.kennisagenda.event;

import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

import io.quarkus.datasource.common.runtime.DatabaseKind;

/**
 * The one way to take the row locks that guard an event's capacity: the event row first, then the rows of the given
 * breakout sessions in ascending id order. Every transaction that locks these rows (sign-up, change, cancellation,
 * promotion, the organiser's changes in {@link EventChangeService}) goes through here, so two transactions always
 * request them in the same order and can never deadlock on each other.
 *
 * <p>A lock is {@code SELECT … FOR UPDATE} ({@code em.refresh(entity, PESSIMISTIC_WRITE)}), which also reloads the
 * row: counters read before the lock may be stale. It is held until the transaction ends. A row this transaction has
 * already locked through here is not reloaded again, so a caller that locked an event, changed it (say, raised its
 * capacity) and then calls an operation that locks it again keeps its change, and the database sees no second
 * request. Before a reload the persistence context is flushed, so the transaction's own pending changes are written,
 * not thrown away. Change an event or its sessions only after locking them here: a change made before the lock
 * would be written over rows that another transaction may have changed meanwhile.
 *
 * <p>Nothing waits forever: on PostgreSQL the first call in a transaction runs {@code SET LOCAL lock_timeout}
 * ({@code kennisagenda.signup.lock-timeout}, gone at commit or rollback, so pooled connections keep the server
 * default); H2 has {@code LOCK_TIMEOUT} in its JDBC URL. A lock that is not granted in time fails the transaction with
 * a lock timeout, which {@link nl.kennisagenda.common.TransactionRetry} treats as transient.
 *
 * <p>Every method joins the caller's transaction ({@link TxType#MANDATORY}): a lock outside a transaction would be
 * released at once and protect nothing.
 */
@ApplicationScoped
public class EventLocks {

    /** The locked event and the locked sessions, in ascending id order (the same instances the caller holds). */
    public record Locked(Event event, List<ProgrammeItem> sessions) {
    }

    /** What this transaction already did; kept in the transaction's resources, gone when it ends. */
    private static final class Held {
        boolean lockTimeoutSet;
        final Set<Long> events = new HashSet<>();
        final Set<Long> sessions = new HashSet<>();
    }

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Inject
    LockConfig config;

    private Duration lockTimeout;
    private boolean postgres;

    @PostConstruct
    void detectDatabase() {
        lockTimeout = config.lockTimeout();
        if (lockTimeout.toMillis() < 1) {
            throw new IllegalStateException("kennisagenda.signup.lock-timeout must be at least 1ms, is " + lockTimeout);
        }
        postgres = DatabaseKind.isPostgreSQL(dbKind);
    }

    /** Locks the event row, refreshing it; see {@link #lock(long, Collection)}. */
    @Transactional(TxType.MANDATORY)
    public Event lockEvent(long eventId) {
        return lock(eventId, List.of()).event();
    }

    /**
     * Locks the event row, then the rows of the given sessions of that event in ascending id order, and returns the
     * managed, current entities. Sessions of another event are refused: their lock would not be covered by this
     * event's lock.
     *
     * @throws IllegalArgumentException no such event, or a session that does not belong to it
     */
    @Transactional(TxType.MANDATORY)
    public Locked lock(long eventId, Collection<Long> sessionIds) {
        Held held = held();
        setLockTimeout(held);
        TreeSet<Long> ordered = new TreeSet<>(sessionIds);
        if (!held.events.contains(eventId) || !held.sessions.containsAll(ordered)) {
            // A refresh overwrites the entity with the row: first write what this transaction changed (e.g. the
            // programme an organiser just moved), so the refresh reads it back instead of discarding it.
            em.flush();
        }
        Event event = lockRow(Event.class, eventId, held.events);
        if (event == null) {
            throw new IllegalArgumentException("No event with id " + eventId);
        }
        List<ProgrammeItem> sessions = new ArrayList<>();
        for (Long sessionId : ordered) {
            ProgrammeItem session = lockRow(ProgrammeItem.class, sessionId, held.sessions);
            if (session == null || session.event.id.longValue() != eventId) {
                throw new IllegalArgumentException("No session " + sessionId + " in event " + eventId);
            }
            sessions.add(session);
        }
        return new Locked(event, sessions);
    }

    /**
     * The managed entity with its row locked, current as of the lock; null when there is no such row. A row this
     * transaction locked before is returned as it is. One {@code SELECT … FOR UPDATE} when the entity is not in
     * the persistence context yet (a sign-up: nothing loaded the event before); else the entity is refreshed
     * with the lock, as it may have been read before the lock and be stale.
     */
    private <T> T lockRow(Class<T> type, long id, Set<Long> lockedBefore) {
        if (lockedBefore.contains(id)) {
            return em.find(type, id);
        }
        T entity;
        if (isManaged(type, id)) {
            entity = em.find(type, id);
            if (entity != null) {
                em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
            }
        } else {
            entity = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        }
        if (entity != null) {
            lockedBefore.add(id);
        }
        return entity;
    }

    /** Whether the persistence context holds the entity already (without loading it). */
    private boolean isManaged(Class<?> type, long id) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
        return session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister)) != null;
    }

    /**
     * Sets the lock timeout for the rest of this transaction (PostgreSQL; once per transaction). {@link #lock} does
     * this itself; call it first when the transaction writes rows another transaction may hold before it locks.
     */
    @Transactional(TxType.MANDATORY)
    public void setLockTimeout() {
        setLockTimeout(held());
    }

    /** The configured lock timeout (also the value H2's {@code LOCK_TIMEOUT} should have). */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    private void setLockTimeout(Held held) {
        if (!postgres || held.lockTimeoutSet) {
            return;
        }
        // doWork, not a native query: a query would flush first, and the flush may itself wait for a row lock.
        String sql = "set local lock_timeout = '" + lockTimeout.toMillis() + "ms'";
        em.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
        held.lockTimeoutSet = true;
    }

    private Held held() {
        Held held = (Held) transactions.getResource(Held.class);
        if (held == null) {
            held = new Held();
            transactions.putResource(Held.class, held);
        }
        return held;
    }
}
