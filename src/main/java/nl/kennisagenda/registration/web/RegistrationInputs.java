package nl.kennisagenda.registration.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import nl.kennisagenda.event.FormField;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.service.SignupInput;
import nl.kennisagenda.registration.service.SignupValidator;

/** Turns HTML form posts and stored registrations into {@link SignupInput}. */
public final class RegistrationInputs {

    /** Form parameters that are not answers. */
    public static final String HONEYPOT = "website";

    private RegistrationInputs() {
    }

    /** The answers in a form post: known field keys only; radio groups per round become the session list. */
    public static SignupInput fromForm(MultivaluedMap<String, String> form, Iterable<FormField> fields) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (FormField field : fields) {
            List<String> submitted = form.get(field.fieldKey);
            if (submitted != null) {
                values.put(field.fieldKey, List.copyOf(submitted.stream().map(v -> v == null ? "" : v).toList()));
            }
        }
        List<String> sessions = new ArrayList<>();
        form.forEach((name, submitted) -> {
            if (name.startsWith(FormViews.ROUND_PREFIX) && submitted != null) {
                submitted.stream().filter(v -> v != null && !v.isBlank()).forEach(sessions::add);
            }
        });
        boolean newsletter = FormViews.isTicked(form.getFirst(SignupValidator.NEWSLETTER));
        return new SignupInput(values, sessions, newsletter);
    }

    /** A registration's current answers, to fill the change form. */
    static SignupInput of(Registration registration) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        put(values, FormField.FIRST_NAME, registration.firstName);
        put(values, FormField.LAST_NAME, registration.lastName);
        put(values, FormField.EMAIL, registration.email);
        put(values, FormField.ORGANISATION, registration.organisationName);
        put(values, FormField.ROLE, registration.jobRole);
        registration.answers.forEach((key, answer) -> values.put(key, List.of(answer.split("\n", -1))));
        if (registration.event.isHybrid()) {
            put(values, SignupValidator.ATTENDANCE_MODE, registration.attendanceMode.name());
        }
        // Single-line and text answers must not be split: only multi-select answers are joined by newlines.
        registration.event.formFields.forEach(field -> {
            String answer = registration.answers.get(field.fieldKey);
            if (answer != null && field.type != nl.kennisagenda.event.FieldType.MULTI_SELECT) {
                values.put(field.fieldKey, List.of(answer));
            }
        });
        List<String> sessions = registration.sessions.stream().map(item -> String.valueOf(item.id)).toList();
        return new SignupInput(values, sessions, registration.newsletterOptIn);
    }

    private static void put(Map<String, List<String>> values, String key, String value) {
        if (value != null) {
            values.put(key, List.of(value));
        }
    }
}
