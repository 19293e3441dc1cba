package nl.kennisagenda.registration;

import nl.kennisagenda.account.ActedBy;

/**
 * Fired synchronously inside the transaction that changed a registration, so that observers (the mail outbox, the
 * registration history, later the newsletter) write their effects in that same transaction: the change, its mail
 * and its history line commit or roll back together.
 *
 * @param actedBy who did it (a visitor, an organiser, or the system for automatic effects)
 * @param detail what the history should add, e.g. "overbooked" or the sessions of a move; may be null
 * @param calendarChanged the change altered what the person's own calendar entry shows (their sessions), and its
 *        SEQUENCE was raised ({@link Registration#raiseCalendarSequenceIfSessionsChanged}): the mail about it carries
 *        the updated invite
 */
public record RegistrationChanged(Registration registration, Change change, ActedBy actedBy, String detail,
        boolean calendarChanged) {

    public RegistrationChanged {
        actedBy = actedBy == null ? ActedBy.system() : actedBy;
    }

    /** A change that leaves the person's calendar entry as it was (or brings its own invite, as a confirmation). */
    public RegistrationChanged(Registration registration, Change change, ActedBy actedBy, String detail) {
        this(registration, change, actedBy, detail, false);
    }

    /** A change made by the system, without detail. */
    public RegistrationChanged(Registration registration, Change change) {
        this(registration, change, ActedBy.system(), null);
    }

    public enum Change {
        /** Signed up and got a place (also: added by hand by an organiser). */
        CONFIRMED,
        /** Signed up while the event or a chosen session was full. */
        WAITLISTED,
        /** Moved from the waiting list to a place because one came free, or by an organiser. */
        PROMOTED,
        /** Cancelled by the attendee or the organiser. */
        CANCELLED,
        /** Answers or session choices changed by the attendee. */
        UPDATED,
        /** Someone signed up again with an address that already has a registration for this event. */
        DUPLICATE_SIGNUP,
        /** Signed up for an event that requires approval: waits for the organiser's decision. */
        PENDING,
        /** Pending sign-up declined by the organiser. */
        DECLINED,
        /** Moved to another session of a round by an organiser (no mail of its own beyond the update). */
        MOVED,
        /** Marked present on the day (no mail). */
        CHECKED_IN,
        /** Presence mark taken back (no mail). */
        CHECK_IN_UNDONE
    }
}
