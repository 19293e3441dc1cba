package nl.kennisagenda.registration.service;

/** No public event with this slug. */
public class UnknownEventException extends RuntimeException {

    public UnknownEventException(String slug) {
        super("No public event " + slug, null, false, false);
    }
}
