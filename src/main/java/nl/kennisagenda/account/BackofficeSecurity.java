package nl.kennisagenda.account;

import jakarta.enterprise.event.Observes;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.security.Form;
import io.quarkus.vertx.http.security.HttpSecurity;

/**
 * Sets up the back-office log-in when HTTP security starts: Quarkus' form authentication (its settings under
 * {@code quarkus.http.auth.form.*} in application.properties), with the session cookie encrypted by
 * {@link SessionKey}. The key comes from configuration or from the database, which Quarkus' own
 * {@code quarkus.http.auth.session.encryption-key} cannot do: hence the mechanism is registered here, through
 * Quarkus' programmatic {@link HttpSecurity} API, rather than with {@code quarkus.http.auth.form.enabled=true}.
 * Which paths need a log-in is in application.properties ({@code quarkus.http.auth.permission.*}). The same
 * mechanism accepts personal API tokens on {@code /api/admin/…} ({@link BackofficeMechanism}).
 */
public class BackofficeSecurity {

    private static final Logger LOG = Logger.getLogger(BackofficeSecurity.class);

    public static final String LOGIN_PAGE = "/admin/login";
    public static final String POST_LOCATION = "/admin/j_security_check";

    void configure(@Observes HttpSecurity http, SessionKey key, Flyway flyway, ObjectMapper json) {
        // The key may live in app_secrets: make sure the schema is there (Flyway is idempotent; at start-up
        // Quarkus would migrate anyway, maybe just after this).
        flyway.migrate();
        LOG.infof("Back-office sessions use the key from %s", key.configured() ? "configuration" : "the database");
        // One mechanism for both: the log-in form and its session cookie, and API tokens on /api/admin/…
        http.mechanism(new BackofficeMechanism(new LoginMechanism(Form.builder().encryptionKey(key.value()).build(),
                POST_LOCATION, LOGIN_PAGE), json));
    }
}
