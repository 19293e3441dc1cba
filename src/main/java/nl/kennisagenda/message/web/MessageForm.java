package nl.kennisagenda.message.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import nl.kennisagenda.backoffice.editor.InvalidEditException;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.message.AdmMsgMessages;
import nl.kennisagenda.message.MessageLink;
import nl.kennisagenda.message.MessageMails;
import nl.kennisagenda.message.OrganiserMessage;
import nl.kennisagenda.message.OrganiserMessages;
import nl.kennisagenda.message.OrganiserMessages.LinkInput;
import nl.kennisagenda.message.OrganiserMessages.MessageInput;
import nl.kennisagenda.web.FieldDescriptions;

/**
 * The message form ready to render: values as typed (or as stored) and errors by field, with the error summary.
 * Field ids are "f-" + name, as in the editor forms, so the shared form tags (progInput, progTextarea, progErrors)
 * work with it.
 */
public class MessageForm {

    private final Map<String, String> values;
    private final Map<String, String> errors;

    MessageForm(Map<String, String> values, Map<String, String> errors) {
        this.values = values;
        this.errors = errors;
    }

    static MessageForm empty() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("audience", "CONFIRMED");
        return new MessageForm(values, Map.of());
    }

    static MessageForm of(OrganiserMessage message) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("audience", message.session == null ? message.audience.name() : "SESSION-" + message.session.id);
        values.put("subjectNl", message.subjectNl);
        values.put("bodyNl", message.bodyNl);
        values.put("subjectEn", message.subjectEn);
        values.put("bodyEn", message.bodyEn);
        for (int i = 0; i < message.links.size(); i++) {
            MessageLink link = message.links.get(i);
            values.put("linkLabel" + (i + 1), link.label);
            values.put("linkUrl" + (i + 1), link.url);
        }
        return new MessageForm(values, Map.of());
    }

    static MessageForm posted(MultivaluedMap<String, String> form, InvalidEditException problem) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        return new MessageForm(values, problem == null ? Map.of() : problem.errors);
    }

    /** The same values with other errors (e.g. the content saved, then the schedule refused). */
    MessageForm withErrors(InvalidEditException problem) {
        return new MessageForm(values, problem.errors);
    }

    /** The same form with one more value. */
    MessageForm withValue(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return new MessageForm(more, errors);
    }

    static MessageInput input(MultivaluedMap<String, String> form) {
        List<LinkInput> links = new ArrayList<>();
        for (int i = 1; i <= OrganiserMessages.MAX_LINKS; i++) {
            links.add(new LinkInput(form.getFirst("linkLabel" + i), form.getFirst("linkUrl" + i)));
        }
        return new MessageInput(form.getFirst("audience"), form.getFirst("subjectNl"), form.getFirst("bodyNl"),
                form.getFirst("subjectEn"), form.getFirst("bodyEn"), links);
    }

    public String value(String name) {
        String value = values.get(name);
        return value == null ? "" : value;
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

    /** The numbers of the link rows, 1 to {@link OrganiserMessages#MAX_LINKS}. */
    public List<Integer> linkRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 1; i <= OrganiserMessages.MAX_LINKS; i++) {
            rows.add(i);
        }
        return rows;
    }

    /** aria-describedby for a field: its help text (when it has one) and its error. */
    public String describedBy(String name, Object help) {
        return FieldDescriptions.of(name, help, hasError(name));
    }

    public record ErrorLink(String href, String label, String message) {
    }

    /** The error summary: field errors as links to the field, each named by the field's label. */
    public List<ErrorLink> summary() {
        AdmMsgMessages m = MessageMails.messages(CurrentLocale.from(null).getLanguage());
        List<ErrorLink> links = new ArrayList<>();
        errors.forEach((name, message) -> {
            if (!name.equals(InvalidEditException.PAGE)) {
                links.add(new ErrorLink("#f-" + name, label(name, m), message));
            }
        });
        return links;
    }

    private static String label(String name, AdmMsgMessages m) {
        if (name.startsWith("linkLabel")) {
            return m.field_link_label(Integer.parseInt(name.substring("linkLabel".length())));
        }
        if (name.startsWith("linkUrl")) {
            return m.field_link_url(Integer.parseInt(name.substring("linkUrl".length())));
        }
        return switch (name) {
            case "audience" -> m.field_audience();
            case "subjectNl" -> m.field_subject_nl();
            case "bodyNl" -> m.field_body_nl();
            case "subjectEn" -> m.field_subject_en();
            case "bodyEn" -> m.field_body_en();
            case "sendDate" -> m.field_send_date();
            case "sendTime" -> m.field_send_time();
            case "surveyUrl" -> m.field_survey_url();
            default -> name;
        };
    }
}
