package nl.kennisagenda.registration.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import nl.kennisagenda.event.EventLocks;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.event.SignupState;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.RegistrationStatus;

/**
 * Sign-up, change, cancellation and promotion from the waiting list, in the caller's transaction.
 *
 * <p>Every operation is {@link TxType#MANDATORY}: it joins the transaction of its caller and never starts or
 * suspends one. So an organiser action can lock an event, change it and promote from the waiting list as one unit: the
 * locks it already holds are simply its own (see {@link EventLocks}). MANDATORY rather than REQUIRED because locks
 * taken in a transaction nobody owns would have nobody to retry on a lock timeout or deadlock: whoever calls these
 * owns the transaction and its retry. Visitors' requests come through {@link RegistrationService}, which runs each
 * operation in a new transaction and retries the whole of it ({@link nl.kennisagenda.common.TransactionRetry}).
 *
 * <p>Locks come from {@link EventLocks}: the event row first, then session rows in ascending id order. The counters on
 * the event and its sessions are read and written only under those locks, so two sign-ups for the same event never
 * decide on the same free place, whichever application instance handles them: the lock lives in the shared
 * database, not in this JVM.
 *
 * <p>Each change fires {@link RegistrationChanged} synchronously inside the transaction; observers (the mail outbox)
 * commit or roll back with it. An exception marks the caller's transaction for rollback.
 */
@ApplicationScoped
public class RegistrationOperations {

    private static final Logger LOG = Logger.getLogger(RegistrationOperations.class);

    @Inject
    EntityManager em;

    @Inject
    EventLocks locks;

    @Inject
    SignupValidator validator;

    @Inject
    Event<RegistrationChanged> changes;

