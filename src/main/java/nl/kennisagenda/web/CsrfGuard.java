package nl.kennisagenda.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.config.SiteConfig;

/**
 * CSRF protection for our form POSTs, as a signed double-submit token: the browser holds a random nonce in an
 * HttpOnly, SameSite=Lax cookie, and every form carries HMAC(key, nonce) in a hidden field. A POST is accepted only
 * when the field matches the cookie's nonce. Another site can make the browser send the cookie but can neither read
 * it nor compute the HMAC; a planted cookie does not help either without the key.
 */
@RequestScoped
public class CsrfGuard {

    public static final String COOKIE = "ka_csrf";
    public static final String FIELD = "_csrf";

    @Inject
    CurrentVertxRequest request;

    @Inject
    SigningKey key;

    @Inject
    SiteConfig site;

    private String issued;

    /** The token for a form on this page; issues a cookie nonce when the browser has none yet. */
    public String token() {
        String nonce = cookieNonce();
        if (nonce == null) {
            if (issued == null) {
                issued = Tokens.newToken();
            }
            nonce = issued;
        }
        return key.sign("csrf|" + nonce);
    }

    /** Throws {@link CsrfRejectedException} unless the submitted token matches this browser's cookie. */
    public void verify(String submitted) {
        if (!matches(key, cookieNonce(), submitted)) {
            throw new CsrfRejectedException();
        }
    }

    /**
     * The check itself, for code outside a JAX-RS request (the back-office log-in, which Quarkus' form authentication
     * reads before any resource runs): does the submitted token belong to the nonce in this CSRF cookie?
     */
    public static boolean matches(SigningKey key, Cookie cookie, String submitted) {
        return matches(key, nonceOf(cookie), submitted);
    }

    private static boolean matches(SigningKey key, String nonce, String submitted) {
        return nonce != null && submitted != null && submitted.length() <= 100 && key.verify("csrf|" + nonce, submitted);
    }

    /** A nonce issued during this request, to be set as cookie by {@link CsrfCookieFilter}. */
    String issuedNonce() {
        return issued;
    }

    /** Secure cookies when the site is served over https. */
    boolean secureCookie() {
        return site.baseUrl().startsWith("https:");
    }

    private String cookieNonce() {
        if (request.getCurrent() == null) {
            return null;
        }
        return nonceOf(request.getCurrent().request().getCookie(COOKIE));
    }

    private static String nonceOf(Cookie cookie) {
        if (cookie == null) {
            return null;
        }
        String value = cookie.getValue();
        return value != null && value.matches("[A-Za-z0-9_-]{16,64}") ? value : null;
    }
}
