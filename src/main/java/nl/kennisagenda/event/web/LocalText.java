package nl.kennisagenda.event.web;

import java.util.List;
import java.util.Locale;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Markdown;
import nl.kennisagenda.i18n.CurrentLocale;

/**
 * A text of an event in the page's language: the English version on English pages when the organiser wrote one,
 * else the Dutch text, with {@code lang} = "nl" so the element can say so (screen readers switch voice). On Dutch
 * pages {@code lang} is always null.
 */
@TemplateData
public record LocalText(String text, String lang) {

    public boolean isEmpty() {
        return text == null || text.isEmpty();
    }

    static LocalText pick(String dutch, String english, Object locale) {
        Locale current = CurrentLocale.from(locale);
        boolean englishPage = CurrentLocale.ENGLISH.getLanguage().equals(current.getLanguage());
        if (!englishPage) {
            return new LocalText(dutch, null);
        }
        if (english != null && !english.isBlank()) {
            return new LocalText(english, null);
        }
        return new LocalText(dutch, dutch == null || dutch.isBlank() ? null : "nl");
    }

    /** {@code {event.localTitle}}, {@code {event.localSummary}}, ... for the public pages. */
    @TemplateExtension
    static class Extensions {

        static LocalText localTitle(Event event, @TemplateAttribute("locale") Object locale) {
            return pick(event.title, event.titleEn, locale);
        }

        static LocalText localSummary(Event event, @TemplateAttribute("locale") Object locale) {
            return pick(event.summary, event.summaryEn, locale);
        }

        static LocalText localAudience(Event event, @TemplateAttribute("locale") Object locale) {
            return pick(event.audience, event.audienceEn, locale);
        }

        /** The description rendered from Markdown to sanitised HTML (see {@link Markdown}). */
        static LocalText localDescriptionHtml(Event event, @TemplateAttribute("locale") Object locale) {
            LocalText text = pick(event.description, event.descriptionEn, locale);
            return new LocalText(Markdown.toHtml(text.text()), text.lang());
        }

        /** The outcomes in the page's language: the English list when there is one, else the Dutch list. */
        static LocalList localOutcomes(Event event, @TemplateAttribute("locale") Object locale) {
            Locale current = CurrentLocale.from(locale);
            boolean englishPage = CurrentLocale.ENGLISH.getLanguage().equals(current.getLanguage());
            if (englishPage && !event.outcomesEn.isEmpty()) {
                return new LocalList(event.outcomesEn, null);
            }
            return new LocalList(event.outcomes, englishPage && !event.outcomes.isEmpty() ? "nl" : null);
        }
    }

    /** A list of texts in one language; {@code lang} as for {@link LocalText}. */
    @TemplateData
    public record LocalList(List<String> items, String lang) {
    }
}
