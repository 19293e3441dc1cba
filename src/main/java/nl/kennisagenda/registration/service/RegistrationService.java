package nl.kennisagenda.registration.service;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import nl.kennisagenda.common.TransactionRetry;
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

    /** @see RegistrationOperations#signUp */
    public SignupResult signUp(String slug, SignupInput input, Locale locale) {
        return retry.inNewTransaction(() -> operations.signUp(slug, input, locale));
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
}
