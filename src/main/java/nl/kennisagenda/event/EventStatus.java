package nl.kennisagenda.event;

/** Lifecycle of an event; only PUBLISHED and CANCELLED events are public. */
public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED
}
