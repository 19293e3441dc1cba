package nl.kennisagenda.registration.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.SignupState;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.RegistrationStatus;

/**
 * Sign-up, change and cancellation, with capacity and the waiting list.
 *
 * <p>Every change to the registrations of one event runs in a transaction that first locks that event's row with
 * {@code SELECT … FOR UPDATE} (JPA {@code PESSIMISTIC_WRITE}), then the rows of the breakout sessions involved,
 * always in ascending id order. The counters on the event and its sessions are read and written only under those
 * locks, so two sign-ups for the same event never decide on the same free place, whichever application instance
 * handles them: the lock lives in the shared database, not in this JVM.
 *
 * <p>Each change fires {@link RegistrationChanged} synchronously inside its transaction; observers (the mail outbox)
 * commit or roll back with it.
 */
@ApplicationScoped
public class RegistrationService {

    private static final Logger LOG = Logger.getLogger(RegistrationService.class);
    private static final int ATTEMPTS = 5;

    @Inject
    EntityManager em;

    @Inject
    SignupValidator validator;

    @Inject
    Event<RegistrationChanged> changes;

    Clock clock = Clock.systemUTC();

    // ---------------------------------------------------------------- reading

    /** The public event a visitor may sign up for (published or cancelled), with form and programme. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<nl.kennisagenda.event.Event> publicEvent(String slug) {
        return nl.kennisagenda.event.Event.findPublicBySlug(slug);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Registration> findByToken(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        return Registration.findByToken(token);
    }

    public Instant now() {
        return clock.instant();
    }

    // ---------------------------------------------------------------- sign-up

    /**
     * Signs a visitor up. Confirmed when the event and every chosen session have a free place, else waitlisted.
     * An address with a live registration for this event creates nothing new: the existing registration gets a
     * {@link Change#DUPLICATE_SIGNUP} (its owner is mailed), and the visitor gets the answer a new sign-up would have
     * got right now, so the answer does not tell whether the address was registered.
     *
     * @throws UnknownEventException no public event with this slug
     * @throws SignupClosedException sign-up is not open
     * @throws InvalidSignupException the answers break a rule
     */
    public SignupResult signUp(String slug, SignupInput input, Locale locale) {
        return withRetry(() -> signUpOnce(slug, input, locale));
    }

    private SignupResult signUpOnce(String slug, SignupInput input, Locale locale) {
        nl.kennisagenda.event.Event event = nl.kennisagenda.event.Event.findPublicBySlug(slug)
                .orElseThrow(() -> new UnknownEventException(slug));
        requireOpen(event);
        ValidatedSignup answers = validator.validate(event, input, locale, null);
        // The attendee row is written before the event lock is taken: a concurrent insert of the same address
        // then fails on the unique key without holding any event lock, and the retry finds the attendee.
        Attendee attendee = findOrCreateAttendee(answers.email());
        // The look-up for an earlier registration also runs before the lock (it is one query less while every
        // other sign-up for this event waits). Safe: a registration that appears after this look-up was inserted
        // by a concurrent transaction, so our insert fails on the unique key (event, attendee) and the retry finds
        // it; one that existed is refreshed under the lock below, because its status changes only under that lock.
        Registration existing = Registration.find("event = ?1 and attendee = ?2", event, attendee).firstResult();

        lockEvent(event);
        requireOpen(event);
        List<ProgrammeItem> sessions = lockSessions(answers.sessions());
        boolean fits = fits(event, sessions);
        RegistrationStatus status = fits ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;

        if (existing != null) {
            em.refresh(existing);
        }
        if (existing != null && !existing.isCancelled()) {
            changes.fire(new RegistrationChanged(existing, Change.DUPLICATE_SIGNUP));
            return new SignupResult(event.id, event.slug, status);
        }
        Registration registration = existing != null ? existing : new Registration();
        if (existing != null) {
            // Signing up again after a cancellation: the old calendar entry stays cancelled, this is a new one.
            registration.calendarGeneration++;
        }
        registration.event = event;
        registration.attendee = attendee;
        registration.status = status;
        registration.locale = locale != null && "en".equals(locale.getLanguage()) ? "en" : "nl";
        registration.cancelledAt = null;
        registration.reminderSentAt = null;
        // Order of arrival on the waiting list: a returning (formerly cancelled) person joins at the back.
        registration.createdAt = now();
        registration.updatedAt = registration.createdAt;
        apply(registration, answers, sessions);
        if (existing == null) {
            registration.persist();
        }
        count(registration, +1);
        changes.fire(new RegistrationChanged(registration,
                status == RegistrationStatus.CONFIRMED ? Change.CONFIRMED : Change.WAITLISTED));
        return new SignupResult(event.id, event.slug, status);
    }

