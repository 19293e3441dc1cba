package nl.kennisagenda.backoffice.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import io.quarkus.qute.TemplateData;
import nl.kennisagenda.backoffice.service.EventEditing;
import nl.kennisagenda.backoffice.service.EventInput;
import nl.kennisagenda.backoffice.service.PracticalInput;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.Dates;

/**
 * The event form as shown: the values (as typed, or from the event), the error per field, the partner choices, the
 * Markdown previews and, when a published event's time or place changes, how many attendees the update goes to.
 */
@TemplateData
public record EventFormView(
        boolean isNew,
        Long eventId,
        String organisationSlug,
        String organisationName,
        String action,
        Map<String, String> values,
        List<String> chosenPartners,
        Map<String, String> errors,
        List<Organisation> partnerOptions,
        String previewHtml,
        String previewEnHtml,
        Long confirmCount) {

    /** Names of the text fields, in form order (also the keys of {@link #values}). */
    static final List<String> FIELDS = List.of("title", "slug", "summary", "description", "themes", "format",
            "startsAt", "endsAt", "venueName", "venueAddress", "venueCity", "onlinePlatform", "joinUrl", "audience",
            "outcomes", "titleEn", "summaryEn", "descriptionEn", "audienceEn", "outcomesEn", "contactName",
            "contactRole", "contactEmail", "capacity", "onlineCapacity", "signupOpensAt", "signupClosesAt", "cost", "costIncludes",
            "costIncludesEn", "languages", "venueAccessibility", "venueAccessibilityEn", "liveCaptions", "signLanguage",
            "onlineAccessibility", "onlineAccessibilityEn", "routeInfo", "routeInfoEn", "accreditation",
            "accreditationEn", "privacyNote", "privacyNoteEn", "unlisted", "requiresApproval");

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    public boolean checked(String field) {
        return "true".equals(values.get(field)) || "on".equals(values.get(field));
    }

    public boolean isSelected(String field, String option) {
        return option.equals(values.get(field));
    }

    public boolean isPartner(String slug) {
        return chosenPartners.contains(slug);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The errors in form order, for the summary at the top. */
    public List<Map.Entry<String, String>> errorList() {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (String field : FIELDS) {
            if (errors.containsKey(field)) {
                list.add(Map.entry(field, errors.get(field)));
            }
        }
        if (errors.containsKey("partners")) {
            list.add(Map.entry("partners", errors.get("partners")));
        }
        return list;
    }

    /** The typed values of a posted form. */
    static Map<String, String> valuesOf(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        for (String field : FIELDS) {
            String value = form.getFirst(field);
            if (value != null) {
                values.put(field, value);
            }
        }
        return values;
    }

    static List<String> partnersOf(MultivaluedMap<String, String> form) {
        List<String> partners = form.get("partners");
        return partners == null ? List.of() : List.copyOf(partners);
    }

    /** The form's values for an existing event. */
    static Map<String, String> valuesOf(Event e) {
        Map<String, String> values = new HashMap<>();
        put(values, "title", e.title);
        put(values, "slug", e.slug);
        put(values, "summary", e.summary);
        put(values, "description", e.description);
        put(values, "themes", String.join("\n", e.themes));
        put(values, "format", e.format == null ? null : e.format.name());
        put(values, "startsAt", local(e.startsAt));
        put(values, "endsAt", local(e.endsAt));
        put(values, "venueName", e.venueName);
        put(values, "venueAddress", e.venueAddress);
        put(values, "venueCity", e.venueCity);
        put(values, "onlinePlatform", e.onlinePlatform);
        put(values, "joinUrl", e.joinUrl);
        put(values, "audience", e.audience);
        put(values, "outcomes", String.join("\n", e.outcomes));
        put(values, "titleEn", e.titleEn);
        put(values, "summaryEn", e.summaryEn);
        put(values, "descriptionEn", e.descriptionEn);
        put(values, "audienceEn", e.audienceEn);
        put(values, "outcomesEn", String.join("\n", e.outcomesEn));
        put(values, "contactName", e.contactName);
        put(values, "contactRole", e.contactRole);
        put(values, "contactEmail", e.contactEmail);
        put(values, "capacity", e.capacity == null ? null : e.capacity.toString());
        put(values, "onlineCapacity", e.onlineCapacity == null ? null : e.onlineCapacity.toString());
        put(values, "signupOpensAt", local(e.signupOpensAt));
        put(values, "signupClosesAt", local(e.signupClosesAt));
        put(values, "unlisted", e.unlisted ? "true" : null);
        put(values, "requiresApproval", e.requiresApproval ? "true" : null);
        PracticalInput p = EventEditing.practicalInputOf(e.practical);
        put(values, "cost", p.cost() == null ? null : p.cost().replace('.', ','));
        put(values, "costIncludes", p.costIncludes());
        put(values, "costIncludesEn", p.costIncludesEn());
        put(values, "languages", p.languages());
        put(values, "venueAccessibility", p.venueAccessibility());
        put(values, "venueAccessibilityEn", p.venueAccessibilityEn());
        put(values, "liveCaptions", p.liveCaptions() ? "true" : null);
        put(values, "signLanguage", p.signLanguage() ? "true" : null);
        put(values, "onlineAccessibility", p.onlineAccessibility());
        put(values, "onlineAccessibilityEn", p.onlineAccessibilityEn());
        put(values, "routeInfo", p.routeInfo());
        put(values, "routeInfoEn", p.routeInfoEn());
        put(values, "accreditation", p.accreditation());
        put(values, "accreditationEn", p.accreditationEn());
        put(values, "privacyNote", p.privacyNote());
        put(values, "privacyNoteEn", p.privacyNoteEn());
        return values;
    }

    /** The input the service checks, from the typed values. */
    static EventInput input(Map<String, String> v, List<String> partners) {
        return new EventInput(v.get("slug"), v.get("title"), v.get("titleEn"), v.get("summary"), v.get("summaryEn"),
                v.get("description"), v.get("descriptionEn"), lines(v.get("themes")), v.get("format"),
                v.get("startsAt"), v.get("endsAt"), v.get("venueName"), v.get("venueAddress"), v.get("venueCity"),
                v.get("onlinePlatform"), v.get("joinUrl"), v.get("audience"), v.get("audienceEn"),
                lines(v.get("outcomes")), lines(v.get("outcomesEn")), v.get("contactName"), v.get("contactRole"),
                v.get("contactEmail"), v.get("capacity"), v.get("signupOpensAt"), v.get("signupClosesAt"), partners,
                ticked(v, "unlisted"), ticked(v, "requiresApproval"),
                new PracticalInput(v.get("cost"), v.get("costIncludes"), v.get("costIncludesEn"), v.get("languages"),
                        v.get("venueAccessibility"), v.get("venueAccessibilityEn"), ticked(v, "liveCaptions"),
                        ticked(v, "signLanguage"), v.get("onlineAccessibility"), v.get("onlineAccessibilityEn"),
                        v.get("routeInfo"), v.get("routeInfoEn"), v.get("accreditation"), v.get("accreditationEn"),
                        v.get("privacyNote"), v.get("privacyNoteEn")),
                v.get("onlineCapacity"));
    }

    private static boolean ticked(Map<String, String> values, String field) {
        return "true".equals(values.get(field)) || "on".equals(values.get(field));
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\\R"));
    }

    private static String local(Instant instant) {
        return instant == null ? null : LOCAL.format(Dates.local(instant));
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
