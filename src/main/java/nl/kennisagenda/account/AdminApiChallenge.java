package nl.kennisagenda.account;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import nl.kennisagenda.i18n.CurrentLocale;

/**
 * Where the admin API differs from the back-office pages when nobody (or no valid token) is behind a request: a
 * 401 with a JSON {@link nl.kennisagenda.web.ApiError} body and {@code WWW-Authenticate: Bearer}, never a redirect
 * to the HTML log-in page that a program could not use.
 */
public final class AdminApiChallenge {

    public static final String REALM = "kennisagenda";

    private AdminApiChallenge() {
    }

    /** {@code /api/admin} and everything under it. */
    public static boolean isAdminApi(String path) {
        return path != null && (path.equals("/api/admin") || path.startsWith("/api/admin/"));
    }

    /** The WWW-Authenticate value: with {@code error="invalid_token"} when a token was sent and refused (RFC 6750). */
    public static String wwwAuthenticate(boolean tokenRefused) {
        return "Bearer realm=\"" + REALM + "\"" + (tokenRefused ? ", error=\"invalid_token\"" : "");
    }

    /** The message of the 401 in the request's language. */
    public static String message(RoutingContext context, boolean tokenRefused) {
        AdminApiMessages texts = texts(localeOf(context));
        return tokenRefused ? texts.api_token_refused() : texts.api_unauthorized();
    }

    public static AdminApiMessages texts(Locale locale) {
        if (locale != null && CurrentLocale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return MessageBundles.get(AdminApiMessages.class,
                    Localized.Literal.of(CurrentLocale.ENGLISH.getLanguage()));
        }
        return MessageBundles.get(AdminApiMessages.class);
    }

    /**
     * The language as {@link nl.kennisagenda.i18n.LocaleFilters} chooses it ({@code ?lang=}, cookie,
     * Accept-Language), which has not run yet when authentication answers.
     */
    static Locale localeOf(RoutingContext context) {
        Cookie cookie = context.request().getCookie(CurrentLocale.COOKIE);
        String accept = context.request().getHeader("Accept-Language");
        String first = accept == null ? null : accept.split("[,;-]", 2)[0];
        return CurrentLocale.supported(context.queryParams().get("lang"))
                .or(() -> CurrentLocale.supported(cookie == null ? null : cookie.getValue()))
                .or(() -> CurrentLocale.supported(first))
                .orElse(CurrentLocale.DUTCH);
    }
}
