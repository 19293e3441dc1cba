package nl.kennisagenda.registration.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a visitor submitted, before validation: answers by field key (several values for multi-selects),
 * chosen session ids as typed (may be anything), and the newsletter box. Built by the form and the API alike.
 *
 * @param values answers by field key; every list is non-null
 * @param sessions the raw session ids submitted, one per chosen session
 * @param newsletter whether the newsletter box was ticked
 */
public record SignupInput(Map<String, List<String>> values, List<String> sessions, boolean newsletter) {

    public SignupInput {
        values = values == null ? Map.of() : new LinkedHashMap<>(values);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    /** The first value for a key, or null. */
    public String first(String key) {
        List<String> list = values.get(key);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    public List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }
}
