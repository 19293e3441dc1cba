package nl.kennisagenda.event;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long a transaction waits for an event or session row lock ({@link EventLocks}). Under {@code kennisagenda.signup}
 * with the other sign-up settings, because sign-up is what contends for these locks.
 */
@ConfigMapping(prefix = "kennisagenda.signup")
public interface LockConfig {

    /**
     * Longest wait for a row lock before the statement fails with a lock timeout and the unit of work is retried. On
     * PostgreSQL set per transaction with {@code SET LOCAL lock_timeout}; H2 reads {@code LOCK_TIMEOUT} from its JDBC
     * URL, which should say the same.
     */
    @WithDefault("10s")
    Duration lockTimeout();
}
