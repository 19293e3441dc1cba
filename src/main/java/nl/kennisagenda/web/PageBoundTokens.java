package nl.kennisagenda.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import nl.kennisagenda.common.Tokens;

/**
 * CSRF tokens for forms that live in a third-party iframe (the embeddable sign-up, see docs/embedding.md). Such a
 * form cannot rely on our cookie: a cross-site iframe does not send a SameSite=Lax cookie with its POST, and
 * third-party cookies are blocked by default in Safari and Firefox. A {@code SameSite=None} cookie would work only
 * where third-party cookies still do, and would make the cookie travel with every cross-site request.
 * <p>
 * So the token stands alone: {@code expires.nonce.HMAC(key, "page-form|" + path + "|" + expires + "|" + nonce)}.
 * It proves the post comes from a form page we served for exactly this address, recently ({@link #LIFETIME}); it
 * cannot be made up without the key, nor moved to another event's form. What it cannot do is bind the post to one
 * browser; that is fine for a public sign-up form that carries no session or other authority of the visitor: the
 * forger gains nothing a visitor of the form could not do, and every post still passes the same rate limit,
 * honeypot and enumeration-safe answer as the site's own form.
 */
@ApplicationScoped
public class PageBoundTokens {

    /** Long enough to fill in a form at leisure; after it the form is re-shown by the 403 page's link. */
    static final Duration LIFETIME = Duration.ofHours(4);

    @Inject
    SigningKey key;

    @Inject
    CurrentVertxRequest request;

    Clock clock = Clock.systemUTC();

    /** A token for a form that posts to {@code path} (the path alone, without query). */
    public String issue(String path) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        String nonce = Tokens.newToken().substring(0, 16);
        return expires + "." + nonce + "." + key.sign(text(path, expires, nonce));
    }

    /**
     * Throws {@link CsrfRejectedException} unless the token was issued for the current request's path, and
     * {@link CsrfExpiredException} (with the values, to offer them again) when it was but no longer lives.
     */
    public void verify(String submitted, MultivaluedMap<String, String> form) {
        String path = request.getCurrent() == null ? null : request.getCurrent().normalizedPath();
        if (!signed(path, submitted)) {
            throw new CsrfRejectedException();
        }
        if (!valid(path, submitted)) {
            throw new CsrfExpiredException(form, true);
        }
    }

    /** Issued by us for this path and still alive. */
    boolean valid(String path, String submitted) {
        return signed(path, submitted)
                && Long.parseLong(submitted.substring(0, submitted.indexOf('.'))) >= clock.instant().getEpochSecond();
    }

    /** Issued by us for this path, alive or not. */
    private boolean signed(String path, String submitted) {
        if (path == null || submitted == null || submitted.length() > 200) {
            return false;
        }
        String[] parts = submitted.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,12}") || !parts[1].matches("[A-Za-z0-9_-]{16}")) {
            return false;
        }
        return key.verify(text(path, Long.parseLong(parts[0]), parts[1]), parts[2]);
    }

    private static String text(String path, long expires, String nonce) {
        return "page-form|" + path + "|" + expires + "|" + nonce;
    }
}
