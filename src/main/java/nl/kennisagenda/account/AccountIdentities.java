package nl.kennisagenda.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The security identity of an active account: principal = e-mail address, one role, the account id. */
@ApplicationScoped
public class AccountIdentities {

    public static final String ACCOUNT_ID = "kennisagenda.account-id";

    /** Runs a blocking query: call it from a worker thread. */
    public Optional<SecurityIdentity> identityOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findActiveByEmail(email).map(this::identity));
    }

    /**
     * The identity of a session whose cookie was written at {@code writtenAt} (empty: unknown): none when the
     * account is inactive, or when its password changed after the cookie was written (or the time is unknown and
     * the password ever changed). Runs a blocking query: call it from a worker thread.
     */
    public Optional<SecurityIdentity> identityOfSession(String email, Optional<Instant> writtenAt) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findActiveByEmail(email)
                .filter(account -> sessionStillValid(account.passwordChangedAt, writtenAt))
                .map(this::identity));
    }

    static boolean sessionStillValid(Instant passwordChangedAt, Optional<Instant> writtenAt) {
        return passwordChangedAt == null
                || writtenAt.isPresent() && !writtenAt.get().isBefore(passwordChangedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    private SecurityIdentity identity(Account account) {
        return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(account.email))
                        .addRole(account.role.securityRole())
                        .addAttribute(ACCOUNT_ID, account.id)
                        .build();
    }
}
