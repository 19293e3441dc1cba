package nl.kennisagenda.account;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import nl.kennisagenda.web.RateLimiter;
import nl.kennisagenda.web.RateLimiter.Limit;

/**
 * Slows down password guessing: failed log-ins are counted by the shared {@link RateLimiter} (in the database, so
 * every instance sees the same numbers and a restart forgets nothing) per e-mail address and per client address,
 * within {@code kennisagenda.login.window}. Once a key has reached its limit, further attempts for it are refused
 * without checking the password until enough failures have left the window. Each attempt is counted before its
 * password is checked ({@link #tryAttempt}); a successful one clears the count of that account and takes back the
 * client's ({@link #attemptSucceeded}).
 */
@ApplicationScoped
public class LoginThrottle {

    static final String ACCOUNT = "account";
    static final String CLIENT = "client";

    @Inject
    RateLimiter limiter;

    @Inject
    LoginConfig config;

    /**
     * A log-in attempt, counted as a failure in advance against both keys if both have room; otherwise nothing is
     * counted and the wait is returned. Counting before the password is checked keeps the limit exact when many
     * guesses arrive at once (checking first and counting after the bcrypt check would let every guess of a parallel
     * burst through the check). A successful log-in then calls {@link #attemptSucceeded}.
     */
    public Optional<Duration> tryAttempt(String email, String client) {
        Optional<Duration> account = limiter.tryAcquire(limit(ACCOUNT), key(email));
        if (account.isPresent()) {
            return account;
        }
        Optional<Duration> byClient = limiter.tryAcquire(limit(CLIENT), key(client));
        if (byClient.isPresent()) {
            limiter.release(limit(ACCOUNT), key(email));
        }
        return byClient;
    }

    /** The attempt was right: the account starts again from zero, and the client's advance count is taken back. */
    public void attemptSucceeded(String email, String client) {
        limiter.reset(limit(ACCOUNT), key(email));
        limiter.release(limit(CLIENT), key(client));
    }

    /**
     * For a password asked for outside the log-in (changing one's own password): whether the account has used up its
     * failures. Such failures count against the account's log-in budget, so a stolen session cannot guess the
     * password faster here than at the log-in.
     */
    public Optional<Duration> accountLockedFor(String email) {
        return limiter.blockedFor(limit(ACCOUNT), key(email));
    }

    /** Counts one wrong password given outside the log-in against the account only. */
    public void recordAccountFailure(String email) {
        limiter.record(limit(ACCOUNT), key(email));
    }

    /**
     * For requests that are limited whether they succeed or not (password-reset mails): whether one more request for
     * this key is allowed within the window; if so it is counted. Kinds are bucket names of their own ("reset-addr").
     */
    public boolean admit(String kind, String value, int limit) {
        return limiter.tryAcquire(new Limit(kind, limit, config.window()), key(value)).isEmpty();
    }

    /** Failures counted now for a key (tests and operators); kinds "account", "client" or an {@link #admit} kind. */
    public int failures(String kind, String value) {
        return limiter.count(new Limit(bucket(kind), 1, config.window()), key(value));
    }

    private Limit limit(String kind) {
        return new Limit(bucket(kind), ACCOUNT.equals(kind) ? config.maxFailuresPerAccount()
                : config.maxFailuresPerClient(), config.window());
    }

    /** Bucket names in the shared table: "login-account", "login-client"; other kinds as they are. */
    private static String bucket(String kind) {
        return ACCOUNT.equals(kind) || CLIENT.equals(kind) ? "login-" + kind : kind;
    }

    static String key(String value) {
        String key = Account.normaliseEmail(value);
        return key.isEmpty() ? "-" : key;
    }
}
