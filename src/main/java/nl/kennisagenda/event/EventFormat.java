package nl.kennisagenda.event;

/** Where an event takes place. */
public enum EventFormat {
    ONLINE, IN_PERSON, HYBRID
}
