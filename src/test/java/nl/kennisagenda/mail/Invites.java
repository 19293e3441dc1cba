package nl.kennisagenda.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.CompatibilityHints;
import net.fortuna.ical4j.validate.ValidationResult;

/** Reads an invite from a mail the way a strict calendar client would, with ical4j. */
final class Invites {

    private Invites() {
    }

    static Calendar parse(String document) {
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, false);
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(document));
            ValidationResult result = calendar.validate();
            assertFalse(result.hasErrors(), () -> "ical4j validation errors: " + result + "\n" + document);
            return calendar;
        } catch (IOException | ParserException e) {
            throw new AssertionError("Invite does not parse: " + e.getMessage() + "\n" + document, e);
        }
    }

    static String method(Calendar calendar) {
        return calendar.getProperty(Property.METHOD).orElseThrow().getValue();
    }

    static VEvent event(Calendar calendar) {
        assertEquals(1, calendar.getComponents(VEvent.VEVENT).size(), "one VEVENT");
        return (VEvent) calendar.getComponents(VEvent.VEVENT).get(0);
    }

    static String property(Calendar calendar, String name) {
        return event(calendar).getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    static String dtstartTzid(Calendar calendar) {
        return event(calendar).getProperty(Property.DTSTART).orElseThrow()
                .getParameter(net.fortuna.ical4j.model.Parameter.TZID).orElseThrow().getValue();
    }
}
