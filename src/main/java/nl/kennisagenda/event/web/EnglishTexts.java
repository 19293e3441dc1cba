package nl.kennisagenda.event.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import nl.kennisagenda.event.EventMaterial;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.Speaker;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.image.StoredImage;

/**
 * The organiser's texts in the page's language: on an English page the English text when the organiser gave one,
 * else the Dutch text, and then {@code …Lang} answers "nl" so the template marks the element {@code lang="nl"}
 * (screen readers switch pronunciation). On Dutch pages {@code …Lang} is null: the page itself is Dutch.
 */
@TemplateExtension
public class EnglishTexts {

    static String titleText(ProgrammeItem item, @TemplateAttribute("locale") Object locale) {
        return pick(item.title, item.titleEn, locale);
    }

    static String titleLang(ProgrammeItem item, @TemplateAttribute("locale") Object locale) {
        return fallbackLang(item.titleEn, locale);
    }

    static String descriptionText(ProgrammeItem item, @TemplateAttribute("locale") Object locale) {
        return pick(item.description, item.descriptionEn, locale);
    }

    static String descriptionLang(ProgrammeItem item, @TemplateAttribute("locale") Object locale) {
        return fallbackLang(item.descriptionEn, locale);
    }

    static String titleText(EventMaterial material, @TemplateAttribute("locale") Object locale) {
        return pick(material.title, material.titleEn, locale);
    }

    static String titleLang(EventMaterial material, @TemplateAttribute("locale") Object locale) {
        return fallbackLang(material.titleEn, locale);
    }

    static String bioText(Speaker speaker, @TemplateAttribute("locale") Object locale) {
        return pick(speaker.bio, speaker.bioEn, locale);
    }

    static String bioLang(Speaker speaker, @TemplateAttribute("locale") Object locale) {
        return speaker.bio == null ? null : fallbackLang(speaker.bioEn, locale);
    }

    static String altText(StoredImage image, @TemplateAttribute("locale") Object locale) {
        return image.alt(english(locale));
    }

    static String altLang(StoredImage image, @TemplateAttribute("locale") Object locale) {
        return image.altFallsBack(english(locale)) ? "nl" : null;
    }

    private static String pick(String dutch, String english, Object locale) {
        return english(locale) && english != null && !english.isBlank() ? english : dutch;
    }

    private static String fallbackLang(String english, Object locale) {
        return english(locale) && (english == null || english.isBlank()) ? "nl" : null;
    }

    private static boolean english(Object locale) {
        return "en".equals(CurrentLocale.from(locale).getLanguage());
    }
}
