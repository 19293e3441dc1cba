package nl.kennisagenda.newsletter.issue;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.i18n.CurrentLocale;

/** The {@code newsissue} bundle in the language of the current request (or a given one), for services. */
public final class NewsIssueTexts {

    private NewsIssueTexts() {
    }

    public static NewsIssueMessages current() {
        return in(CurrentLocale.from(null));
    }

    public static NewsIssueMessages in(Locale locale) {
        if (locale != null && "en".equals(locale.getLanguage())) {
            return MessageBundles.get(NewsIssueMessages.class, Localized.Literal.of("en"));
        }
        return MessageBundles.get(NewsIssueMessages.class);
    }
}
