package nl.kennisagenda.registration.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.kennisagenda.event.FormField;
import nl.kennisagenda.registration.RegistrationMessages;
import nl.kennisagenda.registration.service.InvalidSignupException;
import nl.kennisagenda.registration.service.SignupInput;
import nl.kennisagenda.registration.service.SignupValidator;

/** Turns the API's JSON object (field key → value) into a {@link SignupInput}; wrong JSON types become 422s. */
final class ApiInputs {

    private static final int MAX_LIST = 50;

    private ApiInputs() {
    }

    static SignupInput from(Map<String, Object> body, RegistrationMessages m) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> sessions = new ArrayList<>();
        boolean newsletter = false;
        if (body == null) {
            throw new InvalidSignupException(Map.of(FormField.EMAIL, m.error_required()));
        }
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            if (key.equals(SignupValidator.NEWSLETTER)) {
                if (value instanceof Boolean ticked) {
                    newsletter = ticked;
                } else {
                    errors.put(key, m.error_invalid_value());
                }
            } else if (key.equals(FormField.SESSIONS)) {
                if (value instanceof List<?> list && list.size() <= MAX_LIST
                        && list.stream().allMatch(id -> id instanceof Number || id instanceof String)) {
                    list.forEach(id -> sessions.add(String.valueOf(id)));
                } else {
                    errors.put(key, m.error_invalid_value());
                }
            } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                values.put(key, List.of(String.valueOf(value)));
            } else if (value instanceof List<?> list && list.size() <= MAX_LIST
                    && list.stream().allMatch(item -> item instanceof String)) {
                values.put(key, list.stream().map(String.class::cast).toList());
            } else {
                errors.put(key.length() > 60 ? "_unknown" : key, m.error_invalid_value());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSignupException(errors);
        }
        return new SignupInput(values, sessions, newsletter);
    }
}
