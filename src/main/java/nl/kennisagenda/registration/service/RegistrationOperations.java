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

import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.event.AttendanceMode;
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
import nl.kennisagenda.registration.RegistrationMessages;
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
    nl.kennisagenda.privacy.PrivacyStatements privacy;

    @Inject
    EntityManager em;

    @Inject
    EventLocks locks;

    @Inject
    SignupValidator validator;

    @Inject
    SignupForms forms;

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
        return signUp(slug, input, locale, ActedBy.visitor());
    }

    /**
     * As {@link #signUp(String, SignupInput, Locale)}, by whoever is given. On an event that requires approval the
     * sign-up becomes {@link RegistrationStatus#PENDING}: it takes no place and joins no waiting list until an
     * organiser approves it ({@link #approve}).
     */
    @Transactional(TxType.MANDATORY)
    public SignupResult signUp(String slug, SignupInput input, Locale locale, ActedBy actedBy) {
        // The answers are checked against a kept copy of the form (SignupForms): no event, fields or programme are
        // loaded for this. The event row itself is read only once, under its lock, where the places are decided.
        SignupForm form = forms.find(slug).orElseThrow(() -> new UnknownEventException(slug));
        requireOpen(form);
        ValidatedSignup answers = validator.validate(form, input, locale, null);
        // The attendee insert below may wait for a concurrent insert of the same address: bound that wait too.
        locks.setLockTimeout();
        // The attendee row is written before the event lock is taken: a concurrent insert of the same address
        // then fails on the unique key without holding any event lock, and the retry finds the attendee.
        Attendee attendee = Attendee.findByEmail(answers.email()).orElse(null);
        boolean firstTime = attendee == null;
        if (firstTime) {
            attendee = newAttendee(answers.email());
        }
        // The look-up for an earlier registration also runs before the lock (it is one query less while every
        // other sign-up for this event waits). Safe: a registration that appears after this look-up was inserted
        // by a concurrent transaction, so our insert fails on the unique key (event, attendee) and the retry finds
        // it; one that existed is refreshed under the lock below, because its status changes only under that lock.
        // An address seen for the first time has none: no other transaction can refer to our uncommitted attendee.
        Registration existing = firstTime ? null
                : Registration.find("event.id = ?1 and attendee = ?2", form.eventId(), attendee).firstResult();

        EventLocks.Locked locked;
        try {
            locked = locks.lock(form.eventId(), answers.sessionIds());
        } catch (IllegalArgumentException e) {
            // The copy of the form still offered a session (or event) that another instance has just removed
            // (copies there are at most the page cache's max age old): the answer for any unknown one.
            forms.forget(slug);
            if (em.find(nl.kennisagenda.event.Event.class, form.eventId()) == null) {
                throw new UnknownEventException(slug);
            }
            throw new InvalidSignupException(Map.of(FormField.SESSIONS,
                    validator.messages(locale).error_session_unknown()));
        }
        nl.kennisagenda.event.Event event = locked.event();
        List<ProgrammeItem> sessions = locked.sessions();
        requireOpen(event);
        RegistrationStatus status = event.requiresApproval ? RegistrationStatus.PENDING
                : fits(event, answers.mode(), sessions) ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;

        if (existing != null) {
            reload(existing);
        }
        if (existing != null && !existing.isClosed()) {
            changes.fire(new RegistrationChanged(existing, Change.DUPLICATE_SIGNUP, actedBy, null));
            return new SignupResult(event.id, event.slug, status);
        }
        // The statement in force as the sign-up is stored: the one the notice on the form linked to, unless it was
        // changed in the minutes the visitor filled in the form (docs/architecture.md, "Privacy").
        String privacyVersion = actedBy.kind() == ActedBy.Kind.VISITOR ? privacy.currentVersion(event.organisation)
                : null;
        Registration registration = place(event, attendee, existing, status, locale, answers, sessions,
                privacyVersion);
        changes.fire(new RegistrationChanged(registration, changeFor(status), actedBy, null));
        return new SignupResult(event.id, event.slug, status);
    }

    private static Change changeFor(RegistrationStatus status) {
        return switch (status) {
            case CONFIRMED -> Change.CONFIRMED;
            case WAITLISTED -> Change.WAITLISTED;
            case PENDING -> Change.PENDING;
            default -> throw new IllegalArgumentException("A sign-up is not " + status);
        };
    }

    /** Writes a new (or renewed, after a cancellation) registration with the given status and counts it. */
    private Registration place(nl.kennisagenda.event.Event event, Attendee attendee, Registration existing,
            RegistrationStatus status, Locale locale, ValidatedSignup answers, List<ProgrammeItem> sessions,
            String privacyVersion) {
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
        registration.checkedInAt = null;
        registration.checkedInBy = null;
        apply(registration, answers, sessions);
        if (privacyVersion != null) {
            registration.privacyVersion = privacyVersion;
        }
        if (existing == null) {
            registration.persist();
        }
        count(registration, +1);
        return registration;
    }

    private Attendee findOrCreateAttendee(String email) {
        return Attendee.findByEmail(email).orElseGet(() -> newAttendee(email));
    }

    private static Attendee newAttendee(String email) {
        Attendee attendee = new Attendee();
        attendee.email = Attendee.normalise(email);
        attendee.persist();
        return attendee;
    }

    // ---------------------------------------------------------------- self-service

    /**
     * Changes answers and session choices. A confirmed person can only move to sessions with a free place; places
     * they leave go to the waiting list. A waitlisted person may choose any session and is promoted when they fit.
     */
    @Transactional(TxType.MANDATORY)
    public Registration update(String token, SignupInput input, Locale locale) {
        return update(token, input, locale, ActedBy.visitor());
    }

    /** @see #update(String, SignupInput, Locale) */
    @Transactional(TxType.MANDATORY)
    public Registration update(String token, SignupInput input, Locale locale, ActedBy actedBy) {
        Registration registration = Registration.findByToken(token).orElseThrow(UnknownRegistrationException::new);
        nl.kennisagenda.event.Event event = registration.event;
        requireChangeable(registration);
        ValidatedSignup answers = validator.validate(event, input, locale, registration.email);

        locks.lockEvent(event.id);
        reload(registration);
        requireChangeable(registration);
        // The sessions to lock are known only now: the registration's current ones, read under the event lock.
        Set<Long> involved = new LinkedHashSet<>(registration.sessionIds());
        involved.addAll(answers.sessionIds());
        Map<Long, ProgrammeItem> locked = new java.util.HashMap<>();
        locks.lock(event.id, involved).sessions().forEach(session -> locked.put(session.id, session));
        List<ProgrammeItem> chosen = answers.sessionIds().stream().map(locked::get).toList();
        if (registration.isConfirmed() && event.isHybrid() && answers.mode() != registration.attendanceMode
                && event.isFull(answers.mode())) {
            // A confirmed person keeps their place unless the other mode has one: refused, with the reason, rather
            // than silently trading a place for a waiting list.
            RegistrationMessages m = validator.messages(locale);
            throw new InvalidSignupException(Map.of(SignupValidator.ATTENDANCE_MODE,
                    m.error_mode_full(validator.modeLabel(answers.mode(), locale),
                            validator.modeLabel(registration.attendanceMode, locale))));
        }
        if (registration.isConfirmed()) {
            for (ProgrammeItem session : chosen) {
                if (!registration.sessions.contains(session) && session.isFull()) {
                    throw new InvalidSignupException(Map.of(FormField.SESSIONS,
                            validator.messages(locale).error_session_full(session.title)));
                }
            }
        }
        Set<Long> sessionsBefore = registration.sessionIds();
        AttendanceMode modeBefore = registration.mode();
        count(registration, -1);
        apply(registration, answers, chosen);
        registration.updatedAt = now();
        count(registration, +1);
        boolean calendarChanged = registration.raiseCalendarSequenceIfSessionsChanged(sessionsBefore);
        if (registration.mode() != modeBefore && !calendarChanged) {
            // Another mode is another LOCATION (and join link or address): the calendar entry changes too.
            registration.icalSequence++;
            calendarChanged = true;
        }
        changes.fire(new RegistrationChanged(registration, Change.UPDATED, actedBy, null, calendarChanged));
        promoteWaitlisted(event);
        return registration;
    }

    /** Cancels by the attendee's own token; cancelling twice is harmless. */
    @Transactional(TxType.MANDATORY)
    public Registration cancel(String token) {
        Registration registration = Registration.findByToken(token).orElseThrow(UnknownRegistrationException::new);
        if (registration.isClosed()) {
            return registration;
        }
        if (registration.event.isPast(now())) {
            throw new ChangeNotAllowedException();
        }
        return cancelLocked(registration, ActedBy.visitor());
    }

    /** Cancels on behalf of the system (no organiser known); see {@link #cancelByOrganiser(long, ActedBy)}. */
    @Transactional(TxType.MANDATORY)
    public Registration cancelByOrganiser(long registrationId) {
        return cancelByOrganiser(registrationId, ActedBy.system());
    }

    /** Cancels on behalf of the organiser (back-office), also after the event has started. */
    @Transactional(TxType.MANDATORY)
    public Registration cancelByOrganiser(long registrationId, ActedBy actedBy) {
        Registration registration = Registration.<Registration>findByIdOptional(registrationId)
                .orElseThrow(UnknownRegistrationException::new);
        return registration.isClosed() ? registration : cancelLocked(registration, actedBy);
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

    private Registration cancelLocked(Registration registration, ActedBy actedBy) {
        nl.kennisagenda.event.Event event = registration.event;
        locks.lockEvent(event.id);
        reload(registration);
        if (registration.isClosed()) {
            return registration;
        }
        lock(event, registration.sessions);
        count(registration, -1);
        registration.status = RegistrationStatus.CANCELLED;
        registration.cancelledAt = now();
        registration.updatedAt = registration.cancelledAt;
        changes.fire(new RegistrationChanged(registration, Change.CANCELLED, actedBy, null));
        promoteWaitlisted(event);
        return registration;
    }

    // ---------------------------------------------------------------- organiser actions (back-office)

    /**
     * Adds someone by hand. The same capacity rules as a sign-up, except that it never waits for approval: the
     * organiser decides. When the event or a chosen session is full the addition is refused with
     * {@link RegistrationRefusedException.Reason#FULL}, unless {@code overbook} is set: then the person gets a place
     * above the capacity, and the history says so ("overbooked"). Works also when sign-up is closed or the event has
     * started (walk-ins at the door), not for a cancelled event. An address with a live registration is refused.
     */
    @Transactional(TxType.MANDATORY)
    public Registration addByOrganiser(long eventId, SignupInput input, Locale locale, boolean overbook,
            ActedBy actedBy) {
        nl.kennisagenda.event.Event event = em.find(nl.kennisagenda.event.Event.class, eventId);
        if (event == null) {
            throw new UnknownEventException(Long.toString(eventId));
        }
        if (event.status == EventStatus.CANCELLED) {
            throw new ChangeNotAllowedException();
        }
        ValidatedSignup answers = validator.validate(event, input, locale, null);
        locks.setLockTimeout();
        Attendee attendee = findOrCreateAttendee(answers.email());
        Registration existing = Registration.find("event = ?1 and attendee = ?2", event, attendee).firstResult();
        List<ProgrammeItem> sessions = locks.lock(event.id, answers.sessionIds()).sessions();
        if (existing != null) {
            reload(existing);
            if (!existing.isClosed()) {
                throw new RegistrationRefusedException(RegistrationRefusedException.Reason.ALREADY_REGISTERED);
            }
        }
        boolean fits = fits(event, answers.mode(), sessions);
        if (!fits && !overbook) {
            throw new RegistrationRefusedException(RegistrationRefusedException.Reason.FULL);
        }
        Registration registration = place(event, attendee, existing, RegistrationStatus.CONFIRMED, locale, answers,
                sessions, null);
        changes.fire(new RegistrationChanged(registration, Change.CONFIRMED, actedBy,
                fits ? ADDED_BY_HAND : ADDED_BY_HAND + "; " + OVERBOOKED));
        return registration;
    }

    /** History detail of a registration added by hand. */
    public static final String ADDED_BY_HAND = "added by hand";
    /** History detail of a place given above the capacity, by the organiser's explicit choice. */
    public static final String OVERBOOKED = "overbooked";

    /**
     * Gives a waitlisted person a place, by the organiser's hand. Refused ({@code FULL}) when the event or one of
     * their sessions is full, unless {@code overbook} is set (then recorded as "overbooked").
     */
    @Transactional(TxType.MANDATORY)
    public Registration promote(long registrationId, boolean overbook, ActedBy actedBy) {
        Registration registration = lockedRegistration(registrationId);
        if (!registration.isWaitlisted()) {
            throw new RegistrationRefusedException(RegistrationRefusedException.Reason.NOT_WAITLISTED);
        }
        boolean fits = fits(registration.event, registration.attendanceMode, new ArrayList<>(registration.sessions));
        if (!fits && !overbook) {
            throw new RegistrationRefusedException(RegistrationRefusedException.Reason.FULL);
        }
        count(registration, -1);
        registration.status = RegistrationStatus.CONFIRMED;
        registration.updatedAt = now();
        count(registration, +1);
        changes.fire(new RegistrationChanged(registration, Change.PROMOTED, actedBy, fits ? null : OVERBOOKED));
        return registration;
    }

    /**
     * Approves a pending sign-up: a place when the event and its sessions have one (the normal confirmation), else
     * the waiting list (the normal waiting-list mail), joining it at the back: its place in the queue is the moment
     * of approval, not of the sign-up, so nobody already waiting is overtaken.
     */
    @Transactional(TxType.MANDATORY)
    public Registration approve(long registrationId, ActedBy actedBy) {
        Registration registration = lockedRegistration(registrationId);
        if (!registration.isPending()) {
            throw new RegistrationRefusedException(RegistrationRefusedException.Reason.NOT_PENDING);
        }
        boolean fits = fits(registration.event, registration.attendanceMode, new ArrayList<>(registration.sessions));
        registration.status = fits ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
        registration.updatedAt = now();
        if (!fits) {
            registration.createdAt = registration.updatedAt;
        }
        count(registration, +1);
        changes.fire(new RegistrationChanged(registration, fits ? Change.CONFIRMED : Change.WAITLISTED, actedBy,
                "approved"));
        return registration;
    }

    /** Declines a pending sign-up (its own mail). It never took a place, so no counter changes. */
    @Transactional(TxType.MANDATORY)
    public Registration decline(long registrationId, ActedBy actedBy) {
        Registration registration = lockedRegistration(registrationId);
        if (!registration.isPending()) {
            throw new RegistrationRefusedException(RegistrationRefusedException.Reason.NOT_PENDING);
        }
        registration.status = RegistrationStatus.DECLINED;
        registration.updatedAt = now();
        changes.fire(new RegistrationChanged(registration, Change.DECLINED, actedBy, null));
        return registration;
    }

    /**
     * Moves a registration from one session to another session of the same round. A confirmed person needs a free
     * place in the target session ({@code SESSION_FULL} otherwise); the place they leave goes to the waiting list.
     * A waitlisted person may move anywhere in the round and is promoted when they then fit. The person gets the
     * update mail with the new programme.
     */
    @Transactional(TxType.MANDATORY)
    public Registration move(long registrationId, long fromSessionId, long toSessionId, ActedBy actedBy) {
        Registration registration = lockedRegistration(registrationId);
        if (registration.isClosed()) {
            throw new ChangeNotAllowedException();
        }
        nl.kennisagenda.event.Event event = registration.event;
        ProgrammeItem from = registration.sessions.stream().filter(s -> s.id == fromSessionId).findFirst()
                .orElseThrow(() -> new RegistrationRefusedException(RegistrationRefusedException.Reason.NOT_IN_SESSION));
        ProgrammeItem to = em.find(ProgrammeItem.class, toSessionId);
        if (to == null || to.event.id.longValue() != event.id.longValue() || !to.isBreakout()
                || to.roundNumber == null || !to.roundNumber.equals(from.roundNumber)) {
            throw new RegistrationRefusedException(RegistrationRefusedException.Reason.NOT_SAME_ROUND);
        }
        if (from.id.equals(to.id)) {
            return registration;
        }
        Set<ProgrammeItem> involved = new LinkedHashSet<>(registration.sessions);
        involved.add(to);
        lock(event, involved);
        if (registration.isConfirmed() && to.isFull()) {
            throw new RegistrationRefusedException(RegistrationRefusedException.Reason.SESSION_FULL);
        }
        Set<Long> sessionsBefore = registration.sessionIds();
        count(registration, -1);
        registration.sessions.remove(from);
        registration.sessions.add(to);
        registration.updatedAt = now();
        count(registration, +1);
        boolean calendarChanged = registration.raiseCalendarSequenceIfSessionsChanged(sessionsBefore);
        changes.fire(new RegistrationChanged(registration, Change.MOVED, actedBy, from.title + " → " + to.title,
                calendarChanged));
        promoteWaitlisted(event);
        return registration;
    }

    /**
     * Marks a confirmed person present. Idempotent across devices: one conditional update sets the mark only when
     * it is not set, so two devices tapping at once give one check-in and one history line.
     *
     * @return whether this call checked the person in (false: they already were)
     */
    @Transactional(TxType.MANDATORY)
    public boolean checkIn(long registrationId, ActedBy actedBy) {
        return checkIn(registrationId, actedBy, now(), actedBy.name(), null);
    }

    /**
     * Marks a confirmed person present as {@link #checkIn(long, ActedBy)} does, with the moment and the "by" text
     * given: attendance recorded afterwards (a participant list, a list ticked by hand) does not know when the
     * person arrived, and says how it was recorded.
     *
     * @param detail what the history line adds, e.g. "participant list"; may be null
     */
    @Transactional(TxType.MANDATORY)
    public boolean checkIn(long registrationId, ActedBy actedBy, Instant at, String checkedInBy, String detail) {
        Registration registration = Registration.<Registration>findByIdOptional(registrationId)
                .orElseThrow(UnknownRegistrationException::new);
        if (!registration.isConfirmed()) {
            throw new RegistrationRefusedException(RegistrationRefusedException.Reason.NOT_CONFIRMED);
        }
        locks.setLockTimeout();
        em.flush();
        int changed = em.createQuery("update Registration r set r.checkedInAt = ?1, r.checkedInBy = ?2"
                + " where r.id = ?3 and r.checkedInAt is null")
                .setParameter(1, at).setParameter(2, checkedInBy).setParameter(3, registrationId)
                .executeUpdate();
        em.refresh(registration);
        if (changed > 0) {
            changes.fire(new RegistrationChanged(registration, Change.CHECKED_IN, actedBy, detail));
        }
        return changed > 0;
    }

    /** Takes a presence mark back; idempotent like {@link #checkIn}. @return whether a mark was removed */
    @Transactional(TxType.MANDATORY)
    public boolean undoCheckIn(long registrationId, ActedBy actedBy) {
        return undoCheckIn(registrationId, actedBy, null);
    }

    /** Takes a presence mark back, with a detail for the history line (e.g. "by hand"). */
    @Transactional(TxType.MANDATORY)
    public boolean undoCheckIn(long registrationId, ActedBy actedBy, String detail) {
        Registration registration = Registration.<Registration>findByIdOptional(registrationId)
                .orElseThrow(UnknownRegistrationException::new);
        locks.setLockTimeout();
        em.flush();
        int changed = em.createQuery("update Registration r set r.checkedInAt = null, r.checkedInBy = null"
                + " where r.id = ?1 and r.checkedInAt is not null")
                .setParameter(1, registrationId).executeUpdate();
        em.refresh(registration);
        if (changed > 0) {
            changes.fire(new RegistrationChanged(registration, Change.CHECK_IN_UNDONE, actedBy, detail));
        }
        return changed > 0;
    }

    /** The registration, read again under its event's lock and with its sessions locked. */
    private Registration lockedRegistration(long registrationId) {
        Registration registration = Registration.<Registration>findByIdOptional(registrationId)
                .orElseThrow(UnknownRegistrationException::new);
        locks.lockEvent(registration.event.id);
        reload(registration);
        lock(registration.event, registration.sessions);
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
            // Per mode: a place that came free on site goes to whoever waits for one on site, not online.
            if (fits(event, candidate.attendanceMode, new ArrayList<>(candidate.sessions))) {
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

    /** A place in the person's mode (the event's capacity when it is not hybrid) and in every chosen session. */
    private static boolean fits(nl.kennisagenda.event.Event event, AttendanceMode mode, List<ProgrammeItem> sessions) {
        return !event.isFull(mode) && sessions.stream().noneMatch(ProgrammeItem::isFull);
    }

    /** Adds (+1) or removes (-1) a registration from the counters that match its status. */
    private static void count(Registration registration, int delta) {
        nl.kennisagenda.event.Event event = registration.event;
        boolean online = registration.attendanceMode == AttendanceMode.ONLINE;
        switch (registration.status) {
            case CONFIRMED -> {
                event.confirmedCount += delta;
                event.onlineConfirmedCount += online ? delta : 0;
                registration.sessions.forEach(session -> session.confirmedCount += delta);
            }
            case WAITLISTED -> {
                event.waitlistedCount += delta;
                event.onlineWaitlistedCount += online ? delta : 0;
                registration.sessions.forEach(session -> session.waitlistedCount += delta);
            }
            case CANCELLED, PENDING, DECLINED -> {
                // Takes no place and is on no waiting list.
            }
        }
    }

    private static void apply(Registration registration, ValidatedSignup answers, List<ProgrammeItem> sessions) {
        registration.firstName = answers.firstName();
        registration.lastName = answers.lastName();
        registration.email = answers.email();
        registration.organisationName = answers.organisation();
        registration.jobRole = answers.role();
        AttendanceMode implied = registration.event.impliedMode();
        registration.attendanceMode = answers.mode() != null ? answers.mode()
                : implied != null ? implied : registration.attendanceMode;
        // Answers to fields the organiser has since removed from the form stay: only the current fields are replaced.
        // (A new registration has none, and needs no look at the form for that.)
        if (!registration.answers.isEmpty()) {
            java.util.Set<String> formKeys = new java.util.HashSet<>();
            SignupValidator.effectiveFields(registration.event).forEach(field -> formKeys.add(field.fieldKey));
            registration.answers.keySet().removeIf(formKeys::contains);
        }
        registration.answers.putAll(answers.answers());
        registration.sessions.clear();
        registration.sessions.addAll(sessions);
        registration.newsletterOptIn = answers.newsletter();
        registration.newsletterConsentText = answers.newsletter() ? answers.consentText() : null;
    }

    private void requireOpen(SignupForm form) {
        SignupState state = form.signupState(now());
        if (!state.isOpen()) {
            throw new SignupClosedException(form.slug(), state, form.signupOpensAt());
        }
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
        return registration.isChangeable(now());
    }
}
