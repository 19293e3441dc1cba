package nl.kennisagenda.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The identity behind a personal API token: the token's account, exactly as if it had logged in (same role, same
 * organisations, read again on every request), marked {@link #AUTHENTICATED_BY} {@code token} so the admin API knows
 * the call cannot be a forged cross-site browser request. Unknown, revoked and expired tokens, and tokens of
 * inactive accounts, are all refused the same way.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenRequest> {

    /** Identity attribute: {@code "token"} for Bearer calls; absent for the session cookie. */
    public static final String AUTHENTICATED_BY = "kennisagenda.authenticated-by";
    public static final String TOKEN = "token";

    @Inject
    ApiTokens tokens;

    @Inject
    AccountIdentities identities;

    @Override
    public Class<ApiTokenRequest> getRequestType() {
        return ApiTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.authenticate(request.secret(), Instant.now())
                .flatMap(identities::identityOf)
                .map(identity -> (SecurityIdentity) QuarkusSecurityIdentity.builder(identity)
                        .addAttribute(AUTHENTICATED_BY, TOKEN).build())
                .orElseThrow(() -> new AuthenticationFailedException("unknown, revoked or expired API token")));
    }

    /** Whether this identity came from an API token (rather than the back-office session cookie). */
    public static boolean byToken(SecurityIdentity identity) {
        return identity != null && TOKEN.equals(identity.getAttribute(AUTHENTICATED_BY));
    }
}
