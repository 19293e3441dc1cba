package nl.kennisagenda.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code aria-describedby} of a back-office form field whose help and error elements follow the naming of the
 * {@code prog*} tags: {@code f-<name>-help} and {@code f-<name>-error}. One rule, so every form links the same way.
 */
public final class FieldDescriptions {

    private FieldDescriptions() {
    }

    /** The ids that describe the field: its help (when it has one) and its error (when it has one), or "". */
    public static String of(String name, Object help, boolean inError) {
        List<String> ids = new ArrayList<>(2);
        if (help != null && !String.valueOf(help).isBlank()) {
            ids.add("f-" + name + "-help");
        }
        if (inError) {
            ids.add("f-" + name + "-error");
        }
        return String.join(" ", ids);
    }
}
