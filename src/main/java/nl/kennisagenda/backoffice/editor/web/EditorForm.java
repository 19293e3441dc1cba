package nl.kennisagenda.backoffice.editor.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import nl.kennisagenda.backoffice.editor.InvalidEditException;

/**
 * An editor form ready to render: the values as typed (or as stored), the errors by field name, and the error
 * summary. Field ids are "f-" + name, so summary links and aria-describedby point at the right element.
 */
public class EditorForm {

    private final Map<String, String> values;
    private final Map<String, String> errors;

    public EditorForm(Map<String, String> values, Map<String, String> errors) {
        this.values = values;
        this.errors = errors;
    }

    public static EditorForm empty() {
        return new EditorForm(new LinkedHashMap<>(), Map.of());
    }

    public static EditorForm of(Map<String, String> values) {
        return new EditorForm(values, Map.of());
    }

    /** The posted values (several values of one name joined by commas, for checkbox groups). */
    public static EditorForm posted(MultivaluedMap<String, String> form, InvalidEditException problem) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, list) -> values.put(name, String.join(",", list)));
        return new EditorForm(values, problem == null ? Map.of() : problem.errors);
    }

    public String value(String name) {
        String value = values.get(name);
        return value == null ? "" : value;
    }

    /** Whether a checkbox (value "true"/"on") is ticked, or a value is among a checkbox group's values. */
    public boolean checked(String name, Object value) {
        String current = values.get(name);
        if (current == null) {
            return false;
        }
        return Arrays.asList(current.split(",")).contains(String.valueOf(value));
    }

    public boolean ticked(String name) {
        String current = values.get(name);
        return current != null && (current.equals("true") || current.equals("on") || current.equals("yes"));
    }

    public boolean selected(String name, Object value) {
        return value(name).equals(String.valueOf(value));
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    public String error(String name) {
        return errors.get(name);
    }

    public boolean invalid() {
        return !errors.isEmpty();
    }

    public String pageError() {
        return errors.get(InvalidEditException.PAGE);
    }

    /** aria-describedby for a field: its help text (when it has one) and its error. */
    public String describedBy(String name, Object help) {
        List<String> ids = new ArrayList<>();
        if (help != null && !String.valueOf(help).isBlank()) {
            ids.add("f-" + name + "-help");
        }
        if (hasError(name)) {
            ids.add("f-" + name + "-error");
        }
        return String.join(" ", ids);
    }

    /** The error summary: field errors as links to the field. */
    public List<ErrorLink> summary() {
        List<ErrorLink> links = new ArrayList<>();
        errors.forEach((name, message) -> {
            if (!name.equals(InvalidEditException.PAGE)) {
                links.add(new ErrorLink("#f-" + name, message));
            }
        });
        return links;
    }

    public record ErrorLink(String href, String message) {
    }

    /** A form field's value as an id, or -1 (unknown to every service: 404 after the access check). */
    public static long id(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value != null && value.matches("[0-9]{1,18}") ? Long.parseLong(value) : -1;
    }
}
