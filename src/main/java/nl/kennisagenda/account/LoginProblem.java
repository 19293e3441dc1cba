package nl.kennisagenda.account;

/**
 * Why a log-in was refused, told to the log-in page as {@code ?error=…}. Never whether the address has an account:
 * a wrong password and an unknown address are both {@link #INVALID}.
 */
public enum LoginProblem {
    /** Wrong address or password (or an inactive account). */
    INVALID,
    /** Too many failed attempts for this address or from this client: wait. */
    LOCKED,
    /** The form was not ours (missing or wrong CSRF token), or it was too old. */
    EXPIRED;

    /** Key under which {@link LoginMechanism} keeps the problem in the request for its challenge. */
    static final String ATTRIBUTE = LoginProblem.class.getName();

    /** The identity provider's refusal: an authentication failure whose cause carries the reason. */
    static io.quarkus.security.AuthenticationFailedException refusal(LoginProblem problem) {
        return new io.quarkus.security.AuthenticationFailedException(problem.name(), new Refused(problem));
    }

    private static final class Refused extends RuntimeException {
        final LoginProblem problem;

        Refused(LoginProblem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }
    }

    /** The reason in a failure (or one of its causes), if it is a refusal of ours. */
    static LoginProblem of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refused refused) {
                return refused.problem;
            }
        }
        return null;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LoginProblem fromCode(String code) {
        for (LoginProblem problem : values()) {
            if (problem.code().equals(code)) {
                return problem;
            }
        }
        return null;
    }
}
