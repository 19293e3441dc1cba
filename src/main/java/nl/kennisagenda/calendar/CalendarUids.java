package nl.kennisagenda.calendar;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.registration.Registration;

/**
 * The UIDs calendars use to recognise our entries. Each is built only from a database id, which never changes,
 * and the configured UID domain, which must never change either (see {@link CalendarConfig#uidDomain()}):
 * <ul>
 * <li>{@code event-<event id>@<domain>}: the public event (export, public feeds);</li>
 * <li>{@code programme-item-<item id>@<domain>}: a programme item in the export with {@code ?programme=true};</li>
 * <li>{@code registration-<registration id>@<domain>}: one person's own entry for an event (invite mails and the
 * personal feed), so updates and cancellations move or remove exactly that entry. A person who cancels and signs
 * up again gets {@code registration-<id>-<generation>@<domain>}: a new entry, as the old one is cancelled.</li>
 * </ul>
 * Titles, slugs, times and tokens are deliberately not part of a UID: they can change (and tokens are secrets that
 * should not end up in calendar servers).
 */
@ApplicationScoped
public class CalendarUids {

    @Inject
    CalendarConfig config;

    @Inject
    SiteConfig site;

    public String event(Event event) {
        return "event-" + requireId(event.id) + "@" + domain();
    }

    public String programmeItem(ProgrammeItem item) {
        return "programme-item-" + requireId(item.id) + "@" + domain();
    }

    public String registration(Registration registration) {
        String generation = registration.calendarGeneration == 0 ? "" : "-" + registration.calendarGeneration;
        return "registration-" + requireId(registration.id) + generation + "@" + domain();
    }

    public String domain() {
        return config.uidDomain().filter(domain -> !domain.isBlank())
                .orElseGet(() -> {
                    String host = URI.create(site.baseUrl()).getHost();
                    return host == null || host.isBlank() ? "kennisagenda.local" : host;
                });
    }

    private static long requireId(Long id) {
        if (id == null) {
            throw new IllegalArgumentException("A UID needs a persisted entity (its id never changes)");
        }
        return id;
    }
}