    private Attendee findOrCreateAttendee(String email) {
        return Attendee.findByEmail(email).orElseGet(() -> {
            Attendee attendee = new Attendee();
            attendee.email = Attendee.normalise(email);
            attendee.persist();
            return attendee;
        });
    }

    // ---------------------------------------------------------------- self-service

    /**
     * Changes answers and session choices. A confirmed person can only move to sessions with a free place; places
     * they leave go to the waiting list. A waitlisted person may choose any session and is promoted when they fit.
     */
    public Registration update(String token, SignupInput input, Locale locale) {
        return withRetry(() -> {
            Registration registration = Registration.findByToken(token).orElseThrow(UnknownRegistrationException::new);
            nl.kennisagenda.event.Event event = registration.event;
            requireChangeable(registration);
            ValidatedSignup answers = validator.validate(event, input, locale, registration.email);

            lockEvent(event);
            em.refresh(registration);
            requireChangeable(registration);
            Set<ProgrammeItem> involved = new LinkedHashSet<>(registration.sessions);
            involved.addAll(answers.sessions());
            lockSessions(involved);
            if (registration.isConfirmed()) {
                for (ProgrammeItem session : answers.sessions()) {
                    if (!registration.sessions.contains(session) && session.isFull()) {
                        throw new InvalidSignupException(Map.of(FormField.SESSIONS,
                                validator.messages(locale).error_session_full(session.title)));
                    }
                }
            }
            count(registration, -1);
            apply(registration, answers, answers.sessions());
            registration.updatedAt = now();
            count(registration, +1);
            changes.fire(new RegistrationChanged(registration, Change.UPDATED));
            promoteWaitlisted(event);
            return registration;
        });
    }

    /** Cancels by the attendee's own token; cancelling twice is harmless. */
    public Registration cancel(String token) {
        return withRetry(() -> {
            Registration registration = Registration.findByToken(token).orElseThrow(UnknownRegistrationException::new);
            if (registration.isCancelled()) {
                return registration;
            }
            if (registration.event.isPast(now())) {
                throw new ChangeNotAllowedException();
            }
            return cancelLocked(registration);
        });
    }

    /** Cancels on behalf of the organiser (back-office), also after the event has started. */
    public Registration cancelByOrganiser(long registrationId) {
        return withRetry(() -> {
            Registration registration = Registration.<Registration>findByIdOptional(registrationId)
                    .orElseThrow(UnknownRegistrationException::new);
            return registration.isCancelled() ? registration : cancelLocked(registration);
        });
    }

    /**
     * Gives free places to the waiting list, e.g. after the organiser raised a capacity. Runs under the event lock.
     *
     * @return how many were promoted
     */
    public int promoteWaitlisted(long eventId) {
        return withRetry(() -> {
            nl.kennisagenda.event.Event event = em.find(nl.kennisagenda.event.Event.class, eventId,
                    LockModeType.PESSIMISTIC_WRITE);
            return event == null ? 0 : promoteWaitlisted(event);
        });
    }

    private Registration cancelLocked(Registration registration) {
        nl.kennisagenda.event.Event event = registration.event;
        lockEvent(event);
        em.refresh(registration);
        if (registration.isCancelled()) {
            return registration;
        }
        lockSessions(registration.sessions);
        count(registration, -1);
        registration.status = RegistrationStatus.CANCELLED;
        registration.cancelledAt = now();
        registration.updatedAt = registration.cancelledAt;
        changes.fire(new RegistrationChanged(registration, Change.CANCELLED));
        promoteWaitlisted(event);
        return registration;
    }

    // ---------------------------------------------------------------- capacity and waiting list

