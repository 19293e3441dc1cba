package nl.kennisagenda.calendar;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Source;
import net.fortuna.ical4j.model.property.XProperty;
import nl.kennisagenda.common.Slugs;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;

/**
 * The documents behind the calendar routes: the export of one event (optionally with its programme), the public
 * feeds (all events, per organisation, per theme) and a person's own feed. All are deterministic for the same data
 * (DTSTAMP is the last change, not "now"), so the ETag only changes when something in the document changes.
 * No METHOD: these are published calendars, not scheduling messages.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CalendarFeeds {

    static final List<EventStatus> PUBLIC = List.of(EventStatus.PUBLISHED, EventStatus.CANCELLED);

    @Inject
    CalendarComponents components;

    @Inject
    CalendarConfig config;

    @Inject
    SiteConfig site;

    /** One public event; with {@code programme} also one entry per programme item. Drafts do not exist here. */
    public Optional<IcsDocument> event(String slug, boolean programme, Locale locale) {
        return Event.findPublicBySlug(slug).map(event -> {
            Calendar calendar = components.newCalendar(null);
            calendar.add(components.publicEvent(event, locale));
            if (programme) {
                event.programme.forEach(item -> calendar.add(components.programmeItem(item, locale)));
            }
            return new IcsDocument(IcsWriter.write(calendar), Optional.of(event.updatedAt),
                    event.slug + (programme ? "-programma" : "") + ".ics", false);
        });
    }

    /** All published (and cancelled) events that have not ended yet, plus the recent past. */
    public IcsDocument allEvents(Locale locale) {
        CalendarMessages messages = CalendarComponents.messages(locale);
        return feed(feedEvents(), messages.feed_all_name(), messages.feed_all_description(), "/calendar/events.ics",
                "kennisagenda.ics", locale);
    }

    /** Events organised by the organisation or with it as a partner. */
    public Optional<IcsDocument> organisation(String slug, Locale locale) {
        return Organisation.findBySlug(slug).map(organisation -> {
            CalendarMessages messages = CalendarComponents.messages(locale);
            List<Event> events = feedEvents().stream()
                    .filter(event -> Objects.equals(event.organisation.id, organisation.id)
                            || event.partners.stream().anyMatch(partner -> Objects.equals(partner.id, organisation.id)))
                    .toList();
            return feed(events, messages.feed_organisation_name(organisation.name), messages.feed_all_description(),
                    "/calendar/organisations/" + organisation.slug + ".ics",
                    "kennisagenda-" + organisation.slug + ".ics", locale);
        });
    }

    /**
     * Events with a theme whose slug ({@link Slugs#of}) is {@code themeSlug}. Unknown when no public event, past or
     * future, has ever had that theme.
     */
    public Optional<IcsDocument> theme(String themeSlug, Locale locale) {
        List<String> themes = Event.<Event>list("status in ?1 and unlisted = false", PUBLIC).stream()
                .flatMap(event -> event.themes.stream())
                .filter(theme -> Slugs.of(theme).equals(themeSlug))
                .distinct()
                .toList();
        if (themes.isEmpty()) {
            return Optional.empty();
        }
        CalendarMessages messages = CalendarComponents.messages(locale);
        List<Event> events = feedEvents().stream()
                .filter(event -> event.themes.stream().anyMatch(theme -> Slugs.of(theme).equals(themeSlug)))
                .toList();
        return Optional.of(feed(events, messages.feed_theme_name(themes.get(0)), messages.feed_all_description(),
                "/calendar/themes/" + themeSlug + ".ics", "kennisagenda-" + themeSlug + ".ics", locale));
    }

    /**
     * A person's own feed: every registration of the attendee for a public event, as the same entry (same UID,
     * SEQUENCE, status) as in their invite mails; cancelled ones stay with STATUS:CANCELLED so subscribed
     * calendars remove them. Texts per registration in that registration's language.
     */
    public Optional<IcsDocument> personal(String token, Locale locale) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Attendee.findByCalendarToken(token).map(attendee -> {
            List<Registration> registrations = Registration.<Registration>find(
                    "attendee = ?1 and event.status in ?2 order by event.startsAt, id", attendee, PUBLIC).list();
            CalendarMessages messages = CalendarComponents.messages(locale);
            Calendar calendar = components.newCalendar(null);
            // No SOURCE: the feed's address is a secret and need not travel inside the document.
            feedProperties(calendar, messages.feed_personal_name(), messages.feed_personal_description(), null);
            registrations.forEach(registration -> calendar.add(
                    components.personal(registration, CalendarComponents.lastModified(registration), false)));
            Optional<Instant> lastModified = registrations.stream().map(CalendarComponents::lastModified)
                    .max(Comparator.naturalOrder());
            return new IcsDocument(IcsWriter.write(calendar), lastModified, "kennisagenda-mijn-aanmeldingen.ics",
                    true);
        });
    }

    List<Event> feedEvents() {
        Instant since = Instant.now().minus(config.feedKeepPast()).truncatedTo(ChronoUnit.SECONDS);
        return Event.<Event>find("status in ?1 and unlisted = false and endsAt > ?2 order by startsAt, id", PUBLIC, since).list();
    }

    private IcsDocument feed(List<Event> events, String name, String description, String path, String filename,
            Locale locale) {
        Calendar calendar = components.newCalendar(null);
        feedProperties(calendar, name, description, path);
        for (Event event : events) {
            VEvent vevent = components.publicEvent(event, locale);
            calendar.add(vevent);
        }
        Optional<Instant> lastModified = events.stream().map(event -> event.updatedAt).max(Comparator.naturalOrder());
        return new IcsDocument(IcsWriter.write(calendar), lastModified, filename, false);
    }

    /** NAME and X-WR-CALNAME, description, X-WR-TIMEZONE, REFRESH-INTERVAL and X-PUBLISHED-TTL, SOURCE (if a path). */
    private void feedProperties(Calendar calendar, String name, String description, String path) {
        String refresh = config.feedRefreshInterval().toString();
        calendar.add(new Name(name));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-CALDESC", description));
        calendar.add(new XProperty("X-WR-TIMEZONE", AmsterdamTimeZone.ID));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), config.feedRefreshInterval()));
        calendar.add(new XProperty("X-PUBLISHED-TTL", refresh));
        if (path != null) {
            calendar.add(new Source(new ParameterList(List.of(Value.URI)), site.url(path)));
        }
    }
}
