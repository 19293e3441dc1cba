package nl.kennisagenda.registration.service;

/** An organiser's action on a registration that the rules refuse (409 in the API, a message on the page). */
public class RegistrationRefusedException extends RuntimeException {

    public enum Reason {
        /** The event or a chosen session has no free place, and overbooking was not chosen. */
        FULL,
        /** The target session of a move has no free place. */
        SESSION_FULL,
        /** The address already has a live registration for this event. */
        ALREADY_REGISTERED,
        NOT_WAITLISTED,
        NOT_PENDING,
        NOT_CONFIRMED,
        NOT_IN_SESSION,
        NOT_SAME_ROUND
    }

    private final Reason reason;

    public RegistrationRefusedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
