package nl.kennisagenda.backoffice.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import nl.kennisagenda.account.BackofficeSecurity;
import nl.kennisagenda.account.LoginConfig;
import nl.kennisagenda.account.LoginProblem;
import nl.kennisagenda.web.CsrfGuard;

/**
 * The back-office log-in page. The form posts to Quarkus' form authentication ({@code /admin/j_security_check}),
 * which checks it through {@code account.AccountIdentityProvider} and comes back here with {@code ?error=…} when it
 * refuses. The only back-office page open to anonymous visitors.
 */
@Path(BackofficeSecurity.LOGIN_PAGE)
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String csrfToken, String problem, long lockMinutes, boolean loggedOut,
                String postLocation, boolean passwordChanged);
    }

    @Inject
    CsrfGuard csrf;

    @Inject
    SecurityIdentity identity;

    @Inject
    LoginConfig config;

    @GET
    @Operation(hidden = true)
    public Response login(@RestQuery String error, @RestQuery("logged-out") String loggedOut,
            @RestQuery String lang, @RestQuery("password-changed") String passwordChanged) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/admin")).build();
        }
        LoginProblem problem = LoginProblem.fromCode(error);
        String post = BackofficeSecurity.POST_LOCATION + ("en".equals(lang) ? "?lang=en" : "");
        long minutes = Math.max(1, config.window().toMinutes());
        return BackofficeResource.noStore(Response.status(problem == null ? 200 : 401)
                .entity(Templates.login(csrf.token(), problem == null ? null : problem.code(), minutes,
                        "1".equals(loggedOut), post, "1".equals(passwordChanged))));
    }
}
