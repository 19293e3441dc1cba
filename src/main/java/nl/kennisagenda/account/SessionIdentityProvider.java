package nl.kennisagenda.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Restores the identity of a logged-in user from the session cookie (which names the account) on every request:
 * the account is read again, so a deactivated account, or a changed role, takes effect at the next request. A session
 * whose cookie was written before the account's password last changed ({@link SessionCookies}) is refused: after a
 * password reset, sessions opened with the old password end at their next request.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    AccountIdentities identities;

    @Inject
    SessionCookies cookies;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        // Read on the calling thread: the cookie belongs to this request.
        Optional<Instant> writtenAt = cookies.writtenAt(http);
        return context.runBlocking(() -> identities.identityOfSession(request.getPrincipal(), writtenAt)
                .orElseThrow(() -> new AuthenticationFailedException("no active account, or password changed")));
    }
}
