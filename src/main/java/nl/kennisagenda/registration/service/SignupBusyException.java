package nl.kennisagenda.registration.service;

/**
 * So many sign-ups for one event at once that this one did not get its turn in time ({@link SignupAdmission}):
 * nothing was saved; the visitor may try again after {@link #retryAfterSeconds()}. HTTP 503 with Retry-After.
 */
public class SignupBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    public SignupBusyException(long retryAfterSeconds) {
        super("Too many simultaneous sign-ups for this event", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
