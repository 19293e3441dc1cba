package nl.kennisagenda.backoffice.editor.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import nl.kennisagenda.backoffice.editor.EditorMessages;
import nl.kennisagenda.backoffice.editor.EditorTexts;
import nl.kennisagenda.backoffice.editor.InvalidEditException;
import nl.kennisagenda.web.FieldDescriptions;

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
        return FieldDescriptions.of(name, help, hasError(name));
    }

    /** The error summary: field errors as links to the field, each named by the field's label. */
    public List<ErrorLink> summary() {
        EditorMessages m = EditorTexts.current();
        List<ErrorLink> links = new ArrayList<>();
        errors.forEach((name, message) -> {
            if (!name.equals(InvalidEditException.PAGE)) {
                links.add(new ErrorLink("#f-" + name, label(name, m), message));
            }
        });
        return links;
    }

    public record ErrorLink(String href, String label, String message) {
    }

    /** The visible label of a field of one of the editor forms, for the error summary. */
    static String label(String name, EditorMessages m) {
        return switch (name) {
            case "kind" -> m.field_kind();
            case "materialKind" -> m.field_material_kind();
            case "startsAt" -> m.field_starts();
            case "endsAt" -> m.field_ends();
            case "titleNl" -> m.field_title_nl();
            case "titleEn" -> m.field_title_en();
            case "descriptionNl" -> m.field_description_nl();
            case "descriptionEn" -> m.field_description_en();
            case "round" -> m.field_round();
            case "room" -> m.field_room();
            case "capacity" -> m.field_capacity();
            case "speakers" -> m.field_speakers();
            case "newSpeakerName" -> m.field_new_speaker_name();
            case "newSpeakerOrganisation" -> m.field_new_speaker_organisation();
            case "type" -> m.field_type();
            case "labelNl" -> m.field_label_nl();
            case "labelEn" -> m.field_label_en();
            case "helpNl" -> m.field_help_nl();
            case "helpEn" -> m.field_help_en();
            case "optionsNl" -> m.field_options_nl();
            case "optionsEn" -> m.field_options_en();
            case "url" -> m.field_url();
            case "file" -> m.field_file();
            case "altNl" -> m.field_alt_nl();
            case "altEn" -> m.field_alt_en();
            case "name" -> m.field_name();
            case "role" -> m.field_role();
            case "organisationName" -> m.field_organisation();
            case "bioNl" -> m.field_bio_nl();
            case "bioEn" -> m.field_bio_en();
            default -> name;
        };
    }

    /** A form field's value as an id, or -1 (unknown to every service: 404 after the access check). */
    public static long id(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value != null && value.matches("[0-9]{1,18}") ? Long.parseLong(value) : -1;
    }
}
