package nl.kennisagenda.backoffice.service;

import java.util.Locale;

import nl.kennisagenda.backoffice.EventEditorMessages;

/** The event is not in a state that allows this action (409): why, in the reader's language. */
public class EventStateException extends RuntimeException {

    public enum Reason {
        NOT_A_DRAFT, NOT_PUBLISHED, HAS_REGISTRATIONS
    }

    private final Reason reason;

    public EventStateException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String message(Locale locale) {
        EventEditorMessages m = EditorTexts.in(locale);
        return switch (reason) {
            case NOT_A_DRAFT -> m.refused_not_a_draft();
            case NOT_PUBLISHED -> m.refused_not_published();
            case HAS_REGISTRATIONS -> m.refused_has_registrations();
        };
    }
}
