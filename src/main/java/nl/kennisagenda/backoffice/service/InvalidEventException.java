package nl.kennisagenda.backoffice.service;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import nl.kennisagenda.backoffice.EventEditorMessages;

/** The event cannot be saved as typed: a problem per field (keys are the {@link EventInput} component names). */
public class InvalidEventException extends RuntimeException {

    public record FieldError(EventProblem problem, Integer number) {
    }

    private final Map<String, FieldError> errors;

    public InvalidEventException(Map<String, FieldError> errors) {
        super("Invalid event: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, FieldError> errors() {
        return errors;
    }

    /** The messages per field in the given language, in a stable order. */
    public Map<String, String> messages(Locale locale) {
        EventEditorMessages m = EditorTexts.in(locale);
        Map<String, String> texts = new LinkedHashMap<>();
        errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> texts.put(e.getKey(), e.getValue().problem().text(m, e.getValue().number())));
        return texts;
    }
}
