package nl.kennisagenda.event;

/** Whether a visitor can sign up for an event right now, and if not, why not. */
public enum SignupState {
    OPEN, NOT_YET_OPEN, CLOSED, PAST, CANCELLED, NOT_PUBLISHED;

    public boolean isOpen() {
        return this == OPEN;
    }

    /** The state of an event with this status, start and sign-up window at the moment {@code now}. */
    public static SignupState of(EventStatus status, java.time.Instant startsAt, java.time.Instant opensAt,
            java.time.Instant closesAt, java.time.Instant now) {
        if (status == EventStatus.CANCELLED) {
            return CANCELLED;
        }
        if (status != EventStatus.PUBLISHED) {
            return NOT_PUBLISHED;
        }
        if (!startsAt.isAfter(now)) {
            return PAST;
        }
        if (opensAt != null && now.isBefore(opensAt)) {
            return NOT_YET_OPEN;
        }
        if (closesAt != null && !now.isBefore(closesAt)) {
            return CLOSED;
        }
        return OPEN;
    }
}