    /**
     * Promotes, in order of arrival, every waitlisted registration that now fits the event and all its sessions.
     * The caller holds the event lock; this locks all the event's breakout sessions in id order.
     */
    private int promoteWaitlisted(nl.kennisagenda.event.Event event) {
        if (event.waitlistedCount == 0 || event.isFull()) {
            return 0;
        }
        List<ProgrammeItem> breakouts = ProgrammeItem.list("event = ?1 and kind = ?2 order by id", event,
                nl.kennisagenda.event.ProgrammeItemKind.BREAKOUT);
        lockSessions(breakouts);
        List<Registration> waiting = Registration.list("event = ?1 and status = ?2 order by createdAt, id", event,
                RegistrationStatus.WAITLISTED);
        int promoted = 0;
        for (Registration candidate : waiting) {
            if (event.isFull()) {
                break;
            }
            if (fits(event, new ArrayList<>(candidate.sessions))) {
                count(candidate, -1);
                candidate.status = RegistrationStatus.CONFIRMED;
                candidate.updatedAt = now();
                count(candidate, +1);
                changes.fire(new RegistrationChanged(candidate, Change.PROMOTED));
                promoted++;
            }
        }
        if (promoted > 0) {
            LOG.debugf("Promoted %d from the waiting list of %s", promoted, event.slug);
        }
        return promoted;
    }

    private static boolean fits(nl.kennisagenda.event.Event event, List<ProgrammeItem> sessions) {
        return !event.isFull() && sessions.stream().noneMatch(ProgrammeItem::isFull);
    }

    /** Adds (+1) or removes (-1) a registration from the counters that match its status. */
    private static void count(Registration registration, int delta) {
        nl.kennisagenda.event.Event event = registration.event;
        switch (registration.status) {
            case CONFIRMED -> {
                event.confirmedCount += delta;
                registration.sessions.forEach(session -> session.confirmedCount += delta);
            }
            case WAITLISTED -> {
                event.waitlistedCount += delta;
                registration.sessions.forEach(session -> session.waitlistedCount += delta);
            }
            case CANCELLED -> {
            }
        }
    }

    private static void apply(Registration registration, ValidatedSignup answers, List<ProgrammeItem> sessions) {
        registration.firstName = answers.firstName();
        registration.lastName = answers.lastName();
        registration.email = answers.email();
        registration.organisationName = answers.organisation();
        registration.jobRole = answers.role();
        registration.answers.clear();
        registration.answers.putAll(answers.answers());
        registration.sessions.clear();
        registration.sessions.addAll(sessions);
        registration.newsletterOptIn = answers.newsletter();
        registration.newsletterConsentText = answers.newsletter() ? answers.consentText() : null;
    }

    /**
     * Takes the event's row lock and reloads its counters: {@code SELECT … FOR UPDATE}. Held until commit.
     * A refresh (not a plain lock) matters: the entity may have been read before, and a stale counter would
     * let two transactions hand out the same place.
     */
    private void lockEvent(nl.kennisagenda.event.Event event) {
        em.refresh(event, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locks and reloads session rows in ascending id order, the one order every transaction uses. */
    private List<ProgrammeItem> lockSessions(java.util.Collection<ProgrammeItem> sessions) {
        TreeMap<Long, ProgrammeItem> ordered = new TreeMap<>();
        sessions.forEach(session -> ordered.put(session.id, session));
        for (ProgrammeItem session : ordered.values()) {
            em.refresh(session, LockModeType.PESSIMISTIC_WRITE);
        }
        return new ArrayList<>(ordered.values());
    }

    private void requireOpen(nl.kennisagenda.event.Event event) {
        SignupState state = event.signupState(now());
        if (!state.isOpen()) {
            throw new SignupClosedException(event.slug, state, event.signupOpensAt);
        }
    }

    private void requireChangeable(Registration registration) {
        nl.kennisagenda.event.Event event = registration.event;
        if (registration.isCancelled() || event.status != EventStatus.PUBLISHED || !event.startsAt.isAfter(now())) {
            throw new ChangeNotAllowedException();
        }
    }

    /** Whether the person can still change or cancel: not cancelled, event published and not started. */
    public boolean isChangeable(Registration registration) {
        nl.kennisagenda.event.Event event = registration.event;
        return !registration.isCancelled() && event.status == EventStatus.PUBLISHED
                && event.startsAt.isAfter(now());
    }

    // ---------------------------------------------------------------- transactions

    /**
     * Runs the work in a new transaction and retries it when the database reports a conflict that a fresh attempt
     * resolves: a unique key race on the attendee or registration, a lock timeout or a deadlock victim.
     */
    private <T> T withRetry(Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                LOG.debugf("Retrying after a transient database conflict (attempt %d): %s", attempt, e);
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static boolean isTransient(Throwable error) {
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
