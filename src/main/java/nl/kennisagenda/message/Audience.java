package nl.kennisagenda.message;

import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;

/**
 * The group of an event's registrations a message goes to (docs/messages.md, "Groups"). The same rule is written
 * twice, once as SQL for expanding the group in batches ({@link #sqlCondition}) and once in Java for the check when a
 * mail is rendered ({@link #includes}); {@code MessageAudienceTest} keeps the two in step.
 */
public enum Audience {
    /** Confirmed registrations. */
    CONFIRMED,
    /** Registrations on the waiting list. */
    WAITLIST,
    /** Confirmed registrations that chose one breakout session. */
    SESSION,
    /** Confirmed and checked in (present at the event). */
    PRESENT,
    /** Confirmed and not checked in (absent). */
    ABSENT,
    /** Every registration, whatever its status: for an event cancellation. */
    EVERYONE;

    /** Whether the registration belongs to this group now ({@code sessionId} only for {@link #SESSION}). */
    public boolean includes(Registration registration, Long sessionId) {
        boolean confirmed = registration.status == RegistrationStatus.CONFIRMED;
        return switch (this) {
            case CONFIRMED -> confirmed;
            case WAITLIST -> registration.status == RegistrationStatus.WAITLISTED;
            case SESSION -> confirmed && sessionId != null
                    && registration.sessions.stream().anyMatch(session -> sessionId.equals(session.id));
            case PRESENT -> confirmed && registration.checkedInAt != null;
            case ABSENT -> confirmed && registration.checkedInAt == null;
            case EVERYONE -> true;
        };
    }

    /**
     * The same rule as a condition on {@code registrations r} (parameter {@code :session} for {@link #SESSION}); the
     * caller adds the event.
     */
    public String sqlCondition() {
        return switch (this) {
            case CONFIRMED -> "r.status = 'CONFIRMED'";
            case WAITLIST -> "r.status = 'WAITLISTED'";
            case SESSION -> "r.status = 'CONFIRMED' and exists (select 1 from registration_sessions rs"
                    + " where rs.registration_id = r.id and rs.programme_item_id = :session)";
            case PRESENT -> "r.status = 'CONFIRMED' and r.checked_in_at is not null";
            case ABSENT -> "r.status = 'CONFIRMED' and r.checked_in_at is null";
            case EVERYONE -> "1 = 1";
        };
    }

    public boolean needsSession() {
        return this == SESSION;
    }
}
