package nl.kennisagenda.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The cookie-bound CSRF token itself: {@code issued.HMAC(key, "csrf|" + nonce + "|" + issued)}, where {@code nonce}
 * is the visitor's random {@value CsrfGuard#COOKIE} cookie and {@code issued} the epoch second the form was shown.
 * So a token is bound to one browser (another visitor's cookie, or none, makes it invalid) and to a time (after
 * {@link CsrfConfig#tokenLifetime()} it is expired: still recognisably ours and this visitor's, so the form can be
 * offered again with what was typed, but no longer accepted).
 */
@ApplicationScoped
public class CsrfTokens {

    /** What a submitted token is worth. */
    public enum Verdict {
        VALID, EXPIRED, INVALID
    }

    /** Clocks of instances differ a little; a token "from the future" beyond this is not ours. */
    private static final long SKEW_SECONDS = 300;

    @Inject
    SigningKey key;

    @Inject
    CsrfConfig config;

    Clock clock = Clock.systemUTC();

    String issue(String nonce) {
        long issued = clock.instant().getEpochSecond();
        return issued + "." + key.sign(text(nonce, issued));
    }

    /** Judges a submitted token against the nonce of the browser's cookie (null when it sent none). */
    public Verdict check(String nonce, String submitted) {
        if (nonce == null || submitted == null || submitted.length() > 100) {
            return Verdict.INVALID;
        }
        int dot = submitted.indexOf('.');
        if (dot < 1 || dot > 12 || !submitted.substring(0, dot).matches("[0-9]+")) {
            return Verdict.INVALID;
        }
        long issued = Long.parseLong(submitted.substring(0, dot));
        if (!key.verify(text(nonce, issued), submitted.substring(dot + 1))) {
            return Verdict.INVALID;
        }
        long now = clock.instant().getEpochSecond();
        if (issued > now + SKEW_SECONDS) {
            return Verdict.INVALID;
        }
        return now - issued > lifetime().toSeconds() ? Verdict.EXPIRED : Verdict.VALID;
    }

    Duration lifetime() {
        return config.tokenLifetime();
    }

    private static String text(String nonce, long issued) {
        return "csrf|" + nonce + "|" + issued;
    }
}
