package nl.kennisagenda.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The {@code msg} bundle in a given language, for texts composed in Java (template extensions, API errors). */
public final class PageTexts {

    private PageTexts() {
    }

    public static AppMessages in(Locale locale) {
        if (locale != null && CurrentLocale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return MessageBundles.get(AppMessages.class, Localized.Literal.of(CurrentLocale.ENGLISH.getLanguage()));
        }
        return MessageBundles.get(AppMessages.class);
    }
}
