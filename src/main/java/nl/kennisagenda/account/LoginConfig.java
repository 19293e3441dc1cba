package nl.kennisagenda.account;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Back-office log-in settings under {@code kennisagenda.login}. */
@ConfigMapping(prefix = "kennisagenda.login")
public interface LoginConfig {

    /** Failed log-ins for one e-mail address within {@link #window()} before further attempts are refused. */
    @WithDefault("5")
    int maxFailuresPerAccount();

    /** Failed log-ins from one client address within {@link #window()} before further attempts are refused. */
    @WithDefault("20")
    int maxFailuresPerClient();

    /** How long failures are counted, and so how long a refused key waits. */
    @WithDefault("15m")
    Duration window();

    /**
     * Key (at least 32 characters) that encrypts the session cookie. Unset: a random key is created once and kept in
     * the database table {@code app_secrets}, shared by every instance on that database.
     */
    Optional<String> sessionKey();

    /** The first administrator, created at start-up when no account exists yet. */
    Optional<String> firstAdminEmail();

    Optional<String> firstAdminPassword();

    /** Password of the demo accounts (only with demo data on: the dev run and tests). */
    @WithDefault("kennisagenda-demo")
    String demoPassword();

    /** Password-reset mails one e-mail address may ask for within {@link #window()}. */
    @WithDefault("3")
    int maxResetRequestsPerAddress();

    /** Password-reset requests one client address may make within {@link #window()}. */
    @WithDefault("10")
    int maxResetRequestsPerClient();

    /** How long a mailed password-reset link works. */
    @WithDefault("1h")
    Duration resetLinkValidity();

    /** How long the link to set a first password, mailed to a new account, works. */
    @WithDefault("72h")
    Duration invitationLinkValidity();
}
