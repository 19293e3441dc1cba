package nl.kennisagenda.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.config.SiteConfig;

/**
 * CSRF protection for our form POSTs, as a signed double-submit token bound to the visitor and to a time: the
 * browser holds a random nonce in an HttpOnly, SameSite=Lax cookie, and every form carries
 * {@code issued.HMAC(key, nonce + issued)} in a hidden field ({@link CsrfTokens}). A POST is accepted only when the
 * field belongs to the cookie's nonce and is younger than the token lifetime. Another site can make the browser send
 * the cookie but can neither read it nor compute the HMAC; a planted cookie does not help either without the key.
 * {@link OriginGuard} checks the {@code Origin} of every changing request besides.
 */
@RequestScoped
public class CsrfGuard {

    public static final String COOKIE = "ka_csrf";
    public static final String FIELD = "_csrf";

    @Inject
    CurrentVertxRequest request;

    @Inject
    CsrfTokens tokens;

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
        return tokens.issue(nonce);
    }

    /**
     * Throws {@link CsrfRejectedException} unless the submitted token belongs to this browser's cookie, and
     * {@link CsrfExpiredException} (without values to send again) when it does but is too old.
     */
    public void verify(String submitted) {
        verify(submitted, null);
    }

    /** As {@link #verify(String)}; an expired token's refusal carries the form's values to offer them again. */
    public void verify(String submitted, MultivaluedMap<String, String> form) {
        switch (tokens.check(cookieNonce(), submitted)) {
            case VALID -> {
            }
            case EXPIRED -> throw new CsrfExpiredException(form, false);
            default -> throw new CsrfRejectedException();
        }
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

    /** The nonce in a CSRF cookie, or null when there is none or it is not one of ours in form. */
    public static String nonceOf(Cookie cookie) {
        if (cookie == null) {
            return null;
        }
        String value = cookie.getValue();
        return value != null && value.matches("[A-Za-z0-9_-]{16,64}") ? value : null;
    }
}
