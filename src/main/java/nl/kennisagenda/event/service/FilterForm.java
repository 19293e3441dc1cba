package nl.kennisagenda.event.service;

/**
 * The agenda filter exactly as the visitor typed or chose it, so a page can show the form again with the same
 * values, also when one of them is not valid. {@link EventFilter#parse} turns it into a filter.
 */
public record FilterForm(String organisation, String theme, String format, String month, String q) {

    public static FilterForm empty() {
        return new FilterForm(null, null, null, null, null);
    }

    public boolean isEmpty() {
        return isBlank(organisation) && isBlank(theme) && isBlank(format) && isBlank(month) && isBlank(q);
    }

    public boolean isOrganisation(String slug) {
        return slug != null && slug.equals(trimmed(organisation));
    }

    public boolean isTheme(String value) {
        return value != null && value.equalsIgnoreCase(trimmed(theme));
    }

    public boolean isFormat(Object value) {
        return value != null && value.toString().equalsIgnoreCase(trimmed(format));
    }

    public boolean isMonth(String key) {
        return key != null && key.equals(trimmed(month));
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
