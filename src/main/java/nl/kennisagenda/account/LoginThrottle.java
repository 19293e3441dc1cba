package nl.kennisagenda.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Slows down password guessing: failed log-ins are counted in the database (table {@code login_failures}) per
 * e-mail address and per client address, within a window that starts at the first failure. Once a key has reached
 * its limit, further attempts for it are refused without checking the password until the window has passed. The
 * counts live in the database, so every instance sees the same numbers and a restart forgets nothing. A successful
 * log-in clears the count of that account (not of the client address).
 */
@ApplicationScoped
public class LoginThrottle {

    static final String ACCOUNT = "account";
    static final String CLIENT = "client";

    @Inject
    EntityManager em;

    @Inject
    LoginConfig config;

    Clock clock = Clock.systemUTC();

    /** How long the caller must wait before the next attempt, if either key has reached its limit. */
    public Optional<Duration> lockedFor(String email, String client) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Duration> account = lockedFor(ACCOUNT, key(email), config.maxFailuresPerAccount(), now);
            Optional<Duration> byClient = lockedFor(CLIENT, key(client), config.maxFailuresPerClient(), now);
            if (account.isPresent() && byClient.isPresent()) {
                return Optional.of(account.get().compareTo(byClient.get()) > 0 ? account.get() : byClient.get());
            }
            return account.or(() -> byClient);
        });
    }

    /** Counts one failed attempt against both keys. */
    public void recordFailure(String email, String client) {
        Instant now = clock.instant();
        count(ACCOUNT, key(email), now);
        count(CLIENT, key(client), now);
    }

    /**
     * For a password asked for outside the log-in (changing one's own password): whether the account has used up its
     * failures. Such failures count against the account's log-in budget, so a stolen session cannot guess the
     * password faster here than at the log-in.
     */
    public Optional<Duration> accountLockedFor(String email) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew()
                .call(() -> lockedFor(ACCOUNT, key(email), config.maxFailuresPerAccount(), now));
    }

    /** Counts one wrong password given outside the log-in against the account only. */
    public void recordAccountFailure(String email) {
        count(ACCOUNT, key(email), clock.instant());
    }

    /** A successful log-in: the account starts again from zero. */
    public void recordSuccess(String email) {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from login_failures where key_kind = :kind and key_value = :value")
                .setParameter("kind", ACCOUNT).setParameter("value", key(email)).executeUpdate());
    }

    /**
     * For requests that are limited whether they succeed or not (password-reset mails): whether one more request for
     * this key is allowed within the window; if so it is counted. Kinds are short names of their own ("reset-addr",
     * at most 10 characters) in the same table, so the counts are shared by every instance too.
     */
    public boolean admit(String kind, String value, int limit) {
        Instant now = clock.instant();
        boolean locked = QuarkusTransaction.requiringNew()
                .call(() -> lockedFor(kind, key(value), limit, now).isPresent());
        if (locked) {
            return false;
        }
        count(kind, key(value), now);
        return true;
    }

    /** Failures counted now for a key (tests and operators). */
    public int failures(String kind, String value) {
        Instant cutoff = clock.instant().minus(config.window());
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(max(failures), 0) from login_failures"
                        + " where key_kind = :kind and key_value = :value and window_start > :cutoff")
                .setParameter("kind", kind).setParameter("value", key(value)).setParameter("cutoff", cutoff)
                .getSingleResult()).intValue());
    }

    private Optional<Duration> lockedFor(String kind, String value, int limit, Instant now) {
        if (limit <= 0) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery(
                "select window_start, failures from login_failures where key_kind = :kind and key_value = :value")
                .setParameter("kind", kind).setParameter("value", value)
                .getResultStream().findFirst().orElse(null);
        if (row == null || ((Number) row[1]).intValue() < limit) {
            return Optional.empty();
        }
        Instant ends = toInstant(row[0]).plus(config.window());
        return ends.isAfter(now) ? Optional.of(Duration.between(now, ends)) : Optional.empty();
    }

    /**
     * One atomic update raises the count within the window or starts a new window; the first failure of a key
     * inserts its row. Two instances inserting the same new key at once: the loser's insert fails and it updates.
     */
    private void count(String kind, String value, Instant now) {
        Instant cutoff = now.minus(config.window());
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "update login_failures set"
                            + " failures = case when window_start > :cutoff then failures + 1 else 1 end,"
                            + " window_start = case when window_start > :cutoff then window_start else :now end"
                            + " where key_kind = :kind and key_value = :value")
                    .setParameter("cutoff", cutoff).setParameter("now", now)
                    .setParameter("kind", kind).setParameter("value", value).executeUpdate());
            if (updated > 0) {
                return;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "insert into login_failures (key_kind, key_value, window_start, failures)"
                                + " values (:kind, :value, :now, 1)")
                        .setParameter("kind", kind).setParameter("value", value).setParameter("now", now)
                        .executeUpdate());
                return;
            } catch (RuntimeException raced) {
                // inserted by a concurrent attempt: count with the update
            }
        }
    }

    /** Rows whose window has long passed are of no use any more. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldFailures() {
        Instant cutoff = clock.instant().minus(config.window());
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from login_failures where window_start < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }

    static String key(String value) {
        String key = Account.normaliseEmail(value);
        if (key.isEmpty()) {
            return "-";
        }
        return key.length() > 254 ? key.substring(0, 254) : key;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
