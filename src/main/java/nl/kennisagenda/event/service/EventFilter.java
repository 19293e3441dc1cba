package nl.kennisagenda.event.service;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import nl.kennisagenda.event.EventFormat;

/**
 * What a visitor filters the agenda on; every part is optional. Built from request parameters with
 * {@link #parse}, which rejects values that cannot mean anything (an unknown format, a month like 2026-13).
 *
 * @param organisation slug of an organisation that organises the event or is a partner in it
 * @param theme        a theme (tag), matched without regard to case
 * @param format       online, in person or hybrid
 * @param month        the month (Europe/Amsterdam) in which the event starts
 * @param query        free text searched in title, summary, description and organisation names
 */
public record EventFilter(String organisation, String theme, EventFormat format, YearMonth month, String query) {

    public static final int MAX_QUERY_LENGTH = 200;

    public static EventFilter none() {
        return new EventFilter(null, null, null, null, null);
    }

    public boolean isEmpty() {
        return organisation == null && theme == null && format == null && month == null && query == null;
    }

    /** The filter the raw parameters ask for; blank parameters mean "any". */
    public static EventFilter parse(FilterForm form) {
        return new EventFilter(blankToNull(form.organisation()), blankToNull(form.theme()),
                parseFormat(form.format()), parseMonth(form.month()), parseQuery(form.q()));
    }

    private static EventFormat parseFormat(String raw) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            return EventFormat.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidFilterException(InvalidFilterException.Field.FORMAT, value);
        }
    }

    private static YearMonth parseMonth(String raw) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{4}-\\d{2}")) {
            throw new InvalidFilterException(InvalidFilterException.Field.MONTH, value);
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFilterException(InvalidFilterException.Field.MONTH, value);
        }
    }

    private static String parseQuery(String raw) {
        String value = blankToNull(raw);
        if (value != null && value.length() > MAX_QUERY_LENGTH) {
            throw new InvalidFilterException(InvalidFilterException.Field.QUERY, value.substring(0, 20) + "…");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
