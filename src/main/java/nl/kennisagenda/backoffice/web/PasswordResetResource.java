package nl.kennisagenda.backoffice.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import nl.kennisagenda.account.LoginConfig;
import nl.kennisagenda.account.PasswordResets;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.mail.MailHeaders;
import nl.kennisagenda.web.ClientAddress;
import nl.kennisagenda.web.CsrfGuard;

/**
 * "Wachtwoord vergeten?": ask for a link by e-mail address (always the same answer), then choose a new password
 * through the mailed link. Open to anonymous visitors (see application.properties); the rules live in
 * {@link PasswordResets}.
 */
@Path("/admin/password-reset")
@Produces(MediaType.TEXT_HTML)
public class PasswordResetResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance request(String csrfToken, String email, boolean invalidEmail);

        static native TemplateInstance sent();

        static native TemplateInstance throttled(long minutes);

        static native TemplateInstance choose(String csrfToken, String token, String email,
                Map<String, String> errors);

        static native TemplateInstance invalid();
    }

    @Inject
    ClientAddress clients;

    @Inject
    CsrfGuard csrf;

    @Inject
    PasswordResets resets;

    @Inject
    CurrentLocale locale;

    @Inject
    LoginConfig config;

    @GET
    @Operation(hidden = true)
    public Response requestForm() {
        return BackofficeResource.noStore(Response.ok(Templates.request(csrf.token(), "", false)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response request(MultivaluedMap<String, String> form, @Context HttpServerRequest http) {
        String email = form.getFirst("email") == null ? "" : form.getFirst("email").strip();
        if (!MailHeaders.isValidAddress(email)) {
            return BackofficeResource.noStore(Response.status(422)
                    .entity(Templates.request(csrf.token(), email, true)));
        }
        try {
            resets.request(email, clients.of(http), locale.get());
        } catch (PasswordResets.ThrottledException e) {
            return BackofficeResource.noStore(Response.status(429)
                    .entity(Templates.throttled(Math.max(1, config.window().toMinutes()))));
        }
        return BackofficeResource.noStore(Response.ok(Templates.sent()));
    }

    @GET
    @Path("{token}")
    @Operation(hidden = true)
    public Response chooseForm(@RestPath String token) {
        return resets.emailFor(token)
                .map(email -> BackofficeResource.noStore(Response.ok(
                        Templates.choose(csrf.token(), token, email, Map.of()))))
                .orElseGet(PasswordResetResource::invalidLink);
    }

    @POST
    @Path("{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response choose(@RestPath String token, MultivaluedMap<String, String> form) {
        String email = resets.emailFor(token).orElse(null);
        if (email == null) {
            return invalidLink();
        }
        String password = form.getFirst("password");
        Map<String, String> errors = new LinkedHashMap<>();
        PasswordResets.passwordProblem(password).ifPresent(problem -> errors.put("password", problem));
        if (errors.isEmpty() && !password.equals(form.getFirst("confirm"))) {
            errors.put("confirm", "mismatch");
        }
        if (!errors.isEmpty()) {
            return BackofficeResource.noStore(Response.status(422)
                    .entity(Templates.choose(csrf.token(), token, email, errors)));
        }
        try {
            resets.choosePassword(token, password);
        } catch (PasswordResets.InvalidLinkException e) {
            return invalidLink();
        }
        return Response.seeOther(URI.create("/admin/login?password-changed=1")).build();
    }

    private static Response invalidLink() {
        return BackofficeResource.noStore(Response.status(410).entity(Templates.invalid()));
    }
}
