package nl.kennisagenda.backoffice.editor;

import java.util.Map;

/**
 * An organiser's change that breaks a rule: messages in the page's language by form field name (the key
 * {@link #PAGE} for a refusal that belongs to no single field). The resource shows the form again with 422.
 */
public class InvalidEditException extends RuntimeException {

    public static final String PAGE = "_page";

    public final Map<String, String> errors;

    public InvalidEditException(Map<String, String> errors) {
        super("Invalid edit: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public static InvalidEditException refused(String message) {
        return new InvalidEditException(Map.of(PAGE, message));
    }
}
