package nl.kennisagenda.event.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.Practical;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.Speaker;
import nl.kennisagenda.i18n.Dates;

/** Maps events to the API records; entities never leave as JSON. Never maps the join link. */
@ApplicationScoped
public class EventApiMapper {

    @Inject
    SiteConfig site;

    public EventSummary summary(Event event) {
        return new EventSummary(event.slug, event.title, event.organisation.name, event.organisation.slug,
                event.partners.stream().map(partner -> partner.name).toList(), event.format,
                offset(event.startsAt), offset(event.endsAt), event.capacity, event.placesLeft(),
                event.confirmedCount, event.waitlistedCount, List.copyOf(event.themes), url(event),
                AttendanceModes.of(event));
    }

    public EventDetail detail(Event event, Locale locale, Instant now) {
        return new EventDetail(event.slug, event.title, event.summary, event.description, event.organisation.name,
                event.organisation.slug, event.partners.stream().map(EventApiMapper::organisation).toList(),
                event.format, event.status, offset(event.startsAt), offset(event.endsAt), List.copyOf(event.themes),
                event.audience, List.copyOf(event.outcomes), venue(event),
                event.isOnline() ? event.onlinePlatform : null, contact(event), event.capacity, event.placesLeft(),
                event.confirmedCount, event.waitlistedCount, event.signupState(now).isOpen(),
                event.signupState(now), offset(event.signupOpensAt), offset(event.signupClosesAt),
                event.programme.stream().map(EventApiMapper::item).toList(),
                new EventDetail.Form(event.formFields.stream().map(field -> field(field, locale)).toList()),
                event.materials.stream()
                        .map(m -> new EventDetail.Material(m.title, m.url, m.kind)).toList(),
                practical(event.practical), url(event), AttendanceModes.of(event));
    }

    /** The practical information as the API shows it (public and admin alike). */
    public static EventDetail.Practical practical(Practical p) {
        EventDetail.PracticalTexts english = new EventDetail.PracticalTexts(p.costIncludesEn, p.venueAccessibilityEn,
                p.onlineAccessibilityEn, p.routeInfoEn, p.accreditationEn, p.privacyNoteEn);
        return new EventDetail.Practical(p.isFree(), p.costAmount, "EUR", p.languageList(), p.liveCaptions,
                p.signLanguage, new EventDetail.PracticalTexts(p.costIncludes, p.venueAccessibility,
                        p.onlineAccessibility, p.routeInfo, p.accreditation, p.privacyNote),
                english.isEmpty() ? null : english);
    }

    private String url(Event event) {
        return site.url("/events/" + event.slug);
    }

    private static EventDetail.Organisation organisation(Organisation organisation) {
        return new EventDetail.Organisation(organisation.slug, organisation.name);
    }

    private static EventDetail.Venue venue(Event event) {
        if (!event.isInPerson() || (event.venueName == null && event.venueAddress == null && event.venueCity == null)) {
            return null;
        }
        return new EventDetail.Venue(event.venueName, event.venueAddress, event.venueCity);
    }

    private static EventDetail.Contact contact(Event event) {
        if (event.contactName == null && event.contactEmail == null) {
            return null;
        }
        return new EventDetail.Contact(event.contactName, event.contactRole, event.contactEmail);
    }

    private static EventDetail.Item item(ProgrammeItem item) {
        return new EventDetail.Item(item.id, offset(item.startsAt), offset(item.endsAt), item.title,
                item.description, item.kind, item.roundNumber, item.room, item.capacity, item.placesLeft(),
                item.confirmedCount, item.waitlistedCount, item.speakers.stream().map(EventApiMapper::speaker).toList());
    }

    private static EventDetail.SpeakerRef speaker(Speaker speaker) {
        return new EventDetail.SpeakerRef(speaker.slug, speaker.name, speaker.role, speaker.organisationName);
    }

    private static EventDetail.Field field(FormField field, Locale locale) {
        return new EventDetail.Field(field.fieldKey, field.label(locale), field.help(locale), field.type,
                field.required, List.copyOf(field.options), field.effectiveMaxLength());
    }

    /** An instant as ISO-8601 with the Europe/Amsterdam offset of that moment. */
    static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atZone(Dates.AMSTERDAM).toOffsetDateTime();
    }
}
