package nl.kennisagenda.registration.service;

/** No registration with this token; the message never contains the token. */
public class UnknownRegistrationException extends RuntimeException {

    public UnknownRegistrationException() {
        super("No registration with this token", null, false, false);
    }
}
