package nl.kennisagenda.registration.service;

import java.util.LinkedHashMap;
import java.util.Map;

/** The submitted answers break one or more rules; messages are in the visitor's language, by field key. */
public class InvalidSignupException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidSignupException(Map<String, String> errors) {
        super("Invalid sign-up: " + errors.keySet(), null, false, false);
        this.errors = new LinkedHashMap<>(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
