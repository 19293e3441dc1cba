package nl.kennisagenda.newsletter.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The consent texts a person sees, with their version. The version is derived from the exact text (its kind and the
 * first 12 hex digits of its SHA-256), so changing a text in the message bundle always makes a new version, and two
 * records with the same version showed the very same words.
 */
public final class ConsentTexts {

    /** A text as shown, with its version. */
    public record ConsentText(String text, String version) {
    }

    private ConsentTexts() {
    }

    /** The text above the subscribe button of the public forms. */
    public static ConsentText form(Locale locale) {
        return of("form", messages(locale).consent_text());
    }

    /** The text the newsletter box of an event sign-up showed (stored on the registration). */
    public static ConsentText eventSignup(String shownText) {
        return of("signup", shownText);
    }

    /** The text on the preferences page, above its save button. */
    public static ConsentText preferences(Locale locale) {
        return of("preferences", messages(locale).prefs_consent_text());
    }

    /** What an imported address is asked in its re-permission mail. */
    public static ConsentText repermission(Locale locale) {
        return of("repermission", messages(locale).repermission_consent_text());
    }

    static ConsentText of(String kind, String text) {
        return new ConsentText(text, kind + "-" + sha256(text).substring(0, 12));
    }

    /** The texts of the news bundle in this language. */
    public static NewsMessages messages(Locale locale) {
        return MessageBundles.get(NewsMessages.class, Localized.Literal.of(locale.getLanguage()));
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
