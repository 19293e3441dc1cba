package nl.kennisagenda.registration.web;

import java.util.List;

/**
 * A sign-up or change form ready to render: fields in order with their values and errors, the error summary,
 * the newsletter box with its exact consent text, and the CSRF token.
 */
public record FormView(List<FieldView> fields, List<ErrorLink> errors, boolean newsletter, String newsletterConsent,
        String csrfToken) {

    public boolean invalid() {
        return !errors.isEmpty();
    }

    public boolean anyRequired() {
        return fields.stream().anyMatch(FieldView::required);
    }

    /** One line of the error summary: a link to the field and the message. */
    public record ErrorLink(String href, String label, String message) {
    }

    /**
     * One form field. {@code control} says how to render it: input, textarea, select, multi, checkbox, sessions or
     * mode (the attendance mode of a hybrid event: radio buttons with the places left per mode as hint).
     */
    public record FieldView(String key, String id, String label, String help, String control, String inputType,
            String autocomplete, boolean required, String value, int maxLength, List<OptionView> options,
            List<RoundView> rounds, String error, boolean readOnly) {

        public String helpId() {
            return id + "-help";
        }

        public String errorId() {
            return id + "-error";
        }

        public boolean helpShown() {
            return help != null && !help.isBlank();
        }

        public boolean inError() {
            return error != null;
        }

        /** Value of aria-describedby: the help text and the error message, when present. */
        public String describedBy() {
            String ids = (helpShown() ? helpId() : "") + (inError() ? " " + errorId() : "");
            return ids.strip();
        }

        public boolean isChecked() {
            return "true".equals(value);
        }
    }

    /** An option: the value sent and stored (the Dutch text), and the text shown in the page's language. */
    public record OptionView(String value, String label, String id, boolean selected, String hint) {

        public OptionView(String value, String label, String id, boolean selected) {
            this(value, label, id, selected, null);
        }
    }

    /** One breakout round: a radio group with a legend. */
    /** A breakout round as a radio group; {@code inError}: this round is what the field's error is about. */
    public record RoundView(int number, String id, String name, String legend, boolean optional, boolean noneChosen,
            List<SessionView> sessions, boolean inError) {

        /** The first choice that can be chosen: where the error summary's link puts the focus. */
        public String firstInputId() {
            return sessions.stream().filter(session -> !session.disabled()).map(SessionView::inputId).findFirst()
                    .orElse(optional ? id + "-none" : id);
        }
    }

    public record SessionView(long id, String inputId, String title, String time, String room, String places,
            boolean full, boolean disabled, boolean checked) {
    }
}
