package nl.kennisagenda.calendar;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;

/**
 * Calendar links for any page or mail template:
 * <ul>
 * <li>{@code {event.icsUrl}}, {@code {event.icsProgrammeUrl}}: the .ics download (Apple Calendar opens it too);</li>
 * <li>{@code {event.googleCalendarUrl}}, {@code {event.outlookCalendarUrl}} (Microsoft 365),
 * {@code {event.outlookLiveCalendarUrl}} (Outlook.com): "add" pages of those calendars, with the public data
 * only (never the join link);</li>
 * <li>{@code {attendee.calendarFeedUrl}}, {@code {attendee.webcalUrl}}, {@code {attendee.googleSubscribeUrl}}, and the
 * same on a registration ({@code {registration.webcalUrl}}): the person's own feed;</li>
 * <li>{@code {organisation.webcalUrl}} and {@code {calendar:allEventsWebcalUrl}}: public feeds.</li>
 * </ul>
 * All URLs are absolute ({@code kennisagenda.site.base-url}), so they also work in mails.
 */
public class CalendarLinks {

    private static final DateTimeFormatter GOOGLE_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private CalendarLinks() {
    }

    @TemplateExtension
    static String icsUrl(Event event) {
        return site().url("/events/" + event.slug + ".ics");
    }

    @TemplateExtension
    static String icsProgrammeUrl(Event event) {
        return icsUrl(event) + "?programme=true";
    }

    @TemplateExtension
    static String googleCalendarUrl(Event event, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("action", "TEMPLATE");
        query.put("text", event.title);
        query.put("dates", GOOGLE_UTC.format(seconds(event.startsAt)) + "/" + GOOGLE_UTC.format(seconds(event.endsAt)));
        query.put("ctz", AmsterdamTimeZone.ID);
        query.put("details", details(event));
        query.put("location", location(event, locale));
        return "https://calendar.google.com/calendar/render?" + encode(query);
    }

    /** Microsoft 365 (work and school accounts), the calendar most of our audience uses. */
    @TemplateExtension
    static String outlookCalendarUrl(Event event, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return outlook("https://outlook.office.com", event, locale);
    }

    /** Outlook.com (personal Microsoft accounts). */
    @TemplateExtension
    static String outlookLiveCalendarUrl(Event event, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return outlook("https://outlook.live.com", event, locale);
    }

    @TemplateExtension
    static String calendarFeedUrl(Attendee attendee) {
        return site().url("/calendar/" + attendee.calendarToken + ".ics");
    }

    @TemplateExtension
    static String webcalUrl(Attendee attendee) {
        return webcal(calendarFeedUrl(attendee));
    }

    /** Google Calendar's "add by URL" page for the person's feed. */
    @TemplateExtension
    static String googleSubscribeUrl(Attendee attendee) {
        return "https://calendar.google.com/calendar/r?cid=" + urlEncode(webcalUrl(attendee));
    }

    @TemplateExtension
    static String calendarFeedUrl(Registration registration) {
        return calendarFeedUrl(registration.attendee);
    }

    @TemplateExtension
    static String webcalUrl(Registration registration) {
        return webcalUrl(registration.attendee);
    }

    @TemplateExtension
    static String webcalUrl(Organisation organisation) {
        return webcal(site().url("/calendar/organisations/" + organisation.slug + ".ics"));
    }

    @TemplateExtension(namespace = "calendar")
    static String allEventsUrl() {
        return site().url("/calendar/events.ics");
    }

    @TemplateExtension(namespace = "calendar")
    static String allEventsWebcalUrl() {
        return webcal(allEventsUrl());
    }

    /** webcal:// makes Apple Calendar and Outlook subscribe instead of importing once. */
    static String webcal(String url) {
        return url.replaceFirst("^https?://", "webcal://");
    }

    private static String outlook(String host, Event event, Object locale) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("path", "/calendar/action/compose");
        query.put("rru", "addevent");
        query.put("subject", event.title);
        query.put("startdt", ISO_UTC.format(seconds(event.startsAt)));
        query.put("enddt", ISO_UTC.format(seconds(event.endsAt)));
        query.put("body", details(event));
        query.put("location", location(event, locale));
        return host + "/calendar/0/deeplink/compose?" + encode(query);
    }

    private static String details(Event event) {
        String page = site().url("/events/" + event.slug);
        String summary = CalendarComponents.clean(event.summary);
        return summary.isBlank() ? page : summary + "\n\n" + page;
    }

    private static String location(Event event, Object locale) {
        Locale language = CurrentLocale.from(locale);
        return CalendarComponents.location(event, CalendarComponents.messages(language));
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .map(entry -> entry.getKey() + "=" + urlEncode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SiteConfig site() {
        return Arc.container().instance(SiteConfig.class).get();
    }
}
