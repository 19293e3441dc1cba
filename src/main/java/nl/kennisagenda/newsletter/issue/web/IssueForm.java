package nl.kennisagenda.newsletter.issue.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import nl.kennisagenda.newsletter.issue.InvalidIssueException;
import nl.kennisagenda.newsletter.issue.NewsIssueMessages;
import nl.kennisagenda.newsletter.issue.NewsIssueTexts;
import nl.kennisagenda.web.FieldDescriptions;

/**
 * A newsletter form ready to render (settings, issue texts, scheduling): the values as typed or stored, the errors
 * by field name and the error summary. Field ids are "f-" + name, as the shared form tags ({@code progInput},
 * {@code progTextarea}, {@code progErrors}) expect.
 */
public class IssueForm {

    private final Map<String, String> values;
    private final Map<String, String> errors;

    public IssueForm(Map<String, String> values, Map<String, String> errors) {
        this.values = values;
        this.errors = errors;
    }

    public static IssueForm of(Map<String, String> values) {
        return new IssueForm(values, Map.of());
    }

    public static IssueForm posted(MultivaluedMap<String, String> form, InvalidIssueException problem) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, list) -> values.put(name, String.join(",", list)));
        return new IssueForm(values, problem == null ? Map.of() : problem.errors);
    }

    /** The same values with a refusal of the whole action (e.g. a test mail asked for a stale page). */
    public IssueForm withErrors(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        all.putAll(more);
        return new IssueForm(values, all);
    }

    public String value(String name) {
        String value = values.get(name);
        return value == null ? "" : value;
    }

    public boolean ticked(String name) {
        String current = values.get(name);
        return current != null && (current.equals("true") || current.equals("on"));
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

    public String pageError() {
        return errors.get(InvalidIssueException.PAGE);
    }

    public String describedBy(String name, Object help) {
        return FieldDescriptions.of(name, help, hasError(name));
    }

    public List<ErrorLink> summary() {
        NewsIssueMessages m = NewsIssueTexts.current();
        List<ErrorLink> links = new ArrayList<>();
        errors.forEach((name, message) -> {
            if (!name.equals(InvalidIssueException.PAGE)) {
                links.add(new ErrorLink("#f-" + name, label(name, m), message));
            }
        });
        return links;
    }

    public record ErrorLink(String href, String label, String message) {
    }

    static String label(String name, NewsIssueMessages m) {
        return switch (name) {
            case "weekday" -> m.field_weekday();
            case "timeOfDay" -> m.field_time();
            case "anchorDate" -> m.field_anchor();
            case "weeksAhead" -> m.field_weeks_ahead();
            case "materialWeeks" -> m.field_material_weeks();
            case "subjectNl" -> m.field_subject_nl();
            case "subjectEn" -> m.field_subject_en();
            case "introNl" -> m.field_intro_nl();
            case "introEn" -> m.field_intro_en();
            case "freeNl" -> m.field_free_nl();
            case "freeEn" -> m.field_free_en();
            case "sendAt" -> m.field_send_at();
            default -> name;
        };
    }
}
