package nl.kennisagenda.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries, pages, API, feeds and static files alike: a Content-Security-Policy that allows
 * only this site's own scripts and styles (no inline script, so injected markup cannot run), no framing by other
 * sites (clickjacking; the embeds under {@code /embed/} alone may be framed by the origins their organisation lists),
 * no MIME sniffing, no full URLs in the Referer of outgoing links (tokens live in paths such
 * as {@code /registrations/{token}}). HTML says its charset; pages and API answers vary by the {@code lang} cookie
 * and Accept-Language, which select their language.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Where a response may declare its own framing: the embeds, which set {@link #framablePolicy}. */
    static final String EMBED_PREFIX = "/embed/";

    /**
     * The policy of an embed response: the same as every page, except that the given origins may frame it (none
     * listed: {@code 'none'}). Only origins of the form {@code https://host[:port]} are taken, so nothing else can
     * reach the header. {@link #apply} keeps it on {@value #EMBED_PREFIX} routes and leaves out X-Frame-Options
     * there (it cannot name several origins; browsers that know frame-ancestors ignore it anyway).
     */
    public static String framablePolicy(java.util.List<String> origins) {
        java.util.List<String> safe = origins.stream()
                .filter(origin -> origin.matches("https://[a-z0-9.-]+(:[0-9]{1,5})?")).toList();
        return CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'",
                "frame-ancestors " + (safe.isEmpty() ? "'none'" : String.join(" ", safe)));
    }

    void register(@Observes Filters filters) {
        // Above the security filters (200), so the log-in post and its redirect carry the headers too.
        filters.register(this::addHeadersAtEnd, 300);
    }

    private void addHeadersAtEnd(RoutingContext context) {
        String path = context.normalizedPath();
        context.addHeadersEndHandler(ignored -> apply(path, context.response().headers()));
        context.next();
    }

    static void apply(String path, MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        // Quarkus' own tools under /q/ (Dev UI in dev mode, Swagger UI) bring inline scripts of their own.
        String own = headers.get("Content-Security-Policy");
        boolean framableEmbed = path != null && path.startsWith(EMBED_PREFIX) && own != null
                && own.startsWith(CONTENT_SECURITY_POLICY.substring(0, CONTENT_SECURITY_POLICY.indexOf("frame-ancestors")))
                && !own.contains("frame-ancestors 'none'");
        if (framableEmbed) {
            headers.remove("X-Frame-Options");
        } else if (path == null || !path.startsWith("/q/")) {
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Frame-Options", "DENY");
        }
        String type = headers.get("Content-Type");
        if (type == null) {
            return;
        }
        String lowerType = type.toLowerCase(Locale.ROOT);
        if (lowerType.startsWith("text/html") && !lowerType.contains("charset=")) {
            headers.set("Content-Type", "text/html;charset=UTF-8");
        }
        if (lowerType.startsWith("text/html") || lowerType.startsWith("application/json")) {
            addVary(headers, "Cookie");
            addVary(headers, "Accept-Language");
        }
    }

    private static void addVary(MultiMap headers, String name) {
        String vary = headers.get("Vary");
        if (vary == null || vary.isBlank()) {
            headers.set("Vary", name);
            return;
        }
        for (String existing : vary.split(",")) {
            if (existing.trim().equalsIgnoreCase(name) || existing.trim().equals("*")) {
                return;
            }
        }
        headers.set("Vary", vary + ", " + name);
    }
}
