package nl.kennisagenda.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import nl.kennisagenda.common.SharedSecrets;

/**
 * The key that encrypts the back-office session cookie: {@code kennisagenda.login.session-key}
 * ({@code KENNISAGENDA_SESSION_KEY} in production) when set, otherwise a random key created once in the table
 * {@code app_secrets}. Either way every instance on the database, and the same instance after a restart, reads the
 * same key and so accepts the same cookies.
 */
@ApplicationScoped
public class SessionKey {

    static final String NAME = "session-key";

    @Inject
    LoginConfig config;

    @Inject
    SharedSecrets secrets;

    private volatile String value;

    public String value() {
        String current = value;
        if (current == null) {
            synchronized (this) {
                if (value == null) {
                    value = config.sessionKey().filter(key -> key.length() >= 32)
                            .orElseGet(() -> secrets.readOrCreate(NAME));
                }
                current = value;
            }
        }
        return current;
    }

    /** Whether the key comes from configuration (else from the database). */
    public boolean configured() {
        return config.sessionKey().filter(key -> key.length() >= 32).isPresent();
    }
}
