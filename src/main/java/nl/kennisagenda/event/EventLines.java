package nl.kennisagenda.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.kennisagenda.i18n.AppMessages;
import nl.kennisagenda.i18n.PageTexts;

/**
 * The event's "who" and "where" as one line each, the same on the pages, in the mails and in calendar invites.
 * Every part is one line: organiser text with line breaks cannot split a mail line or an iCalendar property.
 */
public final class EventLines {

    private EventLines() {
    }

    /** Organiser with partners in short names: "Vilans met VWS en ESHPM" / "Vilans with VWS and ESHPM". */
    public static String organisers(Event event, Locale locale) {
        String organiser = oneLine(event.organisation.displayShortName());
        if (event.partners.isEmpty()) {
            return organiser;
        }
        AppMessages texts = PageTexts.in(locale);
        List<String> partners = event.partners.stream().map(partner -> oneLine(partner.displayShortName())).toList();
        return texts.organiser_with_partners(organiser, joinAnd(partners, texts));
    }

    /** "Naam, adres, plaats" of the venue, with the parts that are known; empty when none is. */
    public static String venue(Event event) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] { event.venueName, event.venueAddress, event.venueCity }) {
            String line = oneLine(part);
            if (!line.isEmpty()) {
                parts.add(line);
            }
        }
        return String.join(", ", parts);
    }

    /** "a", "a en b", "a, b en c". */
    public static String joinAnd(List<String> parts, AppMessages texts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        String and = " " + texts.word_and() + " ";
        return String.join(", ", parts.subList(0, parts.size() - 1)) + and + parts.get(parts.size() - 1);
    }

    /** The text on one line: line breaks and other control characters become spaces, runs of spaces one. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ")
                .replaceAll(" {2,}", " ").strip();
    }
}
