package nl.kennisagenda.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.util.CompatibilityHints;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Test helper: reads a document the way a strict client would. Relaxed parsing, unfolding and validation are OFF;
 * every document is validated by ical4j; line ends, folding and UTF-8 are checked on the raw octets.
 */
final class Ics {

    private Ics() {
    }

    /** Parses strictly, validates, and checks CRLF, 75-octet folding, whole UTF-8 characters, one VTIMEZONE/TZID. */
    static Calendar parse(String document) {
        assertWellFormed(document);
        Calendar calendar = parseStrictly(document);
        assertValid(calendar);
        assertOneTimeZonePerTzidUsed(calendar);
        return calendar;
    }

    static Calendar parseStrictly(String document) {
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_NOTES_COMPATIBILITY, false);
        try {
            return new CalendarBuilder().build(new StringReader(document));
        } catch (IOException | ParserException e) {
            throw new AssertionError("Strict ical4j parsing failed: " + e.getMessage() + "\n" + document, e);
        }
    }

    static void assertValid(Calendar calendar) {
        ValidationResult result;
        try {
            result = calendar.validate();
        } catch (ValidationException e) {
            throw new AssertionError("ical4j validation failed: " + e.getMessage(), e);
        }
        assertFalse(result.hasErrors(), () -> "ical4j validation errors: " + result);
    }

    /** CRLF after every line, no bare CR/LF, lines of at most 75 octets, no UTF-8 character split by a fold. */
    static void assertWellFormed(String document) {
        byte[] octets = document.getBytes(StandardCharsets.UTF_8);
        assertTrue(document.endsWith("\r\n"), "the document ends with CRLF");
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < octets.length; i++) {
            if (octets[i] == '\r') {
                if (i + 1 >= octets.length || octets[i + 1] != '\n') {
                    fail("bare CR at octet " + i);
                }
                byte[] line = new byte[i - start];
                System.arraycopy(octets, start, line, 0, line.length);
                lines.add(line);
                i++;
                start = i + 1;
            } else if (octets[i] == '\n') {
                fail("bare LF at octet " + i);
            }
        }
        for (byte[] line : lines) {
            String text = decodeStrictly(line);
            assertTrue(line.length <= 75, () -> "line of " + line.length + " octets: " + text);
            assertFalse(line.length == 0, "no empty lines");
        }
    }

    private static String decodeStrictly(byte[] line) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("a folded line does not hold whole UTF-8 characters", e);
        }
    }

    /** Every TZID used by a property has exactly one VTIMEZONE in the calendar. */
    static void assertOneTimeZonePerTzidUsed(Calendar calendar) {
        List<String> defined = calendar.getComponents(Component.VTIMEZONE).stream()
                .map(c -> ((VTimeZone) c).getTimeZoneId().getValue()).toList();
        assertEquals(defined.stream().distinct().count(), defined.size(), "no TZID defined twice: " + defined);
        for (Object component : calendar.getComponents(Component.VEVENT)) {
            for (Property property : ((VEvent) component).getProperties()) {
                Optional<TzId> tzid = property.getParameter("TZID");
                tzid.ifPresent(id -> assertTrue(defined.contains(id.getValue()),
                        "VTIMEZONE for " + id.getValue() + " is present"));
            }
        }
        assertEquals(List.of(AmsterdamTimeZone.ID), defined, "exactly the Europe/Amsterdam VTIMEZONE");
    }

    static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT).stream().map(c -> (VEvent) c).toList();
    }

    static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = events(calendar);
        assertEquals(1, events.size(), "one VEVENT");
        return events.get(0);
    }

    static String value(Component component, String property) {
        return component.getProperty(property).map(Property::getValue)
                .orElseThrow(() -> new AssertionError("no " + property));
    }

    static Optional<String> optionalValue(Component component, String property) {
        return component.getProperty(property).map(Property::getValue);
    }

    static String value(Calendar calendar, String property) {
        return calendar.getProperty(property).map(Property::getValue)
                .orElseThrow(() -> new AssertionError("no " + property));
    }

    /** The raw (unfolded) content line of a calendar property (before the first component). */
    static String calendarLine(String document, String name) {
        String unfolded = document.replace("\r\n ", "").replace("\r\n\t", "");
        return unfolded.substring(0, unfolded.indexOf("\r\nBEGIN:", 1)).lines()
                .filter(l -> l.startsWith(name + ":") || l.startsWith(name + ";")).findFirst()
                .orElseThrow(() -> new AssertionError("no calendar line " + name));
    }

    /** Matches a content line whose value is a UTC date-time ("...:20261123T060000Z"). */
    static org.hamcrest.Matcher<String> utcLine() {
        return org.hamcrest.Matchers.matchesPattern("[A-Z-]+:\\d{8}T\\d{6}Z");
    }

    /** The instant a parsed date-time stands for, converted with the VTIMEZONE of the document. */
    static Instant instant(Component component, String property) {
        DateProperty<?> date = component.<DateProperty<?>>getProperty(property)
                .orElseThrow(() -> new AssertionError("no " + property));
        Temporal temporal = date.getDate();
        return Instant.from(temporal);
    }

    /**
     * The raw (unfolded) content line of a property of the first VEVENT, or of the calendar when there is none,
     * e.g. "DTSTART;TZID=Europe/Amsterdam:20261203T103000".
     */
    static String line(String document, String name) {
        String unfolded = document.replace("\r\n ", "").replace("\r\n\t", "");
        int vevent = unfolded.indexOf("BEGIN:VEVENT");
        if (vevent >= 0) {
            unfolded = unfolded.substring(vevent);
        }
        return unfolded.lines().filter(l -> l.startsWith(name + ":") || l.startsWith(name + ";")).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + name));
    }
}
