package nl.kennisagenda.backoffice.editor;

import java.util.Map;

/** Small checks for typed text, shared by the editors: trimmed, empty becomes null, lengths enforced. */
final class Texts {

    private Texts() {
    }

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.replace("\r\n", "\n").strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static String required(String field, String value, int max, EditorMessages m, Map<String, String> errors) {
        String clean = clean(value);
        if (clean == null) {
            errors.put(field, m.error_required());
            return null;
        }
        return checkLength(field, clean, max, m, errors);
    }

    static String optional(String field, String value, int max, EditorMessages m, Map<String, String> errors) {
        String clean = clean(value);
        return clean == null ? null : checkLength(field, clean, max, m, errors);
    }

    private static String checkLength(String field, String clean, int max, EditorMessages m,
            Map<String, String> errors) {
        if (clean.length() > max) {
            errors.put(field, m.error_too_long(max));
            return null;
        }
        if (clean.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            errors.put(field, m.error_control_characters());
            return null;
        }
        return clean;
    }

    /** A whole number from a form field, or null when empty; records an error when it is not one. */
    static Integer number(String field, String value, int min, int max, EditorMessages m, Map<String, String> errors) {
        String clean = clean(value);
        if (clean == null) {
            return null;
        }
        if (!clean.matches("[0-9]{1,9}")) {
            errors.put(field, m.error_number(min, max));
            return null;
        }
        int n = Integer.parseInt(clean);
        if (n < min || n > max) {
            errors.put(field, m.error_number(min, max));
            return null;
        }
        return n;
    }
}
