package nl.kennisagenda.web;

import java.util.Locale;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.UriBuilder;
import nl.kennisagenda.i18n.CurrentLocale;

/** Values every page template can use, such as the page language for {@code <html lang>}. */
@TemplateGlobal
public class Globals {

    /** "nl" or "en": the language the current page is rendered in. */
    static String lang() {
        return currentLocale().getLanguage();
    }

    /** The current URL with the other language chosen, for the language switch. */
    static String otherLanguageUrl() {
        String other = "en".equals(lang()) ? "nl" : "en";
        HttpServerRequest request = currentRequest();
        if (request == null) {
            return "/?lang=" + other;
        }
        return UriBuilder.fromUri(request.uri()).replaceQueryParam("lang", other).build().toString();
    }

    private static Locale currentLocale() {
        return CurrentLocale.from(null);
    }

    private static HttpServerRequest currentRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        CurrentVertxRequest current = Arc.container().instance(CurrentVertxRequest.class).get();
        return current.getCurrent() == null ? null : current.getCurrent().request();
    }
}
