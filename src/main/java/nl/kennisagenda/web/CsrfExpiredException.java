package nl.kennisagenda.web;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * A form POST whose token is this visitor's and was signed by us, but is older than the token lifetime: answered
 * with the "form expired" page, which keeps the submitted values (except passwords) and offers to send them again
 * with a fresh token (see {@link RefusedRequestMapper}). Nothing was changed.
 */
public class CsrfExpiredException extends RuntimeException {

    private final transient MultivaluedMap<String, String> form;
    private final boolean pageBound;

    public CsrfExpiredException(MultivaluedMap<String, String> form, boolean pageBound) {
        super("Expired CSRF token", null, false, false);
        this.form = form;
        this.pageBound = pageBound;
    }

    /** The values as posted, or null when they cannot be sent again (a multipart upload). */
    public MultivaluedMap<String, String> form() {
        return form;
    }

    /** Whether the form carried a page-bound token (an embedded form) rather than the cookie-bound one. */
    public boolean pageBound() {
        return pageBound;
    }
}
