package nl.kennisagenda.i18n;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Chooses the language of every request ({@code ?lang=}, then the {@code lang} cookie, then Accept-Language),
 * and remembers an explicit choice in a cookie. Templates read it through {@link CurrentLocale#from(Object)}
 * and, for message bundles, through the Accept-Language header that the request filter rewrites.
 */
public class LocaleFilters {

    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Inject
    CurrentLocale currentLocale;

    @ServerRequestFilter(preMatching = true)
    public void chooseLocale(ContainerRequestContext request) {
        String asked = request.getUriInfo().getQueryParameters().getFirst("lang");
        Cookie cookie = request.getCookies().get(CurrentLocale.COOKIE);
        Locale chosen = CurrentLocale.choose(asked, cookie == null ? null : cookie.getValue(),
                acceptableLanguages(request));
        currentLocale.set(chosen);
        // The Qute integration picks the template locale from Accept-Language: make it say what we chose.
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, chosen.toLanguageTag());
        if (CurrentLocale.supported(asked).isPresent()) {
            request.setProperty(CurrentLocale.COOKIE, chosen.getLanguage());
        }
    }

    /**
     * The Accept-Language languages; an unreadable header ({@code lang=en; lang=nl}, {@code nl;q=abc}) counts as
     * absent. The framework's parser throws on those, and as the header is read again while the error page is
     * rendered, that was a 500.
     */
    private static List<Locale> acceptableLanguages(ContainerRequestContext request) {
        try {
            return request.getAcceptableLanguages();
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }

    @ServerResponseFilter
    public void applyLocale(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CONTENT_LANGUAGE)
                && response.getMediaType() != null && "html".equals(response.getMediaType().getSubtype())) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, currentLocale.language());
        }
        Object explicit = request.getProperty(CurrentLocale.COOKIE);
        if (explicit != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(CurrentLocale.COOKIE)
                    .value(explicit.toString()).path("/").maxAge(ONE_YEAR).sameSite(NewCookie.SameSite.LAX)
                    .httpOnly(true).build()); // Secure on https sites: web.CookieAttributes
        }
    }
}
