package nl.kennisagenda.newsletter.issue;

import java.util.Map;

/**
 * An organiser's newsletter change that breaks a rule: messages in the page's language by form field name, or
 * under {@link #PAGE} for a refusal of the whole action (e.g. the issue is no longer a draft). Shown again with 422.
 */
public class InvalidIssueException extends RuntimeException {

    public static final String PAGE = "_page";

    public final Map<String, String> errors;

    public InvalidIssueException(Map<String, String> errors) {
        super("Invalid newsletter change: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public static InvalidIssueException refused(String message) {
        return new InvalidIssueException(Map.of(PAGE, message));
    }
}
