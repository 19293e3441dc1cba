package nl.kennisagenda.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Interceptor;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.type.Type;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged;

/**
 * Tells {@link PageCache} what changed, after the change commits. One hook for every writer, so no edit path can
 * forget it: a Hibernate interceptor sees every entity and collection that a flush inserts, updates or deletes.
 * <ul>
 * <li>An entity of the event feature ({@code nl.kennisagenda.event}: events, organisations, speakers, programme,
 * form fields, materials) or an image: <b>content</b>, pages rendered before are not served again. Except when the
 * only properties that changed are counters (names ending in {@code Count}: {@code confirmedCount},
 * {@code waitlistedCount}, session counters): that is a sign-up, see places.</li>
 * <li>A registration inserted, changed or deleted, or a {@link RegistrationChanged} event (which also covers
 * sign-ups that change counters with a bulk {@code UPDATE} the interceptor cannot see): <b>places</b>, pages are
 * rendered again once older than the places lag.</li>
 * <li>Anything else (outbox, history, audit, newsletter): nothing.</li>
 * </ul>
 * The effect is applied in a JTA synchronization after a successful commit, so a page rendered from the old rows
 * while the transaction ran is dropped as soon as the commit returns, and a rolled-back change drops nothing.
 * Bulk and native SQL updates of event tables are not seen (there are none; the max age bounds them).
 */
@PersistenceUnitExtension
@ApplicationScoped
public class PageChanges implements Interceptor, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Object KEY = PageChanges.class;

    @Inject
    transient TransactionSynchronizationRegistry transactions;

    @Inject
    transient PageCache cache;

    void registrationChanged(@Observes RegistrationChanged changed) {
        mark(false);
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        noteEntity(entity);
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        noteEntity(entity);
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
            String[] propertyNames, Type[] types) {
        if (entity instanceof Registration) {
            mark(false);
        } else if (showsOnPages(entity)) {
            if (onlyCountersChanged(currentState, previousState, propertyNames, types)) {
                mark(false);
            } else {
                mark(true);
                return entity instanceof Event event && stampUpdatedAt(event, currentState, previousState,
                        propertyNames);
            }
        }
        return false;
    }

    /**
     * An event's {@code updatedAt} (its calendar entries' LAST-MODIFIED) is the moment of its last change other than
     * its counters: set here, where that difference is known, rather than in a {@code @PreUpdate} callback, which
     * would also stamp every sign-up. An edit that set the time itself keeps it.
     */
    private static boolean stampUpdatedAt(Event event, Object[] current, Object[] previous, String[] names) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals("updatedAt")) {
                if (previous != null && !Objects.equals(current[i], previous[i])) {
                    return false;
                }
                Instant now = Instant.now();
                current[i] = now;
                event.updatedAt = now;
                return true;
            }
        }
        return false;
    }

    @Override
    public void onCollectionRecreate(Object collection, Object key) {
        noteCollection(collection);
    }

    @Override
    public void onCollectionRemove(Object collection, Object key) {
        noteCollection(collection);
    }

    @Override
    public void onCollectionUpdate(Object collection, Object key) {
        noteCollection(collection);
    }

    private void noteEntity(Object entity) {
        if (entity instanceof Registration) {
            mark(false);
        } else if (showsOnPages(entity)) {
            mark(true);
        }
    }

    private void noteCollection(Object collection) {
        if (collection instanceof PersistentCollection<?> persistent && showsOnPages(persistent.getOwner())) {
            mark(true);
        }
    }

    static boolean showsOnPages(Object entity) {
        if (entity == null) {
            return false;
        }
        String name = entity.getClass().getName();
        return name.startsWith("nl.kennisagenda.event.") || name.startsWith("nl.kennisagenda.image.");
    }

    /**
     * Compared by the property's Hibernate type, not {@code equals}: an embedded value (the event's practical
     * information) is another instance after every load and would otherwise always look changed.
     */
    static boolean onlyCountersChanged(Object[] current, Object[] previous, String[] names, Type[] types) {
        if (previous == null) {
            return false;
        }
        boolean any = false;
        for (int i = 0; i < names.length; i++) {
            if (!types[i].isEqual(current[i], previous[i])) {
                if (!names[i].endsWith("Count")) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** Notes a change of content (or else of places) in this transaction, applied to the cache when it commits. */
    private void mark(boolean content) {
        if (transactions.getTransactionKey() == null) {
            // No JTA transaction (a flush always has one): apply at once rather than never.
            Pending now = new Pending(cache);
            now.note(content);
            now.afterCompletion(Status.STATUS_COMMITTED);
            return;
        }
        Pending pending = (Pending) transactions.getResource(KEY);
        if (pending == null) {
            pending = new Pending(cache);
            transactions.putResource(KEY, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        pending.note(content);
    }

    private static final class Pending implements Synchronization {
        private final PageCache cache;
        boolean content;
        boolean places;

        Pending(PageCache cache) {
            this.cache = cache;
        }

        void note(boolean contentChanged) {
            if (contentChanged) {
                content = true;
            } else {
                places = true;
            }
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                return;
            }
            if (content) {
                cache.contentChanged();
            }
            if (places) {
                cache.placesChanged();
            }
        }
    }
}
