package nl.kennisagenda.event;

/** Whether a visitor can sign up for an event right now, and if not, why not. */
public enum SignupState {
    OPEN, NOT_YET_OPEN, CLOSED, PAST, CANCELLED, NOT_PUBLISHED;

    public boolean isOpen() {
        return this == OPEN;
    }
}
