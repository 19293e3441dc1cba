package nl.kennisagenda.registration.admin;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The {@code admatt} texts in Java, for the error messages the attendance resource composes. */
public final class AdmAttTexts {

    private AdmAttTexts() {
    }

    public static AdmAttMessages messages(Locale locale) {
        return MessageBundles.get(AdmAttMessages.class, Localized.Literal.of(
                locale != null && "en".equals(locale.getLanguage()) ? "en" : "nl"));
    }
}
