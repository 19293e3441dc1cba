package nl.kennisagenda.calendar;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.Feature;
import net.fortuna.ical4j.model.parameter.Label;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.RelType;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Conference;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RelatedTo;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventLines;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.Speaker;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationViewLinks;

/**
 * Builds the ical4j components of our documents: the calendar frame with its VTIMEZONE, the public VEVENT of an
 * event, one VEVENT per programme item, and a person's own VEVENT for a registration. All date-times are written
 * as local Europe/Amsterdam times with {@code TZID=Europe/Amsterdam}; DTSTAMP, LAST-MODIFIED and CREATED in UTC.
 */
@ApplicationScoped
public class CalendarComponents {

    static final String PRODUCT_ID = "-//Kennisagenda//Kennisagenda agenda//NL";

    @Inject
    CalendarUids uids;

    @Inject
    SiteConfig site;

    @Inject
    CalendarConfig config;

    @Inject
    RegistrationViewLinks viewLinks;

    /** Texts of the {@code cal} bundle in a language. */
    public static CalendarMessages messages(Locale locale) {
        String language = locale != null && "en".equals(locale.getLanguage()) ? "en" : "nl";
        return MessageBundles.get(CalendarMessages.class, Localized.Literal.of(language));
    }

    /** A VCALENDAR with PRODID, VERSION, CALSCALE, the optional METHOD and the Europe/Amsterdam VTIMEZONE. */
    public Calendar newCalendar(Method method) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        if (method != null) {
            calendar.add(method);
        }
        calendar.add(AmsterdamTimeZone.vTimeZone());
        return calendar;
    }

    /** The public view of an event: no join link, ever. */
    public VEvent publicEvent(Event event, Locale locale) {
        CalendarMessages messages = messages(locale);
        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(uids.event(event)));
        vevent.add(new DtStamp(utc(event.updatedAt)));
        times(vevent, event.startsAt, event.endsAt);
        vevent.add(new Summary(oneLine(event.title)));
        vevent.add(new Description(publicDescription(event, messages)));
        addLocation(vevent, location(event, messages));
        vevent.add(new Url(eventPage(event)));
        vevent.add(organizer(event));
        if (!event.themes.isEmpty()) {
            vevent.add(new Categories(new TextList(event.themes.stream().map(CalendarComponents::oneLine)
                    .filter(theme -> !theme.isBlank()).toArray(String[]::new))));
        }
        vevent.add(event.status == EventStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : ImmutableStatus.VEVENT_CONFIRMED);
        vevent.add(new Sequence(event.icalSequence));
        vevent.add(new Created(utc(event.createdAt)));
        vevent.add(new LastModified(utc(event.updatedAt)));
        vevent.add(ImmutableTransp.OPAQUE);
        return vevent;
    }

    /** One programme item as an entry of its own, related to the event's entry. */
    public VEvent programmeItem(ProgrammeItem item, Locale locale) {
        CalendarMessages messages = messages(locale);
        Event event = item.event;
        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(uids.programmeItem(item)));
        vevent.add(new DtStamp(utc(event.updatedAt)));
        times(vevent, item.startsAt, item.endsAt);
        vevent.add(new Summary(messages.programme_item_summary(oneLine(event.title), oneLine(item.title))));
        List<String> lines = new ArrayList<>();
        if (item.description != null && !item.description.isBlank()) {
            lines.add(clean(item.description));
        }
        String speakers = speakers(item);
        if (!speakers.isEmpty()) {
            lines.add(speakers);
        }
        lines.add(messages.more_information(eventPage(event).toString()));
        vevent.add(new Description(String.join("\n\n", lines)));
        String location = location(event, messages);
        if (item.room != null && !item.room.isBlank()) {
            location = location.isBlank() ? oneLine(item.room) : oneLine(item.room) + ", " + location;
        }
        addLocation(vevent, location);
        vevent.add(new Url(eventPage(event)));
        vevent.add(organizer(event));
        RelatedTo parent = new RelatedTo(uids.event(event));
        parent.add(RelType.PARENT);
        vevent.add(parent);
        vevent.add(event.status == EventStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : ImmutableStatus.VEVENT_CONFIRMED);
        vevent.add(new Sequence(event.icalSequence));
        vevent.add(new LastModified(utc(event.updatedAt)));
        vevent.add(ImmutableTransp.OPAQUE);
        return vevent;
    }

    /**
     * A person's own entry for their registration: their breakout sessions, their status, the read-only link, and the
     * join link only while they are confirmed for an online or hybrid event that is still on.
     *
     * @param dtstamp when this iCalendar object was created (now for a mail, the last change for a feed)
     * @param cancel write the entry as cancelled even if the registration and event still stand (a CANCEL message)
     */
    public VEvent personal(Registration registration, Instant dtstamp, boolean cancel) {
        Event event = registration.event;
        CalendarMessages messages = messages(registration.mailLocale());
        boolean cancelled = cancel || isCancelled(registration);
        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(uids.registration(registration)));
        vevent.add(new DtStamp(utc(dtstamp)));
        times(vevent, event.startsAt, event.endsAt);
        vevent.add(new Summary(oneLine(event.title)));
        vevent.add(new Description(personalDescription(registration, cancelled, messages)));
        addLocation(vevent, personalLocation(registration, cancelled, messages));
        vevent.add(new Url(eventPage(event)));
        vevent.add(organizer(event));
        vevent.add(attendee(registration, cancelled));
        joinUri(registration).filter(join -> !cancelled).ifPresent(join -> {
            Conference conference = new Conference(join.toString());
            conference.add(Value.URI);
            conference.add(Feature.VIDEO);
            if (event.onlinePlatform != null && !event.onlinePlatform.isBlank()) {
                conference.add(new Label(oneLine(event.onlinePlatform)));
            }
            vevent.add(conference);
        });
        vevent.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED
                : registration.isWaitlisted() || registration.isPending() ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
        vevent.add(new Sequence(personalSequence(registration, cancelled)));
        vevent.add(new LastModified(utc(lastModified(registration))));
        vevent.add(cancelled ? ImmutableTransp.TRANSPARENT : ImmutableTransp.OPAQUE);
        return vevent;
    }

    /**
     * SEQUENCE of a person's entry ({@link Registration#calendarSequence()}: the event's changes plus the person's
     * own, one higher once cancelled); a CANCEL message for an entry that still stands is written one higher too, so
     * it always supersedes the last REQUEST the person received.
     */
    static int personalSequence(Registration registration, boolean cancel) {
        int sequence = registration.calendarSequence();
        return cancel && !isCancelled(registration) ? sequence + 1 : sequence;
    }

    public static boolean isCancelled(Registration registration) {
        return registration.isClosed() || registration.event.status == EventStatus.CANCELLED;
    }

    /** The join link as {@link Registration#joinLink()} allows it. */
    public static Optional<URI> joinUri(Registration registration) {
        return registration.joinLink();
    }

    public static Instant lastModified(Registration registration) {
        Instant event = registration.event.updatedAt;
        Instant own = registration.updatedAt == null ? event : registration.updatedAt;
        return own.isAfter(event) ? own : event;
    }

    public URI eventPage(Event event) {
        return URI.create(site.url("/events/" + event.slug));
    }

    public URI manageLink(Registration registration) {
        return URI.create(site.url("/registrations/" + registration.token));
    }

    private String publicDescription(Event event, CalendarMessages messages) {
        List<String> parts = new ArrayList<>();
        if (event.status == EventStatus.CANCELLED) {
            parts.add(messages.event_cancelled_note());
        }
        if (event.summary != null && !event.summary.isBlank()) {
            parts.add(clean(event.summary));
        }
        String programme = programme(event, event.programme, Set.of(), messages);
        if (!programme.isEmpty()) {
            parts.add(programme);
        }
        parts.add(messages.more_information(eventPage(event).toString()));
        return String.join("\n\n", parts);
    }

    private String personalDescription(Registration registration, boolean cancelled, CalendarMessages messages) {
        Event event = registration.event;
        List<String> parts = new ArrayList<>();
        if (event.status == EventStatus.CANCELLED) {
            parts.add(messages.event_cancelled_note());
        } else if (cancelled) {
            parts.add(messages.registration_cancelled_note());
        } else if (registration.isWaitlisted()) {
            parts.add(messages.waitlisted_note());
        }
        if (event.summary != null && !event.summary.isBlank()) {
            parts.add(clean(event.summary));
        }
        Set<Long> chosen = registration.sessions.stream().map(item -> item.id).collect(Collectors.toSet());
        List<ProgrammeItem> items = event.programme.stream()
                .filter(item -> !item.isBreakout() || chosen.contains(item.id))
                .toList();
        String programme = programme(event, items, chosen, messages);
        if (!programme.isEmpty()) {
            parts.add(programme);
        }
        if (!cancelled) {
            joinUri(registration).ifPresent(join -> parts.add(messages.join_online(join.toString())));
        }
        parts.add(messages.more_information(eventPage(event).toString()));
        // The read-only link, never the manage link: calendars are shown to others, and whoever sees the entry must
        // not be able to cancel (RegistrationViewLinks). Changing needs the link from the mail.
        if (!cancelled) {
            viewLinks.url(registration).ifPresent(url -> parts.add(messages.view_registration(url)));
        }
        return String.join("\n\n", parts);
    }

    /** "Programma" and one line per item: "13:45–14:30 Opschalen (ronde 1, jouw sessie) – Marloes Berkelaar". */
    private static String programme(Event event, List<ProgrammeItem> items, Set<Long> chosen,
            CalendarMessages messages) {
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(messages.programme_heading());
        for (ProgrammeItem item : items) {
            text.append('\n').append(Dates.timeRange(item.startsAt, item.endsAt)).append(' ')
                    .append(oneLine(item.title));
            List<String> notes = new ArrayList<>();
            if (item.isBreakout() && item.roundNumber != null) {
                notes.add(messages.programme_round(item.roundNumber));
            }
            if (chosen.contains(item.id)) {
                notes.add(messages.programme_your_session());
            }
            if (!notes.isEmpty()) {
                text.append(" (").append(String.join(", ", notes)).append(')');
            }
            String speakers = speakers(item);
            if (!speakers.isEmpty()) {
                text.append(" \u2013 ").append(speakers);
            }
        }
        return text.toString();
    }

    private static String speakers(ProgrammeItem item) {
        return item.speakers.stream().map((Speaker speaker) -> oneLine(speaker.name)).collect(Collectors.joining(", "));
    }

    /**
     * LOCATION: the venue ("Naam, adres, plaats"), "Online via Zoom", or the venue "en online" when hybrid; empty for
     * an in-person event whose venue is not known yet (then no LOCATION is written).
     */
    public static String location(Event event, CalendarMessages messages) {
        String online = event.onlinePlatform != null && !event.onlinePlatform.isBlank()
                ? messages.location_online_via(oneLine(event.onlinePlatform)) : messages.location_online();
        String venue = EventLines.venue(event);
        if (!event.isInPerson()) {
            return online;
        }
        if (venue.isEmpty()) {
            return event.isOnline() ? online : "";
        }
        return event.isOnline() ? venue + " " + messages.location_hybrid_suffix() : venue;
    }

    /**
     * LOCATION of a person's own entry, by how they take part: the venue for whoever comes on site; for whoever
     * takes part online the join link while they may have it ({@link Registration#joinLink()}), else "Online (via
     * …)". Never the venue for an online attendee, nor the join link for anyone else.
     */
    public static String personalLocation(Registration registration, boolean cancelled, CalendarMessages messages) {
        Event event = registration.event;
        if (registration.isOnline() && event.isOnline()) {
            Optional<URI> join = cancelled ? Optional.empty() : joinUri(registration);
            return join.map(URI::toString).orElseGet(() -> event.onlinePlatform != null
                    && !event.onlinePlatform.isBlank() ? messages.location_online_via(oneLine(event.onlinePlatform))
                            : messages.location_online());
        }
        if (event.isHybrid()) {
            return EventLines.venue(event);
        }
        return location(event, messages);
    }

    private static void addLocation(VEvent vevent, String location) {
        if (!location.isBlank()) {
            vevent.add(new Location(location));
        }
    }

    private Organizer organizer(Event event) {
        String email = event.contactEmail != null && !event.contactEmail.isBlank() ? event.contactEmail.trim()
                : config.organizerEmail();
        Organizer organizer = new Organizer(mailto(email));
        String name = event.organisation != null ? oneLine(event.organisation.name) : "";
        if (!name.isBlank()) {
            organizer.add(new Cn(name));
        }
        return organizer;
    }

    private static Attendee attendee(Registration registration, boolean cancelled) {
        Attendee attendee = new Attendee(mailto(registration.email.trim()));
        String name = oneLine(registration.fullName());
        if (!name.isBlank()) {
            attendee.add(new Cn(name));
        }
        attendee.add(CuType.INDIVIDUAL);
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(cancelled ? PartStat.DECLINED
                : registration.isWaitlisted() || registration.isPending() ? PartStat.TENTATIVE : PartStat.ACCEPTED);
        attendee.add(Rsvp.FALSE);
        return attendee;
    }

    static URI mailto(String email) {
        try {
            return new URI("mailto", email, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a usable mail address for a calendar entry", e);
        }
    }

    private static void times(VEvent vevent, Instant start, Instant end) {
        ZonedDateTime localStart = start.truncatedTo(ChronoUnit.SECONDS).atZone(Dates.AMSTERDAM);
        ZonedDateTime localEnd = end.truncatedTo(ChronoUnit.SECONDS).atZone(Dates.AMSTERDAM);
        vevent.add(new DtStart<>(localStart));
        vevent.add(new DtEnd<>(localEnd));
    }

    /** DTSTAMP, CREATED and LAST-MODIFIED are UTC date-times with whole seconds. */
    static Instant utc(Instant instant) {
        return (instant == null ? Instant.EPOCH : instant).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Text as iCalendar TEXT may hold it: line breaks normalised to "\n" (ical4j escapes them as {@code \n}),
     * other control characters dropped (RFC 5545 TEXT allows none but HTAB).
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || !Character.isISOControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** {@link #clean} for values that are one line by nature (titles, names, places): line breaks become spaces. */
    static String oneLine(String text) {
        return EventLines.oneLine(text);
    }
}
