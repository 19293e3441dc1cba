package nl.kennisagenda.calendar;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Turns an ical4j {@link Calendar} into the text we serve and mail: validated, CRLF line ends, lines folded at 75
 * octets.
 * <p>
 * ical4j builds every content line (names, parameters, escaping of TEXT values). We do the folding ourselves
 * because ical4j's {@code FoldingWriter} counts UTF-16 characters, not octets: a title full of "é", "—" or emoji
 * would give lines of well over 75 octets. Here a line is folded before the code point that would take it past 75
 * octets, so a multi-byte UTF-8 character is never split and a surrogate pair never separated.
 */
public final class IcsWriter {

    /** RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
    static final int MAX_LINE_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private IcsWriter() {
    }

    /** Validates the calendar with ical4j (strictly) and writes it. An invalid calendar is a bug: we throw. */
    public static String write(Calendar calendar) {
        ValidationResult result;
        try {
            result = calendar.validate();
        } catch (ValidationException e) {
            throw new IllegalStateException("We built an invalid iCalendar document: " + e.getMessage(), e);
        }
        if (result.hasErrors()) {
            throw new IllegalStateException("We built an invalid iCalendar document: " + result);
        }
        return fold(calendar.toString());
    }

    /** Folds unfolded content lines (separated by CRLF, LF or CR) into lines of at most 75 octets, CRLF-ended. */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 60 * 3 + 2);
        for (String line : unfolded.split("\r\n|\n|\r")) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int width = utf8Length(codePoint);
                if (octets + width > MAX_LINE_OCTETS) {
                    out.append(CRLF).append(' ');
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += width;
                i += Character.charCount(codePoint);
            }
            out.append(CRLF);
        }
        return out.toString();
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
