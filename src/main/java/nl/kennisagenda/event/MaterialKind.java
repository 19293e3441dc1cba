package nl.kennisagenda.event;

/** What an attendee finds behind a material link after the event. */
public enum MaterialKind {
    SLIDES, RECORDING, DOCUMENT, LINK
}
