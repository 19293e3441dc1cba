package nl.kennisagenda.account;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import nl.kennisagenda.web.ApiError;

/**
 * The one authentication mechanism of the application: the back-office log-in ({@link LoginMechanism}, session
 * cookie) everywhere, plus personal API tokens ({@code Authorization: Bearer ka_…}) on {@code /api/admin/…}. A
 * request that carries a Bearer token is judged by the token alone, cookie or not.
 * <p>
 * The challenge (what an unauthenticated request gets) depends on the path, not on the mechanism: HTML pages are
 * redirected to the log-in page, the admin API answers 401 with an {@link ApiError} body and
 * {@code WWW-Authenticate: Bearer}.
 */
final class BackofficeMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final String TOKEN_SENT = BackofficeMechanism.class.getName() + ".token-sent";

    private final HttpAuthenticationMechanism login;
    private final ObjectMapper json;

    BackofficeMechanism(HttpAuthenticationMechanism login, ObjectMapper json) {
        this.login = login;
        this.json = json;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (AdminApiChallenge.isAdminApi(context.normalizedPath()) && authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            context.put(TOKEN_SENT, Boolean.TRUE);
            context.put(HttpAuthenticationMechanism.class.getName(), this);
            String secret = authorization.substring(BEARER.length()).strip();
            return identityProviderManager.authenticate(
                    HttpSecurityUtils.setRoutingContextAttribute(new ApiTokenRequest(secret), context));
        }
        Uni<SecurityIdentity> identity = login.authenticate(context, identityProviderManager);
        if (context.get(HttpAuthenticationMechanism.class.getName()) == login) {
            context.put(HttpAuthenticationMechanism.class.getName(), this);
        }
        return identity;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (AdminApiChallenge.isAdminApi(context.normalizedPath())) {
            return Uni.createFrom().item(new ChallengeData(401, WWW_AUTHENTICATE,
                    AdminApiChallenge.wwwAuthenticate(tokenSent(context))));
        }
        return login.getChallenge(context);
    }

    /** For the admin API: the 401 with its JSON body, written here (the default challenge has no body). */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!AdminApiChallenge.isAdminApi(context.normalizedPath())) {
            return login.sendChallenge(context);
        }
        boolean tokenSent = tokenSent(context);
        String body;
        try {
            body = json.writeValueAsString(ApiError.of(401, AdminApiChallenge.message(context, tokenSent)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(401)
                .putHeader(WWW_AUTHENTICATE, AdminApiChallenge.wwwAuthenticate(tokenSent))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
        return Uni.createFrom().item(Boolean.TRUE);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        Set<Class<? extends AuthenticationRequest>> types = new HashSet<>(login.getCredentialTypes());
        types.add(ApiTokenRequest.class);
        return types;
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return login.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return login.getPriority();
    }

    private static boolean tokenSent(RoutingContext context) {
        return Boolean.TRUE.equals(context.get(TOKEN_SENT));
    }
}
