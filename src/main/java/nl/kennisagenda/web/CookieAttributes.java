package nl.kennisagenda.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;
import nl.kennisagenda.config.SiteConfig;

/**
 * One rule for every cookie this application sets, whoever sets it (our resources, Quarkus' form authentication,
 * a cookie added later): {@code HttpOnly} (no script of ours reads a cookie), {@code SameSite=Lax} unless it says
 * {@code Strict} already (the session cookie), and {@code Secure} when the site's base URL is https, also behind a
 * proxy that ends TLS. On a site served over plain http (the dev run, tests) Secure is left off, or the browser would
 * drop the cookies. Only cookies set by this response are touched, never the ones the browser sent.
 */
@ApplicationScoped
public class CookieAttributes {

    @Inject
    SiteConfig site;

    void register(@Observes Filters filters) {
        // Before authentication (priority 200), which answers the log-in post itself.
        filters.register(this::atHeadersEnd, 260);
    }

    private void atHeadersEnd(RoutingContext context) {
        boolean secure = site.baseUrl().startsWith("https:");
        context.addHeadersEndHandler(ignored -> {
            for (Cookie cookie : context.request().cookies()) {
                if (cookie instanceof ServerCookie set && set.isChanged()) {
                    cookie.setHttpOnly(true);
                    if (cookie.getSameSite() == null || cookie.getSameSite() == CookieSameSite.NONE) {
                        cookie.setSameSite(CookieSameSite.LAX);
                    }
                    if (secure) {
                        cookie.setSecure(true);
                    }
                }
            }
            MultiMap headers = context.response().headers();
            List<String> written = headers.getAll("Set-Cookie");
            if (!written.isEmpty()) {
                List<String> fixed = new ArrayList<>(written.size());
                written.forEach(header -> fixed.add(withAttributes(header, secure)));
                headers.set("Set-Cookie", fixed);
            }
        });
        context.next();
    }

    /** The Set-Cookie header with HttpOnly, a SameSite of Lax or Strict, and Secure (for https sites) added. */
    static String withAttributes(String header, boolean secure) {
        StringBuilder result = new StringBuilder(header);
        List<String> attributes = new ArrayList<>();
        for (String part : header.split(";")) {
            attributes.add(part.trim().toLowerCase(Locale.ROOT));
        }
        if (!attributes.contains("httponly")) {
            result.append("; HttpOnly");
        }
        boolean sameSite = attributes.stream()
                .anyMatch(attribute -> attribute.equals("samesite=lax") || attribute.equals("samesite=strict"));
        if (!sameSite) {
            int at = indexOfAttribute(result, "samesite=");
            if (at >= 0) {
                int end = result.indexOf(";", at);
                result.delete(at, end < 0 ? result.length() : end);
                result.insert(at, "SameSite=Lax");
            } else {
                result.append("; SameSite=Lax");
            }
        }
        if (secure && !attributes.contains("secure")) {
            result.append("; Secure");
        }
        return result.toString();
    }

    /** Where the attribute's name starts (after its ";" and any spaces), or -1. */
    private static int indexOfAttribute(CharSequence header, String name) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile(";\\s*" + java.util.regex.Pattern.quote(name), java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(header);
        return matcher.find() ? matcher.end() - name.length() : -1;
    }
}
