package nl.kennisagenda.registration.admin;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.registration.RegistrationStatus;

/** The {@code admreg} texts in Java, for the exports, the JSON counts and error messages. */
public final class AdmRegTexts {

    private AdmRegTexts() {
    }

    public static AdmRegMessages messages(Locale locale) {
        return MessageBundles.get(AdmRegMessages.class, Localized.Literal.of(
                locale != null && "en".equals(locale.getLanguage()) ? "en" : "nl"));
    }

    /** "Op locatie" / "Online"; empty when unknown. */
    public static String mode(AdmRegMessages m, nl.kennisagenda.event.AttendanceMode mode) {
        if (mode == null) {
            return "";
        }
        return mode == nl.kennisagenda.event.AttendanceMode.ONLINE ? m.mode_online() : m.mode_on_site();
    }

    public static String status(AdmRegMessages m, RegistrationStatus status) {
        return switch (status) {
            case CONFIRMED -> m.status_confirmed();
            case WAITLISTED -> m.status_waitlisted();
            case CANCELLED -> m.status_cancelled();
            case PENDING -> m.status_pending();
            case DECLINED -> m.status_declined();
        };
    }
}
