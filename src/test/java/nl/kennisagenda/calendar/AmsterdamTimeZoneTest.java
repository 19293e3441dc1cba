package nl.kennisagenda.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.model.ZoneRulesBuilder;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.util.Configurator;
import nl.kennisagenda.i18n.Dates;

/** Our VTIMEZONE agrees with java.time (which renders every page and mail), and ical4j stays off the network. */
class AmsterdamTimeZoneTest {

    @Test
    void everyTransitionFrom2000To2060MatchesJavaTime() {
        // The rules a client derives from our VTIMEZONE (ical4j builds exactly these when it parses a document).
        ZoneRules ours = new ZoneRulesBuilder().vTimeZone(AmsterdamTimeZone.vTimeZone()).build();
        ZoneRules rules = Dates.AMSTERDAM.getRules();
        ZoneOffsetTransition transition = rules.nextTransition(Instant.parse("2000-01-01T00:00:00Z"));
        int checked = 0;
        while (transition.getInstant().isBefore(Instant.parse("2060-01-01T00:00:00Z"))) {
            Instant at = transition.getInstant();
            for (Instant moment : new Instant[] {at.minusSeconds(1), at, at.plusSeconds(3600)}) {
                assertEquals(rules.getOffset(moment), ours.getOffset(moment), "offset at " + moment);
            }
            // And local wall-clock times map to the same instants, also in the repeated and the skipped hour.
            java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(at, ZoneOffset.UTC).plusHours(1);
            assertEquals(rules.getValidOffsets(local), ours.getValidOffsets(local), "offsets valid at " + local);
            checked++;
            transition = rules.nextTransition(at);
        }
        assertEquals(120, checked, "two changes a year for sixty years");
    }

    @Test
    void theDefinitionIsNamedAmsterdamAndPointsNowhere() {
        VTimeZone timezone = AmsterdamTimeZone.vTimeZone();
        assertEquals("Europe/Amsterdam", timezone.getTimeZoneId().getValue());
        assertTrue(timezone.getProperty("TZURL").isEmpty(), "no TZURL that could invite a download");
        assertEquals(2, timezone.getObservances().size(), "only the rules in force: summer and winter time");
    }

    @Test
    void ical4jIsConfiguredNeverToFetchTimeZoneUpdates() {
        assertEquals("false", Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled").orElseThrow());
        assertEquals("net.fortuna.ical4j.util.MapTimeZoneCache",
                Configurator.getProperty("net.fortuna.ical4j.timezone.cache.impl").orElseThrow());
    }
}
