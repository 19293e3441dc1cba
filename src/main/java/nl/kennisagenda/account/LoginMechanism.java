package nl.kennisagenda.account;

import java.util.Set;
import java.util.regex.Pattern;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus' form authentication, with one addition: a refused log-in goes back to the log-in page with the reason
 * ({@code /admin/login?error=locked}) that {@link AccountIdentityProvider} gave with its refusal, so the page can say
 * "too many attempts, wait" instead of only "wrong address or password". Everything else is the form mechanism's own.
 */
final class LoginMechanism implements HttpAuthenticationMechanism {

    private static final Pattern COOKIE_OCTETS = Pattern.compile(
            "[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]*");

    private final HttpAuthenticationMechanism form;
    private final String postLocation;
    private final String loginPage;

    LoginMechanism(HttpAuthenticationMechanism form, String postLocation, String loginPage) {
        this.form = form;
        this.postLocation = postLocation;
        this.loginPage = loginPage;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Uni<SecurityIdentity> identity = form.authenticate(context, identityProviderManager);
        // The form mechanism names itself as the one to ask for the challenge; it is this one that must answer.
        if (context.get(HttpAuthenticationMechanism.class.getName()) == form) {
            context.put(HttpAuthenticationMechanism.class.getName(), this);
        }
        // Failures arrive here on the request's event loop, where the request's data may be changed safely.
        return identity.onFailure().invoke(failure -> {
            LoginProblem problem = LoginProblem.of(failure);
            if (problem != null) {
                context.put(LoginProblem.ATTRIBUTE, problem);
            }
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (context.normalizedPath().equals(postLocation) && context.request().method() == HttpMethod.POST) {
            Object problem = context.get(LoginProblem.ATTRIBUTE);
            String code = problem instanceof LoginProblem known ? known.code() : LoginProblem.INVALID.code();
            String lang = context.queryParams().get("lang");
            String location = loginPage + "?error=" + code
                    + ("en".equals(lang) || "nl".equals(lang) ? "&lang=" + lang : "");
            return Uni.createFrom().item(new ChallengeData(302, "Location", location));
        }
        if (!rememberable(context)) {
            // The form mechanism would keep the address in a cookie to come back to after the log-in; an address
            // that a cookie cannot hold (";", a space, non-ASCII: only a hostile or broken client sends those) made
            // that throw, a 500. Such a request goes to the log-in page and, after it, to the back-office start.
            return Uni.createFrom().item(new ChallengeData(302, "Location", loginPage));
        }
        return form.getChallenge(context);
    }

    /** Whether the request's address fits in a cookie value (RFC 6265 cookie-octets), as the form mechanism needs. */
    static boolean rememberable(RoutingContext context) {
        try {
            return COOKIE_OCTETS.matcher(context.request().absoluteURI()).matches();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return form.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return form.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return form.getPriority();
    }
}
