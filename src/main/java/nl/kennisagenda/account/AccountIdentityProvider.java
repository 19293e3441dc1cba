package nl.kennisagenda.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.web.ClientAddress;
import nl.kennisagenda.web.CsrfGuard;
import nl.kennisagenda.web.CsrfTokens;
import nl.kennisagenda.web.SameOrigin;

/**
 * Checks a log-in (e-mail address and password from the form at {@code /admin/login}) against the accounts table,
 * on a worker thread. In order: the form's CSRF token, the failure throttle, then the bcrypt hash. An unknown address
 * is checked against a dummy hash, so it takes as long as a wrong password and the answer is the same.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(AccountIdentityProvider.class);

    /**
     * A hash of a random password nobody knows (two random UUIDs, thrown away), with the same cost (10) as the real
     * ones made by {@link BcryptUtil#bcryptHash(String)}. A constant: hashing it at class load cost some 300 ms of
     * CPU on the first request, which start-up pays for nothing.
     */
    static final String DUMMY_HASH = "$2a$10$ALBXGiXgFFFSc9ZxTTdv2e32lNz73cpwaGG7xnR0q06sRaUH6NxG.";

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditLog audit;

    @Inject
    CsrfTokens csrfTokens;

    @Inject
    SameOrigin sameOrigin;

    @Inject
    AccountIdentities identities;

    @Inject
    ClientAddress clients;

    @Inject
    LoginMetrics metrics;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String email = Account.normaliseEmail(request.getUsername());
        char[] password = request.getPassword().getPassword();
        return context.runBlocking(() -> login(http, email, new String(password)));
    }

    private SecurityIdentity login(RoutingContext http, String email, String password) {
        String client = clients.of(http == null ? null : http.request());
        // No HTTP request, no form, no valid token, or posted from another site's page: refused as well.
        if (http == null || csrfTokens.check(CsrfGuard.nonceOf(http.request().getCookie(CsrfGuard.COOKIE)),
                http.request().getFormAttribute(CsrfGuard.FIELD)) != CsrfTokens.Verdict.VALID) {
            throw refused(LoginProblem.EXPIRED);
        }
        if (!sameOrigin.judge(http.request()).allowed()) {
            LOG.infof("Log-in refused: posted from another origin (%s)", sameOrigin.judge(http.request()).claimed());
            throw refused(LoginProblem.EXPIRED);
        }
        // Counted as a failure before the password is checked, so a burst of parallel guesses gets no further
        if (throttle.tryAttempt(email, client).isPresent()) {
            LOG.infof("Log-in refused: too many failures for this address or from %s", client);
            audit.recordAlone(new ActedBy(ActedBy.Kind.VISITOR, null, email), AuditLog.LOGIN_FAILED,
                    "locked; address tried " + email + " from " + client);
            throw refused(LoginProblem.LOCKED);
        }
        Account account = QuarkusTransaction.requiringNew()
                .call(() -> Account.findActiveByEmail(email).orElse(null));
        boolean matches = BcryptUtil.matches(password, account == null ? DUMMY_HASH : account.passwordHash);
        if (account == null || !matches) {
            // The address tried and where from; never the password.
            audit.recordAlone(new ActedBy(ActedBy.Kind.VISITOR, null, email), AuditLog.LOGIN_FAILED,
                    "address tried " + email + " from " + client);
            throw refused(LoginProblem.INVALID);
        }
        throttle.attemptSucceeded(email, client);
        metrics.success();
        audit.recordAlone(new ActedBy(ActedBy.Kind.ORGANISER, account.id, account.name), AuditLog.LOGIN,
                email + " from " + client);
        QuarkusTransaction.requiringNew().run(() -> Account.update("lastLoginAt = ?1 where id = ?2",
                Instant.now(), account.id));
        return identities.identityOf(email)
                .orElseThrow(() -> refused(LoginProblem.INVALID));
    }

    private AuthenticationFailedException refused(LoginProblem problem) {
        metrics.refused(problem);
        return LoginProblem.refusal(problem);
    }
}
