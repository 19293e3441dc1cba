package nl.kennisagenda.event;

/**
 * Fired synchronously inside the transaction that changed a published event in a way attendees must hear about,
 * so the update mails reach the outbox in that same transaction. The event's {@code icalSequence} has already
 * been raised when this is fired.
 */
public record EventChanged(Event event, Change change) {

    public enum Change {
        /** Time, place or join link changed: calendars must move the entry (METHOD:REQUEST, same UID). */
        RESCHEDULED,
        /** The event is cancelled: calendars must drop it (METHOD:CANCEL). */
        CANCELLED
    }
}
