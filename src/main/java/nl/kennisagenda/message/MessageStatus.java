package nl.kennisagenda.message;

/** Where an organiser message stands. Only DRAFT and SCHEDULED messages can be changed; only SCHEDULED cancelled. */
public enum MessageStatus {
    /** Being written; goes nowhere. */
    DRAFT,
    /** Waits for its send time ({@code send_at}); "send now" is scheduled for the moment it is pressed. */
    SCHEDULED,
    /** A dispatcher holds it (lease) and is writing one outbox mail per recipient, batch by batch. */
    SENDING,
    /** Every recipient has their outbox mail; {@code recipient_count} and {@code sent_at} are set. */
    SENT,
    /** Cancelled while it was scheduled: nothing was sent. */
    CANCELLED;

    public boolean isEditable() {
        return this == DRAFT || this == SCHEDULED;
    }
}
