package nl.kennisagenda.account;

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
        return QuarkusTransaction.requiringNew().call(() -> Account.findActiveByEmail(email)
                .map(account -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(account.email))
                        .addRole(account.role.securityRole())
                        .addAttribute(ACCOUNT_ID, account.id)
                        .build()));
    }
}
