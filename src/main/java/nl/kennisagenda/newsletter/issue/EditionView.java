package nl.kennisagenda.newsletter.issue;

import java.util.List;

/**
 * One language's edition of an issue, ready for the edition templates: every value is display text (or sanitised
 * HTML from {@code event/Markdown} in the {@code *Html} fields); the templates hold no rules.
 */
public record EditionView(String lang, String subject, String organisationName, String introHtml, String introText,
        List<EventItem> events, List<MaterialItem> materials, boolean showMaterials, String freeHtml,
        String freeText) {

    /** An upcoming event: "dinsdag 5 januari, 12:30–14:00", "Online", its one-line summary, links, places. */
    public record EventItem(String title, String when, String format, String summary, String url, String signupUrl,
            String places) {
    }

    /** A material of a recent event: its event, title, kind ("Opname") and address. */
    public record MaterialItem(String eventTitle, String title, String kind, String url) {
    }
}
