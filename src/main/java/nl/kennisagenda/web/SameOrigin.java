package nl.kennisagenda.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import nl.kennisagenda.config.SiteConfig;

/**
 * Whether a changing request comes from a page of this site, judged by its {@code Origin} header (or, when a browser
 * sent none, the origin of its {@code Referer}). Ours are the site's base URL and the origin the request itself was
 * addressed to (scheme and {@code Host} as Quarkus sees them, forwarded ones included when a trusted proxy is
 * configured): a page on another site can make a browser post here, but the browser then names that other site.
 * {@code Origin: null} (sandboxed frames, some redirects, privacy modes) is not ours. A request with neither header
 * (scripts, mail programs, very old browsers) passes this check: the CSRF token or API rules still apply to it.
 */
@ApplicationScoped
public class SameOrigin {

    @Inject
    SiteConfig site;

    /** The decision, and which header it rests on (for the log line). */
    public record Judgement(boolean allowed, String claimed) {
    }

    public Judgement judge(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            String referer = request.getHeader("Referer");
            if (referer == null || referer.isBlank()) {
                return new Judgement(true, null);
            }
            origin = referer;
        }
        String claimed = normalise(origin.trim());
        boolean allowed = claimed != null
                && (claimed.equals(normalise(site.baseUrl())) || claimed.equals(ownOrigin(request)));
        return new Judgement(allowed, origin.length() > 100 ? origin.substring(0, 100) : origin);
    }

    private static String ownOrigin(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null || request.scheme() == null) {
            return null;
        }
        return origin(request.scheme(), authority.host(), authority.port());
    }

    /** {@code scheme://host[:port]} in lower case without a default port, or null for anything else. */
    static String normalise(String address) {
        if (address == null || address.isEmpty() || address.equals("null")) {
            return null;
        }
        try {
            URI uri = new URI(address);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            return null;
        }
        int effective = port > 0 ? port : s.equals("https") ? 443 : 80;
        boolean standard = s.equals("https") ? effective == 443 : effective == 80;
        return s + "://" + host.toLowerCase(Locale.ROOT) + (standard ? "" : ":" + effective);
    }
}
