package nl.kennisagenda.backoffice.service;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.backoffice.EventEditorMessages;
import nl.kennisagenda.i18n.CurrentLocale;

/** The admev bundle in a given language, for texts composed in Java. */
public final class EditorTexts {

    private EditorTexts() {
    }

    public static EventEditorMessages in(Locale locale) {
        if (locale != null && CurrentLocale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return MessageBundles.get(EventEditorMessages.class, Localized.Literal.of("en"));
        }
        return MessageBundles.get(EventEditorMessages.class);
    }
}
