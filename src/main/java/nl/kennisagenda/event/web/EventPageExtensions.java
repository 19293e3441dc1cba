package nl.kennisagenda.event.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import nl.kennisagenda.common.WebAddresses;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventLines;
import nl.kennisagenda.event.EventMaterial;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.Materials;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.SignupState;
import nl.kennisagenda.event.Speaker;
import nl.kennisagenda.i18n.AppMessages;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.PageTexts;
import nl.kennisagenda.i18n.Dates;

/**
 * Display values of the public event pages, computed here rather than in templates: labels in the page's
 * language, places left, the organiser line of a card, the programme grouped in rounds, why sign-up is closed.
 */
@TemplateExtension
public class EventPageExtensions {

    private static AppMessages texts(Object locale) {
        return PageTexts.in(CurrentLocale.from(locale));
    }

    static String formatLabel(EventFormat format, @TemplateAttribute("locale") Object locale) {
        AppMessages msg = texts(locale);
        return switch (format) {
            case ONLINE -> msg.format_online();
            case IN_PERSON -> msg.format_in_person();
            case HYBRID -> msg.format_hybrid();
        };
    }

    static String formatLabel(Event event, @TemplateAttribute("locale") Object locale) {
        return formatLabel(event.format, locale);
    }

    /** "Utrecht", "Online · Zoom" or "Vlissingen + online" for a card. */
    static String placeLine(Event event, @TemplateAttribute("locale") Object locale) {
        AppMessages msg = texts(locale);
        String city = event.venueCity != null ? event.venueCity : event.venueName;
        String online = event.onlinePlatform != null ? msg.event_how_online(event.onlinePlatform) : msg.format_online();
        return switch (event.format) {
            case ONLINE -> online;
            case IN_PERSON -> city != null ? city : msg.format_in_person();
            case HYBRID -> (city != null ? city : msg.format_in_person()) + " · " + online;
        };
    }

    /** "Nog 12 plaatsen vrij", "Vol — wachtlijst", or null when there is no limit. */
    static String placesLine(Event event, @TemplateAttribute("locale") Object locale) {
        if (event.isHybrid() && (event.capacity != null || event.onlineCapacity != null)) {
            // Per mode: "Op locatie: Nog 3 plaatsen vrij · Online: geen maximum".
            AppMessages msg = texts(locale);
            return msg.places_mode_on_site(modePlaces(event, nl.kennisagenda.event.AttendanceMode.ON_SITE, msg))
                    + " · " + msg.places_mode_online(modePlaces(event, nl.kennisagenda.event.AttendanceMode.ONLINE, msg));
        }
        if (event.hasUnlimitedCapacity()) {
            return null;
        }
        AppMessages msg = texts(locale);
        return event.isFull() ? msg.full_waitlist() : msg.places_left(event.placesLeft());
    }

    private static String modePlaces(Event event, nl.kennisagenda.event.AttendanceMode mode, AppMessages msg) {
        Integer left = event.placesLeft(mode);
        return left == null ? msg.places_mode_unlimited() : event.isFull(mode) ? msg.full_waitlist()
                : msg.places_left(left);
    }

    /** Places of a breakout session, or null when only the event's capacity limits it. */
    static String placesLine(ProgrammeItem item, @TemplateAttribute("locale") Object locale) {
        if (item.capacity == null) {
            return null;
        }
        AppMessages msg = texts(locale);
        return item.isFull() ? msg.session_full() : msg.places_left(item.placesLeft());
    }

    static boolean isCancelled(Event event) {
        return event.status == EventStatus.CANCELLED;
    }

    static boolean isOver(Event event) {
        return event.isPast(Instant.now());
    }

    /** Over and not cancelled: the page becomes a look back ("Terugblik") and sign-up disappears. */
    static boolean tookPlace(Event event) {
        return event.status != EventStatus.CANCELLED && event.isPast(Instant.now());
    }

    /** The materials grouped as the look back and the follow-up mails show them (one rule: event.Materials). */
    static List<Materials.Group> materialGroups(Event event) {
        return Materials.grouped(event);
    }

    /** "Presentaties": the heading of a group of materials in the page's language. */
    static String headingText(Materials.Group group, @TemplateAttribute("locale") Object locale) {
        return group.heading(CurrentLocale.from(locale));
    }

    /** Organiser with partners in short names: "Vilans met VWS en ESHPM". */
    static String organisersLine(Event event, @TemplateAttribute("locale") Object locale) {
        return EventLines.organisers(event, CurrentLocale.from(locale));
    }

    static SignupState signup(Event event) {
        return event.signupState(Instant.now());
    }

    static boolean signupOpen(Event event) {
        return event.signupState(Instant.now()).isOpen();
    }

