package nl.kennisagenda.registration.admin;

/** Attendance cannot be recorded now: the event has not started, or a checked list is no longer valid. */
public class AttendanceRefusedException extends RuntimeException {

    public enum Reason {
        /** Before the start nobody can have attended: marking would only be a guess. */
        NOT_STARTED,
        /** The confirmation carries a preview that expired, was altered, or belongs to another event or account. */
        PREVIEW_INVALID,
        /** More people to mark than one confirmation can carry (AttendanceTickets#MAX_IDS). */
        TOO_MANY
    }

    private final Reason reason;

    public AttendanceRefusedException(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
