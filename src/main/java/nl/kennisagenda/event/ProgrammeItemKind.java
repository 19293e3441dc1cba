package nl.kennisagenda.event;

/** Plenary parts are for everyone; breakout sessions run in parallel within a numbered round. */
public enum ProgrammeItemKind {
    PLENARY, BREAKOUT, BREAK
}
