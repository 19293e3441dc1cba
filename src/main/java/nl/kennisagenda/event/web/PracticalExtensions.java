package nl.kennisagenda.event.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Practical;
import nl.kennisagenda.i18n.AppMessages;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.PageTexts;

/**
 * The practical information of an event on its public page, in the page's language: {@code event.costLine},
 * {@code event.languagesLine} and the texts ({@code event.localRoute}, ...) with the Dutch fallback of
 * {@link LocalText}.
 */
@TemplateExtension
public class PracticalExtensions {

    private PracticalExtensions() {
    }

    /** "Gratis" or "€ 95,00" (Dutch pages) / "€95.00" (English pages). */
    static String costLine(Event event, @TemplateAttribute("locale") Object locale) {
        Locale current = CurrentLocale.from(locale);
        Practical practical = event.practical;
        if (practical.isFree()) {
            return PageTexts.in(current).practical_free();
        }
        return euros(practical.costAmount, current);
    }

    static String euros(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(
                "en".equals(locale.getLanguage()) ? Locale.UK : Locale.forLanguageTag("nl-NL"));
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount).replace('\u00a0', ' ');
    }

    /** "Nederlands", "Engels" or "Nederlands en Engels" in the page's language. */
    static String languagesLine(Event event, @TemplateAttribute("locale") Object locale) {
        AppMessages msg = PageTexts.in(CurrentLocale.from(locale));
        return event.practical.languageList().stream()
                .map(language -> "en".equals(language) ? msg.practical_language_en() : msg.practical_language_nl())
                .collect(Collectors.joining(" " + msg.practical_and() + " "));
    }

    /** Whether the page has a practical section beyond costs and language. */
    static boolean hasPracticalDetails(Event event) {
        Practical p = event.practical;
        boolean venue = event.isInPerson() && (p.venueAccessibility != null || p.routeInfo != null);
        boolean online = event.isOnline() && (p.onlineAccessibility != null || p.liveCaptions || p.signLanguage);
        return venue || online || p.accreditation != null || p.privacyNote != null;
    }

    static LocalText localCostIncludes(Event event, @TemplateAttribute("locale") Object locale) {
        return LocalText.pick(event.practical.costIncludes, event.practical.costIncludesEn, locale);
    }

    static LocalText localVenueAccessibility(Event event, @TemplateAttribute("locale") Object locale) {
        return LocalText.pick(event.practical.venueAccessibility, event.practical.venueAccessibilityEn, locale);
    }

    static LocalText localOnlineAccessibility(Event event, @TemplateAttribute("locale") Object locale) {
        return LocalText.pick(event.practical.onlineAccessibility, event.practical.onlineAccessibilityEn, locale);
    }

    static LocalText localRoute(Event event, @TemplateAttribute("locale") Object locale) {
        return LocalText.pick(event.practical.routeInfo, event.practical.routeInfoEn, locale);
    }

    static LocalText localAccreditation(Event event, @TemplateAttribute("locale") Object locale) {
        return LocalText.pick(event.practical.accreditation, event.practical.accreditationEn, locale);
    }

    static LocalText localPrivacyNote(Event event, @TemplateAttribute("locale") Object locale) {
        return LocalText.pick(event.practical.privacyNote, event.practical.privacyNoteEn, locale);
    }
}
