package nl.kennisagenda.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.enterprise.context.RequestScoped;

/**
 * The language of the current request: Dutch unless the visitor chose English with {@code ?lang=en}
 * (remembered in a cookie) or their browser asks for English first.
 */
@RequestScoped
public class CurrentLocale {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(DUTCH, ENGLISH);
    public static final String COOKIE = "lang";

    private Locale locale = DUTCH;

    public Locale get() {
        return locale;
    }

    public String language() {
        return locale.getLanguage();
    }

    void set(Locale locale) {
        this.locale = locale;
    }

    /**
     * Sets the language of this request from outside the JAX-RS filters: for the error handler that answers a request
     * those filters never saw (web/DatabaseUnavailableMapper), so the layout it renders says the right language.
     */
    public void use(Locale chosen) {
        set(chosen);
    }

    /**
     * The language of a request: the supported one asked for with {@code ?lang=}, else the one in the {@code lang}
     * cookie, else the first supported language the browser accepts, else Dutch.
     */
    public static Locale choose(String asked, String cookie, List<Locale> accepted) {
        return supported(asked)
                .or(() -> supported(cookie))
                .or(() -> accepted.stream()
                        .filter(l -> !"*".equals(l.getLanguage()))
                        .findFirst()
                        .flatMap(l -> supported(l.getLanguage())))
                .orElse(DUTCH);
    }

    /** The supported locale for a language code, if we support it. */
    public static Optional<Locale> supported(String language) {
        if (language == null) {
            return Optional.empty();
        }
        String code = language.trim().toLowerCase(Locale.ROOT);
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(code)).findFirst();
    }

    /**
     * The locale for template extensions: the template's {@code locale} attribute when set (mails set it to the
     * recipient's language), else the language of the current request, else Dutch.
     */
    public static Locale from(Object attribute) {
        if (attribute instanceof Locale locale) {
            return locale;
        }
        if (attribute instanceof String tag && !tag.isBlank()) {
            return Locale.forLanguageTag(tag);
        }
        ArcContainer container = Arc.container();
        if (container != null && container.requestContext().isActive()) {
            return container.instance(CurrentLocale.class).get().get();
        }
        return DUTCH;
    }
}
