package nl.kennisagenda.backoffice.service;

import java.util.List;

/**
 * What an organiser typed for an event, from the back-office form or the admin API, before validation. Dates are
 * ISO texts: {@code 2026-12-01T10:00} (a local time in Europe/Amsterdam, as a datetime-local field sends it) or with
 * an offset ({@code 2026-12-01T10:00:00+01:00}, as the API sends it). Numbers are texts too, so that what cannot be
 * read is a field error rather than a 400.
 */
public record EventInput(
        String slug,
        String title,
        String titleEn,
        String summary,
        String summaryEn,
        String description,
        String descriptionEn,
        List<String> themes,
        String format,
        String startsAt,
        String endsAt,
        String venueName,
        String venueAddress,
        String venueCity,
        String onlinePlatform,
        String joinUrl,
        String audience,
        String audienceEn,
        List<String> outcomes,
        List<String> outcomesEn,
        String contactName,
        String contactRole,
        String contactEmail,
        String capacity,
        String signupOpensAt,
        String signupClosesAt,
        List<String> partners,
        boolean unlisted,
        boolean requiresApproval,
        /** Null: keep the event's practical information as it is (an API client that does not know it). */
        PracticalInput practical,
        /**
         * Online places of a hybrid event: blank for unlimited; null keeps the event's value (an API client or a form
         * that does not show the field).
         */
        String onlineCapacity) {

    /** Without the online capacity: the event keeps its own. */
    public EventInput(String slug, String title, String titleEn, String summary, String summaryEn, String description,
            String descriptionEn, List<String> themes, String format, String startsAt, String endsAt, String venueName,
            String venueAddress, String venueCity, String onlinePlatform, String joinUrl, String audience,
            String audienceEn, List<String> outcomes, List<String> outcomesEn, String contactName, String contactRole,
            String contactEmail, String capacity, String signupOpensAt, String signupClosesAt, List<String> partners,
            boolean unlisted, boolean requiresApproval, PracticalInput practical) {
        this(slug, title, titleEn, summary, summaryEn, description, descriptionEn, themes, format, startsAt, endsAt,
                venueName, venueAddress, venueCity, onlinePlatform, joinUrl, audience, audienceEn, outcomes, outcomesEn,
                contactName, contactRole, contactEmail, capacity, signupOpensAt, signupClosesAt, partners, unlisted,
                requiresApproval, practical, null);
    }

    public EventInput {
        themes = clean(themes);
        outcomes = clean(outcomes);
        outcomesEn = clean(outcomesEn);
        partners = clean(partners);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }
}
