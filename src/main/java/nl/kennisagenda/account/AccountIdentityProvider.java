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
import nl.kennisagenda.web.CsrfGuard;
import nl.kennisagenda.web.SigningKey;

/**
 * Checks a log-in (e-mail address and password from the form at {@code /admin/login}) against the accounts table,
 * on a worker thread. In order: the form's CSRF token, the failure throttle, then the bcrypt hash. An unknown address
 * is checked against a dummy hash, so it takes as long as a wrong password and the answer is the same.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(AccountIdentityProvider.class);

    /** A hash of a random password nobody knows, with the same cost as real ones. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString());

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditLog audit;

    @Inject
    SigningKey signingKey;

    @Inject
    AccountIdentities identities;

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
        String client = clientOf(http);
        // No HTTP request, no form, no token: refused as well.
        if (http == null || !CsrfGuard.matches(signingKey, http.request().getCookie(CsrfGuard.COOKIE),
                http.request().getFormAttribute(CsrfGuard.FIELD))) {
            throw refused(LoginProblem.EXPIRED);
        }
        if (throttle.lockedFor(email, client).isPresent()) {
            LOG.infof("Log-in refused: too many failures for this address or from %s", client);
            audit.recordAlone(new ActedBy(ActedBy.Kind.VISITOR, null, email), AuditLog.LOGIN_FAILED,
                    "locked; address tried " + email + " from " + client);
            throw refused(LoginProblem.LOCKED);
        }
        Account account = QuarkusTransaction.requiringNew()
                .call(() -> Account.findActiveByEmail(email).orElse(null));
        boolean matches = BcryptUtil.matches(password, account == null ? DUMMY_HASH : account.passwordHash);
        if (account == null || !matches) {
            throttle.recordFailure(email, client);
            // The address tried and where from; never the password.
            audit.recordAlone(new ActedBy(ActedBy.Kind.VISITOR, null, email), AuditLog.LOGIN_FAILED,
                    "address tried " + email + " from " + client);
            throw refused(LoginProblem.INVALID);
        }
        throttle.recordSuccess(email);
        audit.recordAlone(new ActedBy(ActedBy.Kind.ORGANISER, account.id, account.name), AuditLog.LOGIN,
                email + " from " + client);
        QuarkusTransaction.requiringNew().run(() -> Account.update("lastLoginAt = ?1 where id = ?2",
                Instant.now(), account.id));
        return identities.identityOf(email)
                .orElseThrow(() -> refused(LoginProblem.INVALID));
    }

    private static AuthenticationFailedException refused(LoginProblem problem) {
        return LoginProblem.refusal(problem);
    }

    /** The connection's address (or the forwarded one behind a trusted proxy, when Quarkus is told so). */
    static String clientOf(RoutingContext http) {
        if (http == null || http.request().remoteAddress() == null) {
            return "unknown";
        }
        String host = http.request().remoteAddress().hostAddress();
        return host == null ? http.request().remoteAddress().toString() : host;
    }
}