    Clock clock = Clock.systemUTC();

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
    @Transactional(TxType.MANDATORY)
    public SignupResult signUp(String slug, SignupInput input, Locale locale) {
        nl.kennisagenda.event.Event event = nl.kennisagenda.event.Event.findPublicBySlug(slug)
                .orElseThrow(() -> new UnknownEventException(slug));
        requireOpen(event);
        ValidatedSignup answers = validator.validate(event, input, locale, null);
        // The attendee insert below may wait for a concurrent insert of the same address: bound that wait too.
        locks.setLockTimeout();
        // The attendee row is written before the event lock is taken: a concurrent insert of the same address
        // then fails on the unique key without holding any event lock, and the retry finds the attendee.
        Attendee attendee = findOrCreateAttendee(answers.email());
        // The look-up for an earlier registration also runs before the lock (it is one query less while every
        // other sign-up for this event waits). Safe: a registration that appears after this look-up was inserted
        // by a concurrent transaction, so our insert fails on the unique key (event, attendee) and the retry finds
        // it; one that existed is refreshed under the lock below, because its status changes only under that lock.
        Registration existing = Registration.find("event = ?1 and attendee = ?2", event, attendee).firstResult();

        List<ProgrammeItem> sessions = lock(event, answers.sessions()).sessions();
        requireOpen(event);
        boolean fits = fits(event, sessions);
        RegistrationStatus status = fits ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;

        if (existing != null) {
            reload(existing);
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
    @Transactional(TxType.MANDATORY)
    public Registration update(String token, SignupInput input, Locale locale) {
        Registration registration = Registration.findByToken(token).orElseThrow(UnknownRegistrationException::new);
        nl.kennisagenda.event.Event event = registration.event;
        requireChangeable(registration);
        ValidatedSignup answers = validator.validate(event, input, locale, registration.email);

        locks.lockEvent(event.id);
        reload(registration);
        requireChangeable(registration);
        // The sessions to lock are known only now: the registration's current ones, read under the event lock.
        Set<ProgrammeItem> involved = new LinkedHashSet<>(registration.sessions);
        involved.addAll(answers.sessions());
        lock(event, involved);
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
    }

    /** Cancels by the attendee's own token; cancelling twice is harmless. */
    @Transactional(TxType.MANDATORY)
    public Registration cancel(String token) {
        Registration registration = Registration.findByToken(token).orElseThrow(UnknownRegistrationException::new);
        if (registration.isCancelled()) {
            return registration;
        }
        if (registration.event.isPast(now())) {
            throw new ChangeNotAllowedException();
        }
        return cancelLocked(registration);
    }

    /** Cancels on behalf of the organiser (back-office), also after the event has started. */
    @Transactional(TxType.MANDATORY)
    public Registration cancelByOrganiser(long registrationId) {
        Registration registration = Registration.<Registration>findByIdOptional(registrationId)
                .orElseThrow(UnknownRegistrationException::new);
        return registration.isCancelled() ? registration : cancelLocked(registration);
    }

    /**
     * Gives free places to the waiting list, e.g. after the organiser raised a capacity, in the caller's transaction.
     * The caller may already hold the event's lock (taken through {@link EventLocks}) and may have changed the event
     * under it: the change is kept and counts.
     *
     * @return how many were promoted (0 for an unknown event)
     */
    @Transactional(TxType.MANDATORY)
    public int promoteWaitlisted(long eventId) {
        nl.kennisagenda.event.Event event = em.find(nl.kennisagenda.event.Event.class, eventId);
        if (event == null) {
            return 0;
        }
        locks.lockEvent(eventId);
        return promoteWaitlisted(event);
    }

    private Registration cancelLocked(Registration registration) {
        nl.kennisagenda.event.Event event = registration.event;
        locks.lockEvent(event.id);
        reload(registration);
        if (registration.isCancelled()) {
            return registration;
        }
        lock(event, registration.sessions);
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
     * The caller holds the event lock; this locks all the event's breakout sessions (in id order).
     */
    private int promoteWaitlisted(nl.kennisagenda.event.Event event) {
        if (event.waitlistedCount == 0 || event.isFull()) {
            return 0;
        }
        List<ProgrammeItem> breakouts = ProgrammeItem.list("event = ?1 and kind = ?2", event,
                ProgrammeItemKind.BREAKOUT);
        lock(event, breakouts);
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

    /**
     * Reads a registration again now that its event is locked (its status changes only under that lock). Flushed
     * first: an earlier operation in the same transaction may have changed it (promoted it, say), and a refresh
     * alone would throw that change away while the counters keep it.
     */
    private void reload(Registration registration) {
        em.flush();
        em.refresh(registration);
    }

    /** Locks the event (if this transaction does not hold it yet) and then the sessions, in ascending id order. */
    private EventLocks.Locked lock(nl.kennisagenda.event.Event event, java.util.Collection<ProgrammeItem> sessions) {
        return locks.lock(event.id, sessions.stream().map(session -> session.id).toList());
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
        // Answers to fields the organiser has since removed from the form stay: only the current fields are replaced.
        java.util.Set<String> formKeys = new java.util.HashSet<>();
        SignupValidator.effectiveFields(registration.event).forEach(field -> formKeys.add(field.fieldKey));
        registration.answers.keySet().removeIf(formKeys::contains);
        registration.answers.putAll(answers.answers());
        registration.sessions.clear();
        registration.sessions.addAll(sessions);
        registration.newsletterOptIn = answers.newsletter();
        registration.newsletterConsentText = answers.newsletter() ? answers.consentText() : null;
    }

    private void requireOpen(nl.kennisagenda.event.Event event) {
        SignupState state = event.signupState(now());
        if (!state.isOpen()) {
            throw new SignupClosedException(event.slug, state, event.signupOpensAt);
        }
    }

    private void requireChangeable(Registration registration) {
        if (!isChangeable(registration)) {
            throw new ChangeNotAllowedException();
        }
    }

    /** Whether the person can still change or cancel: not cancelled, event published and not started. */
    public boolean isChangeable(Registration registration) {
        nl.kennisagenda.event.Event event = registration.event;
        return !registration.isCancelled() && event.status == EventStatus.PUBLISHED
                && event.startsAt.isAfter(now());
    }
}
