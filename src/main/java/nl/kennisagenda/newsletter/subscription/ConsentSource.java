package nl.kennisagenda.newsletter.subscription;

/** Through which way an opt-in request came in, as its consent record states. */
public enum ConsentSource {
    /** The general form at /newsletter. */
    FORM,
    /** An organisation's own form at /organisations/{slug}/newsletter. */
    ORGANISATION_FORM,
    /** The newsletter box of an event's sign-up form. */
    EVENT_SIGNUP,
    /** An organiser's import of an existing list (with a stated legal basis). */
    IMPORT,
    /** The subscriber's own preferences page (reached through a mailed link). */
    PREFERENCES
}
