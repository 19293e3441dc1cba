package nl.kennisagenda.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import nl.kennisagenda.i18n.Dates;

/** The writer on its own: folding by octets, and validation that really rejects broken documents. */
class IcsWriterTest {

    @Test
    void foldsAtSeventyFiveOctetsWithoutSplittingMultiByteCharacters() {
        String title = "SUMMARY:" + "Zorg voor ouderen — één ‘regio’ 🏥 ".repeat(12);
        String folded = IcsWriter.fold(title + "\r\n");

        Ics.assertWellFormed(folded);
        assertTrue(folded.split("\r\n").length > 5, "the long line was folded");
        assertEquals(title, folded.replace("\r\n ", "").replace("\r\n", ""), "unfolding gives the original back");
        for (String line : folded.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75);
        }
    }

    @Test
    void aLineOfExactlySeventyFiveOctetsIsNotFolded() {
        String line = "X".repeat(75);
        assertEquals(line + "\r\n", IcsWriter.fold(line));
        assertEquals("X".repeat(75) + "\r\n X\r\n", IcsWriter.fold("X".repeat(76)));
    }

    @Test
    void aFourOctetCharacterThatDoesNotFitMovesWhole() {
        String line = "X".repeat(73) + "🏥";
        String folded = IcsWriter.fold(line);
        assertEquals("X".repeat(73) + "\r\n 🏥\r\n", folded);
    }

    @Test
    void writingAnInvalidCalendarFails() {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//test//test//NL"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableMethod.REQUEST);
        VEvent event = new VEvent(false);
        event.add(new Uid("x@test"));
        event.add(new DtStamp(Instant.now()));
        event.add(new DtStamp(Instant.now().minusSeconds(60)));
        event.add(new Summary("Twee DTSTAMPs"));
        calendar.add(event);
        assertThrows(IllegalStateException.class, () -> IcsWriter.write(calendar));
    }

    @Test
    void theStrictTestParserRejectsWhatAStrictClientWouldReject() {
        // A DTSTART with a TZID that has no VTIMEZONE, and a REQUEST without ORGANIZER: validation must complain.
        String document = String.join("\r\n",
                "BEGIN:VCALENDAR", "PRODID:-//test//test//NL", "VERSION:2.0", "METHOD:REQUEST",
                "BEGIN:VEVENT", "UID:x@test", "DTSTAMP:20261123T060000Z",
                "DTSTART:20261203T103000", "SUMMARY:Geen organisator", "END:VEVENT", "END:VCALENDAR", "");
        Calendar calendar = Ics.parseStrictly(document);
        assertThrows(AssertionError.class, () -> Ics.assertValid(calendar));
        // And badly folded text is refused by the strict parser (relaxed unfolding is off).
        assertThrows(AssertionError.class, () -> Ics.assertWellFormed("BEGIN:VCALENDAR\nEND:VCALENDAR\n"));
    }

    @Test
    void theDefaultVeventConstructorsExtraDtstampIsNotUsed() {
        VEvent event = new VEvent(false);
        event.add(new DtStart<>(ZonedDateTime.of(2026, 12, 3, 10, 30, 0, 0, Dates.AMSTERDAM)));
        assertEquals(0, event.getProperties("DTSTAMP").size());
    }
}
