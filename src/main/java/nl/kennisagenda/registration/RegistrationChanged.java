package nl.kennisagenda.registration;

/**
 * Fired synchronously inside the transaction that changed a registration, so that observers (the mail outbox,
 * later the newsletter) write their effects in that same transaction: the change and its mail commit or roll back
 * together.
 */
public record RegistrationChanged(Registration registration, Change change) {

    public enum Change {
        /** Signed up and got a place. */
        CONFIRMED,
        /** Signed up while the event or a chosen session was full. */
        WAITLISTED,
        /** Moved from the waiting list to a place because one came free. */
        PROMOTED,
        /** Cancelled by the attendee or the organiser. */
        CANCELLED,
        /** Answers or session choices changed by the attendee. */
        UPDATED,
        /** Someone signed up again with an address that already has a registration for this event. */
        DUPLICATE_SIGNUP
    }
}
