package nl.kennisagenda.event.service;

/**
 * The agenda filter exactly as the visitor typed or chose it, so a page can show the form again with the same
 * values, also when one of them is not valid. {@link EventFilter#parse} turns it into a filter.
 */
public record FilterForm(String organisation, String theme, String format, String month, String q) {

    public static FilterForm empty() {
        return new FilterForm(null, null, null, null, null);
    }

    /** The agenda with these filters on the given page (page 1 without a page parameter), its values escaped. */
    public String url(int page) {
        StringBuilder query = new StringBuilder();
        append(query, "organisation", organisation);
        append(query, "theme", theme);
        append(query, "format", format);
        append(query, "month", month);
        append(query, "q", q);
        if (page > 1) {
            append(query, "page", String.valueOf(page));
        }
        return query.isEmpty() ? "/" : "/?" + query;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (isBlank(value)) {
            return;
        }
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(java.net.URLEncoder.encode(value.trim(),
                java.nio.charset.StandardCharsets.UTF_8));
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