    /** Why a visitor cannot sign up now, or null when they can. */
    static String signupReason(Event event, @TemplateAttribute("locale") Object locale) {
        AppMessages msg = texts(locale);
        Locale language = CurrentLocale.from(locale);
        return switch (event.signupState(Instant.now())) {
            case OPEN -> null;
            case NOT_YET_OPEN -> msg.signup_not_yet_open(
                    Dates.day(event.signupOpensAt, language) + ", " + Dates.time(event.signupOpensAt));
            case CLOSED, NOT_PUBLISHED -> msg.signup_closed();
            case PAST -> msg.signup_past();
            case CANCELLED -> msg.signup_cancelled();
        };
    }

    /** "Aanmelden kan tot …" while sign-up is open and has a closing moment before the start; else null. */
    static String signupDeadline(Event event, @TemplateAttribute("locale") Object locale) {
        if (!event.signupState(Instant.now()).isOpen() || event.signupClosesAt == null
                || !event.signupClosesAt.isBefore(event.startsAt)) {
            return null;
        }
        Locale language = CurrentLocale.from(locale);
        return texts(locale).signup_closes(
                Dates.day(event.signupClosesAt, language) + ", " + Dates.time(event.signupClosesAt));
    }

    static List<ProgrammeSlot> programmeSlots(Event event) {
        return ProgrammeSlot.of(event.programme);
    }

    /** Everyone who speaks in the programme, once each, in order of first appearance. */
    static List<Speaker> speakers(Event event) {
        Map<Long, Speaker> speakers = new LinkedHashMap<>();
        event.programme.forEach(item -> item.speakers.forEach(s -> speakers.putIfAbsent(s.id, s)));
        return new ArrayList<>(speakers.values());
    }

    static String kindLabel(ProgrammeItem item, @TemplateAttribute("locale") Object locale) {
        AppMessages msg = texts(locale);
        return switch (item.kind) {
            case PLENARY -> msg.kind_plenary();
            case BREAKOUT -> msg.kind_breakout();
            case BREAK -> msg.kind_break();
        };
    }

    static String kindLabel(EventMaterial material, @TemplateAttribute("locale") Object locale) {
        AppMessages msg = texts(locale);
        return switch (material.kind) {
            case SLIDES -> msg.material_slides();
            case RECORDING -> msg.material_recording();
            case DOCUMENT -> msg.material_document();
            case LINK -> msg.material_link();
        };
    }

    /** "Spreker, H-team 010": role and organisation of a speaker, whichever are known. */
    static String affiliation(Speaker speaker) {
        List<String> parts = new ArrayList<>();
        if (speaker.role != null && !speaker.role.isBlank()) {
            parts.add(speaker.role);
        }
        if (speaker.organisationName != null && !speaker.organisationName.isBlank()) {
            parts.add(speaker.organisationName);
        }
        return String.join(", ", parts);
    }

    /** Speakers of a programme item as one line: "Klaas Beniers, Petra van Holst". */
    static String speakerNames(ProgrammeItem item) {
        return String.join(", ", item.speakers.stream().map(s -> s.name).toList());
    }

    /** Body text split into paragraphs at blank lines. */
    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** The URL when it is a web address, so a stored value can never become a javascript: link. */
    static String webUrl(String url) {
        return WebAddresses.isWebAddress(url) ? url.strip() : "#";
    }

    /** Host name of a website for display: "www.platform31.nl". */
    static String host(String url) {
        if (url == null) {
            return "";
        }
        return url.replaceFirst("^[a-zA-Z]+://", "").replaceFirst("/.*$", "");
    }

    /** Day of the month in Amsterdam: "3". */
    static String dayOfMonth(Instant instant) {
        return String.valueOf(Dates.local(instant).getDayOfMonth());
    }

    /** Abbreviated month in the page language: "dec". */
    static String monthShort(Instant instant, @TemplateAttribute("locale") Object locale) {
        return DateTimeFormatter.ofPattern("MMM", CurrentLocale.from(locale)).format(Dates.local(instant))
                .replace(".", "");
    }

    static String key(YearMonth month) {
        return month.toString();
    }

    /** "december 2026" / "December 2026". */
    static String label(YearMonth month, @TemplateAttribute("locale") Object locale) {
        return Dates.monthLabel(month.toString(), CurrentLocale.from(locale));
    }

    /** A query parameter value, percent-encoded. */
    static String urlEncoded(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** Up to two initials for a speaker's avatar: "KH" for Kay Hollanders. */
    static String initials(Speaker speaker) {
        String[] words = speaker.name.trim().split("\\s+");
        StringBuilder initials = new StringBuilder();
        initials.appendCodePoint(words[0].codePointAt(0));
        if (words.length > 1) {
            initials.appendCodePoint(words[words.length - 1].codePointAt(0));
        }
        return initials.toString().toUpperCase(Locale.ROOT);
    }

    private static String joinAnd(List<String> parts, Object locale) {
        return EventLines.joinAnd(parts, texts(locale));
    }
}
