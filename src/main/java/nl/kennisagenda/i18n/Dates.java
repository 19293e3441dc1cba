package nl.kennisagenda.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as people in the Netherlands read them: always in Europe/Amsterdam, Dutch style
 * ("vrijdag 20 maart, 10:30–12:00"), the year only when it is not the current one.
 */
public final class Dates {

    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final String EN_DASH = "\u2013";

    private Dates() {
    }

    public static ZonedDateTime local(Instant instant) {
        return instant.atZone(AMSTERDAM);
    }

    /** "vrijdag 20 maart" / "Friday 20 March", with the year added when it is not this year. */
    public static String day(Instant instant, Locale locale) {
        ZonedDateTime local = local(instant);
        boolean thisYear = local.getYear() == LocalDate.now(AMSTERDAM).getYear();
        String pattern = thisYear ? "EEEE d MMMM" : "EEEE d MMMM yyyy";
        return DateTimeFormatter.ofPattern(pattern, locale).format(local);
    }

    public static String time(Instant instant) {
        return DateTimeFormatter.ofPattern("HH:mm").format(local(instant));
    }

    /** "10:30–12:00". */
    public static String timeRange(Instant start, Instant end) {
        return time(start) + EN_DASH + time(end);
    }

    /** "vrijdag 20 maart, 10:30–12:00", or both full ends when the range spans days. */
    public static String range(Instant start, Instant end, Locale locale) {
        if (local(start).toLocalDate().equals(local(end).toLocalDate())) {
            return day(start, locale) + ", " + timeRange(start, end);
        }
        return day(start, locale) + ", " + time(start) + " " + EN_DASH + " " + day(end, locale) + ", " + time(end);
    }

    /** ISO-8601 with the Amsterdam offset, for machine-readable attributes and the API. */
    public static String iso(Instant instant) {
        return local(instant).toOffsetDateTime().toString();
    }

    /** "maart 2026" for a month key. */
    public static String monthLabel(String monthKey, Locale locale) {
        LocalDate first = LocalDate.parse(monthKey + "-01");
        return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(first);
    }
}
