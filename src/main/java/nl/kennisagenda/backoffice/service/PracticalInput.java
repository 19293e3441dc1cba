package nl.kennisagenda.backoffice.service;

/**
 * The practical information of an event as typed (see {@code event.Practical}), before validation. The cost is text
 * ("95", "95,00", "€ 12,50"; empty = free), so that what cannot be read is a field error.
 */
public record PracticalInput(
        String cost,
        String costIncludes,
        String costIncludesEn,
        String languages,
        String venueAccessibility,
        String venueAccessibilityEn,
        boolean liveCaptions,
        boolean signLanguage,
        String onlineAccessibility,
        String onlineAccessibilityEn,
        String routeInfo,
        String routeInfoEn,
        String accreditation,
        String accreditationEn,
        String privacyNote,
        String privacyNoteEn) {
}
