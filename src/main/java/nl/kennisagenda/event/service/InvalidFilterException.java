package nl.kennisagenda.event.service;

/** A filter parameter that cannot be understood; pages and the API answer it with 400 and a clear message. */
public class InvalidFilterException extends RuntimeException {

    public enum Field {
        FORMAT("format"), MONTH("month"), QUERY("q");

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
}
