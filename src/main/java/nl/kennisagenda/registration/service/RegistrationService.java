package nl.kennisagenda.registration.service;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.common.TransactionRetry;
import nl.kennisagenda.event.EventLocks;
import nl.kennisagenda.registration.Registration;

/**
 * The entry point of the web pages and the API for sign-up, change and cancellation: each call is one unit of work
 * in a transaction of its own, retried as a whole in a fresh transaction on a lock timeout, deadlock, serialization
 * failure or unique-key race ({@link TransactionRetry}). The work itself is {@link RegistrationOperations}, which
 * joins the caller's transaction; code that already runs in a transaction (an organiser action that has locked the
 * event) calls that directly. These methods refuse to run inside a transaction.
 */
@ApplicationScoped
public class RegistrationService {

    @Inject
    RegistrationOperations operations;

    @Inject
    TransactionRetry retry;

    @Inject
    EventLocks locks;

    @Inject
    SignupAdmission admission;

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
        return operations.now();
    }

    /** Whether the person can still change or cancel: not cancelled, event published and not started. */
    public boolean isChangeable(Registration registration) {
        return operations.isChangeable(registration);
    }

    // ---------------------------------------------------------------- changes, each in its own transaction

    /**
     * A visitor's sign-up, once the event has a free turn on this instance ({@link SignupAdmission}).
     *
     * @throws SignupBusyException too many sign-ups for the event at once: nothing was saved
     * @see RegistrationOperations#signUp
     */
    public SignupResult signUp(String slug, SignupInput input, Locale locale) {
        return admission.admit(slug, () -> retry.inNewTransaction(() -> operations.signUp(slug, input, locale)));
    }

    /** @see RegistrationOperations#update */
    public Registration update(String token, SignupInput input, Locale locale) {
        return retry.inNewTransaction(() -> operations.update(token, input, locale));
    }

    /** @see RegistrationOperations#cancel */
    public Registration cancel(String token) {
        return retry.inNewTransaction(() -> operations.cancel(token));
    }

    /** @see RegistrationOperations#cancelByOrganiser */
    public Registration cancelByOrganiser(long registrationId) {
        return retry.inNewTransaction(() -> operations.cancelByOrganiser(registrationId));
    }

    /** @see RegistrationOperations#promoteWaitlisted */
    public int promoteWaitlisted(long eventId) {
        return retry.inNewTransaction(() -> operations.promoteWaitlisted(eventId));
    }

    // ---------------------------------------------------------------- organiser actions, access checked here

    /**
     * Adds someone by hand to an event of the actor's organisations; see {@link RegistrationOperations#addByOrganiser}.
     *
     * @throws io.quarkus.security.ForbiddenException the actor may not change this event
     */
    public Registration addByOrganiser(Actor actor, long eventId, SignupInput input, Locale locale, boolean overbook) {
        return retry.inNewTransaction(() -> {
            requireCanChangeEvent(actor, eventId);
            return operations.addByOrganiser(eventId, input, locale, overbook, ActedBy.of(actor));
        });
    }

    /** Cancels a registration of the event; see {@link RegistrationOperations#cancelByOrganiser(long, ActedBy)}. */
    public Registration cancelByOrganiser(Actor actor, long eventId, long registrationId) {
        return retry.inNewTransaction(() -> {
            requireCanChange(actor, eventId, registrationId);
            return operations.cancelByOrganiser(registrationId, ActedBy.of(actor));
        });
    }

    /** @see RegistrationOperations#promote */
    public Registration promote(Actor actor, long eventId, long registrationId, boolean overbook) {
        return retry.inNewTransaction(() -> {
            requireCanChange(actor, eventId, registrationId);
            return operations.promote(registrationId, overbook, ActedBy.of(actor));
        });
    }

    /** @see RegistrationOperations#approve */
    public Registration approve(Actor actor, long eventId, long registrationId) {
        return retry.inNewTransaction(() -> {
            requireCanChange(actor, eventId, registrationId);
            return operations.approve(registrationId, ActedBy.of(actor));
        });
    }

    /** @see RegistrationOperations#decline */
    public Registration decline(Actor actor, long eventId, long registrationId) {
        return retry.inNewTransaction(() -> {
            requireCanChange(actor, eventId, registrationId);
            return operations.decline(registrationId, ActedBy.of(actor));
        });
    }

    /** @see RegistrationOperations#move */
    public Registration move(Actor actor, long eventId, long registrationId, long fromSessionId, long toSessionId) {
        return retry.inNewTransaction(() -> {
            requireCanChange(actor, eventId, registrationId);
            return operations.move(registrationId, fromSessionId, toSessionId, ActedBy.of(actor));
        });
    }

    /** @see RegistrationOperations#checkIn */
    public boolean checkIn(Actor actor, long eventId, long registrationId) {
        return retry.inNewTransaction(() -> {
            requireCanChange(actor, eventId, registrationId);
            return operations.checkIn(registrationId, ActedBy.of(actor));
        });
    }

    /** @see RegistrationOperations#undoCheckIn */
    public boolean undoCheckIn(Actor actor, long eventId, long registrationId) {
        return retry.inNewTransaction(() -> {
            requireCanChange(actor, eventId, registrationId);
            return operations.undoCheckIn(registrationId, ActedBy.of(actor));
        });
    }

    /**
     * Switches "aanmelding onder voorbehoud" on or off. Switching it off leaves pending sign-ups pending: the
     * organiser still decides on each.
     */
    public void setRequiresApproval(Actor actor, long eventId, boolean requiresApproval) {
        retry.inNewTransaction(() -> {
            requireCanChangeEvent(actor, eventId);
            nl.kennisagenda.event.Event event = locks.lockEvent(eventId);
            event.requiresApproval = requiresApproval;
            return null;
        });
    }

    private static nl.kennisagenda.event.Event requireCanChangeEvent(Actor actor, long eventId) {
        nl.kennisagenda.event.Event event = nl.kennisagenda.event.Event.<nl.kennisagenda.event.Event>findByIdOptional(
                eventId).orElseThrow(() -> new UnknownEventException(Long.toString(eventId)));
        AccessPolicy.requireCanChange(actor, event.organisation);
        return event;
    }

    private static void requireCanChange(Actor actor, long eventId, long registrationId) {
        requireCanChangeEvent(actor, eventId);
        Registration registration = Registration.<Registration>findByIdOptional(registrationId)
                .orElseThrow(UnknownRegistrationException::new);
        if (registration.event.id.longValue() != eventId) {
            throw new UnknownRegistrationException();
        }
    }
}
