package nl.kennisagenda.event;

import java.util.Objects;

import nl.kennisagenda.account.ActedBy;

/**
 * Fired synchronously inside the transaction that changed a published event in a way attendees must hear about,
 * so the update mails reach the outbox in that same transaction. The event's {@code icalSequence} has already
 * been raised when this is fired. {@code actedBy} says who made the change (the audit log records it).
 */
public record EventChanged(Event event, Change change, ActedBy actedBy) {

    public EventChanged {
        actedBy = Objects.requireNonNullElse(actedBy, ActedBy.system());
    }

    /** A change made by the system (tests, jobs). */
    public EventChanged(Event event, Change change) {
        this(event, change, ActedBy.system());
    }

    public enum Change {
        /** Time, place or join link changed: calendars must move the entry (METHOD:REQUEST, same UID). */
        RESCHEDULED,
        /** The event is cancelled: calendars must drop it (METHOD:CANCEL). */
        CANCELLED
    }
}
