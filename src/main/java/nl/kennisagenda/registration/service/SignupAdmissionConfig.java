package nl.kennisagenda.registration.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many sign-ups for one event an instance runs at once, and how long the others may wait for their turn
 * ({@link SignupAdmission}). See docs/signup.md, "A burst on one event".
 */
@ConfigMapping(prefix = "kennisagenda.signup.admission")
public interface SignupAdmissionConfig {

    /**
     * Sign-up transactions for one event that one instance runs at the same time; the others wait in memory, holding
     * no database connection. They all queue for the same event row lock, so more gain nothing but take connections
     * from every other request.
     */
    @WithDefault("4")
    int perEvent();

    /**
     * The longest a sign-up waits for its turn before the visitor is told, with 503 and Retry-After, that it is too
     * busy and nothing was saved. Below a proxy's read timeout (nginx: 60 s) by more than the sign-up itself takes.
     */
    @WithDefault("45s")
    Duration maxWait();
}
