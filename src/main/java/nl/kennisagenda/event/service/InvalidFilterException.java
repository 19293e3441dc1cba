package nl.kennisagenda.event.service;

import nl.kennisagenda.i18n.AppMessages;

/** A filter parameter that cannot be understood; pages and the API answer it with 400 and a clear message. */
public class InvalidFilterException extends RuntimeException {

    public enum Field {
        FORMAT("format"), MONTH("month"), QUERY("q"), PAGE("page");

        public final String parameter;

        Field(String parameter) {
            this.parameter = parameter;
        }
    }

    public final Field field;
    public final String value;

    public InvalidFilterException(Field field, String value) {
        super("Invalid value for " + field.parameter + ": " + value);
        this.field = field;
        this.value = value;
    }

    /** The explanation for the visitor or API client, in the language of the given bundle. */
    public String message(AppMessages msg) {
        return switch (field) {
            case FORMAT -> msg.filter_invalid_format(value);
            case MONTH -> msg.filter_invalid_month(value);
            case QUERY -> msg.filter_invalid_q();
            case PAGE -> msg.filter_invalid_page(value);
        };
    }
}
