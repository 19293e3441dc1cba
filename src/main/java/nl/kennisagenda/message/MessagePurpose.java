package nl.kennisagenda.message;

/** Why a message was written: an ordinary message, or one of the two follow-ups after the event. */
public enum MessagePurpose {
    MESSAGE, FOLLOW_UP_PRESENT, FOLLOW_UP_ABSENT
}
