package nl.kennisagenda.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import nl.kennisagenda.i18n.Dates;

/**
 * The VTIMEZONE for Europe/Amsterdam that every document we write carries.
 * <p>
 * It comes from the tz data bundled in the ical4j jar, through ical4j's {@code TimeZoneRegistry} (updates from
 * tzurl.org are switched off in {@code ical4j.properties}, so nothing goes to the network). Two adjustments:
 * <ul>
 * <li>The bundled tz data (2025a) stores Amsterdam as an alias of Brussels, so the registry hands out a VTIMEZONE
 * with {@code TZID:Europe/Brussels}. Calendars need the TZID that our DTSTART/DTEND use, so we set
 * {@code Europe/Amsterdam} (the rules have been identical since 1977; a test compares every transition with
 * java.time).</li>
 * <li>Only the observances in force today are kept (the open-ended yearly rules: last Sunday of March and of
 * October), as Outlook and Google write them; 140 years of history would only make every invite bigger. Our events
 * all lie after 1996, where these rules start.</li>
 * </ul>
 */
public final class AmsterdamTimeZone {

    public static final String ID = "Europe/Amsterdam";

    private static final VTimeZone DEFINITION = build();

    private AmsterdamTimeZone() {
    }

    /** A fresh copy, to add to a calendar. */
    public static VTimeZone vTimeZone() {
        return DEFINITION.copy();
    }

    private static VTimeZone build() {
        TimeZone bundled = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(ID);
        if (bundled == null) {
            throw new IllegalStateException("ical4j has no bundled definition for " + ID);
        }
        VTimeZone source = bundled.getVTimeZone();
        List<Observance> current = source.getObservances().stream()
                .filter(AmsterdamTimeZone::isOpenEndedRule)
                .toList();
        if (current.isEmpty()) {
            // Should the Netherlands ever stop changing clocks: keep the observance that applies now.
            current = List.of(source.getApplicableObservance(Instant.now().atZone(Dates.AMSTERDAM)));
        }
        VTimeZone amsterdam = new VTimeZone();
        amsterdam.add(new TzId(ID));
        current.forEach(observance -> amsterdam.add((Observance) observance.copy()));
        return amsterdam;
    }

    private static boolean isOpenEndedRule(Observance observance) {
        Optional<RRule<?>> rule = observance.getProperty(Property.RRULE);
        return rule.isPresent() && rule.get().getRecur().getUntil() == null;
    }
}
