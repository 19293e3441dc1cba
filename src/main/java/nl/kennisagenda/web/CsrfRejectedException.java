package nl.kennisagenda.web;

/**
 * A changing request refused by the CSRF guards: a form POST without a valid token, or a request sent from another
 * site's page ({@link OriginGuard}). Answered with a friendly 403 page, or an {@link ApiError} under {@code /api/}.
 */
public class CsrfRejectedException extends RuntimeException {

    private final boolean otherOrigin;

    public CsrfRejectedException() {
        this(false);
    }

    public CsrfRejectedException(boolean otherOrigin) {
        super(otherOrigin ? "Sent from another origin" : "Missing or invalid CSRF token", null, false, false);
        this.otherOrigin = otherOrigin;
    }

    /** Refused for its Origin (or Referer), not for its token. */
    public boolean otherOrigin() {
        return otherOrigin;
    }
}
