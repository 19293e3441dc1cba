package nl.kennisagenda.web;

import java.util.Locale;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.QueryStringEncoder;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import nl.kennisagenda.i18n.CurrentLocale;

/** Values every page template can use, such as the page language for {@code <html lang>}. */
@TemplateGlobal
public class Globals {

    /** "nl" or "en": the language the current page is rendered in. */
    static String lang() {
        return currentLocale().getLanguage();
    }

    /**
     * The current page with the other language chosen, for the language switch: a query-only relative link
     * ({@code ?q=zorg&lang=en}), so it always stays on this page of this site. The request's path is never copied
     * into it: {@code GET //evil.example/x} must not become a link to another host.
     */
    static String otherLanguageUrl() {
        String other = "en".equals(lang()) ? "nl" : "en";
        HttpServerRequest request = currentRequest();
        QueryStringEncoder link = new QueryStringEncoder("");
        if (request != null && request.query() != null) {
            try {
                new QueryStringDecoder(request.query(), false).parameters().forEach((name, values) -> {
                    if (!name.equals("lang")) {
                        values.forEach(value -> link.addParam(name, value));
                    }
                });
            } catch (IllegalArgumentException unreadableQuery) {
                // A query we cannot read is not worth keeping: switch the language of the page alone.
            }
        }
        link.addParam("lang", other);
        return link.toString();
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
