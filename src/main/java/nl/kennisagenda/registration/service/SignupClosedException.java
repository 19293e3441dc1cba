package nl.kennisagenda.registration.service;

import java.time.Instant;

import nl.kennisagenda.event.SignupState;

/** Sign-up (or a change) is not possible for this event right now; says why and, if known, when it opens. */
public class SignupClosedException extends RuntimeException {

    private final String eventSlug;
    private final SignupState state;
    private final Instant opensAt;

    public SignupClosedException(String eventSlug, SignupState state, Instant opensAt) {
        super("Sign-up is " + state + " for " + eventSlug, null, false, false);
        this.eventSlug = eventSlug;
        this.state = state;
        this.opensAt = opensAt;
    }

    public String eventSlug() {
        return eventSlug;
    }

    public SignupState state() {
        return state;
    }

    public Instant opensAt() {
        return opensAt;
    }
}
