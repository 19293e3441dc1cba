package nl.kennisagenda.web;

/** A form POST without a valid CSRF token: answered with a friendly 403 page. */
public class CsrfRejectedException extends RuntimeException {

    public CsrfRejectedException() {
        super("Missing or invalid CSRF token", null, false, false);
    }
}
