package nl.kennisagenda.backoffice.editor;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.i18n.CurrentLocale;

/** The {@code admprog} bundle in the language of the current request, for messages composed in the services. */
public final class EditorTexts {

    private EditorTexts() {
    }

    public static EditorMessages current() {
        return in(CurrentLocale.from(null));
    }

    public static EditorMessages in(Locale locale) {
        if (locale != null && "en".equals(locale.getLanguage())) {
            return MessageBundles.get(EditorMessages.class, Localized.Literal.of("en"));
        }
        return MessageBundles.get(EditorMessages.class);
    }

    public static boolean english() {
        return "en".equals(CurrentLocale.from(null).getLanguage());
    }
}
